// The account's quota of network interfaces in the Region (Amazon VPC, "Network interfaces per Region",
// L-DF5E4CA3 [not in guides: Service Quotas]): the applied value, else the AWS default.
import serviceQuotas from '../../aws/services/service-quotas.js';
import { defineFact } from '../define.js';

export const ENI_QUOTA = { serviceCode: 'vpc', quotaCode: 'L-DF5E4CA3', name: 'Network interfaces per Region' } as const;

const noApplied = (error: unknown) => (error as { name?: string }).name === 'NoSuchResourceException';

export default defineFact({
  name: 'networkInterfaceQuota',
  description: 'the account\'s "Network interfaces per Region" quota (Service Quotas, vpc L-DF5E4CA3)',
  iamActions: ['servicequotas:GetServiceQuota', 'servicequotas:GetAWSDefaultServiceQuota'],
  dependsOn: [],
  async collect({ aws }) {
    const { client, sdk } = await aws.use(serviceQuotas);
    const input = { ServiceCode: ENI_QUOTA.serviceCode, QuotaCode: ENI_QUOTA.quotaCode };
    try {
      const { Quota } = await client.send(new sdk.GetServiceQuotaCommand(input));
      if (typeof Quota?.Value === 'number') return { value: Quota.Value, applied: true };
    } catch (error) {
      if (!noApplied(error)) throw error;
    }
    const { Quota } = await client.send(new sdk.GetAWSDefaultServiceQuotaCommand(input));
    if (typeof Quota?.Value !== 'number') throw new Error('Service Quotas returned no value for the network interface quota');
    return { value: Quota.Value, applied: false };
  },
});
