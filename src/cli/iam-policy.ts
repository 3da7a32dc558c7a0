// `wsdoctor iam-policy`: the least-privilege policy for the selected checks, printed as IAM policy JSON.
// Loads no SDK client: the policy comes from check and fact metadata alone, and no check module either: each check's
// IAM actions are in the metadata written at build (check-metadata.ts). `--all` loads the registry.
import { UsageError } from '../core/errors.js';
import { SCOPES, withScopesTogether, type Scope } from '../core/scopes.js';
import { iamPolicyOf } from '../engine/iam-policy.js';
import { selectSome } from '../engine/selection.js';
import type { Severity } from '../engine/types.js';
import { iamActionsOf } from './check-metadata.js';
import { CHECK_METADATA } from './check-metadata.generated.js';

export interface IamPolicyCommandOptions {
  scope?: Scope[];
  only?: string[];
  skip?: string[];
  tag?: string[];
  severity?: Severity[];
  /** The policies of a fleet-wide run: the role's read and trust policies, and the caller's. */
  all?: boolean;
  roleArn?: string;
  externalId?: string;
  principal?: string;
}

export async function runIamPolicyCommand(options: IamPolicyCommandOptions): Promise<number> {
  if (options.all) return printFleetPolicies(options);
  const stray = (['roleArn', 'externalId', 'principal'] as const).find((key) => options[key] !== undefined);
  if (stray) throw new UsageError(`--${stray.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} goes with --all (the policies of a fleet-wide run)`);
  const selection = { only: options.only, skip: options.skip, tags: options.tag, severities: options.severity };
  // --scope directory is what `check --directory` runs: its WorkSpaces' checks come with it (SCOPES_TOGETHER).
  const scopes = options.scope?.length ? withScopesTogether(options.scope) : SCOPES;
  const checks = selectSome(CHECK_METADATA, { scopes, before: 'any', ...selection });
  const policy = iamPolicyOf(iamActionsOf(checks));
  if (policy.Statement[0]!.Action.length === 0) {
    // IAM rejects a statement without actions: printing nothing with exit 0 would leave `> policy.json` an empty file
    // that looks written. Nothing to print is an input error, as an empty selection is.
    throw new UsageError(`the selected checks (${checks.map((c) => c.meta.id).join(', ')}) make no AWS call: they need no IAM policy`);
  }
  process.stdout.write(`${JSON.stringify(policy, null, 2)}\n`);
  return 0;
}

/**
 * `iam-policy --all`: one JSON object holding the three policies a fleet-wide run needs (fleet-iam-policy.ts), and a
 * note on stderr saying where each goes. Loads no SDK: the discoverers' files name their actions.
 */
async function printFleetPolicies(options: IamPolicyCommandOptions): Promise<number> {
  const { DISCOVERERS } = await import('../discover/targets/index.generated.js');
  const { CHECKS } = await import('./registry.js');
  const { fleetPolicies, DEFAULT_ROLE_NAME, PRINCIPAL_PLACEHOLDER } = await import('../engine/fleet-iam-policy.js');
  const listed = DISCOVERERS.filter((d) => !options.scope?.length || options.scope.includes(d.scope));
  if (listed.length === 0) {
    throw new UsageError(`--scope ${options.scope!.join(',')}: --all lists ${DISCOVERERS.map((d) => d.scope).join(', ')}`);
  }
  const selection = { only: options.only, skip: options.skip, tags: options.tag, severities: options.severity };
  const checks = selectSome(CHECKS, { scopes: withScopesTogether(listed.map((d) => d.scope)), before: 'any', ...selection });
  const policies = fleetPolicies({
    checks,
    all: CHECKS,
    listActions: listed.flatMap((d) => d.iamActions),
    ...(options.roleArn ? { roleArn: options.roleArn } : {}),
    ...(options.externalId ? { externalId: options.externalId } : {}),
    ...(options.principal ? { principal: options.principal } : {}),
  });
  process.stdout.write(`${JSON.stringify(policies, null, 2)}\n`);
  const notes = [
    `readPolicy: attach it to the role ${options.roleArn ? 'of --role-arn' : DEFAULT_ROLE_NAME} in every account to check (without --role-arn, to the identity wsdoctor runs as)`,
    'trustPolicy: the trust policy of that role',
    'callerPolicy: for the identity wsdoctor runs as (organizations:ListAccounts only for --organization)',
    ...(options.principal ? [] : [`trustPolicy names ${PRINCIPAL_PLACEHOLDER}: pass --principal <account id or ARN> (who runs wsdoctor), or replace it`]),
  ];
  process.stderr.write(notes.map((note) => `wsdoctor: ${note}\n`).join(''));
  return 0;
}
