// The account's WorkSpaces Applications (AppStream 2.0) quotas in the Region, from Service Quotas (service code
// appstream2 [not in guides: the Service Quotas console and the AppStream Administration Guide's "Service Quotas"
// page]): the applied values where Service Quotas has them, the AWS defaults for the rest.
import serviceQuotas from '../../aws/services/service-quotas.js';
import { paginate } from '../../aws/paginate.js';
import { defineFact } from '../define.js';

export const APPSTREAM_SERVICE_CODE = 'appstream2';

export interface QuotaValue {
  quotaCode: string;
  quotaName: string;
  value: number;
  /** The account's applied value (false: only the AWS default was available). */
  applied: boolean;
}

export default defineFact({
  name: 'appstreamQuotas',
  description: 'the account\'s WorkSpaces Applications quotas in the Region (Service Quotas, code "appstream2")',
  iamActions: ['servicequotas:ListServiceQuotas', 'servicequotas:ListAWSDefaultServiceQuotas'],
  dependsOn: [],
  async collect({ aws }): Promise<QuotaValue[]> {
    const { client, sdk } = await aws.use(serviceQuotas);
    const input = { ServiceCode: APPSTREAM_SERVICE_CODE };
    const shape = { items: (page: { Quotas?: import('@aws-sdk/client-service-quotas').ServiceQuota[] }) => page.Quotas, pageSize: ['MaxResults', 100] as const };
    // "If the applied quota value is not available for a quota, the quota is not retrieved": defaults fill the gaps.
    const [applied, defaults] = await Promise.allSettled([
      paginate(client, sdk.ListServiceQuotasCommand, input, shape),
      paginate(client, sdk.ListAWSDefaultServiceQuotasCommand, input, shape),
    ]);
    if (applied.status === 'rejected' && defaults.status === 'rejected') throw applied.reason;
    const byCode = new Map<string, QuotaValue>();
    const add = (quotas: import('@aws-sdk/client-service-quotas').ServiceQuota[], isApplied: boolean) => {
      for (const q of quotas) {
        if (!q.QuotaCode || typeof q.Value !== 'number' || byCode.get(q.QuotaCode)?.applied) continue;
        byCode.set(q.QuotaCode, { quotaCode: q.QuotaCode, quotaName: q.QuotaName ?? q.QuotaCode, value: q.Value, applied: isApplied });
      }
    };
    if (applied.status === 'fulfilled') add(applied.value, true);
    if (defaults.status === 'fulfilled') add(defaults.value, false);
    return [...byCode.values()];
  },
});
