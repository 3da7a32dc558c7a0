import check from '../../checks/directory/ws-image-quota.js';
import { checkTable, failed } from '../helpers/check-table.js';

const images = (n: number) => Array.from({ length: n }, (_, i) => ({ ImageId: `wsi-${String(i).padStart(9, '0')}` }));
const noQuota = failed({ kind: 'denied', iamAction: 'servicequotas:ListServiceQuotas', message: 'access denied: the caller lacks the IAM permission servicequotas:ListServiceQuotas' });

// The catalog's cases (E2 Test): 20 images, quota 20 → FAIL; 19 → WARN; 5 → PASS.
checkTable(check, [
  { name: '20 images at a quota of 20 fail (catalog E2)', facts: { workspaceImages: images(20), workspacesImageQuota: { QuotaName: 'Images', QuotaCode: 'L-1', Value: 20 } }, expect: [{ status: 'fail', message: /20 WorkSpaces images .* at the account's quota \(Images, Service Quotas\)/ }] },
  { name: '19 warn (catalog E2)', facts: { workspaceImages: images(19), workspacesImageQuota: { QuotaName: 'Images', QuotaCode: 'L-1', Value: 20 } }, expect: [{ status: 'warn', message: /one short of/ }] },
  { name: '5 pass (catalog E2)', facts: { workspaceImages: images(5), workspacesImageQuota: { QuotaName: 'Images', QuotaCode: 'L-1', Value: 20 } }, expect: [{ status: 'pass' }] },
  {
    name: "Service Quotas unreadable: the guide's 20 is used, and both guides' figures named",
    facts: { workspaceImages: images(20), workspacesImageQuota: noQuota },
    expect: [{ status: 'fail', message: /the guide's default of 20 \(the custom image guide says 40; Service Quotas could not be read: access denied/ }],
  },
  { name: 'Service Quotas listing no images quota: the default, said', facts: { workspaceImages: images(3), workspacesImageQuota: {} }, expect: [{ status: 'pass', message: /Service Quotas lists no images quota/ }] },
]);
