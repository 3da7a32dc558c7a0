import { createRequire } from 'node:module';
import { defineService } from '../service.js';

const require = createRequire(import.meta.url);

export default defineService({
  iamPrefix: 'organizations',
  packageName: '@aws-sdk/client-organizations',
  load: () => require('@aws-sdk/client-organizations') as typeof import('@aws-sdk/client-organizations'),
  makeClient: (sdk, config) => new sdk.OrganizationsClient(config),
  // One endpoint for the organization, whatever the Region.
  global: true,
  // [not in guides] AWS Organizations throttles its APIs account-wide at a low rate; ListAccounts pages are few.
  rateLimit: { perSecond: 1, burst: 2, source: { notInGuides: 'AWS Organizations "Throttling" guidance; deliberately slow' } },
});
