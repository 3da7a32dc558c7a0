import { defineService } from '../service.js';

export default defineService({
  iamPrefix: 'kms',
  packageName: '@aws-sdk/client-kms',
  load: () => import('../sdk/kms.generated.js'),
  makeClient: (sdk, config) => new sdk.KMSClient(config),
  // [not in guides] The KMS developer guide ("Request quotas") allows thousands of DescribeKey calls a second per
  // account and Region; a run describes a few keys, so a modest pace leaves the quota to the account's own users.
  rateLimit: { perSecond: 10, burst: 20, source: { notInGuides: 'KMS Developer Guide, "Request quotas"; a modest share of them' } },
});
