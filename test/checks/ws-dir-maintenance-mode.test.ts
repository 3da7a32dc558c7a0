import check from '../../checks/directory/ws-dir-maintenance-mode.js';
import { checkTable } from '../helpers/check-table.js';
import { dir, ws } from '../helpers/directory-fixtures.js';

const autoStop = ws('ws-00000001', { WorkspaceProperties: { RunningMode: 'AUTO_STOP' } });
const alwaysOn = ws('ws-00000002', { WorkspaceProperties: { RunningMode: 'ALWAYS_ON' } });
const off = dir({ WorkspaceCreationProperties: { EnableMaintenanceMode: false } });

checkTable(check, [
  { name: 'catalog A16: disabled + one AUTO_STOP WorkSpace → warn', facts: { workspacesDirectory: off, workspaces: [autoStop, alwaysOn] }, expect: [{ status: 'warn', message: /1 AutoStop WorkSpace \(ws-00000001\)/ }] },
  { name: 'catalog A16: enabled → pass', facts: { workspacesDirectory: dir(), workspaces: [autoStop] }, expect: [{ status: 'pass', message: /enabled/ }] },
  { name: 'disabled, AlwaysOn only → pass', facts: { workspacesDirectory: off, workspaces: [alwaysOn] }, expect: [{ status: 'pass', message: /none of the WorkSpaces/ }] },
  { name: 'not reported → the default (enabled) → pass', facts: { workspacesDirectory: dir({ WorkspaceCreationProperties: {} }), workspaces: [autoStop] }, expect: [{ status: 'pass' }] },
]);
