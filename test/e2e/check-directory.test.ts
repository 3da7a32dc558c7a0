// End to end: moto_server holds the AWS state, the built CLI runs as a subprocess, and we read its JSON and exit
// code as a pipeline would. All traffic stays on 127.0.0.1.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { motoAvailable, startMoto, type Moto } from '../helpers/moto.js';
import { runCli, testEnv } from '../helpers/cli.js';
import { seedDirectory } from '../helpers/seed.js';

const enabled = motoAvailable();

describe.runIf(enabled)('wsdoctor check --directory against moto_server', () => {
  let moto: Moto;
  beforeAll(async () => {
    moto = await startMoto();
  });
  afterAll(async () => {
    await moto?.stop();
  });

  // These tests are about mgmt-cidr-conflict and the report around it, so they run that check alone.
  const ONLY = ['--only', 'mgmt-cidr-conflict'];
  const check = (directoryId: string, region: string, ...extra: string[]) =>
    runCli(['check', '--directory', directoryId, '--region', region, '--endpoint-url', moto.endpoint, '--format', 'json', ...ONLY, ...extra]);

  it.each([
    { cidr: '10.0.0.0/16', region: 'us-east-1', status: 'pass', exit: 0 },
    { cidr: '198.19.0.0/16', region: 'eu-west-2', status: 'fail', exit: 1 },
    { cidr: '192.168.0.0/16', region: 'us-east-1', status: 'warn', exit: 0 },
  ])('VPC $cidr in $region → mgmt-cidr-conflict $status, exit $exit', async ({ cidr, region, status, exit }) => {
    const base = cidr.split('.').slice(0, 2).join('.');
    const seeded = await seedDirectory(moto.endpoint, region, cidr, [`${base}.1.0/24`, `${base}.2.0/24`]);
    const result = await check(seeded.directoryId, region);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(exit);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({
      schemaVersion: 1,
      tool: { name: 'wsdoctor' },
      target: { kind: 'directory', id: seeded.directoryId },
      region,
    });
    expect(typeof report.durationMs).toBe('number');
    expect(Date.parse(report.startedAt)).not.toBeNaN();
    const finding = report.results.find((r: { checkId: string }) => r.checkId === 'mgmt-cidr-conflict');
    expect(finding).toMatchObject({
      status,
      resource: seeded.vpcId,
      evidence: { vpcId: seeded.vpcId, vpcCidrs: [cidr] },
      remediation: { source: { guide: '002_73aec366670b46ed.txt', section: 'Management Interface IP Ranges' } },
    });
    // Other checks run on the same directory: the summary counts every result.
    expect(report.summary[status]).toBe(report.results.filter((r: { status: string }) => r.status === status).length);
    expect(result.stdout).not.toContain('RegistrationCode');
  });

  it('an unknown directory exits 2 with a one-line message', async () => {
    const result = await check('d-0000000000', 'us-east-1');
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/d-0000000000 is not registered with WorkSpaces in us-east-1/);
  });

  it('writes --output whole, and the text report to stdout by default', async () => {
    const seeded = await seedDirectory(moto.endpoint, 'eu-west-2', '198.19.0.0/16', ['198.19.1.0/24', '198.19.2.0/24']);
    const dir = await mkdtemp(join(tmpdir(), 'wsdoctor-out-'));
    const out = join(dir, 'report.json');
    const written = await check(seeded.directoryId, 'eu-west-2', '--output', out);
    expect(written.code).toBe(1);
    expect(written.stdout).toBe('');
    expect(JSON.parse(await readFile(out, 'utf8')).summary.fail).toBe(1);
    expect(await readdir(dir)).toEqual(['report.json']);

    const text = await runCli(
      ['check', '--directory', seeded.directoryId, '--region', 'eu-west-2', '--endpoint-url', moto.endpoint, ...ONLY],
      testEnv({ NO_COLOR: '1' }),
    );
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(/^✗ mgmt-cidr-conflict /m);
    expect(text.stdout.replace(/\n\s+/g, ' ')).toContain('Source: Amazon WorkSpaces Administration Guide, "Management Interface IP Ranges" Docs: https://docs.aws.amazon.com/workspaces/latest/adminguide/workspaces-port-requirements.html');
    expect(text.stdout).toMatch(/Summary: 1 check: 1 failed, 0 errors/);
    expect(text.stdout).not.toMatch(/\u001b\[/);
  });

  it('honours AWS_ENDPOINT_URL and AWS_REGION when no flags are given', async () => {
    const seeded = await seedDirectory(moto.endpoint, 'us-east-1', '10.1.0.0/16', ['10.1.1.0/24', '10.1.2.0/24']);
    const result = await runCli(
      ['check', '--directory', seeded.directoryId, '--format', 'json', ...ONLY],
      testEnv({ AWS_ENDPOINT_URL: moto.endpoint, AWS_REGION: 'us-east-1' }),
    );
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).region).toBe('us-east-1');
  });
});
