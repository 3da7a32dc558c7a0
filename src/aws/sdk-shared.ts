// The SDK pieces every client of a run shares: the HTTP handler, the default credential chain, the config parser
// and the schema reader. Imported by name
// here (not as whole packages), so the bundle keeps only these of @aws-sdk/credential-providers, and loads them as
// one chunk on the first AWS call (clients.ts imports this module dynamically; `--help` never reaches it).
export { fromNodeProviderChain } from '@aws-sdk/credential-providers';
export { NodeHttpHandler } from '@smithy/node-http-handler';
// The shared config parser (profile-secrets.ts) and the SDK's schemas (replies.ts: what an operation's answer holds).
export { getSSOTokenFromFile, parseKnownFiles } from '@smithy/core/config';
export { NormalizedSchema } from '@smithy/core/schema';
