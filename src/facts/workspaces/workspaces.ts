// The directory's WorkSpaces, or the one named by --workspace (then also the lookup of that id).
import workspacesService from '../../aws/services/workspaces.js';
import { paginate } from '../../aws/paginate.js';
import { FactError } from '../../core/failure.js';
import { toJson } from '../../core/json.js';
import directory from '../../options/directory.js';
import workspace from '../../options/workspace.js';
import { defineFact } from '../define.js';
import { plannedWorkspaces } from '../planned/workspaces.js';

/** DescribeWorkspaces returns at most 25 WorkSpaces a page; DescribeWorkspaceBundles takes at most 25 ids a call. */
export const WORKSPACES_API_PAGE = 25;

export default defineFact({
  name: 'workspaces',
  description: "the directory's WorkSpaces (only the one named by --workspace, when given)",
  iamActions: ['workspaces:DescribeWorkspaces'],
  dependsOn: [],
  options: [directory],
  lookup: workspace,
  planned: plannedWorkspaces,
  async collect({ aws, option, require, region }) {
    const directoryId = require(directory);
    const { client, sdk } = await aws.use(workspacesService);
    const workspaceId = option(workspace);
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
      if (found.DirectoryId !== directoryId) {
        throw new FactError({
          kind: 'target-not-found',
          message: `WorkSpace ${workspaceId} belongs to directory ${found.DirectoryId}, not ${directoryId}`,
        });
      }
      return toJson([found]);
    }
    const found = await paginate(client, sdk.DescribeWorkspacesCommand, { DirectoryId: directoryId }, {
      items: (page) => page.Workspaces,
      pageSize: ['Limit', WORKSPACES_API_PAGE],
    });
    return toJson(found);
  },
});
