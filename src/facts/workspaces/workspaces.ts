// The directory's WorkSpaces, or only those named by --workspace and --user (then also the lookup of the
// --workspace id). Every per-WorkSpace check reads this one listing: a directory of 5,000 WorkSpaces is 200 pages,
// read once per run. When the run lists the Region's WorkSpaces anyway (acct-workspaces-quotas,
// ws-dir-delete-preflight: in every full directory run and `check --all`), the directory's are taken from that
// listing instead of paged again by DirectoryId: the same WorkSpaces, read once per account
// and Region (issue 18: they were about 40 of the busiest Region's 93 WorkSpaces calls). A run that does not list
// the Region (--only a per-WorkSpace check, say) keeps the cheap targeted call, and so do the narrowed runs:
// --workspace is one call by id, --user its own lookup (user-workspaces.ts: names are matched as AWS matches them,
// and a name that matches nobody is reported).
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
import regionWorkspaceListing, { WORKSPACES_API_PAGE } from './region-workspace-listing.js';
import regionWorkspaces from './region-workspaces.js';
import userWorkspaces from './user-workspaces.js';
import { plannedWorkspaces } from '../planned/workspaces.js';

export { WORKSPACES_API_PAGE } from './region-workspace-listing.js';

export default defineFact({
  name: 'workspaces',
  description: "the directory's WorkSpaces (only those named by --workspace or --user, when given)",
  iamActions: ['workspaces:DescribeWorkspaces'],
  dependsOn: [userWorkspaces, regionWorkspaceListing],
  options: [directory, user],
  lookup: workspace,
  planned: plannedWorkspaces,
  async collect({ aws, get, option, region, runSettles }) {
    const directoryId = option(directory);
    const workspaceId = option(workspace);
    const users = option(user);
    if (!directoryId && !workspaceId) throw new FactError({ kind: 'not-applicable', message: 'needs --directory or --workspace' });
    if (!workspaceId && !users?.length) {
      // The Region's listing, when the run reads it anyway (regionWorkspaces is derived from the same listing).
      if (runSettles(regionWorkspaces)) return (await get(regionWorkspaceListing)).filter((w) => w.DirectoryId === directoryId);
      const { client, sdk } = await aws.use(workspacesService);
      const found = await paginate(client, sdk.DescribeWorkspacesCommand, { DirectoryId: directoryId! }, {
        items: (page) => page.Workspaces,
        pageSize: ['Limit', WORKSPACES_API_PAGE],
      });
      requireFiltered('workspaces:DescribeWorkspaces', 'WorkSpaces', `in ${directoryId}`, found, (w) => w.DirectoryId === directoryId);
      return toJson(found);
    }
    const named = new Map<string, Json<Workspace>>();
    if (workspaceId) {
      // The API takes WorkspaceIds or DirectoryId, never both: read the one WorkSpace, then check its directory. One
      // call, even when the run lists the Region too: the lookup (an unknown id is exit 2) and the per-WorkSpace
      // checks need not wait for a Region of thousands to be paged at 2 calls a second.
      const { client, sdk } = await aws.use(workspacesService);
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
