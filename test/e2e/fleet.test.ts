// `check --all` in one account, against moto_server behind the WorkSpaces front (for what moto's WorkSpaces lacks):
// three directories in two Regions, two of them sharing a VPC. Each target must be judged exactly as `check
// --directory` judges it alone; reads the targets share (the VPC, its subnets and route tables, the Region's IP
// groups, the account's workspaces_DefaultRole) must be sent once; `collect --all` must write one bundle that `check
// --bundle` reads back into the same report; image builders are found as directories are; --organization reaches
// the organization's accounts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateNetworkInterfaceCommand, EC2Client } from '@aws-sdk/client-ec2';
import { ConnectDirectoryCommand, DirectoryServiceClient } from '@aws-sdk/client-directory-service';
import { CreateAccountCommand, CreateOrganizationCommand, OrganizationsClient } from '@aws-sdk/client-organizations';
import { RegisterWorkspaceDirectoryCommand, WorkSpacesClient } from '@aws-sdk/client-workspaces';
import { runCli, testEnv } from '../helpers/cli.js';
import { startFakeAppStream, type FakeAppStream } from '../helpers/fake-appstream.js';
import { motoAvailable, startMoto, type Moto } from '../helpers/moto.js';
import { withoutTimes } from '../helpers/clock.js';
import { launchWorkspace, NO_DNS_SERVER, sdkConfig, seedDirectory, type Seeded } from '../helpers/seed.js';
import { startWorkspacesFront, type WorkspacesFront } from '../helpers/workspaces-front.js';

const enabled = motoAvailable();
/** The AD Connectors' DNS server is a dead loopback address here: its two probes are not what this test is about. */
const SKIP = ['--skip', 'adc-dns-reachable,dns-srv-records'];

interface Result {
  checkId: string;
  status: string;
  resource: string;
  message: string;
}
interface TargetEntry {
  account?: string;
  region?: string;
  target: { kind: string; id: string };
  status: string;
  results: Result[];
  error?: { message: string };
}
interface FleetJson {
  schemaVersion: number;
  accounts: string[];
  regions: string[];
  targets: TargetEntry[];
  bundle?: { redacted: boolean };
}

describe.runIf(enabled)('check --all in one account (moto behind the WorkSpaces front)', () => {
  let moto: Moto;
  let front: WorkspacesFront;
  let appstream: FakeAppStream;
  let dir: string;
  let east: Seeded;
  let shared: string;
  let west: Seeded;
  let account: string;
  /** Each us-east-1 directory's one WorkSpace, by directory id. */
  const workspaceOf = new Map<string, string>();

  beforeAll(async () => {
    moto = await startMoto();
    front = await startWorkspacesFront(moto.endpoint);
    appstream = await startFakeAppStream();
    dir = await mkdtemp(join(tmpdir(), 'wsdoctor-fleet-'));
    east = await seedDirectory(moto.endpoint, 'us-east-1', '10.0.0.0/16', ['10.0.1.0/24', '10.0.2.0/24']);
    // A second directory in the same VPC and subnets (two AD Connectors for two domains, say): its VPC, subnets and
    // route tables are the first one's.
    const config = sdkConfig(moto.endpoint, 'us-east-1');
    const { DirectoryId } = await new DirectoryServiceClient(config).send(
      new ConnectDirectoryCommand({
        Name: 'branch.example.com',
        Password: 'Passw0rd-not-real',
        Size: 'Small',
        ConnectSettings: { VpcId: east.vpcId, SubnetIds: east.subnetIds, CustomerDnsIps: [NO_DNS_SERVER], CustomerUserName: 'svc-adconnector' },
      }),
    );
    await new WorkSpacesClient(config).send(new RegisterWorkspaceDirectoryCommand({ DirectoryId: DirectoryId!, SubnetIds: east.subnetIds }));
    shared = DirectoryId!;
    west = await seedDirectory(moto.endpoint, 'eu-west-2', '198.19.0.0/16', ['198.19.1.0/24', '198.19.2.0/24']);
    // WorkSpaces in two directories, on the same bundle: one read of the bundle serves both.
    front.addBundles({ BundleId: 'wsb-standard1', Name: 'Standard', ComputeType: { Name: 'STANDARD' } });
    for (const [directoryId, subnetId, userName] of [
      [east.directoryId, east.subnetIds[0], 'alice'],
      [shared, east.subnetIds[1], 'bob'],
    ] as const) {
      const ws = await launchWorkspace(moto.endpoint, 'us-east-1', directoryId, subnetId, { userName, bundleId: 'wsb-standard1' });
      front.place(ws.workspaceId, { IpAddress: ws.ipAddress, SubnetId: ws.subnetId });
      workspaceOf.set(directoryId, ws.workspaceId);
    }
    account = '123456789012';
  }, 120_000);
  afterAll(async () => {
    await Promise.all([front?.stop(), appstream?.stop()]);
    await moto?.stop();
  });

  const fleet = (...extra: string[]) =>
    runCli(['check', '--all', '--scope', 'directory', '--region', 'us-east-1,eu-west-2', '--endpoint-url', front.endpoint, ...SKIP, ...extra]);
  // Without the runs' own clocks (history windows are measured from each run's start).
  const comparable = (results: Result[]) => withoutTimes(results.map(({ checkId, status, resource, message }) => ({ checkId, status, resource, message })));

  it('judges each directory exactly as a run of it alone does', async () => {
    const result = await fleet('--format', 'json');
    expect(result.code, result.stderr).toBe(1);
    const report = JSON.parse(result.stdout) as FleetJson;
    expect(report.accounts).toEqual([account]);
    expect(report.targets.map((t) => `${t.region} ${t.target.id}`).sort()).toEqual(
      [`eu-west-2 ${west.directoryId}`, `us-east-1 ${east.directoryId}`, `us-east-1 ${shared}`].sort(),
    );
    for (const [directoryId, region] of [[east.directoryId, 'us-east-1'], [shared, 'us-east-1'], [west.directoryId, 'eu-west-2']] as const) {
      const alone = await runCli(['check', '--directory', directoryId, '--region', region, '--endpoint-url', front.endpoint, ...SKIP, '--format', 'json']);
      const entry = report.targets.find((t) => t.target.id === directoryId)!;
      expect(entry.account).toBe(account);
      expect(comparable(entry.results)).toEqual(comparable(JSON.parse(alone.stdout).results));
    }
  });

  it('sends each read the targets share once: the listing, the VPC, the Region’s IP groups, the bundle, the role', async () => {
    const result = await fleet('--format', 'json', '--debug');
    const calls = [...result.stderr.matchAll(/^wsdoctor: debug: AWS call (\S+)$/gm)].map((m) => m[1]!);
    const count = (action: string) => calls.filter((c) => c === action).length;
    // One listing per Region; no directory is described again by id (the listing is its lookup).
    expect(count('workspaces:DescribeWorkspaceDirectories')).toBe(2);
    // The two us-east-1 directories share a VPC: one DescribeVpcs for it, one for eu-west-2's.
    expect(count('ec2:DescribeVpcs')).toBe(2);
    expect(count('ec2:DescribeSubnets')).toBe(2);
    // regionIpGroups: once per Region; the bundle both directories' WorkSpaces use: once.
    expect(count('workspaces:DescribeIpGroups')).toBe(2);
    expect(count('workspaces:DescribeWorkspaceBundles')).toBe(1);
    // IAM is global: workspaces_DefaultRole is read once for the account, whatever the Regions.
    expect(count('iam:GetRole')).toBe(1);
    expect(result.stderr).toMatch(/answered by the same read earlier in this account and Region/);
  });

  it("lists each Region's WorkSpaces once: every directory's come from that listing, in --all and in a run of one directory", async () => {
    const describeWorkspaces = (stderr: string) => [...stderr.matchAll(/^wsdoctor: debug: AWS call workspaces:DescribeWorkspaces$/gm)].length;
    // us-east-1 holds two directories with a WorkSpace each, eu-west-2 one directory without: one page per Region.
    // Before issue 18's fix: 5 (each Region's listing, then each directory's own by DirectoryId).
    const result = await fleet('--format', 'json', '--debug');
    expect(result.code, result.stderr).toBe(1);
    expect(describeWorkspaces(result.stderr)).toBe(2);
    // The WorkSpaces are still each directory's own: the per-WorkSpace checks of each name its WorkSpace, never the other's.
    const report = JSON.parse(result.stdout) as FleetJson;
    const resources = (directoryId: string) => report.targets.find((t) => t.target.id === directoryId)!.results.map((r) => r.resource);
    const [first, second] = [workspaceOf.get(east.directoryId)!, workspaceOf.get(shared)!];
    expect(resources(east.directoryId)).toContain(first);
    expect(resources(east.directoryId)).not.toContain(second);
    expect(resources(shared)).toContain(second);
    expect(resources(shared)).not.toContain(first);
    // A run of one directory (before: 2, the Region's listing and the directory's).
    const alone = await runCli(['check', '--directory', east.directoryId, '--region', 'us-east-1', '--endpoint-url', front.endpoint, ...SKIP, '--format', 'json', '--debug']);
    expect([0, 1], alone.stderr).toContain(alone.code);
    expect(describeWorkspaces(alone.stderr)).toBe(1);
  });

  it('--max-concurrency 1 gives the same findings', async () => {
    const [wide, narrow] = await Promise.all([fleet('--format', 'json'), fleet('--format', 'json', '--max-concurrency', '1')]);
    const statuses = (stdout: string) =>
      (JSON.parse(stdout) as FleetJson).targets.map((t) => `${t.target.id}: ${t.results.map((r) => `${r.checkId}=${r.status}`).join(',')}`);
    expect(statuses(narrow.stdout)).toEqual(statuses(wide.stdout));
    expect(narrow.code).toBe(wide.code);
  });

  it('collect --all writes one bundle that check --bundle reads back into the same report, redacted or not', async () => {
    const bundle = join(dir, 'fleet.json');
    const collected = await runCli(['collect', '--all', '--scope', 'directory', '--region', 'us-east-1,eu-west-2', '--endpoint-url', front.endpoint, ...SKIP, '-o', bundle, '--note', 'fleet ticket']);
    expect(collected.code, collected.stderr).toBe(0);
    expect(collected.stderr).toMatch(/wrote .*fleet\.json: 3 targets in 1 account and 2 Regions\. Analyze it anywhere with: wsdoctor check --bundle/);
    const written = JSON.parse(await readFile(bundle, 'utf8'));
    expect(written.bundleSchemaVersion).toBe(4);
    expect(written.members).toHaveLength(3);
    expect(written.members[0]).toMatchObject({ account, targets: { directoryId: expect.any(String) }, facts: { workspacesDirectory: { ok: true } } });

    const live = JSON.parse((await fleet('--format', 'json')).stdout) as FleetJson;
    const offline = await runCli(['check', '--bundle', bundle, ...SKIP, '--format', 'json']);
    expect(offline.code, offline.stderr).toBe(1);
    const fromBundle = JSON.parse(offline.stdout) as FleetJson;
    const shape = (r: FleetJson) => r.targets.map((t) => ({ account: t.account, region: t.region, target: t.target, status: t.status, results: comparable(t.results) }));
    expect(shape(fromBundle)).toEqual(shape(live));
    expect(fromBundle.bundle).toMatchObject({ redacted: false });

    const redacted = join(dir, 'fleet.redacted.json');
    expect((await runCli(['redact', bundle, '-o', redacted])).code).toBe(0);
    const text = await readFile(redacted, 'utf8');
    for (const secret of [east.directoryId, shared, west.directoryId, account]) expect(text).not.toContain(secret);
    const again = JSON.parse((await runCli(['check', '--bundle', redacted, ...SKIP, '--format', 'json'])).stdout) as FleetJson;
    expect(again.targets.map((t) => t.status)).toEqual(fromBundle.targets.map((t) => t.status));
    // One account stays one account, under its placeholder, in every member.
    expect(new Set(again.targets.map((t) => t.account)).size).toBe(1);
  });

  it('finds image builders as it finds directories, each checked as `check --image-builder` checks it', async () => {
    const ec2 = new EC2Client(sdkConfig(moto.endpoint, 'us-east-1'));
    const eni = (await ec2.send(new CreateNetworkInterfaceCommand({ SubnetId: east.subnetIds[0], Description: 'AppStream 2.0 - image-builder:ib-ok' }))).NetworkInterface!;
    appstream.builders.set('ib-ok', {
      Name: 'ib-ok',
      State: 'RUNNING',
      CreatedTime: Date.now() / 1000 - 3600,
      NetworkAccessConfiguration: { EniId: eni.NetworkInterfaceId!, EniPrivateIpAddress: eni.PrivateIpAddress! },
    });
    appstream.builders.set('ib-stuck', { Name: 'ib-stuck', State: 'PENDING', CreatedTime: Date.now() / 1000 - 7200 });
    const env = testEnv({ AWS_ENDPOINT_URL: front.endpoint, AWS_ENDPOINT_URL_APPSTREAM: appstream.endpoint });
    const result = await runCli(['check', '--all', '--scope', 'image-builder', '--region', 'us-east-1', '--format', 'json'], env);
    const report = JSON.parse(result.stdout) as FleetJson;
    expect(report.targets.map((t) => `${t.target.kind} ${t.target.id}`).sort()).toEqual(['image-builder ib-ok', 'image-builder ib-stuck']);
    for (const name of ['ib-ok', 'ib-stuck']) {
      const alone = await runCli(['check', '--image-builder', name, '--region', 'us-east-1', '--format', 'json'], env);
      expect(comparable(report.targets.find((t) => t.target.id === name)!.results)).toEqual(comparable(JSON.parse(alone.stdout).results));
    }
    expect(report.targets.find((t) => t.target.id === 'ib-stuck')!.status).toBe('fail');
    expect(result.code).toBe(1);
  });

  it('--organization reaches every active account of the organization through the role', async () => {
    const orgs = new OrganizationsClient(sdkConfig(moto.endpoint, 'us-east-1'));
    await orgs.send(new CreateOrganizationCommand({ FeatureSet: 'ALL' }));
    for (const name of ['branch-a', 'branch-b']) await orgs.send(new CreateAccountCommand({ AccountName: name, Email: `${name}@example.com` }));
    const result = await runCli([
      'check', '--all', '--scope', 'directory', '--organization', '--role-arn', 'arn:aws:iam::{account}:role/wsdoctor-read',
      '--region', 'us-east-1', '--endpoint-url', front.endpoint, ...SKIP, '--format', 'json',
    ]);
    const report = JSON.parse(result.stdout) as FleetJson;
    // The management account and the two created: moto lets the role be assumed in each (IAM is not enforced here).
    expect(report.accounts).toHaveLength(3);
    expect(report.accounts).toContain(account);
    // The management account's us-east-1 directories are found through its role; the new accounts have none.
    expect(report.targets.filter((t) => !t.error).map((t) => t.target.id).sort()).toEqual([east.directoryId, shared].sort());
  });
});
