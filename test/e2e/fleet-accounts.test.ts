// `check --all` across accounts and Regions, against moto_server with IAM enforcement on, so entering an account is
// real: the caller (an IAM user whose only permissions are the caller policy `iam-policy --all` prints) assumes
// `wsdoctor-read` in three accounts. In two the role holds the read policy `iam-policy --all` prints; the third is the
// caller's own account, where moto evaluates the role's trust policy — and it trusts another account, so AssumeRole
// is refused there, as AWS refuses it. The run must report that account as one error naming it and why, run both
// others in both Regions, find every directory there, deny nothing, and exit by the worst finding overall.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { accountCredentials, createRole } from '../helpers/accounts.js';
import { runCli, testEnv, type CliResult } from '../helpers/cli.js';
import { userWithOnlyPolicy, withIamEnforced } from '../helpers/iam.js';
import { motoAvailable, startMoto, type Moto } from '../helpers/moto.js';
import { seedDirectory, type Seeded } from '../helpers/seed.js';

const enabled = motoAvailable();
const A = '111111111111';
const B = '222222222222';
/** moto's default account: the caller's own. */
const CALLER = '123456789012';
const ROLE = 'arn:aws:iam::{account}:role/wsdoctor-read';
/** Probes of the seeded AD Connectors' DNS (a dead loopback address) and the checks that count the Region's IP groups (moto lacks DescribeIpGroups)
 *  are left out: this test is about accounts and Regions, not those checks. */
const SKIP = ['--skip', 'adc-dns-reachable,dns-srv-records,ip-access-group-limits,acct-workspaces-quotas'];

interface Policies {
  readPolicy: { Statement: { Action: string[] }[] };
  trustPolicy: unknown;
  callerPolicy: { Statement: { Action: string[] }[] };
}
interface TargetEntry {
  account?: string;
  region?: string;
  target: { kind: string; id: string };
  status: string;
  results: { checkId: string; status: string; evidence: { reason?: string } }[];
  error?: { reason: string; message: string; iamAction?: string };
}
interface FleetJson {
  schemaVersion: number;
  accounts: string[];
  regions: string[];
  summary: { targets: Record<string, number> };
  targets: TargetEntry[];
}

describe.runIf(enabled)('check --all across accounts and Regions (moto, IAM enforced)', () => {
  let moto: Moto;
  let dir: string;
  let policies: Policies;
  let seeded: { a1: Seeded; a2: Seeded; b1: Seeded; c1: Seeded };
  let run: CliResult;
  let report: FleetJson;

  beforeAll(async () => {
    moto = await startMoto();
    dir = await mkdtemp(join(tmpdir(), 'wsdoctor-fleet-'));
    const printed = await runCli(['iam-policy', '--all', '--scope', 'directory', '--role-arn', ROLE, '--principal', CALLER]);
    expect(printed.code, printed.stderr).toBe(0);
    policies = JSON.parse(printed.stdout) as Policies;

    const [credsA, credsB] = [await accountCredentials(moto.endpoint, A), await accountCredentials(moto.endpoint, B)];
    seeded = {
      a1: await seedDirectory(moto.endpoint, 'us-east-1', '10.0.0.0/16', ['10.0.1.0/24', '10.0.2.0/24'], { credentials: credsA }),
      a2: await seedDirectory(moto.endpoint, 'eu-west-2', '10.1.0.0/16', ['10.1.1.0/24', '10.1.2.0/24'], { credentials: credsA }),
      // The Region's only management range: mgmt-cidr-conflict fails here.
      b1: await seedDirectory(moto.endpoint, 'eu-west-2', '198.19.0.0/16', ['198.19.1.0/24', '198.19.2.0/24'], { credentials: credsB }),
      c1: await seedDirectory(moto.endpoint, 'us-east-1', '10.2.0.0/16', ['10.2.1.0/24', '10.2.2.0/24']),
    };
    for (const creds of [credsA, credsB]) await createRole(moto.endpoint, creds, 'wsdoctor-read', policies.trustPolicy, policies.readPolicy);
    // The caller's own account has the role too, but it trusts somebody else.
    const trustsAnother = {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::999999999999:root' }, Action: 'sts:AssumeRole' }],
    };
    await createRole(moto.endpoint, undefined, 'wsdoctor-read', trustsAnother, policies.readPolicy);
    const caller = await userWithOnlyPolicy(moto.endpoint, 'wsdoctor-ci', policies.callerPolicy);

    run = await withIamEnforced(moto.endpoint, () =>
      runCli(
        [
          'check', '--all', '--scope', 'directory', '--role-arn', ROLE, '--accounts', `${A},${B},${CALLER}`, '--region', 'us-east-1,eu-west-2',
          '--endpoint-url', moto.endpoint, ...SKIP, '--format', 'json', '--debug',
          '--report', `junit=${join(dir, 'fleet.xml')}`, '--report', `markdown=${join(dir, 'fleet.md')}`, '--report', `text=${join(dir, 'fleet.txt')}`,
        ],
        testEnv({ AWS_ACCESS_KEY_ID: caller.accessKeyId, AWS_SECRET_ACCESS_KEY: caller.secretAccessKey }),
      ),
    );
    report = JSON.parse(run.stdout) as FleetJson;
  }, 180_000);
  afterAll(async () => {
    await moto?.stop();
  });

  const entry = (account: string, region: string | undefined, id: string) =>
    report.targets.find((t) => t.account === account && t.region === region && t.target.id === id);

  it('finds every directory of the two accounts it could enter, in both Regions, and nothing of the third', () => {
    expect(report.schemaVersion).toBe(2);
    expect(report.accounts).toEqual([A, CALLER, B]);
    expect(report.regions).toEqual(['eu-west-2', 'us-east-1']);
    const looked = report.targets.filter((t) => !t.error).map((t) => `${t.account} ${t.region} ${t.target.kind} ${t.target.id}`);
    expect(looked.sort()).toEqual(
      [
        `${A} eu-west-2 directory ${seeded.a2.directoryId}`,
        `${A} us-east-1 directory ${seeded.a1.directoryId}`,
        `${B} eu-west-2 directory ${seeded.b1.directoryId}`,
      ].sort(),
    );
    expect(JSON.stringify(report)).not.toContain(seeded.c1.directoryId);
  });

  it('the account whose role cannot be assumed is one error naming it and why; the others still ran', () => {
    const errors = report.targets.filter((t) => t.error);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({
      account: CALLER,
      target: { kind: 'account', id: CALLER },
      status: 'error',
      error: { reason: 'denied', iamAction: 'sts:AssumeRole' },
    });
    expect(errors[0]!.error!.message).toContain(`could not assume arn:aws:iam::${CALLER}:role/wsdoctor-read`);
    expect(errors[0]!.error!.message).toMatch(/trust policy/);
  });

  it('each target is judged as a run of it alone would be, and the exit code is the worst finding overall', () => {
    expect(run.code, run.stderr).toBe(1);
    expect(entry(B, 'eu-west-2', seeded.b1.directoryId)).toMatchObject({ status: 'fail' });
    expect(entry(B, 'eu-west-2', seeded.b1.directoryId)!.results.find((r) => r.checkId === 'mgmt-cidr-conflict')?.status).toBe('fail');
    for (const healthy of [entry(A, 'us-east-1', seeded.a1.directoryId)!, entry(A, 'eu-west-2', seeded.a2.directoryId)!]) {
      expect(healthy.status, JSON.stringify(healthy.results.filter((r) => r.status !== 'pass' && r.status !== 'skip'))).toBe('pass');
    }
    // Worst first: the failing target, then the account that could not be entered, then the passing ones.
    expect(report.targets.map((t) => t.status)).toEqual(['fail', 'error', 'pass', 'pass']);
  });

  it('the read policy iam-policy --all prints is enough: nothing denied, every call in the policies', () => {
    const denied = report.targets.flatMap((t) => t.results.filter((r) => r.evidence.reason === 'denied'));
    expect(denied).toEqual([]);
    const granted = new Set([...policies.readPolicy.Statement[0]!.Action, ...policies.callerPolicy.Statement.flatMap((s) => s.Action)]);
    const calls = [...new Set([...run.stderr.matchAll(/^wsdoctor: debug: AWS call (\S+)$/gm)].map((m) => m[1]!))];
    expect(calls).toContain('sts:AssumeRole');
    expect(calls).toContain('workspaces:DescribeWorkspaceDirectories');
    expect(calls.filter((call) => !granted.has(call))).toEqual([]);
  });

  it('JUnit has one testsuite per target, and one with the error for the account it could not enter', async () => {
    const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(await readFile(join(dir, 'fleet.xml'), 'utf8'));
    const suites = [xml.testsuites.testsuite].flat() as { name: string; errors: string; testcase: unknown }[];
    expect(suites).toHaveLength(4);
    const unreached = suites.find((s) => s.name.includes(`account ${CALLER}`))!;
    expect(unreached.errors).toBe('1');
    expect(JSON.stringify(unreached.testcase)).toContain('sts:AssumeRole');
    expect(suites.filter((s) => s.name.includes(seeded.b1.directoryId))).toHaveLength(1);
  });

  it('Markdown has the table of targets by worst status; text has a section per target and the summary across them', async () => {
    const markdown = await readFile(join(dir, 'fleet.md'), 'utf8');
    const table = markdown.slice(markdown.indexOf('### Targets by worst status'), markdown.indexOf('### Could not look'));
    const rows = table.split('\n').filter((line) => /^\| (FAIL|ERROR|WARN|PASS|SKIP) \|/.test(line));
    expect(rows.map((row) => row.split('|')[1]!.trim())).toEqual(['FAIL', 'ERROR', 'PASS', 'PASS']);
    expect(markdown).toContain('### Could not look');
    const text = await readFile(join(dir, 'fleet.txt'), 'utf8');
    expect(text.match(/^━━ /gm)).toHaveLength(4);
    expect(text).toMatch(/^Summary: 4 targets: 1 failed, 1 error, 0 warnings, 2 passed, 0 skipped/m);
  });
});
