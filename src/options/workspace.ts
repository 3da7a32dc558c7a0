import { defineOption } from '../core/option.js';
import { workspaceId } from '../core/parse.js';
import directory from './directory.js';

export default defineOption({
  flag: '--workspace <id>',
  key: 'workspaceId',
  section: 'targets',
  kind: 'string',
  help: "look at this WorkSpace only among the directory's WorkSpaces (ws-…)",
  parse: workspaceId,
  scope: 'workspace',
  requires: {
    option: directory,
    message: '--workspace works within a directory: add --directory <id> (the directory the WorkSpace belongs to)',
  },
  redact: 'workspaceId',
});
