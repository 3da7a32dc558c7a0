// Every security group of the directory's VPC: the WorkSpaces group (<directory>_workspacesMembers), the directory
// controllers' group (<directory>_controllers), the directory's custom group and the AD Connector's group are all
// among them, and so are the groups their rules refer to. One paginated read instead of one per group.
import ec2 from '../../aws/services/ec2.js';
import { paginate } from '../../aws/paginate.js';
import { toJson } from '../../core/json.js';
import { defineFact } from '../define.js';
import { plannedSecurityGroups } from '../planned/security-groups.js';
import vpc from './vpc.js';

export default defineFact({
  name: 'securityGroups',
  description: "every security group of the directory's VPC, with its inbound and outbound rules",
  iamActions: ['ec2:DescribeSecurityGroups'],
  dependsOn: [vpc],
  planned: plannedSecurityGroups,
  async collect({ aws, get }) {
    const { VpcId } = await get(vpc);
    const { client, sdk } = await aws.use(ec2);
    const input = { Filters: [{ Name: 'vpc-id', Values: [VpcId!] }] };
    // 1000: the most DescribeSecurityGroups returns a page.
    return toJson(await paginate(client, sdk.DescribeSecurityGroupsCommand, input, { items: (page) => page.SecurityGroups, pageSize: ['MaxResults', 1000] }));
  },
});
