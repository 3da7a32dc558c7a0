import check from '../../checks/workspace/ws-rebuild-restore-eligible.js';
import { checkTable } from '../helpers/check-table.js';
import { ago, bundle, ws } from '../helpers/workspace-fixtures.js';

const KEY = 'arn:aws:kms:us-east-1:111122223333:key/aaaaaaaa-1111-2222-3333-444444444444';
const snapshots = (id: string, minutes: number) => [{ WorkspaceId: id, RebuildSnapshots: [{ SnapshotTime: ago(minutes) }], RestoreSnapshots: [{ SnapshotTime: ago(minutes) }] }];
const encrypted = ws('ws-00000001', { State: 'UNHEALTHY', RootVolumeEncryptionEnabled: true, VolumeEncryptionKey: KEY });

// The catalog's cases (D9 Test): State:'PENDING' → FAIL; UNHEALTHY + snapshot 3 h old → PASS+WARN.
checkTable(check, [
  { name: 'PENDING cannot be rebuilt (catalog D9)', facts: { workspaces: [ws('ws-00000001', { State: 'PENDING' })] }, options: { before: 'rebuild' }, expect: [{ status: 'fail', message: /cannot be rebuilt now: it is PENDING, and a WorkSpace can be rebuilt only when AVAILABLE, ERROR, UNHEALTHY, STOPPED/ }] },
  {
    name: 'UNHEALTHY with a 3-hour-old snapshot: can be rebuilt, and what is lost (catalog D9)',
    facts: { workspaces: [ws('ws-00000001', { State: 'UNHEALTHY' })], workspaceSnapshots: snapshots('ws-00000001', 180) },
    options: { before: 'rebuild' },
    expect: [
      { status: 'pass', message: /can be rebuilt: it is UNHEALTHY/ },
      { status: 'warn', message: /latest snapshot is from .* \(3 h ago\): anything written since is lost.*new private IP address/ },
    ],
  },
  {
    name: 'restore names the restore snapshots and keeps the IP',
    facts: { workspaces: [ws('ws-00000001', { State: 'ERROR' })], workspaceSnapshots: snapshots('ws-00000001', 60) },
    options: { before: 'restore' },
    expect: [{ status: 'pass', message: /can be restored/ }, { status: 'warn', message: /^WorkSpace ws-00000001 \(user alice\): restoring it returns both volumes/ }],
  },
  {
    name: 'a public Windows 7 bundle cannot be rebuilt',
    facts: { workspaces: [ws('ws-00000001', { BundleId: 'wsb-win7pub01' })], bundles: [bundle('wsb-win7pub01', { Name: 'Standard with Windows 7' })] },
    options: { before: 'rebuild' },
    expect: [{ status: 'fail', message: /public Windows 7 bundle wsb-win7pub01, which cannot be rebuilt since January 14, 2020/ }],
  },
  {
    name: 'an encrypted WorkSpace whose key is disabled would become unusable',
    facts: { workspaces: [encrypted], kmsKeys: [{ key: KEY, metadata: { KeyState: 'Disabled' } }] },
    options: { before: 'rebuild' },
    expect: [{ status: 'fail', message: /its KMS key .* is Disabled: rebuilt while the key is not enabled, it becomes unusable/ }],
  },
  {
    name: 'an encrypted WorkSpace whose key could not be described is an error, never a pass',
    facts: { workspaces: [encrypted], kmsKeys: [{ key: KEY, failure: { kind: 'denied', iamAction: 'kms:DescribeKey', message: 'access denied: the caller lacks the IAM permission kms:DescribeKey' } }] },
    options: { before: 'rebuild' },
    expect: [{ status: 'error', message: /could not be described .*whether it is enabled is unknown/ }],
  },
  {
    name: 'snapshots not read (too many WorkSpaces) are said',
    facts: { workspaces: [ws('ws-00000001')], workspaceSnapshots: { __failed: true, kind: 'not-applicable', message: 'snapshots are read one WorkSpace a call, and 40 are in scope' } as never },
    options: { before: 'rebuild' },
    expect: [{ status: 'pass' }, { status: 'warn', message: /its snapshots were not read \(snapshots are read one WorkSpace a call, and 40 are in scope\)/ }],
  },
]);
