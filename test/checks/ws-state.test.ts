import check from '../../checks/workspace/ws-state.js';
import { checkTable, failed } from '../helpers/check-table.js';
import { ago, ws } from '../helpers/workspace-fixtures.js';

// The catalog's cases (D1 Test): UNHEALTHY → FAIL with remediation; ADMIN_MAINTENANCE → WARN; AVAILABLE → PASS.
checkTable(check, [
  {
    name: 'UNHEALTHY fails, with the connection state and the last connection (catalog D1)',
    facts: {
      workspaces: [ws('ws-00000001', { State: 'UNHEALTHY' })],
      connectionStatus: { scope: 'all', statuses: [{ WorkspaceId: 'ws-00000001', ConnectionState: 'DISCONNECTED', LastKnownUserConnectionTimestamp: ago(3 * 24 * 60) }] },
    },
    expect: [{ status: 'fail', resource: 'ws-00000001', message: /is UNHEALTHY: it fails to answer the status requests.*Connection state DISCONNECTED; a user last connected 3 days ago/ }],
  },
  {
    name: 'ADMIN_MAINTENANCE warns: users cannot log in until it is set back (catalog D1)',
    facts: { workspaces: [ws('ws-00000001', { State: 'ADMIN_MAINTENANCE' })], connectionStatus: { scope: 'all', statuses: [] } },
    expect: [{ status: 'warn', message: /ADMIN_MAINTENANCE: set aside for manual maintenance: users cannot log in/ }],
  },
  {
    name: 'AVAILABLE passes (catalog D1)',
    facts: { workspaces: [ws('ws-00000001')], connectionStatus: { scope: 'all', statuses: [{ WorkspaceId: 'ws-00000001', ConnectionState: 'CONNECTED', LastKnownUserConnectionTimestamp: ago(5) }] } },
    expect: [{ status: 'pass', resource: 'ws-00000001', message: /is AVAILABLE\. Connection state CONNECTED; a user last connected 5 min ago/ }],
  },
  {
    name: "ERROR fails with the WorkSpace's own error code and message",
    facts: { workspaces: [ws('ws-00000001', { State: 'ERROR', ErrorCode: 'InvalidUserConfiguration.Workspace', ErrorMessage: 'The user was either not found or is misconfigured.' })] },
    expect: [{ status: 'fail', message: /WorkSpaces reports InvalidUserConfiguration\.Workspace: The user was either not found/ }],
  },
  {
    name: 'STOPPED (AutoStop) only warns: it resumes when the user connects',
    facts: { workspaces: [ws('ws-00000001', { State: 'STOPPED' })] },
    expect: [{ status: 'warn', message: /typically in under 90 seconds/ }],
  },
  {
    name: 'a state wsdoctor does not know is a warning naming it, never a pass',
    facts: { workspaces: [ws('ws-00000001', { State: 'HIBERNATING' as 'AVAILABLE' })] },
    expect: [{ status: 'warn', message: /a state wsdoctor does not know, "HIBERNATING"/ }],
  },
  {
    name: 'many AVAILABLE WorkSpaces are summed up in one pass after the faults',
    facts: { workspaces: [ws('ws-00000001'), ws('ws-00000002', { State: 'TERMINATING' }), ws('ws-00000003'), ws('ws-00000004')] },
    expect: [{ status: 'fail', resource: 'ws-00000002' }, { status: 'pass', message: /The other 3 WorkSpaces are AVAILABLE/ }],
  },
  {
    name: 'connection status that could not be read is said, and the state still judged',
    facts: {
      workspaces: [ws('ws-00000001', { State: 'UNHEALTHY' })],
      connectionStatus: failed({ kind: 'denied', iamAction: 'workspaces:DescribeWorkspacesConnectionStatus', message: 'access denied: the caller lacks the IAM permission workspaces:DescribeWorkspacesConnectionStatus' }),
    },
    expect: [{ status: 'fail', message: /Connection status could not be read: access denied.*DescribeWorkspacesConnectionStatus/ }],
  },
  {
    name: 'a denied DescribeWorkspaces is an error, never a pass',
    facts: { workspaces: failed({ kind: 'denied', iamAction: 'workspaces:DescribeWorkspaces', message: 'access denied: the caller lacks the IAM permission workspaces:DescribeWorkspaces' }) },
    expect: [{ status: 'error', message: /workspaces:DescribeWorkspaces/ }],
  },
  {
    name: 'no WorkSpace is a skip',
    facts: { workspaces: [] },
    expect: [{ status: 'skip' }],
  },
]);
