// The real CLI under real faults: moto_server holds the account, a loopback fault proxy in front of it denies,
// throttles, stalls or drops chosen calls, and nothing listens on a spare port. Each run must finish, say what it
// could not look at and why, and exit with the documented code. All traffic stays on 127.0.0.1.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../helpers/moto.js';
import { runCli, spawnCli, testEnv } from '../helpers/cli.js';
import { healthyAccountAvailable, startHealthyAccount, type HealthyAccount } from '../helpers/healthy-account.js';
import { startFaultProxy, type FaultProxy } from '../helpers/fault-proxy.js';
import { silentLoopbackAddress, startDnsServer } from '../helpers/dns-server.js';
import { sdkConfig, seedDirectory } from '../helpers/seed.js';
import { CreateWorkspacesCommand, WorkSpacesClient } from '@aws-sdk/client-workspaces';
import workspacesService from '../../src/aws/services/workspaces.js';
import { CHECKS } from '../../src/cli/registry.js';
import { factsNeeded } from '../../src/engine/analyze.js';
import { iamActionsFor } from '../../src/facts/define.js';
import { loopbackAddress, tcpDroppingPort, udpListener } from '../helpers/listeners.js';

const enabled = healthyAccountAvailable();

/** The IAM actions a check's facts call (their dependencies included), the lookups of its targets left out. */
function factActionsOf(checkId: string): string[] {
  const check = CHECKS.find((c) => c.meta.id === checkId);
  return check ? iamActionsFor(factsNeeded([check])) : [];
}

/**
 * Checks whose facts make a listed call only when the account gives them something to judge, and skip otherwise:
 * ws-kms-grant-limit counts the Region's WorkSpaces per KMS key (keyWorkspaceCounts lists every directory) only when
 * a WorkSpace in scope is encrypted or --kms-key is given. The healthy account has no encrypted WorkSpace.
 */
const READS_ONLY_WHEN_THERE_IS_SOMETHING_TO_JUDGE: Record<string, readonly string[]> = {
  'ws-kms-grant-limit': ['workspaces:DescribeWorkspaceDirectories'],
};

interface Result {
  checkId: string;
  status: string;
  message: string;
  evidence: Record<string, unknown>;
}

describe.runIf(enabled)('wsdoctor check under faults', () => {
  let account: HealthyAccount;
  let proxy: FaultProxy;
  let iamActionsByCheck: Map<string, string[]>;

  beforeAll(async () => {
    account = await startHealthyAccount();
    // What each check's own facts call (dependencies included); a directory run checks its WorkSpaces too
    // (SCOPES_TOGETHER). `list` adds the lookups of the run's targets, which a check whose facts do not derive from
    // the lookup (Directory Service's view, the Region's WorkSpaces) does without: a denied lookup leaves those
    // checks judging.
    iamActionsByCheck = new Map(
      CHECKS.filter((c) => c.meta.scope === 'directory' || c.meta.scope === 'workspace').map((c) => [c.meta.id, iamActionsFor([...c.meta.facts, ...(c.meta.optionalFacts ?? [])])]),
    );
  }, 180_000);
  afterAll(async () => {
    await account?.stop();
  });
  afterEach(async () => {
    await proxy?.close();
  });

  async function withProxy() {
    proxy = await startFaultProxy(account.endpoint);
    return proxy;
  }
  const args = (endpoint: string, ...extra: string[]) => [
    'check', '--directory', account.seeded.directoryId, '--region', 'us-east-1', '--endpoint-url', endpoint, '--format', 'json',
    ...account.args, ...extra,
  ];
  const results = (stdout: string) => (JSON.parse(stdout) as { results: Result[] }).results;

  it('the unfaulted run passes (the baseline every fault below departs from)', async () => {
    await withProxy();
    const result = await runCli(args(proxy.endpoint));
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(results(result.stdout).filter((r) => r.status === 'error' || r.status === 'fail')).toEqual([]);
    expect(results(result.stdout).filter((r) => r.status === 'pass').length).toBeGreaterThanOrEqual(5);
  });

  it.each(['ec2:DescribeSubnets', 'ec2:DescribeVpcs', 'workspaces:DescribeWorkspaceDirectories'])(
    'a denied %s turns only the checks that need it into error naming the action; exit 3',
    async (action) => {
      await withProxy();
      proxy.faults.set(action, { kind: 'deny' });
      const result = await runCli(args(proxy.endpoint));
      expect(result.stderr).toBe('');
      expect(result.code).toBe(3);
      const all = results(result.stdout);
      for (const finding of all) {
        const needs = factActionsOf(finding.checkId);
        // A check that reads the directory's WorkSpaces but not the directory still decides when only the lookup of
        // --directory was denied (the lookup is in its IAM actions, not in its facts): either is right.
        if (!needs.includes(action) && (iamActionsByCheck.get(finding.checkId) ?? []).includes(action)) continue;
        // Directory Service's view reads the WorkSpaces directory only when --workspace comes without --directory
        // (a dependency it declares, not a call it makes here): with --directory given, it still decides.
        if (action === 'workspaces:DescribeWorkspaceDirectories' && finding.status !== 'error') continue;
        const conditional = READS_ONLY_WHEN_THERE_IS_SOMETHING_TO_JUDGE[finding.checkId];
        if (conditional?.includes(action)) {
          // Nothing here is encrypted: the check has nothing to count and says so, without the denied read.
          expect(finding, finding.checkId).toMatchObject({ status: 'skip' });
          continue;
        }
        if (needs.includes(action)) {
          expect(finding, finding.checkId).toMatchObject({
            status: 'error',
            message: `Could not evaluate: access denied: the caller lacks the IAM permission ${action}`,
            evidence: { reason: 'denied', iamAction: action },
          });
        } else {
          expect(finding.status, `${finding.checkId} does not need ${action}`).not.toBe('error');
        }
      }
      expect(all.some((f) => f.status === 'error')).toBe(true);
      // The text report tells the reader what to allow.
      const text = await runCli(args(proxy.endpoint).filter((a) => a !== '--format' && a !== 'json'));
      expect(text.code).toBe(3);
      expect(text.stdout.replace(/\s+/g, ' ')).toContain(`Allow ${action} for the identity wsdoctor runs as`);
    },
  );

  it('throttling the adaptive retries absorb never surfaces: exit 0', async () => {
    await withProxy();
    for (const action of ['workspaces:DescribeWorkspaceDirectories', 'ds:DescribeDirectories', 'ec2:DescribeSubnets', 'ec2:DescribeVpcs']) {
      proxy.faults.set(action, { kind: 'throttle', times: 1 });
    }
    const result = await runCli(args(proxy.endpoint));
    expect(result.code).toBe(0);
    expect(result.stdout).not.toMatch(/throttl/i);
    expect(proxy.calls.filter((c) => c.outcome === 'throttle')).toHaveLength(4);
  });

  it("a large directory: its WorkSpaces calls go at the guide's 2/s (burst 5), and no throttling surfaces", async () => {
    const seeded = await seedDirectory(account.motoEndpoint, 'us-east-1', '10.6.0.0/16', ['10.6.1.0/24', '10.6.2.0/24'], {
      ...(account.dns ? { dnsIps: account.dnsIps } : {}),
    });
    const workspaces = new WorkSpacesClient(sdkConfig(account.motoEndpoint, 'us-east-1'));
    const count = 300; // 12 pages of DescribeWorkspaces, as the API pages them (25 a page)
    for (let i = 0; i < count; i += 25) {
      const batch = Array.from({ length: Math.min(25, count - i) }, (_, j) => ({
        DirectoryId: seeded.directoryId, UserName: `user${i + j}`, BundleId: 'wsb-standard1',
      }));
      await workspaces.send(new CreateWorkspacesCommand({ Workspaces: batch }));
    }
    workspaces.destroy();
    await withProxy();
    // The service throttles as the guide says; whatever it refuses, the adaptive retries must absorb.
    const { perSecond, burst } = workspacesService.rateLimit;
    proxy.faults.set('workspaces:*', { kind: 'rate', perSecond, burst });
    const result = await runCli(
      ['check', '--directory', seeded.directoryId, '--region', 'us-east-1', '--endpoint-url', proxy.endpoint, '--format', 'json', ...account.args],
    );
    expect(result.stdout).not.toMatch(/throttl/i);
    expect(results(result.stdout).filter((r) => r.status === 'error')).toEqual([]);
    expect(proxy.calls.filter((c) => c.action === 'workspaces:DescribeWorkspaces').length).toBeGreaterThanOrEqual(count / 25);
    // Paced: n calls at 2/s after a burst of 5 cannot span less than (n - 5) / 2 s. A lower bound only (a busy
    // machine only makes a run slower); unpaced, this run's WorkSpaces calls span about half of it.
    const sent = proxy.calls.filter((c) => c.action.startsWith('workspaces:')).map((c) => c.at);
    expect(sent.length).toBeGreaterThan(12);
    expect(sent.at(-1)! - sent[0]!).toBeGreaterThanOrEqual(((sent.length - burst) / perSecond) * 1000 * 0.9);
  });

  it('throttling that outlasts the retries is error: throttled, never pass; exit 3', async () => {
    await withProxy();
    proxy.faults.set('ec2:DescribeVpcs', { kind: 'throttle' });
    const result = await runCli(args(proxy.endpoint, '--max-attempts', '2'));
    expect(result.code).toBe(3);
    const finding = results(result.stdout).find((r) => r.checkId === 'mgmt-cidr-conflict')!;
    expect(finding).toMatchObject({ status: 'error', evidence: { reason: 'throttled', iamAction: 'ec2:DescribeVpcs' } });
    expect(finding.message).toMatch(/throttled on ec2:DescribeVpcs after 2 attempts/);
  });

  it('a stalled call is bounded by --timeout per attempt and reported as timed out; exit 3', async () => {
    await withProxy();
    proxy.faults.set('ec2:DescribeSubnets', { kind: 'stall' });
    // --timeout well above what a busy emulator takes to answer the run's first, concurrent calls (about 1 s here).
    const result = await runCli(args(proxy.endpoint, '--timeout', '2500', '--max-attempts', '2'));
    expect(result.code).toBe(3);
    const finding = results(result.stdout).find((r) => r.checkId === 'mgmt-cidr-conflict')!;
    expect(finding).toMatchObject({ status: 'error', evidence: { reason: 'timeout', iamAction: 'ec2:DescribeSubnets' } });
    expect(finding.message).toMatch(/timed out on ec2:DescribeSubnets/);
    expect(proxy.calls.filter((c) => c.action === 'ec2:DescribeSubnets')).toHaveLength(2);
  });

  it('the overall --deadline ends a run stuck behind a long --timeout, and says what timed out; exit 3', async () => {
    await withProxy();
    proxy.faults.set('ec2:DescribeSubnets', { kind: 'stall' });
    const started = Date.now();
    const result = await runCli(args(proxy.endpoint, '--timeout', '120000', '--deadline', '5000'));
    expect(Date.now() - started).toBeLessThan(20_000); // generous: the --timeout alone would be 10 minutes
    expect(result.code).toBe(3);
    const finding = results(result.stdout).find((r) => r.checkId === 'mgmt-cidr-conflict')!;
    expect(finding).toMatchObject({ status: 'error', evidence: { reason: 'timeout' } });
    expect(finding.message).toMatch(/overall deadline \(--deadline 5000 ms\) passed before "vpc" was collected \(it needs "subnets", which was still being collected\)/);
    expect(result.stderr).toMatch(
      /^wsdoctor: timed out: the run's overall deadline \(--deadline 5000 ms\) passed while waiting on (\S+, )*ec2:DescribeSubnets(, \S+)*: the report shows what was found before that \(\d+ checks? could not finish\)/,
    );
    const unfinished = Number(/\((\d+) checks? could not finish\)/.exec(result.stderr)![1]);
    expect(unfinished).toBe(results(result.stdout).filter((r) => r.status === 'error').length);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('an endpoint nobody listens on: one cause, one line on stderr naming the endpoint; exit 3, no report', async () => {
    const dead = `http://127.0.0.1:${await freePort()}`;
    const result = await runCli(args(dead));
    expect(result.code).toBe(3);
    expect(result.stdout).toBe(''); // not one ERROR block per check, all saying the same
    expect(result.stderr).toMatch(new RegExp(`^wsdoctor: cannot reach AWS at ${dead.replace(/\./g, '\\.')}: could not reach the endpoint on workspaces:DescribeWorkspaceDirectories: .*ECONNREFUSED.*Nothing was checked\\. Check a proxy .*\\n$`));
  });

  it('an endpoint that stops answering after the lookup: each check that needed it says so; exit 3', async () => {
    await withProxy();
    proxy.faults.set('ec2:*', { kind: 'drop' });
    const result = await runCli(args(proxy.endpoint, '--max-attempts', '1'));
    expect(result.code).toBe(3);
    const ec2Checks = results(result.stdout).filter((f) => (iamActionsByCheck.get(f.checkId) ?? []).some((a) => a.startsWith('ec2:')));
    expect(ec2Checks.length).toBeGreaterThan(2);
    for (const finding of ec2Checks) expect(finding, finding.checkId).toMatchObject({ status: 'error', evidence: { reason: 'unreachable', endpoint: proxy.endpoint } });
  });

  it('a dropped connection is reported as such; exit 3', async () => {
    await withProxy();
    proxy.faults.set('ec2:DescribeSubnets', { kind: 'drop' });
    const result = await runCli(args(proxy.endpoint, '--max-attempts', '2'));
    expect(result.code).toBe(3);
    const finding = results(result.stdout).find((r) => r.checkId === 'mgmt-cidr-conflict')!;
    expect(finding.message).toMatch(/the endpoint dropped the connection on ec2:DescribeSubnets/);
  });

  it('a DNS server that never answers and a TCP 53 that drops: --deadline ends the probe, only the DNS checks say so', async (context) => {
    if (!account.dns) return context.skip();
    const blackHole = await startDnsServer({ mode: 'drop' }); // reads every query, answers none
    const dropHost = await silentLoopbackAddress();
    const synDrop = { host: dropHost, ...(await tcpDroppingPort(dropHost, 53)) }; // TCP 53 connects hang
    try {
      const seeded = await seedDirectory(account.motoEndpoint, 'us-east-1', '10.5.0.0/16', ['10.5.1.0/24', '10.5.2.0/24'], {
        dnsIps: [blackHole.address, synDrop.host],
      });
      const started = Date.now();
      const result = await runCli(
        ['check', '--directory', seeded.directoryId, '--region', 'us-east-1', '--endpoint-url', account.endpoint, '--format', 'json',
          '--timeout', '60000', '--deadline', '10000'],
      );
      expect(Date.now() - started).toBeLessThan(20_000); // generous: the probe's own bound is 60 s
      expect(result.code).toBe(3);
      for (const finding of results(result.stdout)) {
        if (finding.checkId === 'adc-dns-reachable' || finding.checkId === 'dns-srv-records') {
          expect(finding).toMatchObject({ status: 'error', evidence: { reason: 'timeout', fact: 'directoryDns' } });
          expect(finding.message).toMatch(/overall deadline \(--deadline 10000 ms\) passed before "directoryDns" was collected/);
        } else {
          expect(finding.status, `${finding.checkId}: ${finding.message}`).not.toBe('error');
        }
      }
      expect(result.stderr).toMatch(/^wsdoctor: timed out: the run's overall deadline \(--deadline 10000 ms\) passed: the report shows/);
      expect(blackHole.queries.length).toBeGreaterThanOrEqual(2);
    } finally {
      await Promise.all([blackHole.close(), synDrop.close()]);
    }
  });

  it('client streaming ports that drop everything: --deadline ends the probes, the report says so; exit 3', async (context) => {
    if (!account.dns) return context.skip(); // binding port 443 takes the same privilege as port 53
    const host = await loopbackAddress();
    const listeners = await Promise.all([
      ...[4172, 4195, 443].map((port) => tcpDroppingPort(host, port)),
      ...[4172, 4195].map((port) => udpListener(host, { echo: false, port })),
    ]);
    try {
      const started = Date.now();
      const result = await runCli(
        // The streaming ports' check alone: the client run's other checks probe names a test redirects with the
        // client lab (--probe-targets, test/e2e/check-client-probes.test.ts), not with --probe-host.
        ['check', '--client', '--probe-host', host, '--only', 'client-streaming-ports', '--region', 'us-east-1', '--format', 'json', '--timeout', '60000', '--deadline', '1500'],
      );
      expect(Date.now() - started).toBeLessThan(20_000); // generous: the probes' own bound is 60 s
      expect(result.code).toBe(3);
      const all = results(result.stdout);
      expect(all.length).toBeGreaterThan(0);
      for (const finding of all) {
        expect(finding).toMatchObject({ status: 'error', evidence: { reason: 'timeout', fact: 'streamingPortProbes' } });
      }
      expect(result.stderr).toMatch(/^wsdoctor: timed out: the run's overall deadline \(--deadline 1500 ms\) passed: the report shows/);
    } finally {
      await Promise.all(listeners.map((l) => l.close()));
    }
  });

  describe('Ctrl-C, SIGTERM, SIGHUP', () => {
    async function interrupt(extra: string[], command = args, signal: NodeJS.Signals = 'SIGINT') {
      await withProxy();
      proxy.faults.set('ec2:DescribeSubnets', { kind: 'stall' });
      const { child, done } = spawnCli(command(proxy.endpoint, ...extra), testEnv());
      child.stdin.end();
      await proxy.stalled('ec2:DescribeSubnets');
      // Let the calls that are not stalled finish, so the report has something found before the Ctrl-C.
      // The WorkSpaces calls are paced at 2/s after a burst of 5, and the Region's listing pages through what the
      // earlier tests seeded: wait until none has left for a second (two paced calls' worth).
      await expect.poll(() => proxy.calls.some((c) => c.action === 'workspaces:DescribeWorkspaces'), { timeout: 10_000 }).toBe(true);
      const lastWorkSpacesCall = () => Math.max(...proxy.calls.filter((c) => c.action.startsWith('workspaces:')).map((c) => c.at));
      await expect.poll(() => performance.now() - lastWorkSpacesCall(), { timeout: 20_000, interval: 100 }).toBeGreaterThan(1000);
      await new Promise((r) => setTimeout(r, 300));
      const started = Date.now();
      child.kill(signal);
      const result = await done;
      return { ...result, exitTookMs: Date.now() - started };
    }

    it('stops the stalled request, prints what was found so far and exits 130', async () => {
      const result = await interrupt([]);
      expect(result.code).toBe(130);
      expect(result.exitTookMs).toBeLessThan(10_000); // generous: the stalled call alone would take --timeout × attempts
      const all = results(result.stdout);
      const finding = all.find((r) => r.checkId === 'mgmt-cidr-conflict')!;
      expect(finding).toMatchObject({ status: 'error', evidence: { reason: 'interrupted' } });
      expect(finding.message).toMatch(/^Could not evaluate: interrupted \(Ctrl-C\) before "vpc" was collected \(it needs "subnets"/);
      // Checks whose facts had settled keep their findings (those reading only WorkSpaces, answered before the
      // Ctrl-C); only the checks waiting on the stalled call were cut off.
      const settled = all.filter((f) => (iamActionsByCheck.get(f.checkId) ?? []).every((a) => a.startsWith('workspaces:')));
      expect(settled.length).toBeGreaterThanOrEqual(2);
      for (const f of settled) expect(f.status, `${f.checkId}: ${f.message}`).not.toBe('error');
      expect(result.stderr).toMatch(
        /^wsdoctor: interrupted \(Ctrl-C\) while waiting on (\S+, )*ec2:DescribeSubnets(, \S+)*: the report shows what was found before that \(\d+ checks? could not finish\)\n$/,
      );
      await expect.poll(() => proxy.closedWhileStalled, { timeout: 5000 }).toContain('ec2:DescribeSubnets');
    });

    it('--output is written whole: the old file is replaced by a complete report, no temporary file is left', async () => {
      const dir = await mkdtemp(join(tmpdir(), 'wsdoctor-sigint-'));
      const out = join(dir, 'report.json');
      await writeFile(out, '{"previous": "run"}\n');
      const result = await interrupt(['--output', out]);
      expect(result.code).toBe(130);
      expect(result.stdout).toBe('');
      const report = JSON.parse(await readFile(out, 'utf8'));
      expect(report.summary.error).toBeGreaterThanOrEqual(1);
      expect(await readdir(dir)).toEqual(['report.json']);
    });

    it('SIGTERM (timeout, a cancelled CI job, Kubernetes) is Ctrl-C with its own name: a whole report, exit 143', async () => {
      const result = await interrupt([], args, 'SIGTERM');
      expect(result.code).toBe(143);
      expect(result.exitTookMs).toBeLessThan(10_000);
      const all = results(result.stdout); // the JSON report is whole: it parsed
      expect(all.find((r) => r.checkId === 'mgmt-cidr-conflict')).toMatchObject({ status: 'error', evidence: { reason: 'interrupted' } });
      expect(all.find((r) => r.checkId === 'mgmt-cidr-conflict')!.message).toMatch(/^Could not evaluate: terminated \(SIGTERM\) before "vpc" was collected/);
      expect(all.filter((f) => f.status !== 'error').length).toBeGreaterThanOrEqual(2);
      expect(result.stderr).toMatch(/^wsdoctor: terminated \(SIGTERM\) while waiting on (\S+, )*ec2:DescribeSubnets(, \S+)*: the report shows what was found before that/);
    });

    it('SIGHUP (the terminal went away): the --output file is written whole, exit 129', async () => {
      const dir = await mkdtemp(join(tmpdir(), 'wsdoctor-sighup-'));
      const out = join(dir, 'report.json');
      const result = await interrupt(['--output', out], args, 'SIGHUP');
      expect(result.code).toBe(129);
      expect(result.stderr).toMatch(/^wsdoctor: hung up \(SIGHUP\) while waiting on /);
      expect(JSON.parse(await readFile(out, 'utf8')).summary.error).toBeGreaterThanOrEqual(1);
      expect(await readdir(dir)).toEqual(['report.json']);
    });

    it('collect under SIGTERM writes a whole bundle of what it had; exit 143', async () => {
      const dir = await mkdtemp(join(tmpdir(), 'wsdoctor-sigterm-bundle-'));
      const out = join(dir, 'bundle.json');
      const collectArgs = (endpoint: string, ...extra: string[]) => [
        'collect', '--directory', account.seeded.directoryId, '--region', 'us-east-1', '--endpoint-url', endpoint, ...account.args, ...extra,
      ];
      const result = await interrupt(['-o', out], collectArgs, 'SIGTERM');
      expect(result.code).toBe(143);
      expect(result.stderr).toMatch(/^wsdoctor: terminated \(SIGTERM\) while waiting on .*: the bundle shows what was found before that/m);
      const bundle = JSON.parse(await readFile(out, 'utf8'));
      expect(bundle.facts.subnets).toMatchObject({ ok: false, failure: { kind: 'interrupted', message: expect.stringMatching(/^terminated \(SIGTERM\)/) } });
      expect(bundle.facts.workspacesDirectory).toMatchObject({ ok: true });
    });

    it('collect writes a whole bundle of what it had, which check --bundle reads: the cut-off facts say interrupted', async () => {
      const dir = await mkdtemp(join(tmpdir(), 'wsdoctor-sigint-bundle-'));
      const out = join(dir, 'bundle.json');
      const collectArgs = (endpoint: string, ...extra: string[]) => [
        'collect', '--directory', account.seeded.directoryId, '--region', 'us-east-1', '--endpoint-url', endpoint, ...account.args, ...extra,
      ];
      const result = await interrupt(['-o', out], collectArgs);
      expect(result.code).toBe(130);
      expect(result.stderr).toMatch(/^wsdoctor: interrupted \(Ctrl-C\) while waiting on .*: the bundle shows what was found before that \(\d+ facts? could not be collected\)/m);
      expect(await readdir(dir)).toEqual(['bundle.json']);
      const bundle = JSON.parse(await readFile(out, 'utf8'));
      expect(bundle.facts.subnets).toMatchObject({ ok: false, failure: { kind: 'interrupted' } });
      expect(bundle.facts.workspacesDirectory).toMatchObject({ ok: true });
      const analyzed = await runCli(['check', '--bundle', out, '--format', 'json']);
      expect(analyzed.code).toBe(3);
      expect(results(analyzed.stdout).find((r) => r.checkId === 'mgmt-cidr-conflict')).toMatchObject({ status: 'error', evidence: { reason: 'interrupted' } });
    });
  });
});
