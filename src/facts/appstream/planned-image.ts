// The image named by --image-name, if one exists already: an image name must be unique in the account and Region.
import appstream from '../../aws/services/appstream.js';
import { toJson } from '../../core/json.js';
import imageName from '../../options/image-name.js';
import { defineFact } from '../define.js';
import { isResourceNotFound } from './not-found.js';

export default defineFact({
  name: 'plannedImage',
  description: 'the image named by --image-name, when one exists already',
  iamActions: ['appstream:DescribeImages'],
  dependsOn: [],
  options: [imageName],
  async collect({ aws, require }) {
    const name = require(imageName);
    const { client, sdk } = await aws.use(appstream);
    try {
      const out = await client.send(new sdk.DescribeImagesCommand({ Names: [name] }));
      const found = out.Images?.find((image) => image.Name === name);
      return { name, existing: found ? toJson(found) : null };
    } catch (error) {
      if (isResourceNotFound(error)) return { name, existing: null };
      throw error;
    }
  },
});
