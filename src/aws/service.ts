// An AWS service wsdoctor reads is one file under src/aws/services/: its SDK package (the client and the commands
// wsdoctor sends, loaded only when a fact first uses it), how to make its client, its IAM prefix, the pace its calls keep, and any read-only operation whose name
// does not start with Describe, List or Get. AwsClients (clients.ts) gives every client the same read-only guard,
// pacing, stop signal and call tracking.
import type { RateLimit } from './rate-limit.js';

/** What every client is made with (clients.ts fills it in). */
export interface ClientConfig {
  region: string;
  [setting: string]: unknown;
}

export interface ServiceDefinition<Sdk = unknown, Client = unknown> {
  /** The IAM prefix of its actions ("ec2"); runs pace, cache and name calls by it. */
  iamPrefix: string;
  /** The npm package, e.g. "@aws-sdk/client-ec2". */
  packageName: string;
  /**
   * Loads the client and its commands: a dynamic import of the literal `../sdk/<this file's name>.generated.js`,
   * which the bundler follows, so the shipped CLI carries the client as its own chunk, loaded on first use
   * (scripts/bundle.mjs; bench/RESULTS.md). scripts/generate.mjs writes that module from the code: the client class
   * named here and every `sdk.XCommand` in a file that takes `sdk` from `aws.use(<this service>)`, and nothing else
   * of the package, so the bundle drops the commands wsdoctor never sends. Generated rather than written by hand so a
   * new fact stays one new file; and since the module is the type of `sdk`, a command reached where the scan cannot
   * see it fails `npm run typecheck`, never a run.
   */
  load(): Sdk | Promise<Sdk>;
  makeClient(sdk: Sdk, config: ClientConfig): Client;
  rateLimit: RateLimit;
  /** One endpoint answers for every Region (IAM, Organizations): paced, and its reads shared, once per account. */
  global?: boolean;
  /** Operations that only read although their names do not say so, each allowed by name (issue: read-only). */
  readOnlyOperations?: readonly string[];
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyService = ServiceDefinition<any, any>;

export function defineService<Sdk, Client>(service: ServiceDefinition<Sdk, Client>): ServiceDefinition<Sdk, Client> {
  return service;
}
