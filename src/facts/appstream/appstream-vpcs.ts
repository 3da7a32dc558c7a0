// The VPCs of the AppStream subnets: their CIDRs and DHCP option sets.
import ec2 from '../../aws/services/ec2.js';
import { paginate } from '../../aws/paginate.js';
import { toJson } from '../../core/json.js';
import { defineFact } from '../define.js';
import { plannedAppstreamVpcs } from '../planned/appstream-vpcs.js';
import appstreamSubnets from './appstream-subnets.js';

export default defineFact({
  name: 'appstreamVpcs',
  description: "the VPCs of the image builder's and the fleets' subnets",
  iamActions: ['ec2:DescribeVpcs'],
  dependsOn: [appstreamSubnets],
  planned: plannedAppstreamVpcs,
  async collect({ aws, get }) {
    const ids = [...new Set((await get(appstreamSubnets)).map((s) => s.VpcId).filter((id): id is string => !!id))];
    if (ids.length === 0) return [];
    const { client, sdk } = await aws.use(ec2);
    const input = { Filters: [{ Name: 'vpc-id', Values: ids }] };
    return toJson(await paginate(client, sdk.DescribeVpcsCommand, input, { items: (page) => page.Vpcs, pageSize: ['MaxResults', 1000] }));
  },
});
