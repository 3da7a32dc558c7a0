// Every IP access control group of the Region as the plan leaves it: the live ones, with the plan's changes, and the
// groups it creates (what the per-Region quota will count).
import type { WorkspacesIpGroup } from '@aws-sdk/client-workspaces';
import type { Json } from '../../core/json.js';
import type { PlannedReading } from '../define.js';
import { ipGroupJson } from './ip-groups.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const plannedRegionIpGroups: PlannedReading<any> = {
  async read({ world, live }) {
    const current = (await live()) as Json<WorkspacesIpGroup>[];
    const changed = new Map(world.ipGroups.filter((g) => !g.created).map((g) => [g.id, g]));
    return [
      ...current.map((g) => (g.groupId && changed.has(g.groupId) ? { ...g, ...ipGroupJson(changed.get(g.groupId)!) } : g)),
      ...world.ipGroups.filter((g) => g.created).map(ipGroupJson),
    ];
  },
};
