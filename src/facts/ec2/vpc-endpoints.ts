// The VPC endpoints of the directory's VPC, with their policies and route tables: an Amazon S3 gateway endpoint is
// how WorkSpaces without internet access reach the Amazon Linux repositories (S3 buckets).
import ec2 from '../../aws/services/ec2.js';
import { paginate } from '../../aws/paginate.js';
import { toJson } from '../../core/json.js';
import { defineFact } from '../define.js';
import { plannedVpcEndpoints } from '../planned/vpc-endpoints.js';
import vpc from './vpc.js';

export default defineFact({
  name: 'vpcEndpoints',
  description: "the VPC endpoints of the directory's VPC, with their policies and route tables",
  iamActions: ['ec2:DescribeVpcEndpoints'],
  dependsOn: [vpc],
  planned: plannedVpcEndpoints,
  async collect({ aws, get }) {
    const { VpcId } = await get(vpc);
    const { client, sdk } = await aws.use(ec2);
    const input = { Filters: [{ Name: 'vpc-id', Values: [VpcId!] }] };
    return toJson(await paginate(client, sdk.DescribeVpcEndpointsCommand, input, { items: (page) => page.VpcEndpoints, pageSize: ['MaxResults', 1000] }));
  },
});
