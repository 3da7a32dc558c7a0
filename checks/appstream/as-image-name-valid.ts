/**
 * G10 as-image-name-valid (`--before image --image-name <name>`): can the image be created under that name?
 * - FAIL: the name begins with "Amazon", "AWS" or "AppStream" (compared without case [derived]), or an image of that
 *   name exists already (names are unique in the account and Region).
 * - PASS: neither.
 * - ERROR: whether an image has the name could not be looked up (and the prefix rule passed).
 * - SKIP: no --image-name.
 */
import { IMAGE_NAME_SOURCE, RESERVED_IMAGE_PREFIXES } from '../../src/data/appstream-resources.js';
import { GUIDES } from '../../src/data/sources.js';
import { defineCheck } from '../../src/engine/types.js';
import imageBuilder from '../../src/facts/appstream/image-builder.js';
import plannedImage from '../../src/facts/appstream/planned-image.js';
import imageName from '../../src/options/image-name.js';

export default defineCheck({
  meta: {
    id: 'as-image-name-valid',
    catalogId: 'G10',
    title: 'Before creating an image: the name is allowed and not taken',
    scope: 'image-builder',
    before: ['image'],
    severity: 'low',
    tags: ['appstream', 'image', 'preflight'],
    description: 'With --before image --image-name <name>: the name against the reserved prefixes, and DescribeImages for an image of that name.',
    rationale: 'Image creation refuses a name that begins with "Amazon", "AWS" or "AppStream", or that another image already has.',
    finds: 'with `--before image --image-name`: a name beginning with Amazon, AWS or AppStream, or one an image already has (fail)',
    facts: [imageBuilder],
    optionalFacts: [plannedImage],
    options: [imageName],
    remediation: {
      summary: 'Choose a unique image name that does not begin with "Amazon", "AWS" or "AppStream".',
      steps: [
        'Enter a unique image name and image display name, with an optional description. The name you choose cannot begin with "Amazon", "AWS", or "AppStream".',
        'To see which names are taken: `aws appstream describe-images --type PRIVATE --query "Images[].Name"`.',
      ],
      source: { guide: GUIDES.appStream, section: 'Step 5: Creating an Image', lines: '429-439' },
      docsUrl: 'https://docs.aws.amazon.com/appstream2/latest/developerguide/tutorial-image-builder.html',
    },
  },

  analyze({ imageBuilder: builder, plannedImage }, { option, unavailable }) {
    const name = option(imageName);
    const resource = builder.Name ?? 'image-builder';
    if (!name) return [{ status: 'skip', resource, message: 'Give --image-name <name> to check the name of the image you will create.' }];
    const reserved = RESERVED_IMAGE_PREFIXES.find((prefix) => name.toLowerCase().startsWith(prefix.toLowerCase()));
    const evidence = { imageName: name, reservedPrefixes: RESERVED_IMAGE_PREFIXES, source: IMAGE_NAME_SOURCE, existing: plannedImage?.existing?.Arn ?? null };
    if (reserved) {
      return [{ status: 'fail', resource: name, message: `The image name "${name}" begins with "${reserved}": names cannot begin with "Amazon", "AWS" or "AppStream".`, evidence }];
    }
    if (!plannedImage) {
      const why = unavailable.plannedImage?.message ?? 'the lookup was not collected';
      return [{ status: 'error', resource: name, message: `Could not look whether an image named "${name}" exists: ${why}.`, evidence }];
    }
    if (plannedImage.existing) {
      const image = plannedImage.existing;
      return [{ status: 'fail', resource: name, message: `An image named "${name}" exists already (${image.Visibility ?? 'visibility unknown'}, ${image.State ?? 'state unknown'}): image names must be unique.`, evidence }];
    }
    return [{ status: 'pass', resource: name, message: `"${name}" is free and begins with none of the reserved prefixes: image builder ${resource} can create an image under it.`, evidence }];
  },
});
