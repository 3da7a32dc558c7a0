// IAM in the emulator: users whose only permissions are a given policy, and moto's IAM enforcement switched on
// and off (POST /moto-api/reset-auth: "0" checks every later request, "inf" none). Write calls live only here.
import { CreateAccessKeyCommand, CreateUserCommand, IAMClient, PutUserPolicyCommand } from '@aws-sdk/client-iam';
import { sdkConfig } from './seed.js';

export interface AccessKey {
  accessKeyId: string;
  secretAccessKey: string;
}

export async function userWithOnlyPolicy(endpoint: string, userName: string, policy: unknown): Promise<AccessKey> {
  const iam = new IAMClient(sdkConfig(endpoint, 'us-east-1'));
  await iam.send(new CreateUserCommand({ UserName: userName }));
  await iam.send(
    new PutUserPolicyCommand({ UserName: userName, PolicyName: 'only', PolicyDocument: JSON.stringify(policy) }),
  );
  const { AccessKey } = await iam.send(new CreateAccessKeyCommand({ UserName: userName }));
  return { accessKeyId: AccessKey!.AccessKeyId!, secretAccessKey: AccessKey!.SecretAccessKey! };
}

/** Runs `body` with moto checking every request's signature and IAM permissions, then switches it off again. */
export async function withIamEnforced<T>(endpoint: string, body: () => Promise<T>): Promise<T> {
  await resetAuth(endpoint, '0');
  try {
    return await body();
  } finally {
    await resetAuth(endpoint, 'inf');
  }
}

async function resetAuth(endpoint: string, count: string): Promise<void> {
  const response = await fetch(`${endpoint}/moto-api/reset-auth`, {
    method: 'POST',
    headers: { 'content-type': 'text/plain' },
    body: count,
  });
  if (!response.ok) throw new Error(`moto reset-auth ${count}: HTTP ${response.status}`);
}
