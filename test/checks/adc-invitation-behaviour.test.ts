import check from '../../checks/directory/adc-invitation-behaviour.js';
import { checkTable } from '../helpers/check-table.js';
import { dir } from '../helpers/directory-fixtures.js';

checkTable(check, [
  { name: "catalog C10: DirectoryType 'AD_CONNECTOR' → information (pass)", facts: { workspacesDirectory: dir() }, expect: [{ status: 'pass', message: /no welcome or password reset emails/ }] },
  { name: 'catalog C10: SIMPLE_AD → nothing (skip)', facts: { workspacesDirectory: dir({ DirectoryType: 'SIMPLE_AD' }) }, expect: [{ status: 'skip' }] },
]);
