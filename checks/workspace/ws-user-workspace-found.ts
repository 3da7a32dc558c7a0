/**
 * Dx2 ws-user-workspace-found (not in the catalog: ticket triage by person, `--user alice`): does each user named by
 * --user have a WorkSpace in the directory?
 * - PASS: the user has one or more (named, with their state); a WorkSpace found only under another spelling of the
 *   name (Active Directory ignores case) says which.
 * - FAIL: no WorkSpace for that user name: their client answers "Unrecognized user. No WorkSpace found under your
 *   username". The finding names the closest user names that do have one (a typo, another spelling, a renamed user).
 * - SKIP: no --user given; or --before launch, where having no WorkSpace is what a launch needs (ws-user-has-workspace).
 */
import { GUIDES } from '../../src/data/sources.js';
import { defineCheck, type FindingDraft } from '../../src/engine/types.js';
import userWorkspaces from '../../src/facts/workspaces/user-workspaces.js';
import workspacesDirectory from '../../src/facts/workspaces/workspaces-directory.js';
import before from '../../src/options/before.js';

export default defineCheck({
  meta: {
    id: 'ws-user-workspace-found',
    catalogId: 'Dx2',
    title: 'Each user named has a WorkSpace in the directory',
    scope: 'workspace',
    severity: 'high',
    tags: ['workspace', 'users', 'triage'],
    description:
      'For each --user, finds their WorkSpaces in the directory (by exact name, then ignoring case), and for a user with none the user names in the directory closest to theirs.',
    rationale:
      'A ticket names a person. A user with no WorkSpace in the directory — a typo in the ticket, another directory, a user renamed or recreated in Active Directory — gets "Unrecognized user. No WorkSpace found under your username. Contact your administrator to request one."',
    finds: 'a --user with no WorkSpace in the directory (fail, with the closest user names that have one); each found user\'s WorkSpaces (pass)',
    facts: [workspacesDirectory, userWorkspaces],
    options: [before],
    remediation: {
      summary: "Check the user name (the closest ones with a WorkSpace are listed) and the directory; if the user has none, launch one for them, assigned to that user.",
      steps: [
        'Each WorkSpace is assigned to a single user and cannot be shared by multiple users. Whenever you launch a WorkSpace, you must assign it to a user that does not already have a WorkSpace.',
        "If the user's name differs only in spelling from one listed, the ticket may name them differently from the directory: run wsdoctor again with that name.",
        'If the user was renamed, or deleted and recreated, in Active Directory, their WorkSpace may still be under the old name or the old security identifier (ws-duplicate-username explains); search the console by WorkSpace ID.',
        'If they have no WorkSpace in this directory, check that the directory (and Region) is the one they log in to (the registration code in their client), or launch a WorkSpace for them (wsdoctor --before launch --user <name> checks the launch first).',
      ],
      source: { guide: GUIDES.adminGuide, section: 'Administer WorkSpace Users', lines: '4259-4262' },
      alsoSee: [{ guide: GUIDES.troubleshooting, section: 'The same username has more than one WorkSpace', lines: '566-584' }],
      docsUrl: 'https://docs.aws.amazon.com/workspaces/latest/adminguide/manage-workspaces-users.html',
    },
  },

  analyze({ workspacesDirectory, userWorkspaces }, { option }) {
    const directoryId = workspacesDirectory.DirectoryId ?? '';
    if (option(before) === 'launch') {
      return [{ status: 'skip', resource: directoryId, message: 'Before a launch, having no WorkSpace is what a new one needs: ws-user-has-workspace judges the --user names.' }];
    }
    return userWorkspaces.users.map(({ UserName, Workspaces }): FindingDraft => {
      if (Workspaces.length === 0) {
        const closest = closestNames(UserName, userWorkspaces.directoryUserNames ?? []);
        return {
          status: 'fail',
          resource: UserName,
          message:
            `User ${UserName} has no WorkSpace in ${directoryId}: their client answers "Unrecognized user. No WorkSpace found under your username." ` +
            (closest.length ? `The closest user names with a WorkSpace there: ${closest.join(', ')}.` : `No user name there is close to it (${userWorkspaces.directoryUserNames?.length ?? 0} users have a WorkSpace): check the directory and the Region.`),
          evidence: { userName: UserName, directoryId, closestUserNames: closest },
        };
      }
      const list = Workspaces.map((ws) => `${ws.WorkspaceId} (${ws.State}${ws.UserName && ws.UserName !== UserName ? `, as ${ws.UserName}` : ''})`).join(', ');
      return {
        status: 'pass',
        resource: UserName,
        message: `User ${UserName} has ${Workspaces.length === 1 ? 'WorkSpace' : `${Workspaces.length} WorkSpaces`} ${list} in ${directoryId}; the other checks look at ${Workspaces.length === 1 ? 'it' : 'them'}.`,
        evidence: { userName: UserName, workspaceIds: Workspaces.map((ws) => ws.WorkspaceId) },
      };
    });
  },
});

/** Up to five user names nearest to `name`: a typo away (edit distance), or containing it or contained in it. */
function closestNames(name: string, names: readonly string[]): string[] {
  const wanted = name.toLowerCase();
  return names
    .map((candidate) => {
      const c = candidate.toLowerCase();
      // Containment counts only for names of 3 or more characters: "al" is inside too many names to mean anything.
      const contains = Math.min(c.length, wanted.length) >= 3 && (c.includes(wanted) || wanted.includes(c));
      return { candidate, distance: contains ? 0.5 : editDistance(wanted, c) };
    })
    .filter(({ candidate, distance }) => distance <= Math.max(2, Math.floor(Math.max(name.length, candidate.length) / 3)))
    .sort((a, b) => a.distance - b.distance || a.candidate.localeCompare(b.candidate))
    .slice(0, 5)
    .map(({ candidate }) => candidate);
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}
