// The least-privilege IAM policy for a selection of checks, derived from the metadata the runner itself uses (the
// facts each check declares, their dependencies, the target lookups and each fact's IAM actions), so the policy
// cannot drift from what a run calls. test/e2e/iam-policy.test.ts proves it against moto_server with IAM enforced.
import { NAMED_READ_ONLY_ACTIONS, READ_ONLY_OPERATION } from '../aws/read-only.js';
import { iamActionsFor } from '../facts/define.js';
import { factsNeeded } from './analyze.js';
import { lookupsFor } from './registry.js';
import type { AnyCheck } from './types.js';

export interface IamPolicyDocument {
  Version: '2012-10-17';
  Statement: { Sid: string; Effect: 'Allow'; Action: string[]; Resource: '*' }[];
}

/** Every IAM action a run of `checks` may call (its facts and the lookups of its targets, found among `all`), sorted. */
export function iamActionsForChecks(checks: readonly AnyCheck[], all: readonly AnyCheck[]): string[] {
  return iamActionsFor([...factsNeeded(checks), ...lookupsFor(checks, all)]);
}

export function iamPolicyFor(checks: readonly AnyCheck[], all: readonly AnyCheck[]): IamPolicyDocument {
  return iamPolicyOf(iamActionsForChecks(checks, all));
}

/** The policy granting `actions` (sorted), which must all be reads. */
export function iamPolicyOf(actions: string[]): IamPolicyDocument {
  const mutating = actions.filter(
    (action) => !READ_ONLY_OPERATION.test(action.split(':')[1] ?? '') && !NAMED_READ_ONLY_ACTIONS.has(action),
  );
  // The read-only middleware would refuse these calls anyway; a policy granting them would be a wsdoctor bug.
  if (mutating.length > 0) throw new Error(`a fact declares non-read IAM actions: ${mutating.join(', ')}`);
  // EC2's Describe* actions support no resource-level permissions, and the resources a target refers to are only
  // known at run time, so Resource is "*": the least privilege lies in the action list.
  return {
    Version: '2012-10-17',
    Statement: [{ Sid: 'WsdoctorReadOnly', Effect: 'Allow', Action: actions, Resource: '*' }],
  };
}
