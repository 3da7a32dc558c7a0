// Ticket triage by person: "alice cannot connect". The run finds the users' WorkSpaces in the directory and looks
// at those only (src/facts/workspaces/user-workspaces.ts); a user without one is a finding, not an input error.
import { UsageError } from '../core/errors.js';
import { defineOption } from '../core/option.js';
import { idList } from '../core/parse.js';
import directory from './directory.js';

/** The WorkSpaces API takes user names of 1 to 63 characters (DescribeWorkspaces' UserName). */
const MAX_LENGTH = 63;

export default defineOption({
  flag: '--user <names>',
  key: 'userNames',
  section: 'targets',
  kind: 'string[]',
  help: "look at these users' WorkSpaces in the directory (the directory user name, e.g. alice; comma-separated, repeatable)",
  parse: (value: string, previous: string[] = []) => {
    const names = idList(value);
    if (names.length === 0) throw new UsageError(`--user "${value}" names no user: give a directory user name, e.g. --user alice`);
    for (const name of names) {
      // Control characters would reach the report and the terminal; no directory user name holds one.
      if (name.length > MAX_LENGTH || /[\u0000-\u001f\u007f]/.test(name)) {
        throw new UsageError(`--user "${name.replace(/[\u0000-\u001f\u007f]/g, '?')}" is not a directory user name: 1 to ${MAX_LENGTH} printable characters`);
      }
    }
    return [...new Set([...previous, ...names])];
  },
  scope: 'workspace',
  label: (names: string[]) => `user ${names.join(', ')}`,
  requires: {
    option: directory,
    message: '--user works within a directory: add --directory <id> (the directory the user logs in to)',
  },
  redact: 'username',
});
