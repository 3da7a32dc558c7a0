// Another account's credentials, for a fleet-wide run: STS AssumeRole (read-only by name: it only issues temporary
// credentials) through the run's own guarded, paced STS client, so even this call keeps to the rules every other
// one does. The role's session is an hour; AwsClients resolves the provider again before it expires.
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
import { FactError, toFactFailure, type FactFailure } from '../core/failure.js';
import type { AwsClients } from './clients.js';
import sts from './services/sts.js';

/** How the role's sessions are named in the account's CloudTrail: whoever reads it sees what assumed the role. */
export const ROLE_SESSION_NAME = 'wsdoctor';

export interface RoleToAssume {
  roleArn: string;
  account: string;
  externalId?: string;
}

/** Credentials for the role, through `caller`'s STS client. Each call of the provider assumes the role anew. */
export function assumedRoleCredentials(caller: AwsClients, role: RoleToAssume): AwsCredentialIdentityProvider {
  return async (): Promise<AwsCredentialIdentity> => {
    const { client, sdk } = await caller.use(sts);
    try {
      const out = await client.send(
        new sdk.AssumeRoleCommand({
          RoleArn: role.roleArn,
          RoleSessionName: ROLE_SESSION_NAME,
          ...(role.externalId ? { ExternalId: role.externalId } : {}),
        }),
      );
      const c = out.Credentials;
      if (!c?.AccessKeyId || !c.SecretAccessKey) {
        throw new FactError({ kind: 'error', message: `sts:AssumeRole answered without credentials for ${role.roleArn}` });
      }
      return {
        accessKeyId: c.AccessKeyId,
        secretAccessKey: c.SecretAccessKey,
        ...(c.SessionToken ? { sessionToken: c.SessionToken } : {}),
        ...(c.Expiration ? { expiration: new Date(c.Expiration) } : {}),
      };
    } catch (error) {
      throw new FactError(couldNotAssume(role, error));
    }
  };
}

/** Why the role could not be assumed, in words that say what to fix. */
export function couldNotAssume(role: RoleToAssume, error: unknown): FactFailure {
  const failure = toFactFailure(error);
  if (error instanceof FactError && failure.message.startsWith('sts:AssumeRole answered')) return failure;
  const what = `could not assume ${role.roleArn}`;
  if (failure.kind === 'denied') {
    return {
      ...failure,
      iamAction: 'sts:AssumeRole',
      message:
        `${what}: access denied — the role does not exist in account ${role.account}, its trust policy does not trust ` +
        `this caller${role.externalId ? ' with this --external-id' : ' (or demands an --external-id)'}, or the caller ` +
        'may not call sts:AssumeRole on it (`wsdoctor iam-policy --all` prints both policies)',
    };
  }
  return { ...failure, message: `${what}: ${failure.message}` };
}
