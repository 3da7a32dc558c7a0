// The bundle named by --target-bundle (a migration's target): the run's lookup of that id.
import workspacesService from '../../aws/services/workspaces.js';
import { FactError } from '../../core/failure.js';
import { toJson } from '../../core/json.js';
import targetBundleOption from '../../options/target-bundle.js';
import { defineFact } from '../define.js';

export default defineFact({
  name: 'targetBundle',
  description: 'the bundle named by --target-bundle',
  iamActions: ['workspaces:DescribeWorkspaceBundles'],
  dependsOn: [],
  lookup: targetBundleOption,
  async collect({ aws, require, region }) {
    const id = require(targetBundleOption);
    const { client, sdk } = await aws.use(workspacesService);
    const found = (await client.send(new sdk.DescribeWorkspaceBundlesCommand({ BundleIds: [id] }))).Bundles?.find((b) => b.BundleId === id);
    if (!found) {
      throw new FactError({ kind: 'target-not-found', message: `--target-bundle ${id} was not found in ${region} (check the id and the Region)` });
    }
    return toJson(found);
  },
});
