import { defineService } from '../service.js';

export default defineService({
  iamPrefix: 'appstream',
  packageName: '@aws-sdk/client-appstream',
  load: () => import('../sdk/appstream.generated.js'),
  makeClient: (sdk, config) => new sdk.AppStreamClient(config),
  // [not in guides] WorkSpaces Applications (AppStream 2.0) publishes no rate; as for Directory Service.
  rateLimit: { perSecond: 5, burst: 10, source: { notInGuides: 'no published rate; a conservative default' } },
});
