// The images the run's image builder and fleets were launched from, and the images those were built from
// (BaseImageArn): their state, platform and the instance families they support. One call per image: an image that no
// longer exists answers ResourceNotFoundException, and is recorded as missing rather than failing the others.
import type { Image } from '@aws-sdk/client-appstream';
import appstream from '../../aws/services/appstream.js';
import { toJson, type Json } from '../../core/json.js';
import { defineFact } from '../define.js';
import { isResourceNotFound } from './not-found.js';
import { collectResources, RESOURCE_FACTS, RESOURCE_OPTIONS } from './resources.js';

export interface AppstreamImages {
  images: Json<Image>[];
  /** ARNs (or names, where a resource gives no ARN) that DescribeImages does not know: deleted or no longer offered. */
  missing: string[];
}

export default defineFact({
  name: 'appstreamImages',
  description: 'the images the image builder and the fleets run, and the base images they were built from',
  iamActions: ['appstream:DescribeImages'],
  dependsOn: [...RESOURCE_FACTS],
  options: [...RESOURCE_OPTIONS],
  async collect(context): Promise<AppstreamImages> {
    const resources = await collectResources(context);
    const { client, sdk } = await context.aws.use(appstream);
    const found = new Map<string, Json<Image>>();
    const missing: string[] = [];
    const describe = async (ref: string) => {
      // Names and ARNs cannot be asked for together (InvalidParameterCombinationException).
      const input = ref.startsWith('arn:') ? { Arns: [ref] } : { Names: [ref] };
      try {
        const image = (await client.send(new sdk.DescribeImagesCommand(input))).Images?.find((i) => i.Arn === ref || i.Name === ref);
        if (image) found.set(ref, toJson(image));
        else missing.push(ref);
      } catch (error) {
        if (!isResourceNotFound(error)) throw error;
        missing.push(ref);
      }
    };
    const used = [...new Set(resources.map((r) => r.imageArn ?? r.imageName).filter((ref): ref is string => !!ref))];
    await Promise.all(used.map(describe));
    const known = (ref: string) => found.has(ref) || missing.includes(ref) || [...found.values()].some((i) => i.Arn === ref);
    const bases = [...new Set([...found.values()].map((i) => i.BaseImageArn).filter((ref): ref is string => !!ref && !known(ref)))];
    await Promise.all(bases.map(describe));
    return { images: [...new Map([...found.values()].map((i) => [i.Arn ?? i.Name, i])).values()], missing: [...new Set(missing)] };
  },
});
