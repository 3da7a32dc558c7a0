/**
 * A1 ws-dir-registered: is the directory registered with WorkSpaces, and done registering?
 * - PASS: State is REGISTERED.
 * - WARN: REGISTERING or DEREGISTERING (a change in progress: launches wait for it), or a state the API did not
 *   have when this was written.
 * - FAIL: DEREGISTERED or ERROR.
 * A directory WorkSpaces does not know in the Region is not a finding but an input error (exit 2), because nothing
 * else can be checked: the lookup (src/facts/workspaces/workspaces-directory.ts) then names the Regions where the
 * account does have it registered, which is what the catalog's "wrong Region" FAIL is about.
 */
import { GUIDES } from '../../src/data/sources.js';
import { defineCheck } from '../../src/engine/types.js';
import workspacesDirectory from '../../src/facts/workspaces/workspaces-directory.js';

const IN_PROGRESS = ['REGISTERING', 'DEREGISTERING'];
const BROKEN = ['DEREGISTERED', 'ERROR'];

export default defineCheck({
  meta: {
    id: 'ws-dir-registered',
    catalogId: 'A1',
    title: 'The directory is registered with WorkSpaces',
    scope: 'directory',
    severity: 'critical',
    tags: ['directory', 'registration'],
    description: "Reads the directory's registration State as WorkSpaces reports it (DescribeWorkspaceDirectories).",
    rationale:
      'WorkSpaces can be launched only in a directory registered with WorkSpaces; a directory still registering (or ' +
      'deregistering) is not ready, and one in ERROR or DEREGISTERED cannot be used until it is registered again.',
    finds:
      'the directory REGISTERING or DEREGISTERING (warn), DEREGISTERED or in ERROR (fail); a directory unknown in the Region stops the run (exit 2) naming the Regions where it is registered',
    facts: [workspacesDirectory],
    remediation: {
      summary: 'Register the directory with WorkSpaces, choosing two subnets in different Availability Zones, and wait for Registered to read Yes.',
      steps: [
        'To allow Amazon WorkSpaces to use an existing AWS Directory Service directory, you must register it with Amazon WorkSpaces. After you register a directory, you can launch WorkSpaces in the directory.',
        'Open the Amazon WorkSpaces console, choose Directories, select the directory, and choose Actions, Register. Select two subnets that are not from the same Availability Zone, then choose Register.',
        'Initially the value of Registered is REGISTERING. After registration is complete, the value is Yes.',
        'A directory must be deregistered before it can be deleted; wsdoctor check --before delete-directory says what still stands in the way.',
        '[not in guides] A directory in ERROR: deregister it and register it again; if it stays in ERROR, contact AWS Support with the directory id.',
      ],
      source: { guide: GUIDES.adminGuide, section: 'Register a Directory with Amazon WorkSpaces', lines: '2360-2431' },
      docsUrl: 'https://docs.aws.amazon.com/workspaces/latest/adminguide/register-deregister-directory.html',
    },
  },

  analyze({ workspacesDirectory: directory }) {
    const id = directory.DirectoryId ?? 'directory';
    const state = directory.State ?? 'unknown';
    const evidence = { directoryId: id, state, directoryType: directory.DirectoryType, directoryName: directory.DirectoryName };
    if (state === 'REGISTERED') {
      return [{ status: 'pass', resource: id, message: `${id} is registered with WorkSpaces.`, evidence }];
    }
    if (BROKEN.includes(state)) {
      return [
        {
          status: 'fail',
          resource: id,
          message: `${id} is ${state} with WorkSpaces: no WorkSpace can be launched in it until it is registered again.`,
          evidence,
        },
      ];
    }
    const why = IN_PROGRESS.includes(state)
      ? `${state === 'REGISTERING' ? 'registration' : 'deregistration'} is still in progress: WorkSpaces cannot be launched in it yet`
      : 'a state wsdoctor does not know, so whether WorkSpaces can be launched in it is not known';
    return [{ status: 'warn', resource: id, message: `${id} is ${state}: ${why}.`, evidence }];
  },
});
