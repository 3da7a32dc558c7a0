// The per-WorkSpace checks end to end: moto_server holds the directory, its WorkSpaces (encryption settings, compute
// types, properties), KMS keys and CloudWatch metrics; the WorkSpaces front adds what moto's WorkSpaces and CloudTrail
// lack (states other than AVAILABLE, connection status, snapshots, the event history). The built CLI runs against
// them as it would against AWS.
import { describe, expect, it } from 'vitest';
import { CloudWatchClient, PutMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { CreateAliasCommand, CreateKeyCommand, DisableKeyCommand, EnableKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import { runCli, testEnv } from '../helpers/cli.js';
import { motoAvailable } from '../helpers/moto.js';
import { launchWorkspace, sdkConfig, seedDirectory, type Seeded, type SeededWorkspace } from '../helpers/seed.js';
import { useEmulatorWithFront } from '../helpers/workspaces-front.js';

interface Result {
  checkId: string;
  status: string;
  resource: string;
  message: string;
  evidence: Record<string, unknown>;
}
interface Report {
  target: { kind: string; id: string };
  before?: { action: string };
  results: Result[];
}

const REGION = 'us-east-1';
/** Seeding WorkSpaces in moto and a whole run's paced calls (WorkSpaces 2/s, CloudTrail 2/s) take tens of seconds. */
const SLOW = 120_000;

describe.runIf(motoAvailable())('per-WorkSpace checks against moto_server', () => {
  const emulator = useEmulatorWithFront();
  let cidr = 20;

  /** A fresh directory (own VPC) with WorkSpaces for these users, each placed on its network interface. */
  async function directoryWith(...users: (string | { userName: string; request?: Parameters<typeof launchWorkspace>[4]['request'] })[]) {
    const n = cidr++;
    const seeded = await seedDirectory(emulator.moto.endpoint, REGION, `10.${n}.0.0/16`, [`10.${n}.1.0/24`, `10.${n}.2.0/24`]);
    emulator.front.addBundles({ BundleId: 'wsb-standard1', Name: 'Standard with Windows 10', Owner: 'AMAZON', ComputeType: { Name: 'STANDARD' } });
    const launched: SeededWorkspace[] = [];
    for (const user of users) {
      const { userName, request } = typeof user === 'string' ? { userName: user, request: undefined } : user;
      const ws = await launchWorkspace(emulator.moto.endpoint, REGION, seeded.directoryId, seeded.subnetIds[0], { userName, bundleId: 'wsb-standard1', computeType: 'STANDARD', ...(request ? { request } : {}) });
      emulator.front.place(ws.workspaceId, { IpAddress: ws.ipAddress, SubnetId: ws.subnetId });
      launched.push(ws);
    }
    return { seeded, launched };
  }

  async function check(seeded: Seeded | undefined, ...args: string[]) {
    const cli = await runCli(
      ['check', ...(seeded ? ['--directory', seeded.directoryId] : []), '--region', REGION, '--endpoint-url', emulator.front.endpoint, '--format', 'json', ...args],
      testEnv(),
    );
    expect(cli.stderr).toBe('');
    const report = JSON.parse(cli.stdout) as Report;
    return { code: cli.code, report, of: (id: string) => report.results.filter((r) => r.checkId === id) };
  }

  it('--user finds the users among several: their WorkSpaces only, a second one for the same name, a typo with the closest names', async () => {
    const { seeded, launched } = await directoryWith('alice', 'alice', 'bob', 'carol', 'dave');
    const [alice1, alice2] = launched;
    emulator.front.setWorkspace(alice1!.workspaceId, { State: 'UNHEALTHY' });
    emulator.front.setConnection(alice1!.workspaceId, { ConnectionState: 'DISCONNECTED', LastKnownUserConnectionTimestamp: new Date(Date.now() - 2 * 86400_000) });

    const run = await check(seeded, '--user', 'alice,bbo');
    expect(run.code).toBe(1);
    expect(run.of('ws-user-workspace-found')).toMatchObject([
      { status: 'pass', resource: 'alice', message: expect.stringContaining(`${alice1!.workspaceId} (UNHEALTHY)`) },
      { status: 'fail', resource: 'bbo', message: expect.stringMatching(/User bbo has no WorkSpace .*closest user names with a WorkSpace there: bob\./) },
    ]);
    expect(run.of('ws-state')).toMatchObject([
      { status: 'fail', resource: alice1!.workspaceId, message: expect.stringMatching(/UNHEALTHY.*Connection state DISCONNECTED; a user last connected 2 days ago/) },
      { status: 'pass', resource: alice2!.workspaceId },
    ]);
    expect(run.of('ws-duplicate-username')).toMatchObject([{ status: 'warn', resource: 'alice', message: expect.stringContaining('has 2 WorkSpaces') }]);
    // Only alice's WorkSpaces were looked at: bob's, carol's and dave's appear nowhere.
    const others = launched.slice(2).map((w) => w.workspaceId);
    expect(JSON.stringify(run.report.results.filter((r) => r.checkId.startsWith('ws-')))).not.toMatch(new RegExp(others.join('|')));
  }, SLOW);

  it('--workspace alone looks its directory up, and checks the WorkSpace with its directory', async () => {
    const { seeded, launched } = await directoryWith('erin');
    const run = await check(undefined, '--workspace', launched[0]!.workspaceId);
    expect(run.report.target).toEqual({ kind: 'workspace', id: launched[0]!.workspaceId });
    expect(run.of('ws-eni-present')).toMatchObject([{ status: 'pass', resource: launched[0]!.workspaceId }]);
    expect(run.of('mgmt-cidr-conflict')).toMatchObject([{ status: 'pass' }]);
    expect(run.of('ws-subnet-free-ips')).toMatchObject([{ status: 'pass', resource: seeded.directoryId }]);
  }, SLOW);

  it('a disabled KMS key fails the encrypted WorkSpace; enabled, it passes; a bare alias for a launch fails', async () => {
    const kms = new KMSClient(sdkConfig(emulator.moto.endpoint, REGION));
    const key = (await kms.send(new CreateKeyCommand({ Description: 'workspaces volumes' }))).KeyMetadata!;
    await kms.send(new CreateAliasCommand({ AliasName: 'alias/workspaces-volumes', TargetKeyId: key.KeyId! }));
    const { seeded, launched } = await directoryWith({ userName: 'frank', request: { VolumeEncryptionKey: key.Arn!, RootVolumeEncryptionEnabled: true, UserVolumeEncryptionEnabled: true } });
    await kms.send(new DisableKeyCommand({ KeyId: key.KeyId! }));

    const disabled = await check(seeded, '--only', 'ws-kms-key-usable,ws-kms-grant-limit');
    expect(disabled.code).toBe(1);
    expect(disabled.of('ws-kms-key-usable')).toMatchObject([{ status: 'fail', resource: key.Arn, message: expect.stringContaining(`is Disabled, not Enabled`) }]);
    expect(disabled.of('ws-kms-grant-limit')).toMatchObject([{ status: 'pass', message: expect.stringContaining(`encrypts 1 WorkSpace in the Region (1 in ${seeded.directoryId})`) }]);

    await kms.send(new EnableKeyCommand({ KeyId: key.KeyId! }));
    const enabled = await check(seeded, '--only', 'ws-kms-key-usable', '--workspace', launched[0]!.workspaceId);
    expect(enabled.of('ws-kms-key-usable')).toMatchObject([{ status: 'pass', message: expect.stringContaining('enabled and symmetric (customer managed)') }]);

    const bare = await check(seeded, '--only', 'ws-kms-key-usable', '--before', 'launch', '--kms-key', 'aws/workspaces');
    expect(bare.of('ws-kms-key-usable')).toContainEqual(expect.objectContaining({ status: 'fail', resource: 'aws/workspaces', message: expect.stringContaining('is a bare alias') }));
  }, SLOW);

  it('CloudWatch: an Unhealthy datapoint and a slow PCoIP session in the last day are reported from GetMetricData', async () => {
    const { seeded, launched } = await directoryWith('gina', 'hank');
    const cw = new CloudWatchClient(sdkConfig(emulator.moto.endpoint, REGION));
    const dimension = [{ Name: 'WorkspaceId', Value: launched[0]!.workspaceId }];
    await cw.send(
      new PutMetricDataCommand({
        Namespace: 'AWS/WorkSpaces',
        MetricData: [
          { MetricName: 'Unhealthy', Dimensions: dimension, Value: 1, Timestamp: new Date(Date.now() - 3600_000) },
          { MetricName: 'InSessionLatency', Dimensions: dimension, Value: 320, Timestamp: new Date(Date.now() - 3600_000) },
        ],
      }),
    );
    const run = await check(seeded, '--only', 'cw-workspace-health-metrics');
    expect(run.of('cw-workspace-health-metrics')).toMatchObject([
      { status: 'fail', resource: launched[0]!.workspaceId, message: expect.stringMatching(/reported Unhealthy \(1 datapoint\); in-session latency averaged 320 ms, above the 250 ms PCoIP tolerates/) },
    ]);
  }, SLOW);

  it('CloudTrail: a detached interface, a launch pending too long and a stuck migration; denied, it says so and the rest runs', async () => {
    const { seeded, launched } = await directoryWith('ivan', 'judy', 'kim');
    const [ivan, judy, kim] = launched as [SeededWorkspace, SeededWorkspace, SeededWorkspace];
    const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);
    emulator.front.setWorkspace(judy.workspaceId, { State: 'PENDING' });
    emulator.front.addTrailEvents(
      {
        EventName: 'DisassociateAddress',
        EventTime: minutesAgo(300),
        Username: 'mallory',
        Resources: [{ ResourceType: 'AWS::EC2::NetworkInterface', ResourceName: ivan.networkInterfaceId }],
        record: { userIdentity: { type: 'IAMUser', arn: 'arn:aws:iam::123456789012:user/mallory' } },
      },
      { EventName: 'CreateWorkspaces', EventTime: minutesAgo(75), Username: 'admin', record: { responseElements: { pendingRequests: [{ workspaceId: judy.workspaceId }] } } },
      { EventName: 'MigrateWorkspace', EventTime: minutesAgo(90), Username: 'admin', record: { requestParameters: { sourceWorkspaceId: kim.workspaceId, bundleId: 'wsb-wsp00001' }, responseElements: { targetWorkspaceId: 'ws-target0001' } } },
    );
    const ids = 'ws-eni-modified,ws-pending-too-long,ws-migration-stuck,ws-state';
    const run = await check(seeded, '--only', ids);
    expect(run.of('ws-eni-modified')).toMatchObject([{ status: 'warn', resource: ivan.workspaceId, message: expect.stringContaining('DisassociateAddress by arn:aws:iam::123456789012:user/mallory') }]);
    expect(run.of('ws-pending-too-long')).toMatchObject([{ status: 'fail', resource: judy.workspaceId, message: expect.stringContaining('PENDING for 1 h 15 min') }]);
    expect(run.of('ws-migration-stuck')).toMatchObject([{ status: 'fail', resource: kim.workspaceId, message: expect.stringContaining('the migration was unsuccessful') }]);

    emulator.front.deny('cloudtrail:LookupEvents');
    const denied = await check(seeded, '--only', ids);
    expect(denied.code).toBe(3);
    for (const id of ['ws-eni-modified', 'ws-pending-too-long', 'ws-migration-stuck']) {
      expect(denied.of(id)).toMatchObject([{ status: 'error', evidence: { reason: 'denied', iamAction: 'cloudtrail:LookupEvents' } }]);
    }
    expect(denied.of('ws-state')).toMatchObject([{ status: 'warn' }, { status: 'pass' }]);
  }, SLOW);

  it('--before rebuild, migrate and modify say what would block the change, and the report names it', async () => {
    const { seeded, launched } = await directoryWith({ userName: 'leo', request: { WorkspaceProperties: { ComputeTypeName: 'STANDARD', RootVolumeSizeGib: 80, UserVolumeSizeGib: 50 } } }, 'mia');
    const [leo, mia] = launched as [SeededWorkspace, SeededWorkspace];
    emulator.front.setWorkspace(mia.workspaceId, { State: 'PENDING' });
    emulator.front.setSnapshots(leo.workspaceId, { RebuildSnapshots: [new Date(Date.now() - 3 * 3600_000)] });
    emulator.front.addBundles({ BundleId: 'wsb-standard1', Name: 'Standard with Windows 10', Owner: 'AMAZON', ComputeType: { Name: 'STANDARD' } }, { BundleId: 'wsb-plusoffice', Name: 'Standard Plus with Windows 10 and Office 2016', Owner: 'AMAZON', ComputeType: { Name: 'STANDARD' } });

    const rebuild = await check(seeded, '--before', 'rebuild', '--only', 'ws-rebuild-restore-eligible');
    expect(rebuild.report.before).toMatchObject({ action: 'rebuild' });
    expect(rebuild.of('ws-rebuild-restore-eligible')).toMatchObject([
      { status: 'pass', resource: leo.workspaceId },
      { status: 'warn', resource: leo.workspaceId, message: expect.stringContaining('(3 h ago): anything written since is lost') },
      { status: 'fail', resource: mia.workspaceId, message: expect.stringContaining('it is PENDING') },
    ]);

    const migrate = await check(seeded, '--before', 'migrate', '--target-bundle', 'wsb-plusoffice', '--workspace', leo.workspaceId, '--only', 'ws-migration-preflight');
    expect(migrate.of('ws-migration-preflight')).toMatchObject([{ status: 'fail', message: expect.stringContaining('no migration between Plus bundles') }]);

    const modify = await check(seeded, '--before', 'modify', '--root-gib', '175', '--workspace', leo.workspaceId, '--only', 'ws-volume-modify-valid');
    expect(modify.of('ws-volume-modify-valid')).toMatchObject([{ status: 'fail', message: expect.stringContaining('user volume must first be 100 GB (it is 50)') }]);

    const unknownTarget = await runCli(['check', '--directory', seeded.directoryId, '--region', REGION, '--endpoint-url', emulator.front.endpoint, '--before', 'migrate', '--target-bundle', 'wsb-nosuchone1'], testEnv());
    expect(unknownTarget.code).toBe(2);
    expect(unknownTarget.stderr).toContain('--target-bundle wsb-nosuchone1 was not found in us-east-1');
  }, SLOW);
});
