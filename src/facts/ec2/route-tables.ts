// Every route table of the directory's VPC.
import ec2 from '../../aws/services/ec2.js';
import { paginate } from '../../aws/paginate.js';
import { requireFiltered } from '../../aws/answers.js';
import { FactError } from '../../core/failure.js';
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
    const tables = await paginate(client, sdk.DescribeRouteTablesCommand, input, { items: (page) => page.RouteTables, pageSize: ['MaxResults', 100] });
    requireFiltered('ec2:DescribeRouteTables', 'route tables', `in ${VpcId}`, tables, (t) => t.VpcId === VpcId);
    // Every VPC has a main route table, from its creation until it is deleted: an answer without one is not whole.
    if (!tables.some((t) => t.Associations?.some((a) => a.Main))) {
      throw new FactError({
        kind: 'error',
        code: 'InconsistentAnswer',
        iamAction: 'ec2:DescribeRouteTables',
        message: `ec2:DescribeRouteTables returned ${tables.length} route table${tables.length === 1 ? '' : 's'} for ${VpcId} and no main route table, which every VPC has: the answer is not whole, or not AWS's`,
      });
    }
    return toJson(tables);
  },
});
