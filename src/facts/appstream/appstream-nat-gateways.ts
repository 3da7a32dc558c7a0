// The NAT gateways of the AppStream VPCs, in every state: a route to one that failed or was deleted goes nowhere.
import ec2 from '../../aws/services/ec2.js';
import { paginate } from '../../aws/paginate.js';
import { toJson } from '../../core/json.js';
import { defineFact } from '../define.js';
import { plannedAppstreamNatGateways } from '../planned/appstream-nat-gateways.js';
import appstreamVpcs from './appstream-vpcs.js';

export default defineFact({
  name: 'appstreamNatGateways',
  description: "the NAT gateways of the image builder's and the fleets' VPCs, with their state",
  iamActions: ['ec2:DescribeNatGateways'],
  dependsOn: [appstreamVpcs],
  planned: plannedAppstreamNatGateways,
  async collect({ aws, get }) {
    const ids = (await get(appstreamVpcs)).map((v) => v.VpcId!).filter(Boolean);
    if (ids.length === 0) return [];
    const { client, sdk } = await aws.use(ec2);
    // DescribeNatGateways filters with `Filter` (singular).
    const input = { Filter: [{ Name: 'vpc-id', Values: ids }] };
    return toJson(await paginate(client, sdk.DescribeNatGatewaysCommand, input, { items: (page) => page.NatGateways, pageSize: ['MaxResults', 1000] }));
  },
});
