// Other AWS accounts in the emulator. moto keeps accounts apart by the credentials a request is signed with: those
// of a role assumed in account N act in account N (moto's STS issues them without checking the role, unless IAM
// enforcement is on). Seeding uses them; wsdoctor, under test, enters accounts with its own AssumeRole.
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { CreateRoleCommand, IAMClient, PutRolePolicyCommand } from '@aws-sdk/client-iam';
import { sdkConfig, type TestCredentials } from './seed.js';

/** Credentials that act in `account` (a role assumed there by the default test identity). */
export async function accountCredentials(endpoint: string, account: string): Promise<TestCredentials> {
  const sts = new STSClient(sdkConfig(endpoint, 'us-east-1'));
  const { Credentials } = await sts.send(
    new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${account}:role/seeder`, RoleSessionName: 'seeder' }),
  );
  sts.destroy();
  return { accessKeyId: Credentials!.AccessKeyId!, secretAccessKey: Credentials!.SecretAccessKey!, sessionToken: Credentials!.SessionToken! };
}

/** A role in the account of `credentials`, with this trust policy and, inline, this permissions policy. */
export async function createRole(
  endpoint: string,
  credentials: TestCredentials | undefined,
  roleName: string,
  trustPolicy: unknown,
  permissions: unknown,
): Promise<void> {
  const iam = new IAMClient(sdkConfig(endpoint, 'us-east-1', credentials));
  await iam.send(new CreateRoleCommand({ RoleName: roleName, AssumeRolePolicyDocument: JSON.stringify(trustPolicy) }));
  await iam.send(new PutRolePolicyCommand({ RoleName: roleName, PolicyName: 'wsdoctor', PolicyDocument: JSON.stringify(permissions) }));
  iam.destroy();
}
