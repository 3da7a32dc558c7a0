// Every WorkSpace in the Region, of every directory: what the per-Region quotas count.
import workspacesService from '../../aws/services/workspaces.js';
import { paginate } from '../../aws/paginate.js';
import { toJson } from '../../core/json.js';
import { defineFact } from '../define.js';
import { WORKSPACES_API_PAGE } from './workspaces.js';

export default defineFact({
  name: 'regionWorkspaces',
  description: 'every WorkSpace in the Region, of every directory (what the per-Region quotas count)',
  iamActions: ['workspaces:DescribeWorkspaces'],
  dependsOn: [],
  async collect({ aws }) {
    const { client, sdk } = await aws.use(workspacesService);
    const found = await paginate(client, sdk.DescribeWorkspacesCommand, {}, { items: (page) => page.Workspaces, pageSize: ['Limit', WORKSPACES_API_PAGE] });
    // Only what the quotas count: the rest (user names, addresses) stays out of the run's facts and bundles.
    return toJson(found.map(({ WorkspaceId, DirectoryId, State, BundleId, WorkspaceProperties }) => ({
      WorkspaceId,
      DirectoryId,
      State,
      BundleId,
      ComputeTypeName: WorkspaceProperties?.ComputeTypeName,
    })));
  },
});
