// Every NAT gateway of the directory's VPC, whatever its state (a failed or deleted one still answers for a route
// that names it).
import ec2 from '../../aws/services/ec2.js';
import { paginate } from '../../aws/paginate.js';
import { toJson } from '../../core/json.js';
import { defineFact } from '../define.js';
import { plannedNatGateways } from '../planned/nat-gateways.js';
import vpc from './vpc.js';

export default defineFact({
  name: 'natGateways',
  description: "every NAT gateway of the directory's VPC, with its state and subnet",
  iamActions: ['ec2:DescribeNatGateways'],
  dependsOn: [vpc],
  planned: plannedNatGateways,
  async collect({ aws, get }) {
    const { VpcId } = await get(vpc);
    const { client, sdk } = await aws.use(ec2);
    // DescribeNatGateways names its filter list "Filter", not "Filters"; 1000 is its largest page.
    const input = { Filter: [{ Name: 'vpc-id', Values: [VpcId!] }] };
    return toJson(await paginate(client, sdk.DescribeNatGatewaysCommand, input, { items: (page) => page.NatGateways, pageSize: ['MaxResults', 1000] }));
  },
});
