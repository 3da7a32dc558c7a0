// The SDK pieces every client of a run shares: the HTTP handler and the default credential chain. Imported by name
// here (not as whole packages), so the bundle keeps only these of @aws-sdk/credential-providers, and loads them as
// one chunk on the first AWS call (clients.ts imports this module dynamically; `--help` never reaches it).
export { fromNodeProviderChain } from '@aws-sdk/credential-providers';
export { NodeHttpHandler } from '@smithy/node-http-handler';
