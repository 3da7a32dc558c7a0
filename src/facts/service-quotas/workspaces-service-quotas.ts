// The account's Amazon WorkSpaces quotas in the Region, as Service Quotas reports them (applied values, which
// include raised ones). [not in guides] The guides give only the defaults and a limits form to raise them.
import serviceQuotas from '../../aws/services/service-quotas.js';
import { paginate } from '../../aws/paginate.js';
import { toJson } from '../../core/json.js';
import { defineFact } from '../define.js';

export default defineFact({
  name: 'workspacesServiceQuotas',
  description: "the account's Amazon WorkSpaces quotas in the Region, as Service Quotas reports them",
  iamActions: ['servicequotas:ListServiceQuotas'],
  dependsOn: [],
  async collect({ aws }) {
    const { client, sdk } = await aws.use(serviceQuotas);
    // 100: the most ListServiceQuotas returns a page.
    const quotas = await paginate(client, sdk.ListServiceQuotasCommand, { ServiceCode: 'workspaces' }, { items: (page) => page.Quotas, pageSize: ['MaxResults', 100] });
    return toJson(quotas.map(({ QuotaCode, QuotaName, Value, Adjustable, GlobalQuota, Unit }) => ({ QuotaCode, QuotaName, Value, Adjustable, GlobalQuota, Unit })));
  },
});
