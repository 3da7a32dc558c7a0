// End to end: a client run joined with AWS state. `check --client --registration-code` finds the directory in
// moto_server (through the WorkSpaces front, which adds IP access control groups) and tests the public IP the client
// lab's echo reports against its groups; `--client --directory` feeds that IP to ip-access-group-client-allowed.
// The registration code appears in no output, no bundle, no error. Nothing leaves 127.0.0.0/8.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DescribeWorkspaceDirectoriesCommand, WorkSpacesClient } from '@aws-sdk/client-workspaces';
import { runCli, testEnv } from '../helpers/cli.js';
import { motoAvailable } from '../helpers/moto.js';
import { sdkConfig, seedDirectory, type Seeded } from '../helpers/seed.js';
import { useEmulatorWithFront } from '../helpers/workspaces-front.js';
import { startClientLab, type ClientLab, type ClientLabFaults } from '../helpers/client-lab.js';
import { port53Available } from '../helpers/dns-server.js';
import { opensslAvailable } from '../helpers/tls-ca.js';

const GUARD = fileURLToPath(new URL('../helpers/loopback-only.mjs', import.meta.url));
const ready = motoAvailable() && opensslAvailable() && (await port53Available());

type Result = { checkId: string; resource: string; status: string; message: string; evidence: Record<string, unknown> };

describe.runIf(ready)('client runs joined with AWS state (moto_server)', () => {
  const emulator = useEmulatorWithFront();
  let seeded: Seeded;
  let code: string;
  beforeAll(async () => {
    seeded = await seedDirectory(emulator.moto.endpoint, 'us-east-1', '10.70.0.0/16', ['10.70.1.0/24', '10.70.2.0/24']);
    const out = await new WorkSpacesClient(sdkConfig(emulator.moto.endpoint, 'us-east-1')).send(
      new DescribeWorkspaceDirectoriesCommand({ DirectoryIds: [seeded.directoryId] }),
    );
    code = out.Directories![0]!.RegistrationCode!;
  });

  const labs: ClientLab[] = [];
  afterEach(async () => {
    await Promise.all(labs.splice(0).map((lab) => lab.close()));
  });

  async function run(args: string[], faults: ClientLabFaults = { publicIp: '81.2.69.160' }, env: Record<string, string> = {}) {
    const lab = await startClientLab('us-east-1', faults);
    labs.push(lab);
    const result = await runCli(
      [
        ...args.flatMap((a) =>
          a === '<lab>' ? lab.args() : a === '<lab, no Region>' ? ['--client', '--probe-targets', lab.targetsFile, '--probe-host', lab.address] : [a],
        ),
        '--endpoint-url',
        emulator.front.endpoint,
      ],
      testEnv({ NODE_OPTIONS: `--import=${GUARD}`, ...lab.env(), ...env }),
    );
    return { lab, result };
  }
  const resultsOf = (stdout: string) => (JSON.parse(stdout) as { results: Result[] }).results;

  it('the calls a joined client run makes are what iam-policy --scope client grants', async () => {
    const { result } = await run(['check', '<lab>', '--registration-code', code, '--format', 'json', '--debug']);
    const calls = [...new Set([...result.stderr.matchAll(/^wsdoctor: debug: AWS call (\S+)$/gm)].map((m) => m[1]!))];
    expect(calls.length, result.stderr).toBeGreaterThan(0);
    const policy = await runCli(['iam-policy', '--scope', 'client']);
    const granted: string[] = JSON.parse(policy.stdout).Statement[0].Action;
    expect(calls.filter((call) => !granted.includes(call))).toEqual([]);
  });

  it('the code of a registered directory without IP groups: both parts pass; the code is never printed', async () => {
    const { result } = await run(['check', '<lab>', '--registration-code', code, '--only', 'client-registration-code', '--format', 'json']);
    expect(result.stderr).toBe('');
    const [found, access] = resultsOf(result.stdout);
    expect(found).toMatchObject({ status: 'pass', resource: 'registration code', message: expect.stringContaining(`belongs to ${seeded.directoryId}`) });
    expect(access).toMatchObject({ status: 'pass', resource: '81.2.69.160' });
    expect(result.stdout).not.toContain(code);
    expect(result.stdout).not.toContain(code.split('+')[1]);
  });

  it('an IP group that does not allow the public IP: "This device is not authorized", exit 1', async () => {
    emulator.front.addIpGroups({ groupId: 'wsipg-branch001', groupName: 'branch', userRules: [{ ipRule: '198.51.100.0/24' }] });
    emulator.front.associateIpGroups(seeded.directoryId, ['wsipg-branch001']);
    const { result } = await run(['check', '<lab>', '--registration-code', code, '--only', 'client-registration-code', '--format', 'json']);
    const [found, access] = resultsOf(result.stdout);
    expect(found!.status).toBe('pass');
    expect(access).toMatchObject({ status: 'fail', resource: '81.2.69.160', message: expect.stringContaining('"This device is not authorized to access the WorkSpace') });
    expect(result.code).toBe(1);
  });

  it('a code no directory has: fail with the client\'s words; the mistyped code is not printed either', async () => {
    const { result } = await run(['check', '<lab>', '--registration-code', 'SLiad+NOSUCH9', '--only', 'client-registration-code', '--format', 'json']);
    expect(resultsOf(result.stdout)).toEqual([
      expect.objectContaining({ status: 'fail', message: expect.stringMatching(/No WorkSpaces directory has this registration code in us-east-1 \(1 directory, none with this code\)/) }),
    ]);
    expect(result.stdout).not.toContain('NOSUCH9');
  });

  it('no Region configured: the code names it', async () => {
    const { result } = await run(['check', '<lab, no Region>', '--registration-code', code, '--only', 'client-registration-code', '--format', 'json']);
    expect(JSON.parse(result.stdout)).toMatchObject({ region: 'us-east-1' });
    expect(resultsOf(result.stdout)[0]!.status).toBe('pass');
  });

  it('--client --directory: ip-access-group-client-allowed tests the public IP the probes saw', async () => {
    emulator.front.addIpGroups({ groupId: 'wsipg-office001', groupName: 'office', userRules: [{ ipRule: '81.2.69.0/24' }] });
    emulator.front.associateIpGroups(seeded.directoryId, ['wsipg-office001']);
    const { result } = await run(['check', '<lab>', '--directory', seeded.directoryId, '--only', 'ip-access-group-client-allowed', '--format', 'json']);
    expect(resultsOf(result.stdout)).toEqual([
      expect.objectContaining({
        status: 'pass',
        resource: '81.2.69.160',
        message: expect.stringContaining('rule 81.2.69.0/24 of wsipg-office001'),
        evidence: expect.objectContaining({ clientIpFrom: 'this machine (client-public-ip)' }),
      }),
    ]);
  });

  it('a bundle to send to the help desk: no code in it, and the same findings read back offline', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'wsdoctor-client-bundle-')), 'client.json');
    const { result, lab } = await run(['collect', '<lab>', '--registration-code', code, '-o', out, '--note', 'ticket 4711']);
    expect(result.code).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text).not.toContain(code);
    expect(text).not.toContain(code.split('+')[1]);
    expect(JSON.parse(text).targets).toMatchObject({ client: true, registrationCode: '[redacted]' });
    const live = await runCli(['check', ...lab.args(), '--registration-code', code, '--endpoint-url', emulator.front.endpoint, '--format', 'json'], testEnv({ NODE_OPTIONS: `--import=${GUARD}`, ...lab.env() }));
    const offline = await runCli(['check', '--bundle', out, '--format', 'json'], testEnv());
    const key = (r: Result) => `${r.checkId} ${r.resource} ${r.status}`;
    const stable = (rs: Result[]) => rs.filter((r) => !['client-rtt', 'client-clock-skew'].includes(r.checkId)).map(key).sort();
    expect(stable(resultsOf(offline.stdout))).toEqual(stable(resultsOf(live.stdout)));
    expect(resultsOf(offline.stdout).find((r) => r.checkId === 'client-registration-code')!.status).toBe('pass');
  });
});
