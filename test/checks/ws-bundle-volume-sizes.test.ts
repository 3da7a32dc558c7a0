import check from '../../checks/workspace/ws-bundle-volume-sizes.js';
import { checkTable } from '../helpers/check-table.js';
import { bundle } from '../helpers/workspace-fixtures.js';

// The catalog's cases (E3 Test): STANDARD (100, 50) → FAIL; GRAPHICS (100, 100) → PASS; (80, 10) → PASS.
checkTable(check, [
  { name: 'STANDARD (100, 50) fails (catalog E3)', facts: {}, options: { rootVolumeGib: 100, userVolumeGib: 50, computeType: 'STANDARD' }, expect: [{ status: 'fail', message: /Root 100 GB, User 50 GB is not one of the groups WorkSpaces offers for Standard/ }] },
  { name: 'GRAPHICS (100, 100) passes (catalog E3)', facts: {}, options: { rootVolumeGib: 100, userVolumeGib: 100, computeType: 'GRAPHICS' }, expect: [{ status: 'pass' }] },
  { name: '(80, 10) passes (catalog E3)', facts: {}, options: { rootVolumeGib: 80, userVolumeGib: 10 }, expect: [{ status: 'pass', message: /no --compute-type: judged as a Value…PowerPro bundle/ }] },
  { name: 'STANDARD (100, 100) fails: only Graphics may have a 100 GB root', facts: {}, options: { rootVolumeGib: 100, userVolumeGib: 100, computeType: 'STANDARD' }, expect: [{ status: 'fail' }] },
  { name: 'over 2000 GB fails', facts: {}, options: { rootVolumeGib: 2001, userVolumeGib: 100 }, expect: [{ status: 'fail', message: /2000 GB at most/ }] },
  { name: 'one size alone is not enough to judge', facts: {}, options: { rootVolumeGib: 175 }, expect: [{ status: 'skip', message: /both sizes/ }] },
  {
    name: 'without sizes, the custom bundles in use are judged',
    facts: { bundles: [bundle('wsb-custom001', { Owner: '111122223333', RootStorage: { Capacity: '175' }, UserStorage: { Capacity: '100' } }), bundle('wsb-standard01')] },
    expect: [{ status: 'pass', resource: 'wsb-custom001' }],
  },
]);
