// The name of the image about to be created from the image builder (`--before image`): the guide's naming rule, and
// whether an image of that name exists already (looked up, so not offline).
import { defineOption } from '../core/option.js';
import { appstreamName } from '../core/parse.js';
import imageBuilder from './image-builder.js';

export default defineOption({
  flag: '--image-name <name>',
  key: 'imageName',
  section: 'options',
  kind: 'string',
  help: 'with --image-builder --before image: the name of the image you are about to create',
  parse: appstreamName('image'),
  requires: {
    option: imageBuilder,
    message: '--image-name names an image to create from an image builder: add --image-builder <name> (and --before image)',
  },
});
