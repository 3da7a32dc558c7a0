// End to end: `wsdoctor check --client` from the built CLI against a client lab (test/helpers/client-lab.ts): every
// server a client run talks to, on loopback, with the Region's real host names, a test CA and a DNS server that
// resolves them. The CLI runs with a guard (test/helpers/loopback-only.mjs) that ends it on the first packet or DNS
// query that would leave 127.0.0.0/8. Faults are set per lab: a name that does not resolve, a TLS-inspecting proxy,
// a skewed clock, a NAT with two addresses, closed streaming ports behind a proxy, a slow download.
import { afterEach, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, testEnv } from '../helpers/cli.js';
import { startClientLab, type ClientLab, type ClientLabFaults } from '../helpers/client-lab.js';
import { port53Available } from '../helpers/dns-server.js';
import { firstSynSent, loopbackAddress, tcpDroppingPort, tcpHeldPort, udpListener, type Listener } from '../helpers/listeners.js';
import { opensslAvailable } from '../helpers/tls-ca.js';
import { startDnsServer } from '../helpers/dns-server.js';

const GUARD = fileURLToPath(new URL('../helpers/loopback-only.mjs', import.meta.url));
const SDK_LOADS = fileURLToPath(new URL('../helpers/report-sdk-loads.cjs', import.meta.url));

const ready = opensslAvailable() && (await port53Available());
if (!ready && process.env.WSDOCTOR_E2E === 'required') throw new Error('the client lab needs openssl and port 53 on loopback');

type Result = { checkId: string; resource: string; status: string; message: string; evidence: Record<string, unknown> };

/** No AWS credentials, the loopback guard, a report of SDK clients loaded on stderr, and the lab's trust store. */
export function clientEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env = testEnv({ NODE_OPTIONS: `--import=${GUARD} --require ${SDK_LOADS}`, ...extra });
  delete env.AWS_ACCESS_KEY_ID;
  delete env.AWS_SECRET_ACCESS_KEY;
  return env;
}

const labs: ClientLab[] = [];
const listeners: Listener[] = [];
afterEach(async () => {
  await Promise.all([...labs.splice(0).map((lab) => lab.close()), ...listeners.splice(0).map((l) => l.close())]);
});

async function run(faults: ClientLabFaults, extra: string[] = [], env: Record<string, string> = {}) {
  const lab = await startClientLab('us-east-1', faults);
  labs.push(lab);
  const started = Date.now();
  const result = await runCli(['check', ...lab.args(), '--timeout', '3000', '--format', 'json', ...extra], clientEnv({ ...lab.env(), ...env }));
  const wallMs = Date.now() - started;
  if (!result.stdout.startsWith('{')) throw new Error(`no report (exit ${result.code}): ${result.stderr}`);
  const results = (JSON.parse(result.stdout) as { results: Result[] }).results;
  const of = (checkId: string) => results.filter((r) => r.checkId === checkId);
  return { lab, result, results, of, wallMs };
}

describe.runIf(ready)('wsdoctor check --client against a client lab on loopback', () => {
  it('a healthy network: every client check passes or skips, with no credentials, no SDK, nothing off loopback', async () => {
    const { result, of, results } = await run({ publicIp: '81.2.69.160' });
    expect(result.stderr).toBe('aws-sdk clients loaded: 0\n');
    const statuses = Object.fromEntries(results.map((r) => [`${r.checkId} ${r.resource}`, r.status]));
    for (const [key, status] of Object.entries(statuses)) {
      // The MTU probe needs the OS's ping: where there is none it is inconclusive (warn), never a pass.
      if (key.startsWith('client-vpn-mtu') || key.startsWith('client-rtt')) expect(['pass', 'warn']).toContain(status);
      else expect(['pass', 'skip'], key).toContain(status);
    }
    expect(of('client-https-endpoints').map((r) => r.status)).toEqual(['pass', 'pass']);
    expect(of('client-root-ca-trust')[0]!.message).toMatch(/trusted by this machine's own roots .*Starfield Class 2/);
    expect(of('client-public-ip')[0]).toMatchObject({ status: 'pass', resource: '81.2.69.160' });
    expect(of('client-clock-skew')[0]!.message).toMatch(/within a second of NTP \(pool\.ntp\.org\)/);
    // Loopback answers at once; on a loaded CI machine the process's own delays may still show (a warning that says so).
    for (const r of of('client-rtt')) expect(r.status === 'pass' || /This machine was busy while timing/.test(r.message), r.message).toBe(true);
    expect(of('client-web-access-ports').map((r) => r.status)).toEqual(['pass', 'pass', 'pass', 'pass']);
    expect(of('client-registration-code')[0]).toMatchObject({ status: 'skip', message: 'Not applicable: needs --registration-code.' });
    expect([0]).toContain(result.code);
  });

  it('a name that does not resolve: the session endpoint fails naming it and DNS, an optional one warns', async () => {
    const { of, result } = await run({ nxdomain: ['ws-broker-service.us-east-1.amazonaws.com', 'skylight-client-ds.us-east-1.amazonaws.com'] });
    const [session, optional] = of('client-https-endpoints');
    expect(session).toMatchObject({ status: 'fail', resource: 'session endpoints' });
    expect(session!.message).toMatch(/1 of 8 endpoints .* ws-broker-service\.us-east-1\.amazonaws\.com \(WS Broker: sign-in and the list of WorkSpaces\) — DNS says the name does not exist/);
    expect(session!.message).toContain('red triangle for "Internet"');
    expect(optional).toMatchObject({ status: 'warn', message: expect.stringMatching(/skylight-client-ds\.us-east-1\.amazonaws\.com .* Sessions still work/) });
    // Without the broker's handshake the root CA check could not look: an error, never a pass.
    expect(of('client-root-ca-trust')[0]).toMatchObject({ status: 'error', message: expect.stringMatching(/Could not look at .*DNS says the name does not exist/) });
    expect(result.code).toBe(1);
  });

  it('a TLS-inspecting proxy on the broker: the endpoint fails and the root CA check names the root the store lacks', async () => {
    const { of } = await run({ intercepted: ['ws-broker-service.us-east-1.amazonaws.com'] });
    expect(of('client-https-endpoints')[0]).toMatchObject({ status: 'fail', message: expect.stringMatching(/not trusted by this machine .*"Example Corp TLS Inspection CA \(Example Corp\)"/) });
    expect(of('client-root-ca-trust')[0]).toMatchObject({
      status: 'fail',
      message: expect.stringMatching(/chains to "Example Corp TLS Inspection CA \(Example Corp\)", which this machine's trusted roots \(SSL_CERT_FILE=.*\) do not hold/),
    });
  });

  it('a trust store without the Starfield certificate: the root CA check warns', async () => {
    const { of } = await run({ noStarfield: true });
    expect(of('client-root-ca-trust')[0]).toMatchObject({ status: 'warn', message: expect.stringMatching(/hold neither Starfield certificate/) });
  });

  it('a clock 400 s ahead fails; 90 s behind with NTP blocked warns from the Date headers and says NTP is blocked', async () => {
    const ahead = await run({ clockOffsetMs: 400_000 });
    expect(ahead.of('client-clock-skew')[0]).toMatchObject({ status: 'fail', message: expect.stringMatching(/^This machine's clock is 7 min ahead of NTP \(pool\.ntp\.org\)/) });
    const behind = await run({ clockOffsetMs: -90_000, ntpSilent: true });
    expect(behind.of('client-clock-skew')[0]).toMatchObject({
      status: 'warn',
      message: expect.stringMatching(/(89|90|91) s behind the Date headers of \d+ WorkSpaces servers .*NTP \(pool\.ntp\.org, UDP 123\) did not answer/),
    });
  });

  it('a NAT that sends UDP from another address: the public IP check warns', async () => {
    const { of } = await run({ publicIp: '198.51.100.1', udpPublicIp: '198.51.100.2' });
    expect(of('client-public-ip')[0]).toMatchObject({ status: 'warn', resource: '198.51.100.1', message: expect.stringMatching(/TCP leaves this network from 198\.51\.100\.1 but UDP from 198\.51\.100\.2/) });
  });

  it('a proxy in the environment and the streaming ports closed: the proxy check fails, naming the masked proxy', async () => {
    const { of, result } = await run({ closedTcp: [4172, 4195] }, [], { HTTPS_PROXY: 'http://jdoe:s3cret-proxy-pass@proxy.example.com:3128' });
    expect(of('client-proxy-streaming')[0]).toMatchObject({
      status: 'fail',
      message: expect.stringMatching(/http:\/\/\*\*\*\*@proxy\.example\.com:3128 \(HTTPS proxy, from HTTPS_PROXY\) — and TCP 4172 and 4195 are closed/),
    });
    expect(of('client-streaming-ports').find((r) => r.resource === '4172/tcp')!.status).toBe('fail');
    expect(result.stdout).not.toContain('s3cret-proxy-pass');
    expect(result.stdout).not.toContain('jdoe');
  });

  it('--bandwidth: a 0.5 Mbps download fails; a fast one passes, and warns for more users than it carries', async () => {
    const slow = await run({ bandwidthBytesPerSecond: 64 * 1024 }, ['--bandwidth', '--only', 'client-bandwidth']);
    expect(slow.of('client-bandwidth')[0]).toMatchObject({ status: 'fail', message: expect.stringMatching(/^Download bandwidth is 0\.\d+ Mbps .*under the 1 Mbps/) });
    const fast = await run({}, ['--bandwidth', '--only', 'client-bandwidth']);
    expect(fast.of('client-bandwidth')[0]!.status).toBe('pass');
    const crowded = await run({ bandwidthBytesPerSecond: 256 * 1024 }, ['--bandwidth', '--concurrent-users', '50', '--only', 'client-bandwidth']);
    expect(crowded.of('client-bandwidth')[0]).toMatchObject({ status: 'warn', message: expect.stringMatching(/50 users sharing it need about 50 Mbps/) });
  });

  it('--login-uri: an unencoded @ in the user name fails; the registration code in it is never printed', async () => {
    const { of, result } = await run({}, ['--login-uri', 'workspaces://j@doe@SLiad+QWERTY12', '--only', 'client-login-uri-valid']);
    expect(of('client-login-uri-valid')[0]).toMatchObject({ status: 'fail', message: expect.stringMatching(/the user name "j@doe" holds "@" unencoded \(write @ as %40\)/) });
    expect(result.stdout + result.stderr).not.toContain('QWERTY12');
  });

  it('a targets file that is not usable is an input error: one line, exit 2, no probe sent', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'wsdoctor-targets-')), 'targets.json');
    writeFileSync(file, JSON.stringify({ resolver: ['8.8.8.8x'] }));
    const result = await runCli(['check', '--client', '--region', 'us-east-1', '--probe-targets', file], clientEnv());
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^wsdoctor: --probe-targets .*targets\.json: "resolver": "8\.8\.8\.8x" is not an IP address/);
    expect(result.stderr.trim().split('\n')).toHaveLength(2); // the error, and the SDK-load report
  });
});

describe.runIf(ready && process.platform === 'linux')('client probes against silent or slow targets', () => {
  it('RTT: handshakes held about a second fail both bands; a port that never answers cannot be timed (error)', async () => {
    const host = await loopbackAddress();
    const held = await tcpHeldPort(host, 4172);
    const dropping = await tcpDroppingPort(host, 4195);
    listeners.push(held, dropping);
    // Held until every sample's first SYN is out (five, 200 ms apart, from the first one), so each completes only
    // on its retransmission, about a second later.
    void firstSynSent(host, 4172).then(() => setTimeout(() => held.release(), 900));
    const result = await runCli(['check', '--client', '--region', 'us-east-1', '--probe-host', host, '--only', 'client-rtt', '--timeout', '3000', '--format', 'json'], clientEnv());
    const [pcoip, wsp] = (JSON.parse(result.stdout) as { results: Result[] }).results;
    // On a machine so loaded that this process stalled for half a second, the check says so (a warning) instead.
    const busy = /This machine was busy while timing/.test(pcoip!.message);
    expect(pcoip).toMatchObject({ status: busy ? 'warn' : 'fail', resource: 'PCoIP (4172)', message: expect.stringMatching(/on 4172: 1\d{3} ms\. PCoIP wants under 100 ms/) });
    expect(wsp).toMatchObject({ status: 'error', resource: 'WSP (4195)', message: expect.stringMatching(/no TCP handshake on 4195 .* completed \(timeout\)/) });
  });

  it('everything silent (DNS, TCP, UDP): no check passes that could not look, and the run ends within 1.3 × --timeout', async () => {
    const host = await loopbackAddress();
    const silentDns = await startDnsServer({ mode: 'drop' });
    const file = join(mkdtempSync(join(tmpdir(), 'wsdoctor-targets-')), 'targets.json');
    writeFileSync(file, JSON.stringify({ resolver: [silentDns.address] }));
    listeners.push(
      { port: 53, close: () => silentDns.close() },
      await tcpDroppingPort(host, 4172),
      await tcpDroppingPort(host, 4195),
      await tcpDroppingPort(host, 443),
      await udpListener(host, { echo: false, port: 4172 }),
      await udpListener(host, { echo: false, port: 4195 }),
    );
    const timeout = 2000;
    const started = Date.now();
    const result = await runCli(
      ['check', '--client', '--region', 'us-east-1', '--probe-host', host, '--probe-targets', file, '--bandwidth', '--timeout', String(timeout), '--format', 'json'],
      clientEnv(),
    );
    const wall = Date.now() - started;
    const results = (JSON.parse(result.stdout) as { results: Result[] }).results;
    const passed = results.filter((r) => r.status === 'pass').map((r) => `${r.checkId} ${r.resource}`);
    // What this machine says about itself (routes, proxies, trust store) may pass; nothing about the network may.
    expect(passed.filter((p) => !/^client-(ipv4-available|proxy-streaming) /.test(p))).toEqual([]);
    expect(results.find((r) => r.checkId === 'client-health-check-dns')).toMatchObject({ status: 'fail', message: expect.stringMatching(/no DNS answer in time/) });
    // Collection (every probe, concurrently) ends with the bound; bench/client.mjs measures the whole wall time on a
    // quiet machine. Here, on a shared CI machine, a margin for start-up and for timers that fire late under load.
    expect(JSON.parse(result.stdout).durationMs).toBeLessThan(timeout * 1.3 + 1000);
    expect(wall).toBeLessThan(timeout * 2 + 5000);
  });
});

describe('wsdoctor check --client input errors', () => {
  it('--registration-code that is not a code: one line, exit 2, and the value is not echoed', async () => {
    const result = await runCli(['check', '--client', '--region', 'us-east-1', '--registration-code', 'not-a-code-secret'], clientEnv());
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^wsdoctor: --registration-code is not a registration code/);
    expect(result.stderr).not.toContain('not-a-code-secret');
  });

  it('--probe-targets without --client is an input error', async () => {
    const result = await runCli(['check', '--directory', 'd-1234567890', '--region', 'us-east-1', '--probe-targets', 'x.json'], clientEnv());
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--probe-targets goes with --client');
  });

  it('reading a missing targets file names it', async () => {
    const result = await runCli(['check', '--client', '--region', 'us-east-1', '--probe-targets', '/nonexistent/targets.json'], clientEnv());
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--probe-targets \/nonexistent\/targets\.json: cannot read it \(ENOENT\)/);
    expect(readFileSync(GUARD, 'utf8')).toContain('LEFT LOOPBACK');
  });
});
