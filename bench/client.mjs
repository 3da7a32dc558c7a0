// Benchmark 6, a full client run's fan-out: `wsdoctor check --client --bandwidth` for one Region (us-east-1) with
// every probe it makes pointed at loopback targets that never answer — the 17 HTTPS endpoints, the health check
// name, NTP, STUN, the public IP echo, the bandwidth download, Web Access (TCP 80 and 443, UDP 443), the AppStream
// streaming endpoint, and the streaming ports, RTT and MTU probes of a --probe-host — through a --probe-targets file
// whose DNS server never answers either. Target: the whole wall time, start-up and report included, at most 1.3 ×
// --timeout. Also measured as section 4 measures probing: the same run against targets that answer at once (nothing
// listening: refused) is subtracted, leaving start-up out.
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BIN, benchEnv, median, ms, ratio, runExpecting, ROOT } from './measure.mjs';
import { benchOptions, machineLine, publish, table, verdict } from './results.mjs';
import { startSilentTargets } from './silent-targets.mjs';

const TIMEOUTS_MS = [1000, 3000];
const JUDGED_TIMEOUT_MS = 3000;
const REGION = 'us-east-1';
// Silent targets: the probe host (streaming ports), and one host for every name, with a DNS server that never answers.
const PROBE_HOST = '127.77.1.1';
const NAMES_HOST = '127.77.1.2';
// Targets that answer at once: nothing listens there (TCP refused, ICMP port unreachable).
const ANSWERING_PROBE_HOST = '127.78.1.1';
const ANSWERING_NAMES_HOST = '127.78.1.2';
const DNS_PORT = 5353;
// The CLI runs with the tests' guard: a packet or a DNS query off 127.0.0.0/8 ends it (exit 98), failing the benchmark.
const ENV = benchEnv({ NODE_OPTIONS: `--import=${join(ROOT, 'test', 'helpers', 'loopback-only.mjs')}` });

/** Every host name a client run of the Region resolves, from the built data tables. */
async function clientNames() {
  const dist = pathToFileURL(join(ROOT, 'dist', 'src', 'data')).href;
  const { clientEndpointsFor } = await import(`${dist}/client-endpoints.js`);
  const net = await import(`${dist}/client-network.js`);
  return [
    ...clientEndpointsFor(REGION).map((e) => e.host),
    net.PUBLIC_IP_ECHO.host,
    net.BANDWIDTH_OBJECT.host,
    net.WEB_ACCESS_HOST.host,
    net.appstreamStreamHost(REGION),
  ];
}

async function targetsFile(namesHost) {
  const net = await import(pathToFileURL(join(ROOT, 'dist', 'src', 'data', 'client-network.js')).href);
  const hosts = Object.fromEntries((await clientNames()).map((name) => [name, namesHost]));
  hosts[`${net.NTP_SERVER.host}:${net.NTP_SERVER.port}`] = namesHost;
  hosts[`${net.STUN_SERVER.host}:${net.STUN_SERVER.port}`] = namesHost;
  const file = join(mkdtempSync(join(tmpdir(), 'wsdoctor-bench-client-')), 'targets.json');
  writeFileSync(file, JSON.stringify({ resolver: [`${namesHost}:${DNS_PORT}`], hosts }, null, 2));
  return file;
}

const args = (probeHost, file, timeout) => [
  BIN, 'check', '--client', '--region', REGION, '--probe-host', probeHost, '--probe-targets', file, '--bandwidth',
  '--timeout', String(timeout), '--format', 'json',
];

export async function benchClient(options) {
  const runs = options.quick ? 1 : 5;
  const silent = await startSilentTargets([
    ...[4172, 4195, 443].map((port) => ({ host: PROBE_HOST, port, protocol: 'tcp' })),
    ...[4172, 4195].map((port) => ({ host: PROBE_HOST, port, protocol: 'udp' })),
    ...[443, 80].map((port) => ({ host: NAMES_HOST, port, protocol: 'tcp' })),
    ...[DNS_PORT, 123, 3478, 443].map((port) => ({ host: NAMES_HOST, port, protocol: 'udp' })),
  ]);
  try {
    const silentFile = await targetsFile(NAMES_HOST);
    const answeringFile = await targetsFile(ANSWERING_NAMES_HOST);
    const rows = [];
    const missed = [];
    let probes = 0;
    for (const timeout of TIMEOUTS_MS) {
      const slow = [];
      const fast = [];
      const durations = [];
      for (let i = 0; i < runs; i++) {
        fast.push((await runExpecting([0, 1, 3], process.execPath, args(ANSWERING_PROBE_HOST, answeringFile, timeout), { env: ENV })).ms);
        const result = await runExpecting([0, 1, 3], process.execPath, args(PROBE_HOST, silentFile, timeout), { env: ENV });
        slow.push(result.ms);
        const report = JSON.parse(result.stdout);
        durations.push(report.durationMs);
        // Only what this machine says of itself may pass; nothing about the silent network may.
        const passed = report.results.filter((r) => r.status === 'pass' && !/^client-(ipv4-available|proxy-streaming|app-version)$/.test(r.checkId));
        if (passed.length) throw new Error(`a check passed against silent targets: ${passed.map((r) => `${r.checkId} ${r.resource}`).join(', ')}`);
        probes = report.results.length;
      }
      const wall = median(slow);
      const answering = median(fast);
      const duration = median(durations);
      const probing = Math.max(wall - answering, duration);
      const judged = timeout === JUDGED_TIMEOUT_MS;
      if (judged && wall > 1.3 * timeout) missed.push(`client run against silent targets: ${ms(wall)} at --timeout ${timeout}`);
      rows.push([
        `--timeout ${timeout}`,
        ms(wall),
        ms(answering),
        `${ms(probing)} (${ratio(probing / timeout)})`,
        `${ms(wall)} = ${ratio(wall / timeout)} the timeout`,
        judged ? `≤ ${ms(1.3 * timeout)}` : '—',
        judged ? verdict(wall <= 1.3 * timeout) : '—',
      ]);
    }
    const markdown = `## 6. A full client run against silent targets

${machineLine()} \`wsdoctor check --client --region ${REGION} --bandwidth --probe-host ${PROBE_HOST} --probe-targets …\`:
every probe of the Region at once (${probes} findings): the 17 HTTPS endpoints, the health check name, NTP, STUN, the
public IP echo (twice), the bandwidth download, Web Access (TCP 80 and 443, UDP 443), the AppStream endpoint, and TCP
and UDP 4172/4195 and TCP 443, the RTT samples and the MTU ping to the probe host. Every name is redirected by the
targets file to ${NAMES_HOST}, whose TCP ports never accept (accept queue full) and whose UDP ports (the DNS server on
${DNS_PORT}, 123, 3478, 443) never reply. The answering run sends the same probes to ${ANSWERING_NAMES_HOST} and
${ANSWERING_PROBE_HOST}, where nothing listens. Median of ${runs} run(s) each, interleaved.

${table(
  ['', 'silent: wall time', 'answering: wall time', 'probing (silent − answering, or the report\'s duration)', 'silent wall / timeout', 'target', ''],
  rows,
)}

No check about the network passed against silent targets (what this machine says of itself — its routes, its proxy
settings, the installed client — may).

Reproduce: \`npm run build && node bench/client.mjs\` (needs python3 for the never-accepting TCP listener; binds ports
80 and 443 on loopback).`;
    return { markdown, missed };
  } finally {
    await silent.stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const options = benchOptions();
  publish(options, 'client', await benchClient(options));
}
