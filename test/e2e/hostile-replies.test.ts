// The real CLI against moto_server behind an injecting proxy (test/helpers/fault-proxy.ts), tried as an attacker
// would: replies that are not AWS answers (an HTML page, `{}`, `<X/>`, a well-formed but impossible answer), hostile
// strings in names AWS returns, a body that drips, a pager that repeats its token, an endpoint that is dead or a
// captive portal. No `pass` from what was not seen; no control byte or workflow command out; one line for one cause.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, testEnv } from '../helpers/cli.js';
import { startFaultProxy, type Fault, type FaultProxy } from '../helpers/fault-proxy.js';
import { healthyAccountAvailable, startHealthyAccount, type HealthyAccount } from '../helpers/healthy-account.js';
import { freePort } from '../helpers/moto.js';
import { runnerCommands } from '../helpers/actions-runner.js';
import { UNSAFE } from '../helpers/hostile.js';

const enabled = healthyAccountAvailable();

interface Result {
  checkId: string;
  status: string;
  message: string;
  evidence: Record<string, unknown>;
}

const GROUP = 'wsipg-hostile01';
/** A group name that tries the terminal (title, clear screen, 8-bit CSI), the runner (both command syntaxes), the
 *  reader (bidi override, line separator) and the Markdown renderer (autolink, HTML). */
const HOSTILE_NAME =
  'office\x1b]0;pwned\x07\x1b[2J\x9b31m\n::error title=pwned::pwned\r\n##[warning]pwned \u202eevil\u2028 https://evil.example <img src=x>';

const CAPTIVE_PORTAL = '<!DOCTYPE html><html><head><title>Guest Wi-Fi: sign in</title></head><body><form></form></body></html>';

describe.runIf(enabled)('hostile replies and strings, through the real CLI', () => {
  let account: HealthyAccount;
  let proxy: FaultProxy;

  beforeAll(async () => {
    account = await startHealthyAccount();
  });
  afterAll(async () => {
    await account?.stop();
  });
  afterEach(async () => {
    await proxy?.close();
    account.front.reset();
  });

  /** The directory with one associated IP access control group that has no rules: ip-access-group-empty fails. */
  async function withEmptyGroup(name = 'office') {
    account.front.addIpGroups({ groupId: GROUP, groupName: name, userRules: [] });
    account.front.associateIpGroups(account.seeded.directoryId, [GROUP]);
    proxy = await startFaultProxy(account.endpoint);
    return proxy;
  }
  const args = (...extra: string[]) => [
    'check', '--directory', account.seeded.directoryId, '--region', 'us-east-1', '--endpoint-url', proxy.endpoint, ...account.args, ...extra,
  ];
  const results = (stdout: string) => (JSON.parse(stdout) as { results: Result[] }).results;
  const statuses = (all: Result[], checkId: string) => all.filter((r) => r.checkId === checkId).map((r) => r.status);

  describe('no pass from a reply that is not an AWS answer', () => {
    it('the baseline: an empty group associated fails the IP group check, exit 1', async () => {
      await withEmptyGroup();
      const result = await runCli(args('--format', 'json'));
      expect(result.code).toBe(1);
      expect(statuses(results(result.stdout), 'ip-access-group-empty')).toEqual(['fail']);
    });

    it.each<[string, Fault]>([
      ['an HTTP 200 `{}`', { kind: 'reply', status: 200, contentType: 'application/x-amz-json-1.1', body: '{}' }],
      ['a captive portal page', { kind: 'reply', status: 200, contentType: 'text/html', body: CAPTIVE_PORTAL }],
      ['`<X/>`', { kind: 'reply', status: 200, contentType: 'text/xml', body: '<X/>' }],
    ])('DescribeIpGroups answered with %s: the IP group checks are errors naming it, never pass; exit 3', async (_, fault) => {
      await withEmptyGroup();
      proxy.faults.set('workspaces:DescribeIpGroups', fault);
      const result = await runCli(args('--format', 'json'));
      expect(result.code).toBe(3);
      const all = results(result.stdout);
      for (const checkId of ['ip-access-group-empty', 'ip-access-group-nonpublic-rule']) {
        const [finding] = all.filter((r) => r.checkId === checkId);
        expect(finding, checkId).toMatchObject({ status: 'error', evidence: { reason: 'error', code: 'NotAnAwsReply', iamAction: 'workspaces:DescribeIpGroups' } });
        expect(finding!.message).toMatch(/^Could not evaluate: workspaces:DescribeIpGroups returned .* from http:\/\/127\.0\.0\.1:\d+, not an AWS response/);
      }
      expect(all.filter((r) => r.status === 'pass').map((r) => r.checkId)).not.toContain('ip-access-group-empty');
    });

    it.each<[string, string, Fault]>([
      ['`{}`', 'ec2:DescribeRouteTables', { kind: 'reply', status: 200, contentType: 'application/json', body: '{}' }],
      ['an HTML page', 'ec2:DescribeRouteTables', { kind: 'reply', status: 200, contentType: 'text/html', body: CAPTIVE_PORTAL }],
      ['`<X/>`', 'ec2:DescribeRouteTables', { kind: 'reply', status: 200, contentType: 'text/xml', body: '<X/>' }],
      ['"0 route tables" (a well-formed answer no VPC can have)', 'ec2:DescribeRouteTables', { kind: 'reply', status: 200, contentType: 'text/xml', body: '<DescribeRouteTablesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>r</requestId><routeTableSet/></DescribeRouteTablesResponse>' }],
    ])('route tables answered with %s: mgmt-cidr-route-conflict is an error, not a pass', async (_, action, fault) => {
      proxy = await startFaultProxy(account.endpoint);
      proxy.faults.set(action, fault);
      const result = await runCli(args('--format', 'json'));
      expect(result.code).toBe(3);
      const [finding] = results(result.stdout).filter((r) => r.checkId === 'mgmt-cidr-route-conflict');
      expect(finding).toMatchObject({ status: 'error', evidence: { iamAction: action } });
    });

    it('"subnets ()": an answer without the subnets asked for is an error for ipv6-auto-assign and the VPC checks', async () => {
      proxy = await startFaultProxy(account.endpoint);
      proxy.faults.set('ec2:DescribeSubnets', {
        kind: 'reply',
        status: 200,
        contentType: 'text/xml',
        body: '<DescribeSubnetsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>r</requestId><subnetSet/></DescribeSubnetsResponse>',
      });
      const result = await runCli(args('--format', 'json'));
      expect(result.code).toBe(3);
      const all = results(result.stdout);
      for (const checkId of ['ipv6-auto-assign', 'mgmt-cidr-conflict', 'ws-subnet-free-ips']) {
        expect(all.find((r) => r.checkId === checkId), checkId).toMatchObject({ status: 'error', evidence: { code: 'InconsistentAnswer' } });
      }
      expect(all.find((r) => r.checkId === 'ipv6-auto-assign')!.message).toMatch(/ec2:DescribeSubnets returned no subnet for subnet-\w+, subnet-\w+, which it was asked for/);
    });
  });

  describe('hostile strings reach no output raw', () => {
    it('a group name full of escapes and workflow commands: text (inside Actions), markdown, junit, json, --debug', async () => {
      await withEmptyGroup(HOSTILE_NAME);
      // An AWS error that echoes hostile text too, for the --debug trace and the error message.
      proxy.faults.set('ec2:DescribeNetworkInterfaces', { kind: 'error', status: 400, code: 'InvalidParameterValue', message: () => `bad \x1b]0;t\x07\n::error::from-error ##[error]x` });
      const dir = await mkdtemp(join(tmpdir(), 'wsdoctor-hostile-'));
      const env = testEnv({ GITHUB_ACTIONS: 'true' });
      const text = await runCli(args('--debug', '--max-attempts', '1', '--report', `markdown=${join(dir, 'r.md')}`, '--report', `junit=${join(dir, 'r.xml')}`), env);
      const json = await runCli(args('--format', 'json', '--max-attempts', '1'), env);
      expect(text.code).toBe(1);
      expect(text.stdout).toMatch(/Every IP access control group associated with d-\w+ has no rules \(wsipg-hostile01 \("office/);
      const files = [await readFile(join(dir, 'r.md'), 'utf8'), await readFile(join(dir, 'r.xml'), 'utf8')];
      for (const [name, output] of [['text stdout', text.stdout], ['stderr', text.stderr], ['json stdout', json.stdout], ['json stderr', json.stderr], ['markdown', files[0]!], ['junit', files[1]!]] as const) {
        expect(output.replace(/\n/g, ''), name).not.toMatch(UNSAFE);
        // Only wsdoctor's own annotations are commands to the runner: error/warning, each titled "wsdoctor …".
        for (const command of runnerCommands(output)) {
          expect(['error', 'warning', 'notice'], `${name}: ${command.name}`).toContain(command.name);
          expect(command.properties.title, `${name}: a command not from wsdoctor`).toMatch(/^wsdoctor /);
        }
      }
      expect(runnerCommands(text.stdout).length).toBeGreaterThanOrEqual(1); // the annotations are still there
      expect(text.stderr).toMatch(/debug: ec2:DescribeNetworkInterfaces failed: InvalidParameterValue: bad +::error::from-error ##\[error\]x \(1 attempt/);
      // JSON keeps the name exactly (escaped), for machines.
      const group = (results(json.stdout).find((r) => r.checkId === 'ip-access-group-empty')!.evidence.groups as { groupName: string }[])[0]!;
      expect(group.groupName).toBe(HOSTILE_NAME);
      expect(json.stdout).not.toContain('##[');
    });

    it('a bundle header: a hostile note and names in the bundle are text in every report of it', async () => {
      await withEmptyGroup(HOSTILE_NAME);
      const dir = await mkdtemp(join(tmpdir(), 'wsdoctor-hostile-bundle-'));
      const bundle = join(dir, 'b.json');
      const collect = await runCli([
        'collect', '--directory', account.seeded.directoryId, '--region', 'us-east-1', '--endpoint-url', proxy.endpoint, ...account.args,
        '--note', 'case 42\x1b]0;owned\x07\n::error::owned', '-o', bundle,
      ]);
      expect(collect.code).toBe(0);
      expect(collect.stderr.replace(/\n/g, '')).not.toMatch(UNSAFE);
      for (const format of ['text', 'markdown', 'junit']) {
        const result = await runCli(['check', '--bundle', bundle, '--format', format], testEnv({ GITHUB_ACTIONS: 'true' }));
        expect(result.stdout.replace(/\n/g, '')).not.toMatch(UNSAFE);
        expect(runnerCommands(result.stdout).every((c) => /^wsdoctor /.test(c.properties.title ?? ''))).toBe(true);
      }
    });
  });

  describe('bounds and one cause', () => {
    it('a slow-drip answer is cut at --timeout per attempt, not left to run until --deadline', async () => {
      proxy = await startFaultProxy(account.endpoint);
      proxy.faults.set('ec2:DescribeSubnets', { kind: 'drip', intervalMs: 100 });
      const started = Date.now();
      const result = await runCli(args('--format', 'json', '--timeout', '600', '--max-attempts', '2', '--deadline', '120000'));
      expect(Date.now() - started).toBeLessThan(30_000); // generous on a busy machine: the deadline is two minutes
      expect(result.code).toBe(3);
      const finding = results(result.stdout).find((r) => r.checkId === 'mgmt-cidr-conflict')!;
      expect(finding).toMatchObject({ status: 'error', evidence: { reason: 'timeout', iamAction: 'ec2:DescribeSubnets' } });
      expect(finding.message).toMatch(/the answer was still arriving after --timeout 600 ms/);
    });

    it('a pager that repeats its NextToken stops at once, naming the operation', async () => {
      proxy = await startFaultProxy(account.endpoint);
      proxy.faults.set('workspaces:DescribeIpGroups', {
        kind: 'rewrite',
        transform: (body) => JSON.stringify({ ...JSON.parse(body), NextToken: 'the-same-token' }),
      });
      const started = Date.now();
      const result = await runCli(args('--format', 'json'));
      expect(Date.now() - started).toBeLessThan(30_000);
      const finding = results(result.stdout).find((r) => r.checkId === 'ip-access-group-limits')!;
      expect(finding).toMatchObject({ status: 'error' });
      expect(finding.message).toMatch(/DescribeIpGroups returned a page token it had already returned: stopped paging/);
      expect(proxy.calls.filter((c) => c.action === 'workspaces:DescribeIpGroups').length).toBeLessThanOrEqual(4);
    });

    it('an endpoint nobody listens on: one line naming the endpoint, the error and what to check; exit 3, no report', async () => {
      const dead = `http://127.0.0.1:${await freePort()}`;
      const result = await runCli(['check', '--directory', account.seeded.directoryId, '--region', 'us-east-1', '--endpoint-url', dead, ...account.args]);
      expect(result.code).toBe(3);
      expect(result.stdout).toBe('');
      expect(result.stderr.split('\n').filter(Boolean)).toHaveLength(1);
      expect(result.stderr).toMatch(
        new RegExp(
          `^wsdoctor: cannot reach AWS at ${dead.replace(/\./g, '\\.')}: could not reach the endpoint on workspaces:DescribeWorkspaceDirectories: .*ECONNREFUSED.*\\. Nothing was checked\\. Check a proxy \\(HTTPS_PROXY, NO_PROXY\\) or firewall between this machine and it, a VPC endpoint for workspaces and its private DNS, the Region \\(us-east-1\\), --endpoint-url\\n$`,
        ),
      );
    });

    it('a captive portal answering every call: one line naming the page, exit 3', async () => {
      proxy = await startFaultProxy(account.endpoint);
      proxy.faults.set('*', { kind: 'reply', status: 200, contentType: 'text/html', body: CAPTIVE_PORTAL });
      const result = await runCli(args('--format', 'json'));
      expect(result.code).toBe(3);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(/^wsdoctor: cannot reach AWS at http:\/\/127\.0\.0\.1:\d+: workspaces:DescribeWorkspaceDirectories returned an HTML page titled "Guest Wi-Fi: sign in" \(HTTP 200, text\/html\) from http:\/\/127\.0\.0\.1:\d+, not an AWS response: a proxy, a captive portal or a wrong endpoint\? Nothing was checked\./);
      expect(result.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    });
  });
});
