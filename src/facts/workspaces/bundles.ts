// The bundles of the directory's WorkSpaces and the bundles named by --bundle (then also the lookup of those ids).
import type { WorkspaceBundle } from '@aws-sdk/client-workspaces';
import workspacesService from '../../aws/services/workspaces.js';
import { paginate } from '../../aws/paginate.js';
import { FactError } from '../../core/failure.js';
import { toJson } from '../../core/json.js';
import bundle from '../../options/bundle.js';
import { defineFact } from '../define.js';
import workspaces, { WORKSPACES_API_PAGE } from './workspaces.js';

export default defineFact({
  name: 'bundles',
  description: "the bundles of the directory's WorkSpaces and the bundles named by --bundle",
  iamActions: ['workspaces:DescribeWorkspaceBundles'],
  dependsOn: [workspaces],
  lookup: bundle,
  async collect({ aws, get, option, region }) {
    const planned = option(bundle) ?? [];
    // The bundles the user named can still be read when the WorkSpaces cannot: they are what was asked about.
    const existing = await get(workspaces).catch((error: unknown) => {
      if (planned.length > 0) return [];
      throw error;
    });
    const ids = [...new Set([...existing.flatMap((w) => (w.BundleId ? [w.BundleId] : [])), ...planned])];
    if (ids.length === 0) return toJson<WorkspaceBundle[]>([]);
    const { client, sdk } = await aws.use(workspacesService);
    const found: WorkspaceBundle[] = [];
    for (let i = 0; i < ids.length; i += WORKSPACES_API_PAGE) {
      const input = { BundleIds: ids.slice(i, i + WORKSPACES_API_PAGE) };
      found.push(...(await paginate(client, sdk.DescribeWorkspaceBundlesCommand, input, { items: (page) => page.Bundles })));
    }
    const unknown = planned.filter((id) => !found.some((b) => b.BundleId === id));
    if (unknown.length > 0) {
      throw new FactError({
        kind: 'target-not-found',
        message: `bundle ${unknown.join(', ')} was not found in ${region} (check the id and the Region)`,
      });
    }
    return toJson(found);
  },
});
