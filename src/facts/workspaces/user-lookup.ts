// Finding users' WorkSpaces in a directory, shared by the userWorkspaces fact (the users --user names) and its planned
// reading (the users a plan launches WorkSpaces for): each user asked for by name, and the directory's full listing
// only when a name has no WorkSpace under that exact spelling (user-workspaces.ts says why).
import type { Workspace } from '@aws-sdk/client-workspaces';
import type { AwsClients } from '../../aws/clients.js';
import workspacesService from '../../aws/services/workspaces.js';
import { paginate } from '../../aws/paginate.js';
import { toJson, type Json } from '../../core/json.js';

/** DescribeWorkspaces returns at most 25 WorkSpaces a page (as workspaces.ts). */
const PAGE = 25;

export interface UserWorkspaces {
  /** Each named user, as typed, with the WorkSpaces found for that name (exactly, or ignoring case). */
  users: { UserName: string; Workspaces: Json<Workspace>[] }[];
  /** Every user name owning a WorkSpace in the directory, sorted: read only when a named user had none under that
   *  exact spelling, for the closest names. */
  directoryUserNames?: string[];
}

export async function workspacesOfUsers(aws: AwsClients, directoryId: string, names: readonly string[]): Promise<UserWorkspaces> {
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
}

/** Directory user names compare without case (sAMAccountName is case-insensitive) [not in guides]. */
export function sameUser(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && a.localeCompare(b, undefined, { sensitivity: 'accent' }) === 0;
}
