import check from '../../checks/directory/byol-directory-dedicated.js';
import { checkTable } from '../helpers/check-table.js';
import { bundle, directory, ws } from '../helpers/workspace-fixtures.js';

const byol = bundle('wsb-byol00001', { Name: 'byol-win10', Owner: '111122223333', ImageId: 'wsi-byol0001' });
const byolImage = { ImageId: 'wsi-byol0001', RequiredTenancy: 'DEDICATED' as const };

// The catalog's cases (E7 Test): Tenancy:'SHARED' + BYOL bundle → FAIL; DEDICATED → PASS.
checkTable(check, [
  {
    name: 'a BYOL bundle for a SHARED directory fails, counting what re-registering needs (catalog E7)',
    facts: { workspacesDirectory: directory({ Tenancy: 'SHARED' }), bundles: [byol], bundleImages: [byolImage], workspaces: [ws('ws-00000001'), ws('ws-00000002')] },
    options: { before: 'launch', bundleIds: ['wsb-byol00001'] },
    expect: [{ status: 'fail', message: /is a BYOL bundle, but directory d-1234567890 is registered with tenancy SHARED.*its 2 WorkSpaces terminated first/ }],
  },
  { name: 'DEDICATED passes (catalog E7)', facts: { workspacesDirectory: directory({ Tenancy: 'DEDICATED' }), bundles: [byol], bundleImages: [byolImage] }, options: { bundleIds: ['wsb-byol00001'] }, expect: [{ status: 'pass' }] },
  { name: 'a migration target counts too', facts: { workspacesDirectory: directory(), targetBundle: byol, bundleImages: [byolImage], workspaces: [] }, expect: [{ status: 'fail', message: /Deregister it and register it again/ }] },
  { name: 'no BYOL bundle planned is a skip', facts: { workspacesDirectory: directory(), bundles: [bundle('wsb-standard01')] }, options: { bundleIds: ['wsb-standard01'] }, expect: [{ status: 'skip', message: /None of the bundles named/ }] },
]);
