import { defineService } from '../service.js';

export default defineService({
  iamPrefix: 'iam',
  packageName: '@aws-sdk/client-iam',
  load: () => import('../sdk/iam.generated.js'),
  // IAM is global: the client's Region only picks the partition's endpoint.
  makeClient: (sdk, config) => new sdk.IAMClient(config),
  // IAM is one endpoint for the account: paced, and its reads shared, once per account in a fleet-wide run.
  global: true,
  // [not in guides] IAM publishes no per-call rate for reads; its read quotas are shared account-wide, so a run's
  // handful of calls keeps to the same modest pace as Directory Service.
  rateLimit: { perSecond: 5, burst: 10, source: { notInGuides: 'no published rate; a conservative default' } },
  // SimulatePrincipalPolicy evaluates policies and changes nothing (see NAMED_READ_ONLY_ACTIONS).
  readOnlyOperations: ['SimulatePrincipalPolicy'],
});
