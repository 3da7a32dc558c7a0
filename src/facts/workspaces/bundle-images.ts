// The images behind the custom and BYOL bundles the run looks at (the WorkSpaces' bundles, --bundle, --target-bundle):
// their operating system and whether they need dedicated hardware (RequiredTenancy DEDICATED: a BYOL image)
// [fields not in guides]. Amazon's public bundles (Owner AMAZON) are not the account's to describe: their bundle
// name says what they hold. DescribeWorkspaceImages takes 25 ids a call.
import type { WorkspaceImage } from '@aws-sdk/client-workspaces';
import workspacesService from '../../aws/services/workspaces.js';
import { toJson, type Json } from '../../core/json.js';
import targetBundleOption from '../../options/target-bundle.js';
import { defineFact } from '../define.js';
import bundles from './bundles.js';
import targetBundle from './target-bundle.js';
import { WORKSPACES_API_PAGE } from './workspaces.js';

export default defineFact({
  name: 'bundleImages',
  description: "the images of the custom and BYOL bundles the run looks at (operating system, required tenancy)",
  iamActions: ['workspaces:DescribeWorkspaceImages'],
  dependsOn: [bundles, targetBundle],
  options: [targetBundleOption],
  async collect({ aws, get, option }): Promise<Json<WorkspaceImage>[]> {
    // Asked for either way, so a bundle records the target (not applicable without --target-bundle).
    const target = await get(targetBundle).then(
      (found) => [found],
      (error: unknown) => {
        if (option(targetBundleOption)) throw error;
        return [];
      },
    );
    const list = [...(await get(bundles)), ...target];
    const ids = [...new Set(list.filter((b) => b.Owner !== 'AMAZON' && b.ImageId).map((b) => b.ImageId!))];
    if (ids.length === 0) return [];
    const { client, sdk } = await aws.use(workspacesService);
    const found: Json<WorkspaceImage>[] = [];
    for (let i = 0; i < ids.length; i += WORKSPACES_API_PAGE) {
      const out = await client.send(new sdk.DescribeWorkspaceImagesCommand({ ImageIds: ids.slice(i, i + WORKSPACES_API_PAGE) }));
      found.push(...toJson(out.Images ?? []));
    }
    return found;
  },
});
