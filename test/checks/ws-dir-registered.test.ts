import check from '../../checks/directory/ws-dir-registered.js';
import { checkTable, failed } from '../helpers/check-table.js';
import { dir } from '../helpers/directory-fixtures.js';

checkTable(check, [
  { name: 'catalog A1: REGISTERED → pass', facts: { workspacesDirectory: dir() }, expect: [{ status: 'pass', resource: 'd-1234567890' }] },
  { name: 'catalog A1: REGISTERING → warn', facts: { workspacesDirectory: dir({ State: 'REGISTERING' }) }, expect: [{ status: 'warn', message: /registration is still in progress/ }] },
  { name: 'DEREGISTERING → warn', facts: { workspacesDirectory: dir({ State: 'DEREGISTERING' }) }, expect: [{ status: 'warn', message: /deregistration is still in progress/ }] },
  { name: 'catalog A1: DEREGISTERED → fail', facts: { workspacesDirectory: dir({ State: 'DEREGISTERED' }) }, expect: [{ status: 'fail', message: /is DEREGISTERED/ }] },
  { name: 'catalog A1: ERROR → fail', facts: { workspacesDirectory: dir({ State: 'ERROR' }) }, expect: [{ status: 'fail', message: /is ERROR/ }] },
  { name: 'a state the API did not have → warn, never pass', facts: { workspacesDirectory: dir({ State: 'SUSPENDED' as never }) }, expect: [{ status: 'warn', message: /does not know/ }] },
  { name: 'no state at all → warn', facts: { workspacesDirectory: dir({ State: undefined }) }, expect: [{ status: 'warn' }] },
  {
    name: 'a denied lookup → error naming the action',
    facts: { workspacesDirectory: failed({ kind: 'denied', message: 'access denied: the caller lacks the IAM permission workspaces:DescribeWorkspaceDirectories', iamAction: 'workspaces:DescribeWorkspaceDirectories' }) },
    expect: [{ status: 'error', message: /DescribeWorkspaceDirectories/ }],
  },
]);
