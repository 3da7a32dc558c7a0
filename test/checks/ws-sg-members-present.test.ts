import check from '../../checks/directory/ws-sg-members-present.js';
import { checkTable } from '../helpers/check-table.js';
import { dir, groupsHealthy, MEMBERS_SG, sg } from '../helpers/directory-fixtures.js';

checkTable(check, [
  { name: 'catalog A11: both groups → pass', facts: { workspacesDirectory: dir(), securityGroups: groupsHealthy() }, expect: [{ status: 'pass', resource: MEMBERS_SG }] },
  {
    name: 'catalog A11: only d-…_controllers → fail',
    facts: { workspacesDirectory: dir(), securityGroups: [sg('sg-controllers', 'd-1234567890_controllers')] },
    expect: [{ status: 'fail', message: /no security group named d-1234567890_workspacesMembers/ }],
  },
  { name: '_controllers missing → warn', facts: { workspacesDirectory: dir(), securityGroups: [sg(MEMBERS_SG, 'd-1234567890_workspacesMembers')] }, expect: [{ status: 'warn', message: /d-1234567890_controllers/ }] },
  {
    name: 'the directory uses another group than its own _workspacesMembers → fail',
    facts: { workspacesDirectory: dir({ WorkspaceSecurityGroupId: 'sg-other' }), securityGroups: groupsHealthy() },
    expect: [{ status: 'fail', message: /uses sg-other/ }],
  },
  {
    name: 'another directory\'s groups do not count',
    facts: { workspacesDirectory: dir(), securityGroups: [sg(MEMBERS_SG, 'd-9999999999_workspacesMembers')] },
    expect: [{ status: 'fail' }],
  },
]);
