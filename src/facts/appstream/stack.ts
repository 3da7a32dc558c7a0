// The target stack as WorkSpaces Applications (AppStream 2.0) describes it: the run's lookup of --stack.
import appstream from '../../aws/services/appstream.js';
import { paginate } from '../../aws/paginate.js';
import { toJson } from '../../core/json.js';
import stackOption from '../../options/stack.js';
import { defineFact } from '../define.js';
import { isResourceNotFound, targetNotFound } from './not-found.js';

export default defineFact({
  name: 'stack',
  description: 'the stack as WorkSpaces Applications (AppStream 2.0) describes it',
  iamActions: ['appstream:DescribeStacks'],
  dependsOn: [],
  lookup: stackOption,
  async collect({ aws, require, region }) {
    const name = require(stackOption);
    const { client, sdk } = await aws.use(appstream);
    try {
      const out = await client.send(new sdk.DescribeStacksCommand({ Names: [name] }));
      const found = out.Stacks?.find((s) => s.Name === name);
      if (found) return toJson(found);
    } catch (error) {
      if (!isResourceNotFound(error)) throw error;
    }
    throw await targetNotFound('stack', 'stacks', name, region, async () =>
      (await paginate(client, sdk.DescribeStacksCommand, {}, { items: (page) => page.Stacks })).map((s) => s.Name ?? ''),
    );
  },
});
