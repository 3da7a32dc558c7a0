import { defineService } from '../service.js';

export default defineService({
  iamPrefix: 'ds',
  packageName: '@aws-sdk/client-directory-service',
  load: () => import('../sdk/directory-service.generated.js'),
  makeClient: (sdk, config) => new sdk.DirectoryServiceClient(config),
  // [not in guides] Directory Service publishes no rate; WorkSpaces' own 2/s plus headroom is a safe pace for the
  // handful of calls a run makes.
  rateLimit: { perSecond: 5, burst: 10, source: { notInGuides: 'no published rate; a conservative default' } },
});
