// Every IP access control group in the Region: what the per-Region quota counts.
import { defineFact } from '../define.js';
import { plannedRegionIpGroups } from '../planned/region-ip-groups.js';
import { describeIpGroups } from './ip-groups.js';

export default defineFact({
  name: 'regionIpGroups',
  description: 'every IP access control group in the Region (what the per-Region quota counts)',
  iamActions: ['workspaces:DescribeIpGroups'],
  dependsOn: [],
  planned: plannedRegionIpGroups,
  collect: ({ aws }) => describeIpGroups(aws, {}),
});
