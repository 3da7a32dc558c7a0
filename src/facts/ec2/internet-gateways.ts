// The internet gateways attached to the directory's VPC (a route to any other one leads nowhere).
import ec2 from '../../aws/services/ec2.js';
import { paginate } from '../../aws/paginate.js';
import { toJson } from '../../core/json.js';
import { defineFact } from '../define.js';
import { plannedInternetGateways } from '../planned/internet-gateways.js';
import vpc from './vpc.js';

export default defineFact({
  name: 'internetGateways',
  description: "the internet gateways attached to the directory's VPC",
  iamActions: ['ec2:DescribeInternetGateways'],
  dependsOn: [vpc],
  planned: plannedInternetGateways,
  async collect({ aws, get }) {
    const { VpcId } = await get(vpc);
    const { client, sdk } = await aws.use(ec2);
    const input = { Filters: [{ Name: 'attachment.vpc-id', Values: [VpcId!] }] };
    return toJson(await paginate(client, sdk.DescribeInternetGatewaysCommand, input, { items: (page) => page.InternetGateways, pageSize: ['MaxResults', 1000] }));
  },
});
