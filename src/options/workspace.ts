// A WorkSpace named on its own is enough: the run looks its directory up (src/facts/workspaces/workspaces-directory.ts)
// and checks the WorkSpace together with that directory (SCOPES_TOGETHER), as `--directory <its directory>
// --workspace <id>` would.
import { defineOption } from '../core/option.js';
import { workspaceId } from '../core/parse.js';

export default defineOption({
  flag: '--workspace <id>',
  key: 'workspaceId',
  section: 'targets',
  kind: 'string',
  help: "check this WorkSpace (ws-…) and its directory; with --directory, look at this one among the directory's WorkSpaces",
  parse: workspaceId,
  scope: 'workspace',
  redact: 'workspaceId',
});
