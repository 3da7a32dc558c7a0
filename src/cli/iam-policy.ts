// `wsdoctor iam-policy`: the least-privilege policy for the selected checks, printed as IAM policy JSON.
// Loads no SDK client: the policy comes from check and fact metadata alone.
import { UsageError } from '../core/errors.js';
import { SCOPES, withScopesTogether, type Scope } from '../core/scopes.js';
import { iamPolicyFor } from '../engine/iam-policy.js';
import { describeSelection, selectChecks } from '../engine/registry.js';
import type { Severity } from '../engine/types.js';
import { CHECKS } from './registry.js';

export interface IamPolicyCommandOptions {
  scope?: Scope[];
  only?: string[];
  skip?: string[];
  tag?: string[];
  severity?: Severity[];
}

export async function runIamPolicyCommand(options: IamPolicyCommandOptions): Promise<number> {
  const selection = { only: options.only, skip: options.skip, tags: options.tag, severities: options.severity };
  // --scope directory is what `check --directory` runs: its WorkSpaces' checks come with it (SCOPES_TOGETHER).
  const scopes = options.scope?.length ? withScopesTogether(options.scope) : SCOPES;
  const checks = selectChecks(CHECKS, { scopes, before: 'any', ...selection });
  if (checks.length === 0) throw new UsageError(`no check matches ${describeSelection(selection)}`);
  const policy = iamPolicyFor(checks, CHECKS);
  if (policy.Statement[0]!.Action.length === 0) {
    // IAM rejects a statement without actions; say so instead of printing a policy that cannot be created.
    process.stderr.write(`wsdoctor: the selected checks (${checks.map((c) => c.meta.id).join(', ')}) make no AWS call\n`);
    return 0;
  }
  process.stdout.write(`${JSON.stringify(policy, null, 2)}\n`);
  return 0;
}
