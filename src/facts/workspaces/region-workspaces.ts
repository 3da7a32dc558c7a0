// Every WorkSpace in the Region, of every directory: what the per-Region quotas count. Derived from the Region's one
// listing (region-workspace-listing.ts), which the directory's own WorkSpaces are then taken from too.
import { toJson } from '../../core/json.js';
import { defineFact } from '../define.js';
import regionWorkspaceListing from './region-workspace-listing.js';

export default defineFact({
  name: 'regionWorkspaces',
  description: 'every WorkSpace in the Region, of every directory (what the per-Region quotas count)',
  // Its one call is the listing's (a dependency): iam-policy still grants it through that.
  iamActions: [],
  dependsOn: [regionWorkspaceListing],
  async collect({ get }) {
    const found = await get(regionWorkspaceListing);
    // Only what the quotas count: the rest (user names, addresses) stays out of the run's facts and bundles. The
    // shape is the one older bundles hold, so they analyze as before.
    return toJson(found.map(({ WorkspaceId, DirectoryId, State, BundleId, WorkspaceProperties }) => ({
      WorkspaceId,
      DirectoryId,
      State,
      BundleId,
      ComputeTypeName: WorkspaceProperties?.ComputeTypeName,
    })));
  },
});
