// The latest rebuild and restore snapshots of each WorkSpace in scope (DescribeWorkspaceSnapshots) [not in guides,
// catalog D9]: what a rebuild, restore or migration would bring back, and how old it is. The API takes one WorkSpace a
// call, so it is read only before those changes (--before rebuild, restore or migrate) and for at most 25 WorkSpaces:
// a change is made to a few named WorkSpaces, not to a directory of thousands.
import type { BeforeAction } from '../../core/actions.js';
import { FactError } from '../../core/failure.js';
import { toJson } from '../../core/json.js';
import workspacesService from '../../aws/services/workspaces.js';
import before from '../../options/before.js';
import { defineFact } from '../define.js';
import workspaces, { WORKSPACES_API_PAGE } from './workspaces.js';

const NEEDED_BY: readonly BeforeAction[] = ['rebuild', 'restore', 'migrate'];

export default defineFact({
  name: 'workspaceSnapshots',
  description: 'the rebuild and restore snapshots of the WorkSpaces in scope (before a rebuild, restore or migration; 25 WorkSpaces at most)',
  iamActions: ['workspaces:DescribeWorkspaceSnapshots'],
  dependsOn: [workspaces],
  options: [before],
  async collect({ aws, get, option }) {
    const action = option(before) as BeforeAction | undefined;
    if (!action || !NEEDED_BY.includes(action)) {
      throw new FactError({ kind: 'not-applicable', message: 'snapshots are read only with --before rebuild, restore or migrate' });
    }
    const ids = (await get(workspaces)).filter((w) => w.WorkspaceId && w.State !== 'TERMINATED').map((w) => w.WorkspaceId!);
    if (ids.length > WORKSPACES_API_PAGE) {
      throw new FactError({
        kind: 'not-applicable',
        message: `snapshots are read one WorkSpace a call, and ${ids.length} are in scope: name the WorkSpaces to change with --workspace or --user to see theirs`,
      });
    }
    const { client, sdk } = await aws.use(workspacesService);
    return Promise.all(
      ids.map(async (WorkspaceId) => {
        const out = await client.send(new sdk.DescribeWorkspaceSnapshotsCommand({ WorkspaceId }));
        return { WorkspaceId, RebuildSnapshots: toJson(out.RebuildSnapshots ?? []), RestoreSnapshots: toJson(out.RestoreSnapshots ?? []) };
      }),
    );
  },
});
