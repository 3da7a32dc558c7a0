// Benchmark 4, probe fan-out: `wsdoctor check --client` against 50 probe targets on loopback that never answer
// (10 hosts × the 5 streaming-port probes per host: TCP 4172, 4195, 443 and UDP 4172, 4195), with a 1 s timeout.
// Target: at most 1.3 s of probing — the run's wall time less that of the same run against targets that answer
// at once (nothing listening: TCP refused, ICMP port unreachable), which leaves start-up and reporting out; and
// the report's own duration (collection and analysis), whichever is longer.
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { BIN, median, ms, ratio, runExpecting, seconds } from './measure.mjs';
import { benchOptions, machineLine, publish, table, verdict } from './results.mjs';
import { startSilentTargets } from './silent-targets.mjs';

const TIMEOUT_MS = 1000;
const TARGET_MS = 1300;
const SILENT_HOSTS = Array.from({ length: 10 }, (_, i) => `127.77.0.${i + 1}`);
const ANSWERING_HOSTS = Array.from({ length: 10 }, (_, i) => `127.78.0.${i + 1}`); // nothing listens there
const TCP_PORTS = [4172, 4195, 443];
const UDP_PORTS = [4172, 4195];

export function probesAvailable() {
  const help = spawnSync(process.execPath, [BIN, 'check', '--help'], { encoding: 'utf8' });
  return help.status === 0 && help.stdout.includes('--probe-host');
}

function clientArgs(hosts) {
  return [
    'check', '--client', '--region', 'us-east-1', '--timeout', String(TIMEOUT_MS), '--format', 'json',
    ...hosts.flatMap((host) => ['--probe-host', host]),
  ];
}

/** The client-streaming-ports results of a report (fails loudly if there are none). */
function probesIn(report) {
  const results = report.results.filter((r) => r.checkId === 'client-streaming-ports');
  if (results.length === 0) throw new Error('the report has no client-streaming-ports result');
  return results;
}

export async function benchProbes(options) {
  if (!probesAvailable()) {
    const markdown = `## 4. Probe fan-out

${machineLine()} **Not measured: this build has no \`wsdoctor check --client --probe-host\`** (the client probes
had not landed on main when these figures were taken). \`bench/probes.mjs\` runs as soon as \`check --help\` lists
\`--probe-host\`.`;
    return { markdown, missed: ['probe fan-out not measured: no --probe-host in this build'] };
  }
  const runs = options.quick ? 1 : 5;
  const targets = [
    ...SILENT_HOSTS.flatMap((host) => TCP_PORTS.map((port) => ({ host, port, protocol: 'tcp' }))),
    ...SILENT_HOSTS.flatMap((host) => UDP_PORTS.map((port) => ({ host, port, protocol: 'udp' }))),
  ];
  const silent = await startSilentTargets(targets);
  try {
    const slow = [];
    const fast = [];
    const durations = [];
    let report;
    for (let i = 0; i < runs; i++) {
      const answering = await runExpecting([0, 1, 3], process.execPath, [BIN, ...clientArgs(ANSWERING_HOSTS)]);
      fast.push(answering.ms);
      const result = await runExpecting([0, 1, 3], process.execPath, [BIN, ...clientArgs(SILENT_HOSTS)]);
      slow.push(result.ms);
      report = JSON.parse(result.stdout);
      durations.push(report.durationMs);
      const passed = probesIn(report).filter((r) => r.status === 'pass');
      if (passed.length) throw new Error(`a probe to a silent target passed: ${passed.map((r) => r.resource).join(', ')}`);
    }
    const silentMs = median(slow);
    const answeringMs = median(fast);
    const durationMs = median(durations);
    const probingMs = Math.max(silentMs - answeringMs, durationMs);
    const missed = probingMs > TARGET_MS ? [`${seconds(probingMs)} of probing for 50 silent targets`] : [];
    const markdown = `## 4. Probe fan-out: 50 targets that never answer, --timeout ${TIMEOUT_MS}

${machineLine()} ${targets.length} probes: ${SILENT_HOSTS.length} hosts (${SILENT_HOSTS[0]}…${SILENT_HOSTS.at(-1)}) ×
TCP ${TCP_PORTS.join(', ')} (a listener that never accepts, its accept queue full: SYNs are dropped) and UDP
${UDP_PORTS.join(', ')} (a bound socket that never replies). Median of ${runs} run(s) each, interleaved.

${table(
  ['', 'median wall time', 'target', ''],
  [
    [`\`wsdoctor check --client --probe-host …×${SILENT_HOSTS.length} --timeout ${TIMEOUT_MS}\`, silent targets`, ms(silentMs), '—', '—'],
    ['same, targets that answer at once (nothing listening)', ms(answeringMs), '—', '—'],
    ['the difference', ms(silentMs - answeringMs), '—', '—'],
    ['the report\'s own duration (`durationMs`, silent run)', ms(durationMs), '—', '—'],
    ['**probing**: the longer of the two', `${ms(probingMs)} (${ratio(probingMs / TIMEOUT_MS)} the timeout)`, `≤ ${ms(TARGET_MS)}`, verdict(probingMs <= TARGET_MS)],
  ],
)}

No probe to a silent target passed (TCP: \`fail\`, closed; UDP: \`warn\`, no reply).

Reproduce: \`npm run build && node bench/probes.mjs\` (needs python3 for the never-accepting TCP listener; binds port 443 on loopback).`;
    return { markdown, missed };
  } finally {
    await silent.stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const options = benchOptions();
  publish(options, 'probes', await benchProbes(options));
}
