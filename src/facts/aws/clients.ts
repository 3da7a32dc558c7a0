// One SDK client per service for the run's Region, created on first use: importing a client costs 60–350 ms,
// so `wsdoctor --help` and `list` never reach this module's imports.
import type { EC2Client } from '@aws-sdk/client-ec2';
import type { WorkSpacesClient } from '@aws-sdk/client-workspaces';
import type { DirectoryServiceClient } from '@aws-sdk/client-directory-service';
import type { AppStreamClient } from '@aws-sdk/client-appstream';
import type { AwsCredentialIdentityProvider } from '@smithy/types';
import { guardReadOnly, type AnyClient } from './read-only.js';

export interface AwsConfig {
  region: string;
  profile?: string;
  endpoint?: string;
  /** Bound on one HTTP attempt (connect and response), in ms. */
  timeoutMs: number;
  maxAttempts: number;
  /** For tests and the IAM-policy proof: called with each action ("ec2:DescribeVpcs") as it is sent. */
  onCall?: (iamAction: string) => void;
  /** Tests inject a fake HTTP handler here to drive the real middleware (retries, error parsing). */
  requestHandler?: unknown;
  credentials?: AwsCredentialIdentityProvider;
}

export type Ec2 = { client: EC2Client; sdk: typeof import('@aws-sdk/client-ec2') };
export type WorkSpaces = { client: WorkSpacesClient; sdk: typeof import('@aws-sdk/client-workspaces') };
export type DirectoryService = {
  client: DirectoryServiceClient;
  sdk: typeof import('@aws-sdk/client-directory-service');
};
export type AppStream = { client: AppStreamClient; sdk: typeof import('@aws-sdk/client-appstream') };

export class AwsClients {
  private readonly cache = new Map<string, Promise<unknown>>();
  private credentialsProvider?: Promise<AwsCredentialIdentityProvider>;

  constructor(readonly config: AwsConfig) {}

  ec2(): Promise<Ec2> {
    return this.once('ec2', async () => {
      const sdk = await import('@aws-sdk/client-ec2');
      return { sdk, client: new sdk.EC2Client(await this.clientConfig()) };
    });
  }

  workspaces(): Promise<WorkSpaces> {
    return this.once('workspaces', async () => {
      const sdk = await import('@aws-sdk/client-workspaces');
      return { sdk, client: new sdk.WorkSpacesClient(await this.clientConfig()) };
    });
  }

  ds(): Promise<DirectoryService> {
    return this.once('ds', async () => {
      const sdk = await import('@aws-sdk/client-directory-service');
      return { sdk, client: new sdk.DirectoryServiceClient(await this.clientConfig()) };
    });
  }

  appstream(): Promise<AppStream> {
    return this.once('appstream', async () => {
      const sdk = await import('@aws-sdk/client-appstream');
      return { sdk, client: new sdk.AppStreamClient(await this.clientConfig()) };
    });
  }

  /** The credential provider every client shares, so credentials are resolved once per run. */
  credentials(): Promise<AwsCredentialIdentityProvider> {
    this.credentialsProvider ??= (async () => {
      if (this.config.credentials) return this.config.credentials;
      const { fromNodeProviderChain } = await import('@aws-sdk/credential-providers');
      // The SDK's default chain (env, SSO, ini, process, web identity, container, IMDS); `profile` selects a
      // profile, SSO ones included. Cached so every client and every call reuse one resolution.
      const provider = fromNodeProviderChain({
        ...(this.config.profile ? { profile: this.config.profile } : {}),
        clientConfig: { region: this.config.region },
      });
      let cached: ReturnType<typeof provider> | undefined;
      return () => (cached ??= provider());
    })();
    return this.credentialsProvider;
  }

  private once<T>(key: string, make: () => Promise<T>): Promise<T> {
    let client = this.cache.get(key) as Promise<T> | undefined;
    if (!client) {
      client = make().then((made) => {
        guardReadOnly((made as { client: AnyClient }).client, this.config.onCall);
        return made;
      });
      this.cache.set(key, client);
    }
    return client;
  }

  private async clientConfig() {
    const { NodeHttpHandler } = await import('@smithy/node-http-handler');
    const requestHandler =
      this.config.requestHandler ??
      new NodeHttpHandler({
        connectionTimeout: this.config.timeoutMs,
        requestTimeout: this.config.timeoutMs,
      });
    return {
      region: this.config.region,
      credentials: await this.credentials(),
      // Adaptive mode adds a client-side rate limiter that backs off when the service throttles; one client per
      // service is shared by every fact so they throttle together instead of each hammering the API.
      retryMode: 'adaptive',
      maxAttempts: this.config.maxAttempts,
      requestHandler: requestHandler as never,
      ...(this.config.endpoint ? { endpoint: this.config.endpoint } : {}),
    };
  }
}
