// The policies a fleet-wide run needs (`wsdoctor iam-policy --all`), from the same metadata the run uses:
//   - readPolicy: for the role in each account (or the caller, without --role-arn): every action the selected checks'
//     facts and lookups take, the listing of each kind of target, and ec2:DescribeRegions for `--region all`;
//   - trustPolicy: the role's trust policy: who may assume it (the identity wsdoctor runs as, or its account), and
//     the external id when one is used;
//   - callerPolicy: for the identity wsdoctor runs as: sts:AssumeRole on the role in every account, and
//     organizations:ListAccounts for --organization.
import { ACCOUNT_PLACEHOLDER, isAccountId } from '../core/accounts.js';
import { NAMED_READ_ONLY_ACTIONS, READ_ONLY_OPERATION } from '../aws/read-only.js';
import { iamActionsForChecks, type IamPolicyDocument } from './iam-policy.js';
import type { AnyCheck } from './types.js';

/** What `--region all` asks each account. */
export const LIST_REGIONS_ACTION = 'ec2:DescribeRegions';
/** What `--organization` asks the caller's organization. */
export const LIST_ACCOUNTS_ACTION = 'organizations:ListAccounts';
/** The role name the policies use when no --role-arn is given. */
export const DEFAULT_ROLE_NAME = 'wsdoctor-read';
/** Stands for the identity wsdoctor runs as until --principal names it: IAM refuses it, so it cannot be applied as is. */
export const PRINCIPAL_PLACEHOLDER = 'arn:aws:iam::RUNNER_ACCOUNT_ID:root';

export interface FleetPolicies {
  readPolicy: IamPolicyDocument;
  trustPolicy: {
    Version: '2012-10-17';
    Statement: { Sid: string; Effect: 'Allow'; Principal: { AWS: string }; Action: 'sts:AssumeRole'; Condition?: { StringEquals: Record<string, string> } }[];
  };
  callerPolicy: { Version: '2012-10-17'; Statement: { Sid: string; Effect: 'Allow'; Action: string[]; Resource: string | string[] }[] };
}

export interface FleetPolicyInputs {
  /** The selected checks, and all of them (for the lookups of their targets). */
  checks: readonly AnyCheck[];
  all: readonly AnyCheck[];
  /** What listing each kind of target takes. */
  listActions: readonly string[];
  /** --role-arn, with {account}; default arn:aws:iam::{account}:role/wsdoctor-read. */
  roleArn?: string;
  externalId?: string;
  /** Who runs wsdoctor: an account id (its root: any identity of the account its own policies allow) or an ARN. */
  principal?: string;
}

export function fleetPolicies(inputs: FleetPolicyInputs): FleetPolicies {
  const actions = [...new Set([...iamActionsForChecks(inputs.checks, inputs.all), ...inputs.listActions, LIST_REGIONS_ACTION])].sort();
  const mutating = actions.filter((a) => !READ_ONLY_OPERATION.test(a.split(':')[1] ?? '') && !NAMED_READ_ONLY_ACTIONS.has(a));
  if (mutating.length > 0) throw new Error(`a fact or discoverer declares non-read IAM actions: ${mutating.join(', ')}`);
  const roleArn = inputs.roleArn ?? `arn:aws:iam::${ACCOUNT_PLACEHOLDER}:role/${DEFAULT_ROLE_NAME}`;
  const partition = /^arn:([^:]+):/.exec(roleArn)?.[1] ?? 'aws';
  const principal = inputs.principal
    ? isAccountId(inputs.principal)
      ? `arn:${partition}:iam::${inputs.principal}:root`
      : inputs.principal
    : PRINCIPAL_PLACEHOLDER;
  return {
    readPolicy: { Version: '2012-10-17', Statement: [{ Sid: 'WsdoctorReadOnly', Effect: 'Allow', Action: actions, Resource: '*' }] },
    trustPolicy: {
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'WsdoctorAssumeRole',
          Effect: 'Allow',
          Principal: { AWS: principal },
          Action: 'sts:AssumeRole',
          ...(inputs.externalId ? { Condition: { StringEquals: { 'sts:ExternalId': inputs.externalId } } } : {}),
        },
      ],
    },
    callerPolicy: {
      Version: '2012-10-17',
      Statement: [
        // Every account's role: the account id is the only part that varies.
        { Sid: 'WsdoctorAssumeReadRole', Effect: 'Allow', Action: ['sts:AssumeRole'], Resource: roleArn.split(ACCOUNT_PLACEHOLDER).join('*') },
        // Only with --organization, from the management account or a delegated administrator.
        { Sid: 'WsdoctorListAccounts', Effect: 'Allow', Action: [LIST_ACCOUNTS_ACTION], Resource: '*' },
      ],
    },
  };
}
