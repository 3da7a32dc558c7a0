// Every route table of the directory's VPC.
import ec2 from '../../aws/services/ec2.js';
import { paginate } from '../../aws/paginate.js';
import { toJson } from '../../core/json.js';
import { defineFact } from '../define.js';
import { plannedRouteTables } from '../planned/route-tables.js';
import vpc from './vpc.js';

export default defineFact({
  name: 'routeTables',
  description: "every route table of the directory's VPC",
  iamActions: ['ec2:DescribeRouteTables'],
  dependsOn: [vpc],
  planned: plannedRouteTables,
  async collect({ aws, get }) {
    const { VpcId } = await get(vpc);
    const { client, sdk } = await aws.use(ec2);
    const input = { Filters: [{ Name: 'vpc-id', Values: [VpcId!] }] };
    return toJson(await paginate(client, sdk.DescribeRouteTablesCommand, input, { items: (page) => page.RouteTables, pageSize: ['MaxResults', 100] }));
  },
});
