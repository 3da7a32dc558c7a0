import check from '../../checks/directory/ws-device-type-allowed.js';
import { checkTable } from '../helpers/check-table.js';
import { dir } from '../helpers/directory-fixtures.js';

const access = (WorkspaceAccessProperties: Record<string, string>) => ({ workspacesDirectory: dir({ WorkspaceAccessProperties }) });
const ALL_DENIED = Object.fromEntries(['Windows', 'Osx', 'Linux', 'Web', 'Ios', 'Android', 'ChromeOs', 'ZeroClient'].map((t) => [`DeviceType${t}`, 'DENY']));

checkTable(check, [
  { name: "catalog B6: platform linux, DeviceTypeLinux 'DENY' → fail", options: { clientPlatform: 'linux' }, facts: access({ DeviceTypeLinux: 'DENY' }), expect: [{ status: 'fail', message: /does not allow Linux devices/ }] },
  { name: 'catalog B6: ALLOW → pass', options: { clientPlatform: 'linux' }, facts: access({ DeviceTypeLinux: 'ALLOW' }), expect: [{ status: 'pass', message: /allows Linux devices/ }] },
  { name: "unreported types take the guide's defaults: Web Access denied", options: { clientPlatform: 'web' }, facts: access({}), expect: [{ status: 'fail', message: /Web Access/ }] },
  { name: "…and Windows allowed", options: { clientPlatform: 'windows' }, facts: access({}), expect: [{ status: 'pass' }] },
  { name: 'without --client-platform: what is allowed, as information', facts: access({ DeviceTypeWindows: 'ALLOW', DeviceTypeWeb: 'DENY' }), expect: [{ status: 'pass', message: /allows Windows, macOS.*denies Linux, Web Access/ }] },
  { name: 'every type denied → warn', facts: access(ALL_DENIED), expect: [{ status: 'warn', message: /allows no device type/ }] },
]);
