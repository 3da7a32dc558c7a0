import check from '../../checks/directory/ws-web-access-compat.js';
import { checkTable } from '../helpers/check-table.js';
import { dir, ws } from '../helpers/directory-fixtures.js';

const web = dir({ WorkspaceAccessProperties: { DeviceTypeWeb: 'ALLOW' } });

checkTable(check, [
  { name: "catalog B7: web ALLOW + Protocols ['WSP'] → warn", facts: { workspacesDirectory: web, workspaces: [ws('ws-00000001', { WorkspaceProperties: { Protocols: ['WSP'], OperatingSystemName: 'WINDOWS_10' } })] }, expect: [{ status: 'warn', message: /WSP.*likely outdated/ }] },
  { name: 'catalog B7: Windows 10 PCoIP → pass', facts: { workspacesDirectory: web, workspaces: [ws('ws-00000001', { WorkspaceProperties: { Protocols: ['PCOIP'], OperatingSystemName: 'WINDOWS_10' } })] }, expect: [{ status: 'pass' }] },
  { name: 'Amazon Linux → warn', facts: { workspacesDirectory: web, workspaces: [ws('ws-00000001', { WorkspaceProperties: { OperatingSystemName: 'AMAZON_LINUX_2' } })] }, expect: [{ status: 'warn', message: /Linux WorkSpaces/ }] },
  { name: 'Windows 7 → warn', facts: { workspacesDirectory: web, workspaces: [ws('ws-00000001', { WorkspaceProperties: { OperatingSystemName: 'WINDOWS_7' } })] }, expect: [{ status: 'warn', message: /October 1, 2020/ }] },
  { name: 'Web Access not allowed → skip', facts: { workspacesDirectory: dir(), workspaces: [ws('ws-00000001', { WorkspaceProperties: { OperatingSystemName: 'AMAZON_LINUX_2' } })] }, expect: [{ status: 'skip' }] },
]);
