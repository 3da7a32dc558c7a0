// The directory's WorkSpaces, or only those named by --workspace and --user (then also the lookup of the
// --workspace id). Every per-WorkSpace check reads this one listing: a directory of 5,000 WorkSpaces is 200 pages,
// read once per run.
import type { Workspace } from '@aws-sdk/client-workspaces';
import workspacesService from '../../aws/services/workspaces.js';
import { paginate } from '../../aws/paginate.js';
import { requireFiltered } from '../../aws/answers.js';
import { FactError } from '../../core/failure.js';
import { toJson, type Json } from '../../core/json.js';
import directory from '../../options/directory.js';
import user from '../../options/user.js';
import workspace from '../../options/workspace.js';
import { defineFact } from '../define.js';
import userWorkspaces from './user-workspaces.js';
import { plannedWorkspaces } from '../planned/workspaces.js';

/** DescribeWorkspaces returns at most 25 WorkSpaces a page; DescribeWorkspaceBundles takes at most 25 ids a call. */
export const WORKSPACES_API_PAGE = 25;

export default defineFact({
  name: 'workspaces',
  description: "the directory's WorkSpaces (only those named by --workspace or --user, when given)",
  iamActions: ['workspaces:DescribeWorkspaces'],
  dependsOn: [userWorkspaces],
  options: [directory, user],
  lookup: workspace,
  planned: plannedWorkspaces,
  async collect({ aws, get, option, region }) {
    const directoryId = option(directory);
    const workspaceId = option(workspace);
    const users = option(user);
    if (!directoryId && !workspaceId) throw new FactError({ kind: 'not-applicable', message: 'needs --directory or --workspace' });
    const { client, sdk } = await aws.use(workspacesService);
    if (!workspaceId && !users?.length) {
      const found = await paginate(client, sdk.DescribeWorkspacesCommand, { DirectoryId: directoryId! }, {
        items: (page) => page.Workspaces,
        pageSize: ['Limit', WORKSPACES_API_PAGE],
      });
      requireFiltered('workspaces:DescribeWorkspaces', 'WorkSpaces', `in ${directoryId}`, found, (w) => w.DirectoryId === directoryId);
      return toJson(found);
    }
    const named = new Map<string, Json<Workspace>>();
    if (workspaceId) {
      // The API takes WorkspaceIds or DirectoryId, never both: read the one WorkSpace, then check its directory.
      const out = await client.send(new sdk.DescribeWorkspacesCommand({ WorkspaceIds: [workspaceId] }));
      const found = out.Workspaces?.find((w) => w.WorkspaceId === workspaceId);
      if (!found) {
        throw new FactError({
          kind: 'target-not-found',
          message: `WorkSpace ${workspaceId} was not found in ${region} (check the id and the Region)`,
        });
      }
      if (directoryId && found.DirectoryId !== directoryId) {
        throw new FactError({
          kind: 'target-not-found',
          message: `WorkSpace ${workspaceId} belongs to directory ${found.DirectoryId}, not ${directoryId}`,
        });
      }
      named.set(workspaceId, toJson(found));
    }
    if (users?.length) {
      for (const { Workspaces } of (await get(userWorkspaces)).users) {
        for (const ws of Workspaces) named.set(ws.WorkspaceId ?? '', ws);
      }
    }
    return [...named.values()];
  },
});
