import { defineService } from '../service.js';

export default defineService({
  iamPrefix: 'cloudtrail',
  packageName: '@aws-sdk/client-cloudtrail',
  load: () => import('../sdk/cloudtrail.generated.js'),
  makeClient: (sdk, config) => new sdk.CloudTrailClient(config),
  // [not in guides] The CloudTrail API reference limits LookupEvents to two requests a second per account and Region.
  rateLimit: { perSecond: 2, burst: 2, source: { notInGuides: 'CloudTrail API reference, LookupEvents: 2 requests per second' } },
  // LookupEvents reads the event history and changes nothing (see NAMED_READ_ONLY_ACTIONS).
  readOnlyOperations: ['LookupEvents'],
});
