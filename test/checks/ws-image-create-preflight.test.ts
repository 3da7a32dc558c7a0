import check from '../../checks/workspace/ws-image-create-preflight.js';
import { checkTable } from '../helpers/check-table.js';
import { bundle, ws } from '../helpers/workspace-fixtures.js';

const images = (n: number) => Array.from({ length: n }, (_, i) => ({ ImageId: `wsi-${String(i).padStart(9, '0')}` }));

// The catalog's cases (E1 Test): ModificationStates:[{Resource:'USER_VOLUME',State:'UPDATE_IN_PROGRESS'}] → FAIL;
// encrypted root → FAIL; clean AVAILABLE → PASS.
checkTable(check, [
  {
    name: 'a modification in progress fails (catalog E1)',
    facts: { workspaces: [ws('ws-00000001', { ModificationStates: [{ Resource: 'USER_VOLUME', State: 'UPDATE_IN_PROGRESS' }] })], workspaceImages: images(1) },
    expect: [{ status: 'fail', message: /USER_VOLUME UPDATE_IN_PROGRESS.*modification state must be None/ }],
  },
  { name: 'an encrypted root volume fails (catalog E1)', facts: { workspaces: [ws('ws-00000001', { RootVolumeEncryptionEnabled: true })], workspaceImages: images(1) }, expect: [{ status: 'fail', message: /its root volume is encrypted/ }] },
  { name: 'a clean AVAILABLE WorkSpace passes (catalog E1)', facts: { workspaces: [ws('ws-00000001')], workspaceImages: images(1) }, expect: [{ status: 'pass', message: /Restart it when the console asks, run the Image Checker/ }] },
  { name: 'not AVAILABLE fails', facts: { workspaces: [ws('ws-00000001', { State: 'STOPPED' })] }, expect: [{ status: 'fail', message: /it is STOPPED, and it must be AVAILABLE/ }] },
  {
    name: 'a public Windows 7 bundle fails',
    facts: { workspaces: [ws('ws-00000001', { BundleId: 'wsb-win7pub01' })], bundles: [bundle('wsb-win7pub01', { Name: 'Value with Windows 7' })] },
    expect: [{ status: 'fail', message: /public Windows 7 bundle wsb-win7pub01: no images since January 14, 2020/ }],
  },
  { name: 'the images quota reached fails (E2)', facts: { workspaces: [ws('ws-00000001')], workspaceImages: images(20) }, expect: [{ status: 'fail', message: /already holds 20 images, the quota of 20/ }] },
  { name: "the account's own quota is used when Service Quotas gives one", facts: { workspaces: [ws('ws-00000001')], workspaceImages: images(20), workspacesImageQuota: { QuotaName: 'Images', Value: 50 } }, expect: [{ status: 'pass' }] },
]);
