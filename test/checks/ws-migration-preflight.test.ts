import check from '../../checks/workspace/ws-migration-preflight.js';
import { checkTable } from '../helpers/check-table.js';
import { ago, bundle, ws } from '../helpers/workspace-fixtures.js';

const win10Public = bundle('wsb-win10pub1', { Name: 'Standard with Windows 10' });
const win10Custom = bundle('wsb-win10cus1', { Name: 'eng-win10', Description: 'Windows 10 engineering', Owner: '111122223333', ImageId: 'wsi-eng00001' });
const plusPublic = bundle('wsb-win10plus', { Name: 'Standard Plus with Windows 10 and Office 2016' });
const byol = bundle('wsb-byol00001', { Name: 'byol-win10', Owner: '111122223333', ImageId: 'wsi-byol0001' });
const byolImage = { ImageId: 'wsi-byol0001', RequiredTenancy: 'DEDICATED' as const, OperatingSystem: { Type: 'WINDOWS' as const } };
const snapshots = [{ WorkspaceId: 'ws-00000001', RebuildSnapshots: [{ SnapshotTime: ago(120) }], RestoreSnapshots: [] }];
const source = (fields = {}) => ws('ws-00000001', { BundleId: 'wsb-win10pub1', properties: { OperatingSystemName: 'WINDOWS_10' }, ...fields });

// The catalog's cases (D10 Test): source Plus, target non-Plus → FAIL; Windows 10 public → Windows 10 custom, AVAILABLE, 2 days old → PASS.
checkTable(check, [
  {
    name: 'Plus to non-Plus fails (catalog D10)',
    facts: { workspaces: [source({ BundleId: 'wsb-win10plus' })], bundles: [plusPublic], targetBundle: win10Custom },
    expect: [{ status: 'fail', message: /on a Plus bundle and the target is a non-Plus one/ }],
  },
  {
    name: 'Windows 10 public to Windows 10 custom, AVAILABLE, 2 days old, passes (catalog D10)',
    facts: { workspaces: [source()], bundles: [win10Public], targetBundle: win10Custom, workspaceSnapshots: snapshots, workspaceLaunchEvents: { since: ago(1440), searched: true, wanted: ['ws-00000001'], launches: [] } },
    expect: [{ status: 'pass', message: /can be migrated from its public bundle to the custom bundle wsb-win10cus1.*drive C is erased/ }],
  },
  {
    name: 'custom Windows 10 to public Windows 10 is not in the scenario table',
    facts: { workspaces: [source({ BundleId: 'wsb-win10cus1' })], bundles: [win10Custom], targetBundle: win10Public },
    expect: [{ status: 'fail', message: /custom Windows 10 bundle to a public Windows 10 bundle/ }],
  },
  { name: 'a Linux WorkSpace cannot be migrated', facts: { workspaces: [source({ properties: { OperatingSystemName: 'AMAZON_LINUX_2' } })], bundles: [win10Public], targetBundle: win10Custom }, expect: [{ status: 'fail', message: /Migrating Linux WorkSpaces is not currently supported/ }] },
  { name: 'ADMIN_MAINTENANCE cannot be migrated', facts: { workspaces: [source({ State: 'ADMIN_MAINTENANCE' })], bundles: [win10Public], targetBundle: win10Custom }, expect: [{ status: 'fail', message: /never ADMIN_MAINTENANCE/ }] },
  { name: 'the same bundle fails: rebuild instead', facts: { workspaces: [source()], bundles: [win10Public], targetBundle: win10Public }, expect: [{ status: 'fail', message: /rebuild it instead/ }] },
  { name: 'a Windows 7 target fails', facts: { workspaces: [source()], bundles: [win10Public], targetBundle: bundle('wsb-win7pub01', { Name: 'Standard with Windows 7' }) }, expect: [{ status: 'fail', message: /is a Windows 7 bundle/ }] },
  { name: 'public to BYOL fails', facts: { workspaces: [source()], bundles: [win10Public], targetBundle: byol, bundleImages: [byolImage] }, expect: [{ status: 'fail', message: /cannot be migrated to a BYOL bundle/ }] },
  {
    name: 'a WorkSpace under 12 hours old warns: no snapshot yet',
    facts: { workspaces: [source()], bundles: [win10Public], targetBundle: win10Custom, workspaceLaunchEvents: { since: ago(1440), searched: true, wanted: ['ws-00000001'], launches: [{ WorkspaceId: 'ws-00000001', eventTime: ago(120) }] } },
    expect: [{ status: 'warn', message: /launched only 2 h ago: migrate it once it is at least 12 hours old/ }],
  },
  {
    name: 'more than 25 WorkSpaces at once warn about batches; too few free IPs warn too',
    facts: {
      workspaces: Array.from({ length: 26 }, (_, i) => ws(`ws-${String(i).padStart(8, '0')}`, { BundleId: 'wsb-win10pub1', properties: { OperatingSystemName: 'WINDOWS_10' } })),
      bundles: [win10Public],
      targetBundle: win10Custom,
      subnets: [{ SubnetId: 'subnet-a', AvailableIpAddressCount: 10 }],
    },
    expect: [...Array.from({ length: 26 }, () => ({ status: 'pass' as const })), { status: 'warn', message: /batches of no more than 25/ }, { status: 'warn', message: /10 free IP addresses and 26 WorkSpaces/ }],
  },
  {
    name: 'without --target-bundle it does not apply',
    facts: { workspaces: [source()], bundles: [win10Public], targetBundle: { __failed: true, kind: 'not-applicable', message: 'needs --target-bundle' } as never },
    expect: [{ status: 'skip', message: /needs --target-bundle/ }],
  },
]);
