import check from '../../checks/workspace/ws-windows7-lifecycle.js';
import { checkTable } from '../helpers/check-table.js';
import { bundle, directory, ws } from '../helpers/workspace-fixtures.js';

const win7Public = bundle('wsb-win7pub01', { Name: 'Standard with Windows 7', Owner: 'AMAZON' });
const win7Custom = bundle('wsb-win7cus01', { Name: 'finance-win7', Description: 'Windows 7 finance image', Owner: '111122223333' });

// The catalog's cases (D18 Test): public Win7 bundle → WARN; Windows 10 → PASS.
checkTable(check, [
  {
    name: 'a public Windows 7 bundle warns: no rebuild or image since 2020-01-14 (catalog D18)',
    facts: { workspaces: [ws('ws-00000001', { BundleId: 'wsb-win7pub01' })], workspacesDirectory: directory(), bundles: [win7Public] },
    expect: [{ status: 'warn', message: /runs Windows 7 from public bundle wsb-win7pub01: since 2020-01-14 it cannot be rebuilt/ }],
  },
  { name: 'Windows 10 passes (catalog D18)', facts: { workspaces: [ws('ws-00000001', { properties: { OperatingSystemName: 'WINDOWS_10' } })], workspacesDirectory: directory() }, expect: [{ status: 'pass', message: /No WorkSpace runs Windows 7/ }] },
  {
    name: 'a custom Windows 7 WorkSpace with Web Access allowed warns',
    facts: { workspaces: [ws('ws-00000001', { BundleId: 'wsb-win7cus01' })], workspacesDirectory: directory({ WorkspaceAccessProperties: { DeviceTypeWeb: 'ALLOW' } }), bundles: [win7Custom] },
    expect: [{ status: 'warn', message: /Web Access, which stopped connecting to such WorkSpaces on 2020-10-01/ }],
  },
  {
    name: 'a custom Windows 7 WorkSpace without Web Access passes, asking for a migration plan',
    facts: { workspaces: [ws('ws-00000001', { BundleId: 'wsb-win7cus01' })], workspacesDirectory: directory(), bundles: [win7Custom] },
    expect: [{ status: 'pass', message: /still rebuildable\. Plan their migration/ }],
  },
  {
    name: 'a WorkSpace whose OS nothing says is counted as such',
    facts: { workspaces: [ws('ws-00000001', { BundleId: 'wsb-mystery01' })], workspacesDirectory: directory(), bundles: [bundle('wsb-mystery01', { Name: 'team bundle', Owner: '1' })] },
    expect: [{ status: 'pass', message: /for 1, neither WorkSpaces nor the bundle says which OS/ }],
  },
]);
