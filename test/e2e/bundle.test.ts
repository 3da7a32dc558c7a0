// Bundles end to end: the built CLI collects from moto_server, then analyzes the bundle with no AWS access and no
// network. The findings must be the live run's, redacted bundles must hold none of the original identifiers,
// and a bundle check must not open a single socket.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AssociateVpcCidrBlockCommand, DescribeVpcsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { DescribeWorkspaceDirectoriesCommand, WorkSpacesClient } from '@aws-sdk/client-workspaces';
import { CHECKS } from '../../checks/index.js';
import { factsNeeded } from '../../src/engine/runner.js';
import { withDependencies } from '../../src/facts/index.js';
import { motoAvailable, startMoto, type Moto } from '../helpers/moto.js';
import { runCli, testEnv } from '../helpers/cli.js';
import { sdkConfig, seedDirectory } from '../helpers/seed.js';

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
  let dir: string;
  beforeAll(async () => {
    moto = await startMoto();
    dir = await mkdtemp(join(tmpdir(), 'wsdoctor-bundle-'));
  });
  afterAll(async () => {
    await moto?.stop();
  });

  const live = (directoryId: string, region: string) =>
    runCli(['check', '--directory', directoryId, '--region', region, '--endpoint-url', moto.endpoint, '--format', 'json']);
  const collect = (directoryId: string, region: string, out: string, ...extra: string[]) =>
    runCli(['collect', '--directory', directoryId, '--region', region, '--endpoint-url', moto.endpoint, '-o', out, ...extra]);

  it.each([
    { cidr: '10.0.0.0/16', region: 'us-east-1', exit: 0 },
    { cidr: '198.19.0.0/16', region: 'eu-west-2', exit: 1 },
    { cidr: '192.168.0.0/16', region: 'us-east-1', exit: 0 },
  ])('collect → check --bundle gives the live findings ($cidr in $region)', async ({ cidr, region, exit }) => {
    const base = cidr.split('.').slice(0, 2).join('.');
    const { directoryId } = await seedDirectory(moto.endpoint, region, cidr, [`${base}.1.0/24`, `${base}.2.0/24`]);
    const out = join(dir, `${directoryId}.json`);

    const liveRun = await live(directoryId, region);
    const collected = await collect(directoryId, region, out);
    expect(collected.code).toBe(0);
    expect(collected.stdout).toBe('');
    expect(collected.stderr).toMatch(new RegExp(`^wsdoctor: wrote .*: \\d+ facts about directory ${directoryId} in ${region}\\. `));

    const fromBundle = await runCli(['check', '--bundle', out, '--format', 'json'], offlineEnv());
    expect(fromBundle.stderr).toBe('');
    expect(fromBundle.code).toBe(exit);
    expect(liveRun.code).toBe(exit);
    const [liveReport, bundleReport] = [JSON.parse(liveRun.stdout), JSON.parse(fromBundle.stdout)];
    expect(bundleReport.results).toEqual(liveReport.results);
    expect(bundleReport.summary).toEqual(liveReport.summary);
    expect(bundleReport.target).toEqual(liveReport.target);
    expect(bundleReport.region).toBe(region);

    const bundle = JSON.parse(await readFile(out, 'utf8'));
    expect(bundleReport.startedAt).toBe(bundle.collectedAt);
    expect(bundleReport.durationMs).toBe(bundle.durationMs);
    expect(bundleReport.bundle).toEqual({ collectedBy: { name: 'wsdoctor', version: bundle.tool.version }, redacted: false });
    expect(bundle).toMatchObject({ bundleSchemaVersion: 2, targets: { directoryId }, region, options: {} });
    // Every fact a directory check needs, each after the facts it is derived from.
    const needed = factsNeeded(CHECKS.filter((c) => c.meta.scope === 'directory'));
    expect(Object.keys(bundle.facts)).toEqual(withDependencies([...needed, 'workspacesDirectory']));
    expect(bundle.facts.vpc.how).toEqual({
      description: expect.any(String),
      iamActions: ['ec2:DescribeVpcs'],
      dependsOn: ['subnets'],
    });
  });

  it('a bundle check opens no socket and needs no credentials or Region (and the guard does catch a live run)', async () => {
    const { directoryId } = await seedDirectory(moto.endpoint, 'eu-west-2', '198.19.0.0/16', ['198.19.1.0/24', '198.19.2.0/24']);
    const out = join(dir, 'offline.json');
    expect((await collect(directoryId, 'eu-west-2', out)).code).toBe(0);

    const offline = await runCli(['check', '--bundle', out], { ...offlineEnv(), NO_COLOR: '1' });
    expect(offline.stderr).toBe('');
    expect(offline.code).toBe(1);
    expect(offline.stdout).toMatch(/^FAIL {2}mgmt-cidr-conflict/m);
    expect(offline.stdout).toContain(`directory ${directoryId} in eu-west-2`);

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

    const plain = join(dir, 'plain.json');
    const redacted = join(dir, 'redacted.json');
    expect((await collect(directoryId, 'us-east-1', plain, '--note', `ticket for corp.example.com, ${directoryId}`)).code).toBe(0);
    const collected = await collect(directoryId, 'us-east-1', redacted, '--redact', '--note', `ticket for corp.example.com, ${directoryId}`);
    expect(collected.code).toBe(0);
    expect(collected.stderr).toMatch(/redacted \(1 accountId, 3 arn, 1 username, 1 directoryId, 1 domain, 1 publicIp\)/);

    const plainText = await readFile(plain, 'utf8');
    const text = await readFile(redacted, 'utf8');
    const originals = [directoryId, '123456789012', 'corp.example.com', 'Administrator', ipv6.split('::')[0]!];
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
    expect(JSON.parse(text).redaction.replaced).toEqual({ accountId: 1, arn: 3, username: 1, directoryId: 1, domain: 1, publicIp: 1 });

    const statuses = async (file: string) => {
      const run = await runCli(['check', '--bundle', file, '--format', 'json'], offlineEnv());
      expect(run.code).toBe(0);
      return JSON.parse(run.stdout);
    };
    const [before, after] = [await statuses(plain), await statuses(redacted)];
    expect(after.results.map((r: { status: string }) => r.status)).toEqual(before.results.map((r: { status: string }) => r.status));
    expect(after.results[0].status).toBe('warn'); // 192.168.0.0/16 overlaps one of us-east-1's ranges: kept, not redacted
    expect(after.target.id).toBe('d-0000000001');
    expect(after.bundle.redacted).toBe(true);

    // `wsdoctor redact` on the plain bundle gives the same file as collect --redact did.
    const again = join(dir, 'again.json');
    const redactRun = await runCli(['redact', plain, '-o', again], offlineEnv());
    expect(redactRun.code).toBe(0);
    expect(JSON.parse(await readFile(again, 'utf8'))).toEqual({ ...JSON.parse(text), collectedAt: JSON.parse(plainText).collectedAt, durationMs: JSON.parse(plainText).durationMs });
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
