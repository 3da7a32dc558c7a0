// The IP access control groups associated with the directory, with their rules.
import type { DescribeIpGroupsCommandInput, WorkspacesIpGroup } from '@aws-sdk/client-workspaces';
import type { AwsClients } from '../../aws/clients.js';
import workspacesService from '../../aws/services/workspaces.js';
import { paginate } from '../../aws/paginate.js';
import { requireAnswered } from '../../aws/answers.js';
import { toJson, type Json } from '../../core/json.js';
import { defineFact } from '../define.js';
import { plannedIpGroups } from '../planned/ip-groups.js';
import workspacesDirectory from './workspaces-directory.js';

export type IpGroup = Json<WorkspacesIpGroup>;

export default defineFact({
  name: 'ipGroups',
  description: 'the IP access control groups associated with the directory, with their rules',
  iamActions: ['workspaces:DescribeIpGroups'],
  dependsOn: [workspacesDirectory],
  planned: plannedIpGroups,
  async collect({ aws, get }): Promise<IpGroup[]> {
    const groupIds = (await get(workspacesDirectory)).ipGroupIds ?? [];
    // Nothing associated: the directory uses its default group, which allows all traffic (002 lines 1656-1658).
    if (groupIds.length === 0) return [];
    const groups = await describeIpGroups(aws, { GroupIds: groupIds });
    requireAnswered('workspaces:DescribeIpGroups', 'IP access control group', groupIds, groups.map((g) => g.groupId));
    return groups;
  },
});

/** DescribeIpGroups, every page (25 is the API's largest). */
export async function describeIpGroups(aws: AwsClients, input: DescribeIpGroupsCommandInput): Promise<IpGroup[]> {
  const { client, sdk } = await aws.use(workspacesService);
  return toJson(await paginate(client, sdk.DescribeIpGroupsCommand, input, { items: (page) => page.Result, pageSize: ['MaxResults', 25] }));
}
