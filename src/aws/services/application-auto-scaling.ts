import { defineService } from '../service.js';

// Application Auto Scaling: where a WorkSpaces Applications fleet's scaling bounds live (the fleet's MaxCapacity is
// a scalable target of the "appstream" namespace, not a field of DescribeFleets).
export default defineService({
  iamPrefix: 'application-autoscaling',
  packageName: '@aws-sdk/client-application-auto-scaling',
  load: () => import('../sdk/application-auto-scaling.generated.js'),
  makeClient: (sdk, config) => new sdk.ApplicationAutoScalingClient(config),
  // [not in guides] Application Auto Scaling publishes no rate for its reads; as for Directory Service.
  rateLimit: { perSecond: 5, burst: 10, source: { notInGuides: 'no published rate; a conservative default' } },
});
