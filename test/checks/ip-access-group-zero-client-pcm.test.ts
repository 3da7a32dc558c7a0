import check from '../../checks/directory/ip-access-group-zero-client-pcm.js';
import { checkTable } from '../helpers/check-table.js';
import { dir } from '../helpers/directory-fixtures.js';

checkTable(check, [
  { name: "catalog B5: 1 IP group + DeviceTypeZeroClient 'ALLOW' → warn", facts: { workspacesDirectory: dir({ ipGroupIds: ['wsipg-1'], WorkspaceAccessProperties: { DeviceTypeZeroClient: 'ALLOW' } }) }, expect: [{ status: 'warn', message: /firmware 6.0.0 or later/ }] },
  { name: 'catalog B5: DENY → pass', facts: { workspacesDirectory: dir({ ipGroupIds: ['wsipg-1'], WorkspaceAccessProperties: { DeviceTypeZeroClient: 'DENY' } }) }, expect: [{ status: 'pass', message: /does not allow PCoIP zero clients/ }] },
  { name: 'no IP group → pass', facts: { workspacesDirectory: dir({ WorkspaceAccessProperties: { DeviceTypeZeroClient: 'ALLOW' } }) }, expect: [{ status: 'pass', message: /no IP access control group/ }] },
]);
