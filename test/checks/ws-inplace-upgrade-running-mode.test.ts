import check from '../../checks/workspace/ws-inplace-upgrade-running-mode.js';
import { checkTable } from '../helpers/check-table.js';
import { directory, ws } from '../helpers/workspace-fixtures.js';

const byol = (mode: string, timeout?: number) =>
  ws('ws-00000001', { properties: { OperatingSystemName: 'WINDOWS_10', RunningMode: mode as 'ALWAYS_ON', ...(timeout ? { RunningModeAutoStopTimeoutInMinutes: timeout } : {}) } });
const dedicated = directory({ Tenancy: 'DEDICATED' });

// The catalog's cases (D19 Test): AUTO_STOP, 60 → FAIL; ALWAYS_ON → PASS.
checkTable(check, [
  { name: 'AutoStop after 60 minutes fails (catalog D19)', facts: { workspaces: [byol('AUTO_STOP', 60)], workspacesDirectory: dedicated }, expect: [{ status: 'fail', message: /AutoStop with a stop time of 60 minutes.*180 minutes or more/ }] },
  { name: 'AlwaysOn passes (catalog D19)', facts: { workspaces: [byol('ALWAYS_ON')], workspacesDirectory: dedicated }, expect: [{ status: 'pass', message: /set it back afterwards/ }] },
  { name: 'AutoStop after 180 minutes passes', facts: { workspaces: [byol('AUTO_STOP', 180)], workspacesDirectory: dedicated }, expect: [{ status: 'pass', message: /AutoStop after 180 minutes/ }] },
  { name: 'not BYOL: the upgrade does not apply', facts: { workspaces: [byol('AUTO_STOP', 60)], workspacesDirectory: directory() }, expect: [{ status: 'skip', message: /applies only to those/ }] },
]);
