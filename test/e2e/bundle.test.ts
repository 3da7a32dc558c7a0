// Bundles end to end: the built CLI collects from moto_server (through the loopback front that plays what moto's
// WorkSpaces lacks, test/helpers/workspaces-front.ts), then analyzes the bundle with no AWS access and no network. The findings must be the live run's, redacted bundles must hold none of the original identifiers,
// and a bundle check must not open a single socket.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AssociateVpcCidrBlockCommand, DescribeVpcsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { DescribeWorkspaceDirectoriesCommand, WorkSpacesClient } from '@aws-sdk/client-workspaces';
import { CHECKS } from '../../src/cli/registry.js';
import { factsNeeded } from '../../src/engine/analyze.js';
import { selectChecks } from '../../src/engine/registry.js';
import { withScopesTogether } from '../../src/core/scopes.js';
import { withDependencies } from '../../src/facts/define.js';
import workspacesDirectory from '../../src/facts/workspaces/workspaces-directory.js';
import { motoAvailable, startMoto, type Moto } from '../helpers/moto.js';
import { runCli, testEnv } from '../helpers/cli.js';
import { loopbackAddress, tcpListener, udpListener, type Listener } from '../helpers/listeners.js';
import { sdkConfig, seedDirectory } from '../helpers/seed.js';
import { withoutTimes } from '../helpers/clock.js';
import { BUNDLE_SCHEMA_VERSION } from '../../src/bundle/schema.js';
import { startWorkspacesFront, type WorkspacesFront } from '../helpers/workspaces-front.js';

const enabled = motoAvailable();
const NO_NETWORK = fileURLToPath(new URL('../helpers/no-network.mjs', import.meta.url));
const DEAD = 'http://127.0.0.1:9';

/** No credentials, no Region, a dead endpoint, and any socket, datagram or DNS lookup ends the process. */
function offlineEnv(): Record<string, string> {
  const env = testEnv({ AWS_ENDPOINT_URL: DEAD, NODE_OPTIONS: `--import=${NO_NETWORK}` });
  delete env.AWS_ACCESS_KEY_ID;
  delete env.AWS_SECRET_ACCESS_KEY;
  return env;
}

describe.runIf(enabled)('bundles against moto_server', () => {
  let moto: Moto;
  let front: WorkspacesFront;
  let dir: string;
  beforeAll(async () => {
    moto = await startMoto();
    front = await startWorkspacesFront(moto.endpoint);
    dir = await mkdtemp(join(tmpdir(), 'wsdoctor-bundle-'));
  });
  afterEach(() => front.reset());
  afterAll(async () => {
    await front?.stop();
    await moto?.stop();
  });

  const live = (directoryId: string, region: string) =>
    runCli(['check', '--directory', directoryId, '--region', region, '--endpoint-url', front.endpoint, '--format', 'json']);
  const collect = (directoryId: string, region: string, out: string, ...extra: string[]) =>
    runCli(['collect', '--directory', directoryId, '--region', region, '--endpoint-url', front.endpoint, '-o', out, ...extra]);

  // The directory's DNS server is a loopback address nothing listens on (seed.ts), so the DNS checks fail alike
  // live and from the bundle; exit codes say so.
  it.each([
    { cidr: '10.0.0.0/16', region: 'us-east-1', denied: undefined, collectExit: 0 },
    { cidr: '198.19.0.0/16', region: 'eu-west-2', denied: undefined, collectExit: 0 },
    { cidr: '192.168.0.0/16', region: 'us-east-1', denied: 'ec2:DescribeVpcs', collectExit: 3 },
  ])('collect → check --bundle gives the live findings ($cidr in $region, denied: $denied)', async ({ cidr, region, denied, collectExit }) => {
    const base = cidr.split('.').slice(0, 2).join('.');
    const { directoryId } = await seedDirectory(moto.endpoint, region, cidr, [`${base}.1.0/24`, `${base}.2.0/24`]);
    if (denied) front.deny(denied);
    const out = join(dir, `${directoryId}.json`);

    const liveRun = await live(directoryId, region);
    const collected = await collect(directoryId, region, out);
    expect(collected.code).toBe(collectExit);
    expect(collected.stdout).toBe('');
    expect(collected.stderr).toMatch(new RegExp(`^wsdoctor: wrote .*: \\d+ facts about directory ${directoryId} in ${region}[.;] `));

    const fromBundle = await runCli(['check', '--bundle', out, '--format', 'json'], offlineEnv());
    expect(fromBundle.stderr).toBe('');
    expect(fromBundle.code).toBe(liveRun.code);
    const [liveReport, bundleReport] = [JSON.parse(liveRun.stdout), JSON.parse(fromBundle.stdout)];
    // Two runs, two clocks: history windows ("since …", from the time of collection) differ by the seconds between.
    expect(withoutTimes(bundleReport.results)).toEqual(withoutTimes(liveReport.results));
    expect(bundleReport.summary).toEqual(liveReport.summary);
    expect(bundleReport.target).toEqual(liveReport.target);
    expect(bundleReport.region).toBe(region);

    const bundle = JSON.parse(await readFile(out, 'utf8'));
    expect(bundleReport.startedAt).toBe(bundle.collectedAt);
    expect(bundleReport.durationMs).toBe(bundle.durationMs);
    expect(bundleReport.bundle).toEqual({ collectedBy: { name: 'wsdoctor', version: bundle.tool.version }, redacted: false });
    expect(bundle).toMatchObject({ bundleSchemaVersion: BUNDLE_SCHEMA_VERSION, targets: { directoryId }, region, options: {} });
    // Every fact a directory check needs, each after the facts it is derived from.
    const needed = factsNeeded(selectChecks(CHECKS, { scopes: withScopesTogether(['directory']) }));
    // Every fact a check names, and only facts they derive from: a dependency is recorded where it was asked for
    // (a probe's targets only when a probe runs), each after the facts it is derived from.
    const recorded = Object.keys(bundle.facts);
    const possible = withDependencies([...needed, workspacesDirectory]);
    expect(recorded.filter((name) => !possible.some((fact) => fact.name === name))).toEqual([]);
    expect([...needed, workspacesDirectory].map((fact) => fact.name).filter((name) => !recorded.includes(name))).toEqual([]);
    for (const fact of possible.filter((f) => recorded.includes(f.name))) {
      for (const dependency of fact.dependsOn.filter((d) => recorded.includes(d.name))) {
        expect(recorded.indexOf(dependency.name), `${dependency.name} before ${fact.name}`).toBeLessThan(recorded.indexOf(fact.name));
      }
    }
    expect(bundle.facts.vpc.how).toEqual({
      description: expect.any(String),
      iamActions: ['ec2:DescribeVpcs'],
      dependsOn: ['subnets'],
    });
    if (denied) {
      // Could not look stays could not look: the reason travels in the bundle, and the checks say it again.
      expect(bundle.facts.vpc).toMatchObject({ ok: false, failure: { kind: 'denied', iamAction: 'ec2:DescribeVpcs' } });
      expect(bundleReport.results.find((r: { checkId: string }) => r.checkId === 'mgmt-cidr-conflict')).toMatchObject({
        status: 'error',
        evidence: { reason: 'denied', iamAction: 'ec2:DescribeVpcs' },
      });
    }
  });

  it('a bundle check opens no socket and needs no credentials or Region (and the guard does catch a live run)', async () => {
    const { directoryId } = await seedDirectory(moto.endpoint, 'eu-west-2', '198.19.0.0/16', ['198.19.1.0/24', '198.19.2.0/24']);
    const out = join(dir, 'offline.json');
    expect((await collect(directoryId, 'eu-west-2', out)).code).toBe(0);

    const offline = await runCli(['check', '--bundle', out, '--only', 'mgmt-cidr-conflict'], { ...offlineEnv(), NO_COLOR: '1' });
    expect(offline.stderr).toBe('');
    expect(offline.code).toBe(1);
    expect(offline.stdout).toMatch(/^✗ mgmt-cidr-conflict /m);
    expect(offline.stdout).toContain(`directory ${directoryId} · eu-west-2`);

    // The same guard stops a live check at its first connection: the proof above is not vacuous.
    const env = { ...offlineEnv(), AWS_ACCESS_KEY_ID: 'AKIAWSDOCTORTESTKEY1', AWS_SECRET_ACCESS_KEY: 'x' };
    const liveRun = await runCli(['check', '--directory', directoryId, '--region', 'eu-west-2'], env);
    expect(liveRun.code).toBe(99);
    expect(liveRun.stderr).toMatch(/NETWORK CALL ATTEMPTED: connect/);
  });

  it('collect --redact leaves none of the original identifiers, and the same statuses', async () => {
    const { directoryId, vpcId } = await seedDirectory(moto.endpoint, 'us-east-1', '192.168.0.0/16', ['192.168.1.0/24', '192.168.2.0/24']);
    const ec2 = new EC2Client(sdkConfig(moto.endpoint, 'us-east-1'));
    await ec2.send(new AssociateVpcCidrBlockCommand({ VpcId: vpcId, AmazonProvidedIpv6CidrBlock: true }));
    const { Vpcs } = await ec2.send(new DescribeVpcsCommand({ VpcIds: [vpcId] }));
    const ipv6 = Vpcs![0]!.Ipv6CidrBlockAssociationSet![0]!.Ipv6CidrBlock!;
    const workspaces = new WorkSpacesClient(sdkConfig(moto.endpoint, 'us-east-1'));
    const { Directories } = await workspaces.send(new DescribeWorkspaceDirectoriesCommand({ DirectoryIds: [directoryId] }));
    const registrationCode = Directories![0]!.RegistrationCode!;
    expect(registrationCode.length).toBeGreaterThan(4);
    // The office's public range, and a user in it: redaction must keep the user inside the range.
    front.addIpGroups({ groupId: 'wsipg-office001', groupName: 'office', userRules: [{ ipRule: '81.2.69.0/24' }] });
    front.associateIpGroups(directoryId, ['wsipg-office001']);

    const plain = join(dir, 'plain.json');
    const redacted = join(dir, 'redacted.json');
    const flags = ['--client-ip', '81.2.69.160', '--note', `ticket for corp.example.com, ${directoryId}`];
    expect((await collect(directoryId, 'us-east-1', plain, ...flags)).code).toBe(0);
    const collected = await collect(directoryId, 'us-east-1', redacted, '--redact', ...flags);
    expect(collected.code).toBe(0);

    const plainText = await readFile(plain, 'utf8');
    const text = await readFile(redacted, 'utf8');
    const originals = [directoryId, '123456789012', 'corp.example.com', 'Administrator', 'svc-adconnector', '81.2.69', ipv6.split('::')[0]!];
    for (const original of originals) {
      // As a word: "Administrator" is also inside the field name UserEnabledAsLocalAdministrator.
      const word = new RegExp(`(?<![A-Za-z0-9])${original.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![A-Za-z0-9])`, 'i');
      expect(plainText, `the plain bundle holds ${original}`).toMatch(word);
      expect(text, `the redacted bundle holds ${original}`).not.toMatch(word);
    }
    // Secrets are in neither: not the registration code moto returned, not the run's credentials.
    for (const secret of [registrationCode, 'RegistrationCode', 'AKIAWSDOCTORTESTKEY1', 'wsdoctor-test-secret-key']) {
      expect(plainText).not.toContain(secret);
      expect(text).not.toContain(secret);
    }
    // The manifest counts distinct values per kind: facts added later may bring more, never fewer than these.
    const manifest = JSON.parse(text).redaction.replaced as Record<string, number>;
    expect(manifest.directoryId, 'one directory').toBe(1);
    expect(manifest.username, 'Administrator and svc-adconnector').toBeGreaterThanOrEqual(2);
    expect(manifest.publicIp, "the office range, its user, the VPC's IPv6 block").toBeGreaterThanOrEqual(3);
    for (const kind of ['accountId', 'arn', 'domain']) expect(manifest[kind], kind).toBeGreaterThanOrEqual(1);
    expect(collected.stderr).toContain(`redacted (${Object.entries(manifest).map(([kind, n]) => `${n} ${kind}`).join(', ')})`);

    const analyze = async (file: string) => {
      const run = await runCli(['check', '--bundle', file, '--format', 'json'], offlineEnv());
      expect(run.stderr).toBe('');
      return { code: run.code, report: JSON.parse(run.stdout) };
    };
    const [before, after] = [await analyze(plain), await analyze(redacted)];
    const statuses = (report: { results: { checkId: string; status: string }[] }) => report.results.map((r) => `${r.checkId}: ${r.status}`);
    expect(statuses(after.report)).toEqual(statuses(before.report));
    expect(after.code).toBe(before.code);
    // 192.168.0.0/16 overlaps one of us-east-1's ranges: kept, not redacted, so still a warning.
    expect(statuses(after.report)).toContain('mgmt-cidr-conflict: warn');
    // The user's placeholder address is still inside the office range's placeholder.
    expect(statuses(after.report)).toContain('ip-access-group-client-allowed: pass');
    expect(after.report.target.id).toBe('d-0000000001');
    expect(after.report.bundle.redacted).toBe(true);

    // `wsdoctor redact` on the plain bundle gives the same file as collect --redact did.
    const again = join(dir, 'again.json');
    const redactRun = await runCli(['redact', plain, '-o', again], offlineEnv());
    expect(redactRun.code).toBe(0);
    // The same but for the two collections' own clocks (their times, history windows measured from them).
    expect(withoutTimes(JSON.parse(await readFile(again, 'utf8')))).toEqual(withoutTimes({ ...JSON.parse(text), durationMs: JSON.parse(plainText).durationMs }));
    const twice = await runCli(['redact', again, '-o', join(dir, 'twice.json')], offlineEnv());
    expect(twice.code).toBe(2);
    expect(twice.stderr).toBe(`wsdoctor: ${again} is already redacted\n`);
  });

  it('collect for an unknown directory is an input error and writes nothing', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'wsdoctor-none-'));
    const result = await collect('d-0000000000', 'us-east-1', join(empty, 'b.json'));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^wsdoctor: directory d-0000000000 is not registered with WorkSpaces in us-east-1/);
    expect(await readdir(empty)).toEqual([]);
  });
});

// Probes too: what this machine saw is recorded, and a bundle check repeats none of it (no moto needed here).
describe('bundles of probe facts (--client)', () => {
  const listeners: Listener[] = [];
  afterAll(async () => {
    await Promise.all(listeners.map((l) => l.close()));
  });

  it('collect --client needs no credentials; its bundle gives the live statuses with no socket opened', async () => {
    const host = await loopbackAddress();
    listeners.push(await tcpListener(host, 4172), await udpListener(host, { echo: true, port: 4172 }));
    const flags = ['--client', '--region', 'us-east-1', '--probe-host', host, '--timeout', '1000'];
    const noCredentials = testEnv();
    delete noCredentials.AWS_ACCESS_KEY_ID;
    delete noCredentials.AWS_SECRET_ACCESS_KEY;

    const out = join(await mkdtemp(join(tmpdir(), 'wsdoctor-client-')), 'client.json');
    const collected = await runCli(['collect', ...flags, '-o', out], noCredentials);
    expect([0, 3]).toContain(collected.code);
    const bundle = JSON.parse(await readFile(out, 'utf8'));
    expect(bundle.targets).toEqual({ client: true, probeHosts: [host] });
    expect(bundle.facts.streamingPortProbes.how).toMatchObject({ iamActions: [] });

    const liveRun = await runCli(['check', ...flags, '--format', 'json'], noCredentials);
    const fromBundle = await runCli(['check', '--bundle', out, '--format', 'json'], offlineEnv());
    expect(fromBundle.stderr).toBe('');
    const statuses = (stdout: string) =>
      (JSON.parse(stdout).results as { resource: string; status: string }[]).map((r) => `${r.resource}: ${r.status}`);
    expect(statuses(fromBundle.stdout)).toEqual(statuses(liveRun.stdout));
    expect(statuses(fromBundle.stdout)).toEqual(expect.arrayContaining(['4172/tcp: pass', '4172/udp: pass']));
    expect(fromBundle.code).toBe(liveRun.code);
  });
});
