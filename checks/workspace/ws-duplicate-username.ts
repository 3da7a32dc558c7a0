/**
 * D6 ws-duplicate-username: does a user name own more than one WorkSpace in the directory?
 * - WARN: two or more WorkSpaces (not terminated) for one user name, compared without case as Active Directory does;
 *   the user can reach only one, and the other answers "Unrecognized user. No WorkSpace found under your username".
 * - PASS: every user name has one WorkSpace.
 * With --user, the WorkSpaces looked at are that user's (each user found by name, and by the directory's full
 * listing when the spelling differs), so a second WorkSpace under the same name is still found.
 */
import { GUIDES } from '../../src/data/sources.js';
import { defineCheck } from '../../src/engine/types.js';
import { liveWorkspaces, type Workspace } from '../../src/facts/workspace-views.js';
import workspaces from '../../src/facts/workspaces/workspaces.js';

export default defineCheck({
  meta: {
    id: 'ws-duplicate-username',
    catalogId: 'D6',
    title: 'No user name has more than one WorkSpace in the directory',
    scope: 'workspace',
    severity: 'high',
    tags: ['workspace', 'users', 'directory'],
    description: "Groups the directory's WorkSpaces by user name (ignoring case) and looks for names with more than one.",
    rationale:
      'When a user is deleted and recreated (or renamed and renamed back) in Active Directory without first deleting their WorkSpace, the same username has two WorkSpaces; the user can log in to only one, and the original answers "Unrecognized user. No WorkSpace found under your username. Contact your administrator to request one."',
    finds: 'a user name with two or more WorkSpaces in the directory (warn: the user reaches only one, the other says "No WorkSpace found under your username")',
    facts: [workspaces],
    remediation: {
      summary:
        "Restore the user's original Active Directory object (Recycle Bin) and delete the new WorkSpace, or delete the original WorkSpace — after backing up and moving the user's data either way.",
      steps: [
        "Active Directory identifies users by their security identifier (SID), not their name: a user deleted and recreated gets a new SID, and the WorkSpaces clients and console use the SID, so the original WorkSpace no longer finds its user. Search the console by WorkSpace ID, not user name, to see the original.",
        'If the user was deleted and recreated, restore the original deleted user object if the Active Directory Recycle Bin is enabled; make sure the user can connect to the original WorkSpace, then back up and transfer any data from the new WorkSpace and delete it.',
        "If the original user object cannot be restored, back up and transfer the user's data from the original WorkSpace, then delete the original WorkSpace; the user then uses the new one.",
        'Deleting a WorkSpace is permanent and cannot be undone: the user data does not persist. For help with backing up user data, contact AWS Support.',
        'To prevent it: before removing a user from Active Directory, delete their WorkSpace first.',
      ],
      source: {
        guide: GUIDES.troubleshooting,
        section: 'The same username has more than one WorkSpace, but the user can log in to only one of the WorkSpaces',
        lines: '566-584',
      },
      docsUrl: 'https://docs.aws.amazon.com/workspaces/latest/adminguide/amazon-workspaces-troubleshooting.html',
    },
  },

  analyze({ workspaces }) {
    const live = liveWorkspaces(workspaces);
    const directoryId = workspaces[0]?.DirectoryId ?? '';
    if (live.length === 0) return [{ status: 'skip', resource: directoryId, message: 'No WorkSpace to look at.' }];
    const byUser = new Map<string, Workspace[]>();
    for (const ws of live) {
      if (!ws.UserName) continue;
      const key = `${ws.DirectoryId ?? ''}\u0000${ws.UserName.toLowerCase()}`;
      byUser.set(key, [...(byUser.get(key) ?? []), ws]);
    }
    const duplicated = [...byUser.values()].filter((list) => list.length > 1);
    if (duplicated.length === 0) {
      return [
        {
          status: 'pass',
          resource: live.length === 1 ? (live[0]!.WorkspaceId ?? '') : directoryId,
          message: `Each of the ${byUser.size} user name${byUser.size === 1 ? '' : 's'} looked at has one WorkSpace in the directory.`,
        },
      ];
    }
    return duplicated.map((list) => ({
      status: 'warn' as const,
      resource: list[0]!.UserName ?? '',
      message:
        `User name ${list[0]!.UserName} has ${list.length} WorkSpaces in ${list[0]!.DirectoryId}: ${list.map((ws) => `${ws.WorkspaceId} (${ws.State}${ws.UserName !== list[0]!.UserName ? `, as ${ws.UserName}` : ''})`).join(', ')}. ` +
        'The user can log in to only one; the other answers "Unrecognized user. No WorkSpace found under your username." The user was probably deleted and recreated, or renamed, in Active Directory without deleting the WorkSpace first.',
      evidence: { userName: list[0]!.UserName, workspaces: list.map((ws) => ({ workspaceId: ws.WorkspaceId, state: ws.State, userName: ws.UserName, bundleId: ws.BundleId })) },
    }));
  },
});
