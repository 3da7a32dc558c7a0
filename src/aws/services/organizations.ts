import { defineService } from '../service.js';

export default defineService({
  iamPrefix: 'organizations',
  packageName: '@aws-sdk/client-organizations',
  load: () => import('../sdk/organizations.generated.js'),
  makeClient: (sdk, config) => new sdk.OrganizationsClient(config),
  // One endpoint for the organization, whatever the Region.
  global: true,
  // [not in guides] AWS Organizations throttles its APIs account-wide at a low rate; ListAccounts pages are few.
  rateLimit: { perSecond: 1, burst: 2, source: { notInGuides: 'AWS Organizations "Throttling" guidance; deliberately slow' } },
});
