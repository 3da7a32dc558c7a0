import { createRequire } from 'node:module';
import { defineService } from '../service.js';

const require = createRequire(import.meta.url);

export default defineService({
  iamPrefix: 'ds',
  packageName: '@aws-sdk/client-directory-service',
  load: () => require('@aws-sdk/client-directory-service') as typeof import('@aws-sdk/client-directory-service'),
  makeClient: (sdk, config) => new sdk.DirectoryServiceClient(config),
  // [not in guides] Directory Service publishes no rate; WorkSpaces' own 2/s plus headroom is a safe pace for the
  // handful of calls a run makes.
  rateLimit: { perSecond: 5, burst: 10, source: { notInGuides: 'no published rate; a conservative default' } },
});
