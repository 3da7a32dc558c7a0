// The IP access control groups of the directory as the plan leaves them: groups the plan creates or changes in
// DescribeIpGroups' shape, the others read live.
import type { WorkspacesIpGroup } from '@aws-sdk/client-workspaces';
import type { Json } from '../../core/json.js';
import type { PlannedIpGroup } from '../../iac/model.js';
import { isUnknown } from '../../core/unknown.js';
import { override, type PlannedReading } from '../define.js';
import workspacesDirectory from '../workspaces/workspaces-directory.js';
import { createdByPlan, field, knownIds } from './world.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const plannedIpGroups: PlannedReading<any> = {
  async read({ world, get, live }) {
    const directory = await get(workspacesDirectory);
    const ids = knownIds(directory.ipGroupIds ?? []);
    const liveIds = ids.filter((id) => !createdByPlan(world, id));
    const current = liveIds.length ? ((await live(override(workspacesDirectory, { ...directory, ipGroupIds: liveIds }))) as Json<WorkspacesIpGroup>[]) : [];
    return ids.map((id) => {
      const planned = world.ipGroups.find((g) => g.id === id);
      const now = current.find((g) => g.groupId === id);
      return planned ? { ...(now ?? {}), ...ipGroupJson(planned) } : (now ?? { groupId: id });
    });
  },
};

/** A planned group as DescribeIpGroups returns one. */
export function ipGroupJson(group: PlannedIpGroup): Record<string, unknown> {
  return {
    groupId: group.id,
    groupName: group.name,
    ...field('groupDesc', group.description),
    userRules: isUnknown(group.rules)
      ? group.rules
      : group.rules.map((rule) => ({ ipRule: rule.source, ...field('ruleDesc', rule.description) })),
  };
}
