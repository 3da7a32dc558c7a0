// The target image builder as WorkSpaces Applications (AppStream 2.0) describes it: the run's lookup of
// --image-builder.
import appstream from '../../aws/services/appstream.js';
import { paginate } from '../../aws/paginate.js';
import { toJson } from '../../core/json.js';
import imageBuilderOption from '../../options/image-builder.js';
import { defineFact } from '../define.js';
import { isResourceNotFound, targetNotFound } from './not-found.js';
import { plannedImageBuilder } from '../planned/image-builder.js';

export default defineFact({
  name: 'imageBuilder',
  description: 'the image builder as WorkSpaces Applications (AppStream 2.0) describes it',
  iamActions: ['appstream:DescribeImageBuilders'],
  dependsOn: [],
  lookup: imageBuilderOption,
  planned: plannedImageBuilder,
  async collect({ aws, require, region }) {
    const name = require(imageBuilderOption);
    const { client, sdk } = await aws.use(appstream);
    try {
      // One name asked for: one page by definition.
      const out = await client.send(new sdk.DescribeImageBuildersCommand({ Names: [name] }));
      const found = out.ImageBuilders?.find((b) => b.Name === name);
      if (found) return toJson(found);
    } catch (error) {
      if (!isResourceNotFound(error)) throw error;
    }
    throw await targetNotFound('image builder', 'image builders', name, region, async () =>
      (await paginate(client, sdk.DescribeImageBuildersCommand, {}, { items: (page) => page.ImageBuilders })).map((b) => b.Name ?? ''),
    );
  },
});
