import { defineService } from '../service.js';

export default defineService({
  iamPrefix: 'ec2',
  packageName: '@aws-sdk/client-ec2',
  load: () => import('../sdk/ec2.generated.js'),
  makeClient: (sdk, config) => new sdk.EC2Client(config),
  // [not in guides] The EC2 API reference ("Request throttling") gives non-mutating actions a bucket of 100 refilled
  // at 20/s, and unfiltered, unpaginated ones 50 at 10/s; the stricter pair leaves room for the account's other
  // automation, which shares the bucket.
  rateLimit: {
    perSecond: 10,
    burst: 50,
    source: { notInGuides: 'EC2 API reference, "Request throttling" (non-mutating, unfiltered)' },
  },
});
