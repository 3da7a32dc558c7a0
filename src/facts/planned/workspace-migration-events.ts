// Migrations from the directory's WorkSpaces as the plan leaves them: only WorkSpaces that exist can have been
// migrated, so CloudTrail is asked about those alone (a WorkSpace the plan launches has no id to match, and a plan
// that only launches asks CloudTrail nothing).
import { override, type PlannedReading } from '../define.js';
import workspaces from '../workspaces/workspaces.js';
import { createdByPlan } from './world.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const plannedWorkspaceMigrationEvents: PlannedReading<any> = {
  async read({ world, get, live }) {
    const existing = (await get(workspaces)).filter((w) => typeof w.WorkspaceId === 'string' && !createdByPlan(world, w.WorkspaceId));
    return live(override(workspaces, existing));
  },
};
