// The security groups of the run's image builder and fleets (VpcConfig.SecurityGroupIds), with their egress rules.
import ec2 from '../../aws/services/ec2.js';
import { paginate } from '../../aws/paginate.js';
import { toJson } from '../../core/json.js';
import { defineFact } from '../define.js';
import { collectResources, distinct, RESOURCE_FACTS, RESOURCE_OPTIONS } from './resources.js';

export default defineFact({
  name: 'appstreamSecurityGroups',
  description: "the security groups of the image builder's and the fleets' VPC configuration, with their rules",
  iamActions: ['ec2:DescribeSecurityGroups'],
  dependsOn: [...RESOURCE_FACTS],
  options: [...RESOURCE_OPTIONS],
  async collect(context) {
    const ids = distinct(await collectResources(context), (r) => r.securityGroupIds);
    if (ids.length === 0) return [];
    const { client, sdk } = await context.aws.use(ec2);
    // By filter: a deleted group is absent (SECURITY_GROUPS_NOT_FOUND's cause), not an error.
    const input = { Filters: [{ Name: 'group-id', Values: ids }] };
    return toJson(
      await paginate(client, sdk.DescribeSecurityGroupsCommand, input, { items: (page) => page.SecurityGroups, pageSize: ['MaxResults', 1000] }),
    );
  },
});
