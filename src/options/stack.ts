// A stack is checked with the fleets associated with it: whether one is running for streaming, and every fleet
// check on each of them.
import { defineOption } from '../core/option.js';
import { appstreamName } from '../core/parse.js';

export default defineOption({
  flag: '--stack <name>',
  key: 'stackName',
  section: 'targets',
  kind: 'string',
  help: 'WorkSpaces Applications (AppStream 2.0) stack to check, with the fleets associated with it',
  parse: appstreamName('stack'),
  expected: 'a stack name such as office-stack',
  scope: 'stack',
});
