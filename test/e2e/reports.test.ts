// End to end, as a pipeline runs it: the built CLI against moto_server, several reports from one run, GitHub
// annotations that never corrupt a machine-readable stdout, and --fail-on deciding the exit code.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Lexer, type Tokens } from 'marked';
import { motoAvailable, startMoto, type Moto } from '../helpers/moto.js';
import { runCli, testEnv } from '../helpers/cli.js';
import { seedDirectory, type Seeded } from '../helpers/seed.js';
import { junitCounts, parseJunit } from '../helpers/junit.js';

const enabled = motoAvailable();

describe.runIf(enabled)('reports from a live run against moto_server', () => {
  let moto: Moto;
  let failing: Seeded; // VPC over every management range of eu-west-2: mgmt-cidr-conflict fails
  let warning: Seeded; // VPC over one management range of us-east-1: mgmt-cidr-conflict warns
  beforeAll(async () => {
    moto = await startMoto();
    failing = await seedDirectory(moto.endpoint, 'eu-west-2', '198.19.0.0/16', ['198.19.1.0/24', '198.19.2.0/24']);
    warning = await seedDirectory(moto.endpoint, 'us-east-1', '192.168.0.0/16', ['192.168.1.0/24', '192.168.2.0/24']);
  });
  afterAll(async () => {
    await moto?.stop();
  });

  // One check only, so the outcomes below stay what these seeds make them as more checks land.
  const check = (seeded: Seeded, region: string, args: string[], env: Record<string, string> = {}) =>
    runCli(
      ['check', '--directory', seeded.directoryId, '--region', region, '--endpoint-url', moto.endpoint, '--only', 'mgmt-cidr-conflict', ...args],
      testEnv({ NO_COLOR: '1', ...env }),
    );

  it('text on stdout, JUnit, JSON and Markdown files from one run, with annotations in GitHub Actions', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wsdoctor-reports-'));
    const file = (name: string) => join(dir, name);
    const result = await check(
      failing,
      'eu-west-2',
      ['--format', 'text', '--report', `junit=${file('out.xml')}`, '--report', `json=${file('out.json')}`, '--report', `markdown=${file('out.md')}`],
      { GITHUB_ACTIONS: 'true' },
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    expect((await readdir(dir)).sort()).toEqual(['out.json', 'out.md', 'out.xml']);

    // The text report and, after it, the workflow annotations on stdout, where GitHub reads them.
    expect(result.stdout).toMatch(/^✗ mgmt-cidr-conflict /m);
    // The text report is fenced (::stop-commands::<token> … ::<token>::) so nothing in it is a command; the
    // annotations follow the fence.
    const lines = result.stdout.split('\n').filter((line) => line.startsWith('::'));
    const [open, close, ...annotations] = lines;
    const token = /^::stop-commands::([0-9a-f]{32})$/.exec(open ?? '')?.[1];
    expect(token, open).toBeDefined();
    expect(close).toBe(`::${token}::`);
    expect(annotations).toEqual([
      expect.stringMatching(new RegExp(`^::error title=wsdoctor fail mgmt-cidr-conflict \\(${failing.vpcId}\\)::`)),
    ]);
    expect(annotations[0]).toContain('%0AFix: Use a VPC whose CIDRs do not overlap');

    const json = JSON.parse(await readFile(file('out.json'), 'utf8'));
    expect(json.summary).toEqual({ pass: 0, warn: 0, fail: 1, error: 0, skip: 0 });

    const { root, cases } = parseJunit(await readFile(file('out.xml'), 'utf8'));
    expect(junitCounts(root)).toEqual({
      tests: json.results.length,
      failures: json.summary.fail,
      errors: json.summary.error,
      skipped: json.summary.skip,
    });
    expect(cases[0]!['@_name']).toContain(failing.vpcId);
    expect(cases[0]!.failure!['#text']).toContain('Source: Amazon WorkSpaces Administration Guide, "Management Interface IP Ranges" — https://docs.aws.amazon.com/workspaces/latest/adminguide/amazon-workspaces.html');

    const tokens = Lexer.lex(await readFile(file('out.md'), 'utf8'), { gfm: true });
    const tables = tokens.filter((t) => t.type === 'table') as Tokens.Table[];
    const summary = Object.fromEntries(tables[0]!.rows.map((row) => [row[0]!.text.toLowerCase(), Number(row[1]!.text)]));
    expect(summary).toEqual(json.summary);
    expect(tokens.some((t) => t.type === 'code' && (t as Tokens.Code).text.includes(failing.vpcId))).toBe(true);
  });

  it.each(['json', 'junit', 'markdown'])('--format %s on stdout stays clean in GitHub Actions: annotations go to stderr', async (format) => {
    const result = await check(failing, 'eu-west-2', ['--format', format], { GITHUB_ACTIONS: 'true' });
    expect(result.code).toBe(1);
    expect(result.stdout.split('\n').some((line) => line.startsWith('::'))).toBe(false);
    if (format === 'json') expect(JSON.parse(result.stdout).summary.fail).toBe(1);
    if (format === 'junit') expect(junitCounts(parseJunit(result.stdout).root).failures).toBe(1);
    if (format === 'markdown') expect(Lexer.lex(result.stdout)[0]).toMatchObject({ type: 'heading', depth: 2 });
    expect(result.stderr).toMatch(/^::error title=wsdoctor fail mgmt-cidr-conflict/m);
  });

  it('prints no annotations outside GitHub Actions', async () => {
    const result = await check(failing, 'eu-west-2', ['--format', 'text']);
    expect(`${result.stdout}${result.stderr}`).not.toMatch(/^::/m);
  });

  it.each([
    { seeded: () => warning, region: 'us-east-1', failOn: 'fail', exit: 0 },
    { seeded: () => warning, region: 'us-east-1', failOn: 'warn', exit: 1 },
    { seeded: () => failing, region: 'eu-west-2', failOn: 'fail', exit: 1 },
    { seeded: () => failing, region: 'eu-west-2', failOn: 'error', exit: 0 },
  ])('--fail-on $failOn on a $region run → exit $exit, and JUnit agrees', async ({ seeded, region, failOn, exit }) => {
    const result = await check(seeded(), region, ['--format', 'junit', '--fail-on', failOn]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(exit);
    const failures = junitCounts(parseJunit(result.stdout).root).failures;
    // A warning is a JUnit failure exactly when it fails the run; a failure always is one.
    expect(failures).toBe(failOn === 'error' ? 1 : exit);
  });

  it('--debug names every AWS call on stderr, as IAM actions, each one in `iam-policy` for the same selection', async () => {
    const result = await check(failing, 'eu-west-2', ['--format', 'json', '--debug']);
    const calls = [...result.stderr.matchAll(/^wsdoctor: debug: AWS call (\S+)$/gm)].map((m) => m[1]);
    expect(new Set(calls)).toEqual(new Set(['workspaces:DescribeWorkspaceDirectories', 'ec2:DescribeSubnets', 'ec2:DescribeVpcs']));
    const policy = JSON.parse((await runCli(['iam-policy', '--scope', 'directory', '--only', 'mgmt-cidr-conflict'])).stdout);
    expect(policy.Statement[0].Action).toEqual(expect.arrayContaining(calls));
    expect(JSON.parse(result.stdout).summary.fail).toBe(1);
  });
});
