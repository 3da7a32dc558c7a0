// The subnets of the run's image builder and fleets (their VpcConfig.SubnetIds), as EC2 describes them. By filter,
// not by id: a subnet deleted under a fleet is then simply absent (what the checks report), not an error.
import ec2 from '../../aws/services/ec2.js';
import { paginate } from '../../aws/paginate.js';
import { toJson } from '../../core/json.js';
import { defineFact } from '../define.js';
import { plannedAppstreamSubnets } from '../planned/appstream-subnets.js';
import { collectResources, distinct, RESOURCE_FACTS, RESOURCE_OPTIONS } from './resources.js';

export default defineFact({
  name: 'appstreamSubnets',
  description: "the subnets of the image builder's and the fleets' VPC configuration",
  iamActions: ['ec2:DescribeSubnets'],
  dependsOn: [...RESOURCE_FACTS],
  planned: plannedAppstreamSubnets,
  options: [...RESOURCE_OPTIONS],
  async collect(context) {
    const ids = distinct(await collectResources(context), (r) => r.subnetIds);
    if (ids.length === 0) return [];
    const { client, sdk } = await context.aws.use(ec2);
    const input = { Filters: [{ Name: 'subnet-id', Values: ids }] };
    return toJson(await paginate(client, sdk.DescribeSubnetsCommand, input, { items: (page) => page.Subnets, pageSize: ['MaxResults', 1000] }));
  },
});
