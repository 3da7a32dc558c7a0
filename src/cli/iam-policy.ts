// `wsdoctor iam-policy`: the least-privilege policy for the selected checks, printed as IAM policy JSON.
// Loads no SDK client: the policy comes from check and fact metadata alone.
import { UsageError } from '../core/errors.js';
import { SCOPES, type Scope } from '../core/scopes.js';
import { iamPolicyFor } from '../engine/iam-policy.js';
import { selectSome } from '../engine/registry.js';
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
  const checks = selectSome(CHECKS, { scopes: options.scope?.length ? options.scope : SCOPES, before: 'any', ...selection });
  const policy = iamPolicyFor(checks, CHECKS);
  if (policy.Statement[0]!.Action.length === 0) {
    // IAM rejects a statement without actions: printing nothing with exit 0 would leave `> policy.json` an empty file
    // that looks written. Nothing to print is an input error, as an empty selection is.
    throw new UsageError(`the selected checks (${checks.map((c) => c.meta.id).join(', ')}) make no AWS call: they need no IAM policy`);
  }
  process.stdout.write(`${JSON.stringify(policy, null, 2)}\n`);
  return 0;
}
