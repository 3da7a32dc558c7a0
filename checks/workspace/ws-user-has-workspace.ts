/**
 * D20 ws-user-has-workspace (--before launch --user NAME): can a WorkSpace be launched for each user named? "Whenever
 * you launch a WorkSpace, you must assign it to a user that does not already have a WorkSpace."
 * - FAIL: the user already has a WorkSpace in the directory (compared without case, as Active Directory does).
 * - PASS: the user has none.
 * - SKIP: no --user named.
 */
import { GUIDES } from '../../src/data/sources.js';
import { defineCheck } from '../../src/engine/types.js';
import userWorkspaces from '../../src/facts/workspaces/user-workspaces.js';
import workspacesDirectory from '../../src/facts/workspaces/workspaces-directory.js';

export default defineCheck({
  meta: {
    id: 'ws-user-has-workspace',
    catalogId: 'D20',
    title: 'The users a launch is for have no WorkSpace in the directory yet',
    scope: 'workspace',
    severity: 'high',
    tags: ['workspace', 'preflight', 'launch', 'users'],
    description: 'Before a launch (--before launch --user): looks for WorkSpaces the named users already have in the directory.',
    rationale:
      'Each WorkSpace is assigned to a single user; a launch for a user who already has one in the directory is refused — and a user recreated in Active Directory then ends up with two (ws-duplicate-username).',
    finds: 'before --before launch: a --user who already has a WorkSpace in the directory (fail)',
    facts: [workspacesDirectory, userWorkspaces],
    before: ['launch'],
    remediation: {
      summary: 'Launch WorkSpaces only for users without one in the directory; use or rebuild the existing WorkSpace otherwise.',
      steps: [
        'Each WorkSpace is assigned to a single user and cannot be shared by multiple users. Whenever you launch a WorkSpace, you must assign it to a user that does not already have a WorkSpace.',
        'If the existing WorkSpace is broken, rebuild or restore it (--before rebuild) rather than launching another.',
        'Before removing a user from Active Directory, delete their WorkSpace first; otherwise the recreated user ends up with two WorkSpaces (ws-duplicate-username).',
      ],
      source: { guide: GUIDES.adminGuide, section: 'Administer WorkSpace Users', lines: '4259-4262' },
      docsUrl: 'https://docs.aws.amazon.com/workspaces/latest/adminguide/manage-workspaces-users.html',
    },
  },

  analyze({ workspacesDirectory, userWorkspaces }) {
    const directoryId = workspacesDirectory.DirectoryId ?? '';
    return userWorkspaces.users.map(({ UserName, Workspaces }) =>
      Workspaces.length
        ? {
            status: 'fail' as const,
            resource: UserName,
            message: `User ${UserName} already has ${Workspaces.map((ws) => `${ws.WorkspaceId} (${ws.State}${ws.UserName !== UserName ? `, as ${ws.UserName}` : ''})`).join(', ')} in ${directoryId}: a WorkSpace must be assigned to a user that does not already have one.`,
            evidence: { userName: UserName, workspaceIds: Workspaces.map((ws) => ws.WorkspaceId) },
          }
        : { status: 'pass' as const, resource: UserName, message: `User ${UserName} has no WorkSpace in ${directoryId}: one can be launched for them.` },
    );
  },
});
