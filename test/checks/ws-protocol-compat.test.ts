import check from '../../checks/workspace/ws-protocol-compat.js';
import { checkTable } from '../helpers/check-table.js';
import { directory, ws } from '../helpers/workspace-fixtures.js';

const wsp = (id: string, os = 'WINDOWS_10') => ws(id, { properties: { Protocols: ['WSP'], OperatingSystemName: os as 'WINDOWS_10' } });

// The catalog's cases (D17 Test): Protocols:['WSP'], region eu-central-1 → WARN; PCoIP Windows in us-east-1 → PASS.
checkTable(check, [
  { name: 'WSP in eu-central-1 warns, naming the beta (catalog D17)', region: 'eu-central-1', facts: { workspaces: [wsp('ws-00000001')], workspacesDirectory: directory() }, expect: [{ status: 'warn', message: /Europe \(Frankfurt\) \(eu-central-1\) "not supported for the WSP beta".*describes the WSP beta/ }] },
  { name: 'PCoIP Windows in us-east-1 passes (catalog D17)', facts: { workspaces: [ws('ws-00000001', { properties: { Protocols: ['PCOIP'] } })], workspacesDirectory: directory() }, expect: [{ status: 'pass', message: /use PCoIP/ }] },
  { name: 'WSP on Linux warns', facts: { workspaces: [wsp('ws-00000001', 'AMAZON_LINUX_2')], workspacesDirectory: directory() }, expect: [{ status: 'warn', message: /Linux WorkSpaces support only the PCoIP protocol/ }] },
  {
    name: 'WSP in a directory that allows zero clients warns',
    facts: { workspaces: [wsp('ws-00000001')], workspacesDirectory: directory({ WorkspaceAccessProperties: { DeviceTypeZeroClient: 'ALLOW' } }) },
    expect: [{ status: 'warn', message: /zero client devices are supported only with PCoIP/ }],
  },
  { name: 'WSP on Windows 10 in us-east-1 passes', facts: { workspaces: [wsp('ws-00000001')], workspacesDirectory: directory() }, expect: [{ status: 'pass', message: /The 1 WSP WorkSpace run/ }] },
]);
