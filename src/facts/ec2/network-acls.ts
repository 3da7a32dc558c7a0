// Every network ACL of the directory's VPC, with its rules and the subnets associated with it.
import ec2 from '../../aws/services/ec2.js';
import { paginate } from '../../aws/paginate.js';
import { toJson } from '../../core/json.js';
import { defineFact } from '../define.js';
import { plannedNetworkAcls } from '../planned/network-acls.js';
import vpc from './vpc.js';

export default defineFact({
  name: 'networkAcls',
  description: "every network ACL of the directory's VPC, with its rules and the subnets associated with it",
  iamActions: ['ec2:DescribeNetworkAcls'],
  dependsOn: [vpc],
  planned: plannedNetworkAcls,
  async collect({ aws, get }) {
    const { VpcId } = await get(vpc);
    const { client, sdk } = await aws.use(ec2);
    const input = { Filters: [{ Name: 'vpc-id', Values: [VpcId!] }] };
    // 1000: the most DescribeNetworkAcls returns a page.
    return toJson(await paginate(client, sdk.DescribeNetworkAclsCommand, input, { items: (page) => page.NetworkAcls, pageSize: ['MaxResults', 1000] }));
  },
});
