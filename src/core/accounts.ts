// What a fleet-wide run is told about accounts and Regions, checked before any AWS call: account ids, the role to
// assume in each (`arn:aws:iam::{account}:role/wsdoctor-read`), the external id its trust policy may demand, and
// the Regions (`us-east-1,eu-west-2`, or `all`).
import { UsageError } from './errors.js';
import { idList, validateRegion } from './parse.js';

const ACCOUNT_ID = /^\d{12}$/;

export function isAccountId(value: string): boolean {
  return ACCOUNT_ID.test(value);
}

/** --accounts 111122223333,444455556666 (comma-separated, repeatable). */
export function accountIdList(value: string, previous: string[] = []): string[] {
  const ids = idList(value);
  const bad = ids.find((id) => !isAccountId(id));
  if (bad !== undefined || ids.length === 0) {
    throw new UsageError(`--accounts: "${bad ?? value}" is not an AWS account id (12 digits, e.g. 111122223333)`);
  }
  return [...new Set([...previous, ...ids])];
}

/** The placeholder --role-arn takes for each account's id. */
export const ACCOUNT_PLACEHOLDER = '{account}';

// arn:<partition>:iam::<account or {account}>:role/<path/>name — IAM's role name characters ([\w+=,.@-]).
const ROLE_ARN = /^arn:(aws|aws-cn|aws-us-gov|aws-iso[a-z-]*):iam::(\d{12}|\{account\}):role\/([\w+=,.@/-]{1,512})$/;

export function roleArnTemplate(value: string): string {
  const match = ROLE_ARN.exec(value);
  if (!match || match[3]!.startsWith('/') || match[3]!.endsWith('/')) {
    throw new UsageError(
      `--role-arn "${value}" is not an IAM role ARN: expected arn:aws:iam::{account}:role/<name>, with {account} where each account's id goes`,
    );
  }
  return value;
}

/** The role's ARN in one account. */
export function roleArnFor(template: string, account: string): string {
  return template.split(ACCOUNT_PLACEHOLDER).join(account);
}

/** The account a role ARN names outright (no {account} placeholder), if it does. */
export function accountOfRoleArn(arn: string): string | undefined {
  const account = ROLE_ARN.exec(arn)?.[2];
  return account && isAccountId(account) ? account : undefined;
}

// STS: "The regex used to validate this parameter is a string of characters consisting of upper- and lower-case
// alphanumeric characters with no spaces. You can also include underscores or any of the following characters:
// =,.@:/-", 2 to 1224 characters (STS API reference, AssumeRole, ExternalId).
const EXTERNAL_ID = /^[\w+=,.@:/-]{2,1224}$/;

export function externalId(value: string): string {
  if (!EXTERNAL_ID.test(value)) {
    throw new UsageError('--external-id must be 2 to 1224 letters, digits or _+=,.@:/- (no spaces)');
  }
  return value;
}

/** --region for a fleet-wide run: a comma-separated list of Regions, or `all` (the account's enabled Regions). */
export type RegionChoice = { all: true } | { all: false; regions: string[] };

export function regionChoice(value: string, from = '--region'): RegionChoice {
  const names = idList(value);
  if (names.length === 1 && names[0] === 'all') return { all: true };
  if (names.length === 0) throw new UsageError(`${from} names no Region`);
  if (names.includes('all')) throw new UsageError(`${from}: "all" stands alone (it means every Region the account has enabled)`);
  return { all: false, regions: [...new Set(names.map((name) => validateRegion(name, from)))] };
}
