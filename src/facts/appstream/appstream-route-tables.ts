// Every route table of the AppStream VPCs: a subnet without an explicit association uses its VPC's main table.
import ec2 from '../../aws/services/ec2.js';
import { paginate } from '../../aws/paginate.js';
import { toJson } from '../../core/json.js';
import { defineFact } from '../define.js';
import { plannedAppstreamRouteTables } from '../planned/appstream-route-tables.js';
import appstreamVpcs from './appstream-vpcs.js';

export default defineFact({
  name: 'appstreamRouteTables',
  description: "every route table of the image builder's and the fleets' VPCs",
  iamActions: ['ec2:DescribeRouteTables'],
  dependsOn: [appstreamVpcs],
  planned: plannedAppstreamRouteTables,
  async collect({ aws, get }) {
    const ids = (await get(appstreamVpcs)).map((v) => v.VpcId!).filter(Boolean);
    if (ids.length === 0) return [];
    const { client, sdk } = await aws.use(ec2);
    const input = { Filters: [{ Name: 'vpc-id', Values: ids }] };
    return toJson(await paginate(client, sdk.DescribeRouteTablesCommand, input, { items: (page) => page.RouteTables, pageSize: ['MaxResults', 100] }));
  },
});
