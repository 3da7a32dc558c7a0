import { defineService } from '../service.js';

export default defineService({
  iamPrefix: 'cloudwatch',
  packageName: '@aws-sdk/client-cloudwatch',
  load: () => import('../sdk/cloudwatch.generated.js'),
  makeClient: (sdk, config) => new sdk.CloudWatchClient(config),
  // [not in guides] CloudWatch's service quotas give GetMetricData 50 transactions a second by default (each up to
  // 500 metrics); a run batches its metrics, so a fifth of that is plenty.
  rateLimit: { perSecond: 10, burst: 20, source: { notInGuides: 'CloudWatch service quotas: GetMetricData 50 TPS; a fifth of it' } },
});
