// The DHCP option sets of the AppStream VPCs: the domain name servers a domain-joined instance asks.
import ec2 from '../../aws/services/ec2.js';
import { paginate } from '../../aws/paginate.js';
import { toJson } from '../../core/json.js';
import { defineFact } from '../define.js';
import appstreamVpcs from './appstream-vpcs.js';

export default defineFact({
  name: 'appstreamDhcpOptions',
  description: "the DHCP option sets of the image builder's and the fleets' VPCs",
  iamActions: ['ec2:DescribeDhcpOptions'],
  dependsOn: [appstreamVpcs],
  async collect({ aws, get }) {
    const ids = [...new Set((await get(appstreamVpcs)).map((v) => v.DhcpOptionsId).filter((id): id is string => !!id && id !== 'default'))];
    if (ids.length === 0) return [];
    const { client, sdk } = await aws.use(ec2);
    const input = { Filters: [{ Name: 'dhcp-options-id', Values: ids }] };
    return toJson(await paginate(client, sdk.DescribeDhcpOptionsCommand, input, { items: (page) => page.DhcpOptions, pageSize: ['MaxResults', 1000] }));
  },
});
