import check from '../../checks/directory/ws-dir-delete-preflight.js';
import { checkTable } from '../helpers/check-table.js';
import { dir, ds } from '../helpers/directory-fixtures.js';

const wsOf = (id: string, directory = 'd-1234567890', state = 'AVAILABLE') => ({ WorkspaceId: id, DirectoryId: directory, State: state as never });

checkTable(check, [
  {
    name: "catalog A18: State 'REGISTERED' + delete → fail (deregister first), plus the applications warning",
    options: { before: 'delete-directory' },
    facts: { workspacesDirectory: dir(), regionWorkspaces: [], dsDirectory: ds() },
    expect: [{ status: 'fail', message: /must deregister a directory before you can delete it/ }, { status: 'warn', message: /AD Connector leaves the on-premises directory intact/ }],
  },
  {
    name: 'delete with WorkSpaces left → fail for both',
    options: { before: 'delete-directory' },
    facts: { workspacesDirectory: dir({ DirectoryType: 'SIMPLE_AD' }), regionWorkspaces: [wsOf('ws-00000001')], dsDirectory: ds({ Type: 'SimpleAD', SsoEnabled: true }) },
    expect: [{ status: 'fail', message: /still has 1 WorkSpace \(ws-00000001\)/ }, { status: 'fail' }, { status: 'warn', message: /single sign-on is enabled.*cannot be recovered/ }],
  },
  {
    name: 'deregister with WorkSpaces → fail (the API refuses)',
    options: { before: 'deregister' },
    facts: { workspacesDirectory: dir({ DirectoryType: 'MicrosoftAD' as never }), regionWorkspaces: [wsOf('ws-00000001'), wsOf('ws-00000002'), wsOf('ws-other0001', 'd-9999999999')] },
    expect: [{ status: 'fail', message: /2 WorkSpaces \(ws-00000001, ws-00000002\): WorkSpaces refuses/ }],
  },
  { name: 'deregister a Managed AD without WorkSpaces → pass', options: { before: 'deregister' }, facts: { workspacesDirectory: dir({ DirectoryType: 'MicrosoftAD' as never }), regionWorkspaces: [wsOf('ws-00000001', 'd-1234567890', 'TERMINATED')] }, expect: [{ status: 'pass' }] },
  { name: 'deregister an AD Connector without WorkSpaces → warn (charged afterwards)', options: { before: 'deregister' }, facts: { workspacesDirectory: dir(), regionWorkspaces: [] }, expect: [{ status: 'warn', message: /charged by Directory Service/ }] },
]);
