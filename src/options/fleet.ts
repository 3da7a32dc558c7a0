import { defineOption } from '../core/option.js';
import { appstreamName } from '../core/parse.js';

export default defineOption({
  flag: '--fleet <name>',
  key: 'fleetName',
  section: 'targets',
  kind: 'string',
  help: 'WorkSpaces Applications (AppStream 2.0) fleet to check: its state and errors, network, image and the account',
  parse: appstreamName('fleet'),
  expected: 'a fleet name such as office-fleet',
  scope: 'fleet',
});
