import check from '../../checks/directory/adc-radius-settings.js';
import { checkTable } from '../helpers/check-table.js';
import { ds } from '../helpers/directory-fixtures.js';

const radius = (settings: Record<string, unknown>, status?: string) =>
  ({ dsDirectory: ds({ RadiusSettings: { RadiusServers: ['10.60.0.5'], RadiusPort: 1812, RadiusTimeout: 5, RadiusRetries: 3, AuthenticationProtocol: 'PAP', ...settings }, ...(status ? { RadiusStatus: status as never } : {}) }) });

checkTable(check, [
  { name: 'catalog C8: RadiusTimeout 30 → fail', facts: radius({ RadiusTimeout: 30 }, 'Completed'), expect: [{ status: 'fail', message: /timeout is 30 s, outside 1-20/ }] },
  { name: "catalog C8: RadiusStatus 'Creating' → warn", facts: radius({}, 'Creating'), expect: [{ status: 'warn', message: /users cannot log in/ }] },
  { name: 'catalog C8: valid + Completed → pass', facts: radius({}, 'Completed'), expect: [{ status: 'pass' }] },
  { name: 'retries 11 → fail', facts: radius({ RadiusRetries: 11 }, 'Completed'), expect: [{ status: 'fail', message: /retries is 11/ }] },
  { name: 'Failed → fail', facts: radius({}, 'Failed'), expect: [{ status: 'fail', message: /RADIUS status is Failed/ }] },
  { name: 'a port other than 1812 is named', facts: radius({ RadiusPort: 1645 }, 'Completed'), expect: [{ status: 'pass', message: /port 1645, not the default 1812/ }] },
  { name: 'no RADIUS → skip', facts: { dsDirectory: ds() }, expect: [{ status: 'skip' }] },
]);
