import check from '../../checks/workspace/ws-kms-grant-limit.js';
import { checkTable } from '../helpers/check-table.js';
import { ws } from '../helpers/workspace-fixtures.js';

const A = 'arn:aws:kms:us-east-1:111122223333:key/aaaaaaaa-1111-2222-3333-444444444444';
const counts = (byKey: Record<string, Record<string, number>>) => ({
  directories: ['d-1234567890', 'd-2222222222'],
  keys: Object.entries(byKey).map(([key, byDirectory]) => ({ key, byDirectory: Object.entries(byDirectory).map(([DirectoryId, workspaces]) => ({ DirectoryId, workspaces })) })),
});
const encrypted = ws('ws-00000001', { UserVolumeEncryptionEnabled: true, VolumeEncryptionKey: A });

// The catalog's cases (D8 Test): 499 WorkSpaces on key A + planned 2 → FAIL; 100 → PASS.
checkTable(check, [
  {
    name: '499 on key A plus 2 planned fails (catalog D8)',
    facts: { workspaces: [encrypted], keyWorkspaceCounts: counts({ [A]: { 'd-1234567890': 300, 'd-2222222222': 199 } }) },
    options: { plannedWorkspaces: 2, kmsKeyId: A },
    expect: [{ status: 'fail', resource: A, message: /encrypts 499 WorkSpaces in the Region \(300 in d-1234567890, 199 in d-2222222222\) and 2 more are planned on it.*501, more than the 500/ }],
  },
  { name: '100 passes (catalog D8)', facts: { workspaces: [encrypted], keyWorkspaceCounts: counts({ [A]: { 'd-1234567890': 100 } }) }, expect: [{ status: 'pass', message: /100 of the 500/ }] },
  { name: '450 warns', facts: { workspaces: [encrypted], keyWorkspaceCounts: counts({ [A]: { 'd-1234567890': 450 } }) }, expect: [{ status: 'warn', message: /450 of the 500.*next 51 launches/ }] },
  {
    name: 'the same key named by alias and by ARN is counted once, where KMS said they are one',
    facts: {
      workspaces: [encrypted],
      keyWorkspaceCounts: counts({ [A]: { 'd-1234567890': 300 }, 'alias/wsd': { 'd-2222222222': 250 } }),
      kmsKeys: [{ key: A, metadata: { KeyId: 'aaaaaaaa-1111-2222-3333-444444444444', Arn: A } }, { key: 'alias/wsd', metadata: { KeyId: 'aaaaaaaa-1111-2222-3333-444444444444', Arn: A } }],
    },
    expect: [{ status: 'fail', message: /encrypts 550 WorkSpaces/ }],
  },
  {
    name: '--planned without --kms-key counts against no key, and says so',
    facts: { workspaces: [encrypted], keyWorkspaceCounts: counts({ [A]: { 'd-1234567890': 10 } }) },
    options: { plannedWorkspaces: 600 },
    expect: [{ status: 'pass', message: /--planned counts against a key only when --kms-key names it/ }],
  },
  { name: 'nothing encrypted is a skip', facts: { workspaces: [ws('ws-00000001')], keyWorkspaceCounts: counts({}) }, expect: [{ status: 'skip' }] },
]);
