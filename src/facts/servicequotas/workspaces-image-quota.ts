// The account's quota of WorkSpaces images in the Region, from Service Quotas (ListServiceQuotas for the workspaces
// service, the quota whose name speaks of images) [not in guides]. The guides give a default (20, or 40 in the newer
// custom-image guide): ws-image-quota falls back to it, and says so, when this cannot be read or names no such quota.
import serviceQuotas from '../../aws/services/service-quotas.js';
import { paginate } from '../../aws/paginate.js';
import { defineFact } from '../define.js';

export default defineFact({
  name: 'workspacesImageQuota',
  description: "the account's quota of WorkSpaces images in the Region, from Service Quotas",
  iamActions: ['servicequotas:ListServiceQuotas'],
  dependsOn: [],
  async collect({ aws }) {
    const { client, sdk } = await aws.use(serviceQuotas);
    const quotas = await paginate(client, sdk.ListServiceQuotasCommand, { ServiceCode: 'workspaces' }, {
      items: (page) => page.Quotas,
      pageSize: ['MaxResults', 100],
    });
    const images = quotas.find((q) => /\bimages?\b/i.test(q.QuotaName ?? '') && typeof q.Value === 'number');
    return images ? { QuotaName: images.QuotaName, QuotaCode: images.QuotaCode, Value: images.Value } : {};
  },
});
