// Every WorkSpaces Applications (AppStream 2.0) image builder in the account and Region. The listing holds each
// builder's description, which becomes its lookup fact.
import appstream from '../../aws/services/appstream.js';
import { paginate } from '../../aws/paginate.js';
import { toJson } from '../../core/json.js';
import imageBuilder from '../../facts/appstream/image-builder.js';
import imageBuilderOption from '../../options/image-builder.js';
import { defineDiscoverer, known } from '../define.js';

export default defineDiscoverer({
  scope: 'image-builder',
  target: imageBuilderOption,
  service: appstream,
  serviceName: 'WorkSpaces Applications (AppStream 2.0)',
  iamActions: ['appstream:DescribeImageBuilders'],
  async list({ aws }) {
    const { client, sdk } = await aws.use(appstream);
    // The API documents no largest page size: its default page, as every other listing of builders asks (one read,
    // shared with any fact that lists them too).
    const found = await paginate(client, sdk.DescribeImageBuildersCommand, {}, { items: (page) => page.ImageBuilders });
    return found.map((b) => ({ value: b.Name ?? '', known: [known(imageBuilder, toJson(b))] }));
  },
});
