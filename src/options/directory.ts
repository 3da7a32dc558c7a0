import { defineOption } from '../core/option.js';
import { directoryId } from '../core/parse.js';

export default defineOption({
  flag: '--directory <id>',
  key: 'directoryId',
  section: 'targets',
  kind: 'string',
  help: 'WorkSpaces directory to check (d-…)',
  parse: directoryId,
  expected: 'a directory id such as d-1234567890',
  scope: 'directory',
  redact: 'directoryId',
});
