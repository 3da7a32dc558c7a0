import { defineOption } from '../core/option.js';
import { imageBuilderName } from '../core/parse.js';

export default defineOption({
  flag: '--image-builder <name>',
  key: 'imageBuilderName',
  section: 'targets',
  kind: 'string',
  help: 'WorkSpaces Applications (AppStream 2.0) image builder to check: its state, network interface and internet path, domain join, image and the account',
  parse: imageBuilderName,
  expected: 'an image builder name such as office-builder',
  scope: 'image-builder',
});
