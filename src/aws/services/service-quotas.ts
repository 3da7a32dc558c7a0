import { defineService } from '../service.js';

export default defineService({
  iamPrefix: 'servicequotas',
  packageName: '@aws-sdk/client-service-quotas',
  load: () => import('../sdk/service-quotas.generated.js'),
  makeClient: (sdk, config) => new sdk.ServiceQuotasClient(config),
  // [not in guides] Service Quotas publishes no rate for its reads; as for Directory Service.
  rateLimit: { perSecond: 5, burst: 10, source: { notInGuides: 'no published rate; a conservative default' } },
});
