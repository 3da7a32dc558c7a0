// `wsdoctor check --terraform-plan` and `--cloudformation`, as a pipeline runs them, offline: plans written by
// `terraform show -json` and templates written by `cdk synth` (test/fixtures/iac/), one per failure the issue lists
// and a healthy one. Each finding names the resource in the code and its line; SARIF is valid SARIF 2.1.0; no value
// the plan marks sensitive (or a NoEcho parameter) reaches any output.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Ajv } from 'ajv';
import { runCli, testEnv } from '../helpers/cli.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/iac/', import.meta.url));
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

interface Result {
  checkId: string;
  status: string;
  resource: string;
  message: string;
  location?: { address: string; file: string; line?: number };
}

async function check(args: string[], env: Record<string, string> = {}) {
  const result = await runCli(['check', ...args], testEnv(env), undefined, ROOT);
  return result;
}

async function json(args: string[]) {
  const result = await check([...args, '--format', 'json']);
  expect(result.stderr).toBe('');
  const report = JSON.parse(result.stdout) as { results: Result[]; plan: unknown; target: unknown; summary: Record<string, number> };
  const status = (id: string) => worst(report.results.filter((r) => r.checkId === id).map((r) => r.status));
  return { code: result.code, report, status, result: (id: string) => report.results.find((r) => r.checkId === id)! };
}

const report = (r: Result) => `${r.resource}: ${r.message}`;
const report_ = (r: Result) => `${r.checkId} ${report(r)}`;

function worst(statuses: string[]): string | undefined {
  return ['fail', 'error', 'warn', 'pass', 'skip'].find((s) => statuses.includes(s));
}

const tf = (name: string) => ['--terraform-plan', `test/fixtures/iac/terraform/${name}/plan.json`, '--offline'];
const lineOf = (file: string, text: string) => readFileSync(`${ROOT}${file}`, 'utf8').split('\n').findIndex((l) => l.includes(text)) + 1;

describe('check --terraform-plan --offline', () => {
  // --offline reads nothing by design: what needed AWS is not checked, which is a skip that says so, never an
  // error (an error is exit 3, "incomplete", and would fail every offline CI run that plans an AppStream fleet).
  it.each(['fleet-subnets', 'healthy', 'launch-faults', 'existing-network'])('%s: a check that needed AWS skips, saying so; none errors', async (name) => {
    const { code, report } = await json(tf(name));
    expect(report.results.filter((r) => r.status === 'error').map(report_)).toEqual([]);
    expect(code).not.toBe(3);
    expect(report.results.some((r) => r.status === 'skip' && /^Not checked offline: /.test(r.message))).toBe(true);
  });

  it('passes a healthy deployment, skipping what needs the account and saying so', async () => {
    const { code, report, status } = await json(tf('healthy'));
    expect(code).toBe(0);
    expect(report.target).toEqual({ kind: 'terraform-plan', id: 'test/fixtures/iac/terraform/healthy/plan.json' });
    expect(report.plan).toEqual({
      format: 'terraform-plan',
      file: 'test/fixtures/iac/terraform/healthy/plan.json',
      offline: true,
      targets: [{ kind: 'directory', id: 'aws_directory_service_directory.corp', address: 'aws_workspaces_directory.corp' }],
    });
    expect(report.summary).toMatchObject({ fail: 0, error: 0, warn: 0 });
    for (const id of ['mgmt-cidr-conflict', 'mgmt-cidr-route-conflict', 'ipv6-auto-assign', 'ws-subnet-free-ips', 'ip-access-group-empty', 'ws-default-role']) {
      expect(status(id), id).toBe('pass');
    }
    const limits = report.results.find((r) => r.checkId === 'ip-access-group-limits')!;
    expect(limits).toMatchObject({ status: 'skip', message: expect.stringMatching(/^Not checked offline: .*\(workspaces:DescribeIpGroups\), and the run is --offline\.$/) });
  });

  it.each([
    ['mgmt-range-conflict', 'mgmt-cidr-conflict', 'fail', 'aws_vpc.main', 'resource "aws_vpc" "main"'],
    ['ipv6-graphics', 'ipv6-auto-assign', 'fail', 'aws_subnet.a', 'resource "aws_subnet" "a"'],
    ['small-subnets', 'ws-subnet-free-ips', 'fail', 'aws_workspaces_directory.corp', 'resource "aws_workspaces_directory" "corp"'],
    ['ip-group-rules', 'ip-access-group-empty', 'fail', 'aws_workspaces_directory.corp', 'resource "aws_workspaces_directory" "corp"'],
    ['ip-group-rules', 'ws-default-role', 'fail', 'aws_iam_role.workspaces_default', 'resource "aws_iam_role" "workspaces_default"'],
  ])('%s: %s is %s, at %s and its line in main.tf', async (name, id, expected, address, block) => {
    const { code, status, result } = await json(tf(name));
    expect(status(id)).toBe(expected);
    expect(code).toBe(1);
    const file = `test/fixtures/iac/terraform/${name}/main.tf`;
    expect(result(id).location).toEqual({ address, file, line: lineOf(file, block) });
  });

  it('counts the WorkSpaces the plan launches against the free addresses, as --planned would', async () => {
    const { result } = await json(tf('small-subnets'));
    expect(result('ws-subnet-free-ips').message).toBe(
      'The subnets of aws_directory_service_directory.corp have 22 free IP addresses (aws_subnet.a: 11, aws_subnet.b: 11), fewer than the 30 WorkSpaces planned.',
    );
  });

  it('skips what is known only after apply, naming the attribute, and follows module outputs to the subnets', async () => {
    const { code, status, result } = await json(tf('unknown-values'));
    // The plan gives the subnets no way out (no NAT or internet gateway): the one failure, decided from the plan.
    expect(code).toBe(1);
    expect(status('ws-internet-egress-path')).toBe('fail');
    expect(report(result('ws-internet-egress-path'))).toMatch(/^module\.net\.aws_subnet\.private\[0\]: Route table aws_vpc\.main main route table \(the main table\) of module\.net\.aws_subnet\.private\[0\] has no route for 0\.0\.0\.0\/0/);
    expect(result('mgmt-cidr-conflict')).toMatchObject({ status: 'skip', message: 'Cannot tell before apply: aws_vpc.main: cidr_block is known after apply.' });
    expect(status('ipv6-auto-assign')).toBe('pass');
    expect(result('ipv6-auto-assign').location).toEqual({
      address: 'module.net.aws_subnet.private[0]',
      file: 'test/fixtures/iac/terraform/unknown-values/modules/net/main.tf',
      line: lineOf('test/fixtures/iac/terraform/unknown-values/modules/net/main.tf', 'resource "aws_subnet" "private"'),
    });
  });

  it('never writes a value the plan marks sensitive', async () => {
    const plan = readFileSync(`${FIXTURES}terraform/healthy/plan.json`, 'utf8');
    expect(plan).toContain('Fixture-Passw0rd-Not-Real'); // terraform show -json writes it in clear
    for (const format of ['json', 'text', 'sarif', 'junit', 'markdown']) {
      const { stdout } = await check([...tf('healthy'), '--format', format]);
      expect(stdout, format).not.toContain('Fixture-Passw0rd');
    }
  });
});

describe('check --cloudformation --offline', () => {
  it('reads a template `cdk synth` wrote: the VPC in the management range fails at its logical id and line', async () => {
    const file = 'test/fixtures/iac/cloudformation/cdk-mgmt-range-conflict.template.json';
    const { code, result } = await json(['--cloudformation', file, '--offline', '--region', 'eu-west-2', '--parameters', 'DirectoryPassword=not-used-1']);
    expect(code).toBe(1);
    expect(result('mgmt-cidr-conflict')).toMatchObject({
      status: 'fail',
      location: { address: 'Resources.Vpc8378EB38', file, line: lineOf(file, '"Vpc8378EB38": {') },
    });
  });

  it('a CDK stack’s launches apply would refuse: a second WorkSpace for a user, a disabled key, a bare alias, at their logical ids', async () => {
    const file = 'test/fixtures/iac/cloudformation/cdk-launch-faults.template.json';
    const { code, report } = await json(['--cloudformation', file, '--offline', '--region', 'eu-west-2', '--parameters', 'DirectoryPassword=not-used-1']);
    expect(code).toBe(1);
    const of = (id: string) => report.results.filter((r) => r.checkId === id).map((r) => [r.status, r.resource, r.location?.address]);
    expect(of('ws-user-has-workspace')).toEqual([
      ['fail', 'alice', 'Resources.AliceWorkspace'],
      ['pass', 'gina', 'Resources.GinaWorkspace'],
      ['pass', 'hal', 'Resources.HalWorkspace'],
    ]);
    expect(report.results.find((r) => r.checkId === 'ws-user-has-workspace')!.message).toContain('User alice already has Resources.AliceSecondWorkspace (planned)');
    // Both decided from the template alone: the key it creates disabled, and a key written in a form KMS cannot read.
    expect(of('ws-kms-key-usable')).toEqual([
      ['fail', 'Resources.WorkspacesKey92921791', 'Resources.WorkspacesKey92921791'],
      ['fail', 'aws/workspaces', 'Resources.GinaWorkspace'],
    ]);
    // The bundle is the account's: offline, the compute type waits for it.
    expect(of('ws-compute-type-bundle')[0]![0]).toBe('skip');
    expect(report.results.find((r) => r.checkId === 'ws-compute-type-bundle')!.message).toMatch(/^Not checked offline: .*workspaces:DescribeWorkspaceBundles/);
  });

  it('resolves the short forms of a YAML template and its --parameters; a NoEcho value never leaves', async () => {
    const file = 'test/fixtures/iac/cloudformation/graphics-ipv6.yaml';
    const args = ['--cloudformation', file, '--offline', '--region', 'eu-west-2', '--parameters', 'UserName=ana', '--parameters', 'ParameterKey=AdminPassword,ParameterValue=Sup3r-Secret-Value'];
    const { code, result, report } = await json(args);
    expect(code).toBe(1);
    expect(result('ipv6-auto-assign')).toMatchObject({ status: 'fail', location: { address: 'Resources.SubnetB', file, line: lineOf(file, '  SubnetB:') } });
    expect(result('ipv6-auto-assign').message).toContain('WorkSpace Resources.Designer (ana) is GRAPHICS');
    expect(report.plan).toMatchObject({ targets: [{ kind: 'directory', id: 'Resources.Directory', address: 'Resources.Directory' }] });
    const text = await check([...args, '--format', 'text']);
    expect(`${text.stdout}${JSON.stringify(report)}`).not.toContain('Sup3r-Secret-Value');
  });
});

describe('--format sarif', () => {
  // The SARIF 2.1.0 schema (test/fixtures/sarif/SOURCE.md): draft-04, whose `id` ajv 8 reads as `$id`.
  const schema = JSON.parse(readFileSync(new URL('../fixtures/sarif/sarif-2.1.0-rtm.5.json', import.meta.url), 'utf8')) as Record<string, unknown>;
  const { id, $schema: _draft, ...rest } = schema;
  // unicodeRegExp off: the schema's language pattern has a stray ] that only non-unicode regular expressions accept.
  const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: true, unicodeRegExp: false });
  ajv.addFormat('uri', (value: string) => URL.canParse(value));
  ajv.addFormat('uri-reference', (value: string) => URL.canParse(value, 'file:///'));
  ajv.addFormat('date-time', (value: string) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(value) && !Number.isNaN(Date.parse(value)));
  const validate = ajv.compile({ $id: id as string, ...rest });

  it('is valid SARIF 2.1.0, one rule per check with help and docs, results at the resource line', async () => {
    const { stdout, code } = await check([...tf('ip-group-rules'), '--format', 'sarif']);
    expect(code).toBe(1);
    const log = JSON.parse(stdout);
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
    const run = log.runs[0];
    const rules = run.tool.driver.rules as { id: string; helpUri: string; help: { text: string; markdown: string } }[];
    expect(rules.map((r) => r.id)).toEqual([...new Set(rules.map((r) => r.id))]);
    expect(rules.every((r) => r.helpUri.startsWith('https://docs.aws.amazon.com/') && r.help.text.includes('Source: ') && r.help.markdown.includes('**Fix:**'))).toBe(true);
    const role = run.results.find((r: { ruleId: string }) => r.ruleId === 'ws-default-role');
    expect(role).toMatchObject({
      level: 'error',
      kind: 'fail',
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'test/fixtures/iac/terraform/ip-group-rules/main.tf' },
            region: { startLine: lineOf('test/fixtures/iac/terraform/ip-group-rules/main.tf', 'resource "aws_iam_role"') },
          },
          logicalLocations: [{ fullyQualifiedName: 'aws_iam_role.workspaces_default', kind: 'resource' }],
        },
      ],
    });
    expect(rules[role.ruleIndex]!.id).toBe('ws-default-role');
    // Passes and skips are counted, not reported.
    expect(run.results.every((r: { kind: string }) => r.kind === 'fail' || r.kind === 'open')).toBe(true);
    // The role and the empty group, and both subnets without a way to the internet (the plan has no NAT gateway).
    expect(run.properties.summary).toMatchObject({ fail: 4 });
  });

  it('is valid for a live-style report with no location too, and a warn is a warning', async () => {
    const file = 'test/fixtures/iac/cloudformation/graphics-ipv6.yaml';
    const { stdout } = await check(['--cloudformation', file, '--offline', '--region', 'eu-west-2', '--parameters', 'UserName=a', '--format', 'sarif']);
    const log = JSON.parse(stdout);
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(log.runs[0].results[0].partialFingerprints['wsdoctor/v1']).toMatch(/^[0-9a-f]{32}$/);
  });
});

describe('the README’s example plan (examples/terraform/)', () => {
  it('runs with no AWS account as the README shows it', async () => {
    const readme = readFileSync(`${ROOT}README.md`, 'utf8');
    expect(readme).toContain('$ wsdoctor check --terraform-plan examples/terraform/plan.json --offline\n');
    const { code, stdout } = await check(['--terraform-plan', 'examples/terraform/plan.json', '--offline']);
    expect(code).toBe(1);
    for (const line of [
      '✗ ipv6-auto-assign — Directory subnets do not auto-assign IPv6 addresses',
      `  at aws_subnet.private_b (examples/terraform/main.tf:${lineOf('examples/terraform/main.tf', 'resource "aws_subnet" "private_b"')})`,
      `  at aws_iam_role.workspaces_default (examples/terraform/main.tf:${lineOf('examples/terraform/main.tf', 'resource "aws_iam_role" "workspaces_default"')})`,
    ]) {
      expect(stdout).toContain(`${line}\n`);
      expect(readme).toContain(`${line}\n`);
    }
    const summary = /^Summary: .*$/m.exec(stdout)![0];
    expect(readme).toContain(summary);
  });
});

describe('--format sarif, run outside the repository', () => {
  it('names a file outside the working directory by its file: URI', async () => {
    const plan = `${ROOT}test/fixtures/iac/terraform/mgmt-range-conflict/plan.json`;
    // A fresh directory, which cannot hold the repository (tmpdir() can: a clone under /tmp).
    const elsewhere = await mkdtemp(join(tmpdir(), 'wsdoctor-sarif-'));
    const result = await runCli(['check', '--terraform-plan', plan, '--offline', '--format', 'sarif'], testEnv(), undefined, elsewhere);
    const log = JSON.parse(result.stdout);
    const located = log.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'mgmt-cidr-conflict');
    expect(located.locations[0].physicalLocation.artifactLocation.uri).toBe(pathToFileURL(`${ROOT}test/fixtures/iac/terraform/mgmt-range-conflict/main.tf`).href);
  });
});

describe('JUnit and GitHub annotations carry the address', () => {
  it('names it in the test case, with file and line attributes, and puts annotations on the line', async () => {
    const junit = await check([...tf('mgmt-range-conflict'), '--format', 'junit']);
    const line = lineOf('test/fixtures/iac/terraform/mgmt-range-conflict/main.tf', 'resource "aws_vpc" "main"');
    expect(junit.stdout).toContain(`<testcase classname="mgmt-cidr-conflict" name="VPC CIDRs leave a management interface range free (aws_vpc.main)" file="test/fixtures/iac/terraform/mgmt-range-conflict/main.tf" line="${line}"`);
    expect(junit.stdout).toContain(`Location: aws_vpc.main (test/fixtures/iac/terraform/mgmt-range-conflict/main.tf:${line})`);
    const annotated = await check(tf('mgmt-range-conflict'), { GITHUB_ACTIONS: 'true' });
    expect(annotated.stdout).toContain(`::error file=test/fixtures/iac/terraform/mgmt-range-conflict/main.tf,line=${line},title=wsdoctor fail mgmt-cidr-conflict (aws_vpc.main)::`);
  });
});
