/**
 * A15 ws-dir-default-ou-format: the directory's default OU for WorkSpace machine accounts is a full LDAP
 * distinguished name.
 * - PASS: no default OU (machine accounts go to the Computers OU), or a DN whose first component is OU= and that has
 *   one or more DC= components, every component a KEY=value of OU, CN or DC (the guide's example:
 *   OU=WorkSpaces_machines,DC=machines,DC=example,DC=com) [derived from the example format].
 * - FAIL: anything else (a bare OU name, a path, a DN without its domain components).
 */
import { GUIDES } from '../../src/data/sources.js';
import { defineCheck } from '../../src/engine/types.js';
import workspacesDirectory from '../../src/facts/workspaces/workspaces-directory.js';

/** The components of a DN, split at commas that are not escaped (\,). */
function components(dn: string): string[] {
  return dn.split(/(?<!\\),/).map((part) => part.trim());
}

/** Why `dn` is not a full LDAP DN of an OU, or undefined when it is. */
function ouProblem(dn: string): string | undefined {
  const parts = components(dn);
  const malformed = parts.find((p) => !/^(OU|CN|DC)=.+$/i.test(p));
  if (malformed !== undefined) return `"${malformed || '(empty)'}" is not an OU=, CN= or DC= component`;
  if (!/^OU=/i.test(parts[0]!)) return 'it does not start with an OU= component';
  if (!parts.some((p) => /^DC=/i.test(p))) return 'it has no DC= components naming the domain';
  const firstDc = parts.findIndex((p) => /^DC=/i.test(p));
  if (parts.slice(firstDc).some((p) => !/^DC=/i.test(p))) return 'its DC= components are not all at the end';
  return undefined;
}

export default defineCheck({
  meta: {
    id: 'ws-dir-default-ou-format',
    catalogId: 'A15',
    title: "The directory's default OU is a full LDAP distinguished name",
    scope: 'directory',
    severity: 'medium',
    tags: ['directory', 'active-directory'],
    description: "Reads the directory's default organizational unit for WorkSpace machine accounts (WorkspaceCreationProperties.DefaultOu).",
    rationale:
      'WorkSpace machine accounts are placed in the directory\'s default OU; the console asks for "the full LDAP ' +
      'distinguished name for the target domain and OU". A value that is not one cannot place the machine accounts of new WorkSpaces.',
    finds: 'a default OU that is not a full LDAP DN such as OU=WorkSpaces_machines,DC=corp,DC=example,DC=com (fail)',
    facts: [workspacesDirectory],
    remediation: {
      summary: 'Set the directory\'s default OU to the full LDAP distinguished name of the OU, e.g. OU=WorkSpaces_machines,DC=machines,DC=example,DC=com.',
      steps: [
        'Open the Amazon WorkSpaces console, choose Directories, select your directory and choose Actions, Update Details.',
        'Expand Target Domain and Organizational Unit. For Selected OU, type the full LDAP distinguished name for the target domain and OU, for example OU=WorkSpaces_machines,DC=machines,DC=example,DC=com, and choose Update and Exit. (Or search for the OU and select it.)',
        'You can select only one OU per directory. The machine accounts of WorkSpaces created or rebuilt afterwards go to the new OU; rebuild existing WorkSpaces (optional) to move them.',
      ],
      source: { guide: GUIDES.adminGuide, section: 'Select an Organizational Unit', lines: '2443-2502' },
      docsUrl: 'https://docs.aws.amazon.com/workspaces/latest/adminguide/update-directory-details.html',
    },
  },

  analyze({ workspacesDirectory: directory }) {
    const id = directory.DirectoryId ?? 'directory';
    const ou = directory.WorkspaceCreationProperties?.DefaultOu?.trim() ?? '';
    if (!ou) {
      return [{ status: 'pass', resource: id, message: `${id} sets no default OU: machine accounts of new WorkSpaces go to the directory's Computers OU.`, evidence: { directoryId: id } }];
    }
    const problem = ouProblem(ou);
    if (problem) {
      return [
        {
          status: 'fail',
          resource: id,
          message: `The default OU of ${id}, "${ou}", is not a full LDAP distinguished name (${problem}): machine accounts of new WorkSpaces cannot be placed in it.`,
          evidence: { directoryId: id, defaultOu: ou },
        },
      ];
    }
    return [{ status: 'pass', resource: id, message: `${id} places machine accounts of new WorkSpaces in ${ou}.`, evidence: { directoryId: id, defaultOu: ou } }];
  },
});
