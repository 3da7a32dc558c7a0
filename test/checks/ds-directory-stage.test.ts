import check from '../../checks/directory/ds-directory-stage.js';
import { checkTable } from '../helpers/check-table.js';
import { ds } from '../helpers/directory-fixtures.js';

checkTable(check, [
  { name: "catalog C1: Stage 'Active' → pass", facts: { dsDirectory: ds() }, expect: [{ status: 'pass' }] },
  { name: "catalog C1: 'Creating' → warn", facts: { dsDirectory: ds({ Stage: 'Creating' }) }, expect: [{ status: 'warn', message: /still being created/ }] },
  { name: "catalog C1: 'Impaired' → fail, quoting StageReason", facts: { dsDirectory: ds({ Stage: 'Impaired', StageReason: 'DNS unavailable (TCP port 53) for IP: 10.50.0.10' }) }, expect: [{ status: 'fail', message: /AWS says: "DNS unavailable \(TCP port 53\) for IP: 10.50.0.10"/ }] },
  { name: 'Requested → warn', facts: { dsDirectory: ds({ Stage: 'Requested' }) }, expect: [{ status: 'warn' }] },
  { name: 'Failed → fail', facts: { dsDirectory: ds({ Stage: 'Failed' }) }, expect: [{ status: 'fail' }] },
  { name: 'Deleting → fail', facts: { dsDirectory: ds({ Stage: 'Deleting' }) }, expect: [{ status: 'fail' }] },
  { name: 'an unknown stage → warn, never pass', facts: { dsDirectory: ds({ Stage: 'Hibernating' as never }) }, expect: [{ status: 'warn', message: /does not know/ }] },
]);
