// The WorkSpaces of the users named by --user, in the directory. A ticket names a person; finding their WorkSpace
// should not cost reading a directory of thousands: each user is asked for by name (DescribeWorkspaces with
// DirectoryId and UserName, one call for almost everyone). Only a name with no WorkSpace under exactly that spelling
// costs the directory's full listing, once for all such names: Active Directory user names ignore case [not in
// guides], so "Alice" may own alice's WorkSpace, and a name that matches nobody is reported with the closest names
// that do (ws-user-workspace-found).
import type { Workspace } from '@aws-sdk/client-workspaces';
import workspacesService from '../../aws/services/workspaces.js';
import { paginate } from '../../aws/paginate.js';
import { toJson, type Json } from '../../core/json.js';
import directory from '../../options/directory.js';
import user from '../../options/user.js';
import { defineFact } from '../define.js';

/** DescribeWorkspaces returns at most 25 WorkSpaces a page (as workspaces.ts). */
const PAGE = 25;

export interface UserWorkspaces {
  /** Each named user, as typed, with the WorkSpaces found for that name (exactly, or ignoring case). */
  users: { UserName: string; Workspaces: Json<Workspace>[] }[];
  /** Every user name owning a WorkSpace in the directory, sorted: read only when a named user had none under that
   *  exact spelling, for the closest names. */
  directoryUserNames?: string[];
}

export default defineFact({
  name: 'userWorkspaces',
  description: 'the WorkSpaces of the users named by --user in the directory (and, when one has none, every user name there)',
  iamActions: ['workspaces:DescribeWorkspaces'],
  dependsOn: [],
  options: [directory, user],
  redact: { directoryUserNames: 'username' },
  async collect({ aws, require }): Promise<UserWorkspaces> {
    const directoryId = require(directory);
    const names = require(user);
    const { client, sdk } = await aws.use(workspacesService);
    const byName = await Promise.all(
      names.map(async (UserName) => ({
        UserName,
        Workspaces: await paginate(client, sdk.DescribeWorkspacesCommand, { DirectoryId: directoryId, UserName }, {
          items: (page) => page.Workspaces,
          pageSize: ['Limit', PAGE],
        }),
      })),
    );
    if (byName.every((u) => u.Workspaces.length > 0)) return toJson({ users: byName });
    const all = await paginate(client, sdk.DescribeWorkspacesCommand, { DirectoryId: directoryId }, {
      items: (page) => page.Workspaces,
      pageSize: ['Limit', PAGE],
    });
    const users = byName.map((u) =>
      u.Workspaces.length > 0 ? u : { UserName: u.UserName, Workspaces: all.filter((w) => sameUser(w.UserName, u.UserName)) },
    );
    const directoryUserNames = [...new Set(all.flatMap((w) => (w.UserName ? [w.UserName] : [])))].sort();
    return toJson({ users, directoryUserNames });
  },
});

/** Directory user names compare without case (sAMAccountName is case-insensitive) [not in guides]. */
export function sameUser(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && a.localeCompare(b, undefined, { sensitivity: 'accent' }) === 0;
}
