import check from '../../checks/workspace/ws-user-has-workspace.js';
import { checkTable } from '../helpers/check-table.js';
import { directory, ws } from '../helpers/workspace-fixtures.js';

// The catalog's case (D20 Test): existing ws({UserName:'jdoe'}) + planned jdoe → FAIL.
checkTable(check, [
  {
    name: 'jdoe already has a WorkSpace: a launch for jdoe fails (catalog D20)',
    facts: { workspacesDirectory: directory(), userWorkspaces: { users: [{ UserName: 'jdoe', Workspaces: [ws('ws-00000001', { UserName: 'jdoe' })] }] } },
    options: { before: 'launch', userNames: ['jdoe'] },
    expect: [{ status: 'fail', resource: 'jdoe', message: /User jdoe already has ws-00000001 \(AVAILABLE\)/ }],
  },
  {
    name: 'a user without one passes',
    facts: { workspacesDirectory: directory(), userWorkspaces: { users: [{ UserName: 'newhire', Workspaces: [] }], directoryUserNames: ['jdoe'] } },
    expect: [{ status: 'pass', message: /one can be launched for them/ }],
  },
  {
    name: 'another spelling of the name counts: Active Directory ignores case',
    facts: { workspacesDirectory: directory(), userWorkspaces: { users: [{ UserName: 'JDoe', Workspaces: [ws('ws-00000001', { UserName: 'jdoe' })] }], directoryUserNames: ['jdoe'] } },
    expect: [{ status: 'fail', message: /\(AVAILABLE, as jdoe\)/ }],
  },
]);
