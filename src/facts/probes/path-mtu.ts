// Does a 1200-byte packet get through, unfragmented, from this machine to the Region? The guide requires a VPN
// to "support a maximum transmission unit (MTU) of at least 1200 bytes" (002 lines 1404-1405). The OS's own `ping`
// sends one small echo and one 1200-byte echo with "do not fragment" set to a health check server (or the first
// --probe-host), both at once, each bounded by --timeout. Where there is no ping, or it lacks the flag, the fact
// says so: the check reads that as inconclusive, never as a pass.
import { spawn } from 'node:child_process';
import { IPV4_ICMP_HEADERS, MIN_VPN_MTU } from '../../data/client-network.js';
import probeHost from '../../options/probe-host.js';
import { defineFact } from '../define.js';
import probeTargets from './probe-targets.js';
import { parsePing, pingArguments, type PingResult } from '../local/ping-output.js';
import { healthCheckTargets, type ProbeTargets } from './streaming-port-probes.js';

export interface PingOutcome {
  result: PingResult | 'unavailable' | 'error';
  mtu?: number;
  /** The last lines ping printed (one line, bounded), for the evidence. */
  output?: string;
  elapsedMs: number;
}

export interface PathMtu {
  targets: ProbeTargets;
  host: string;
  platform: NodeJS.Platform;
  /** The ping payload of the large probe: 1200 bytes less the IPv4 and ICMP headers. */
  payload: number;
  command: string;
  small: PingOutcome;
  large: PingOutcome;
}

export default defineFact({
  name: 'pathMtu',
  description: "a small and a 1200-byte don't-fragment ping from this machine to a health check server (the OS's ping)",
  iamActions: [],
  // A targets file is checked before any packet is sent: an unusable one stops the run (exit 2) first.
  dependsOn: [probeTargets],
  options: [probeHost],
  async collect({ get, option, region, timeoutMs, signal }): Promise<PathMtu> {
    await get(probeTargets);
    const { hosts, origin } = healthCheckTargets(option(probeHost), region);
    const host = hosts[0]!;
    const payload = MIN_VPN_MTU.bytes - IPV4_ICMP_HEADERS;
    const platform = process.platform;
    const largeArgs = pingArguments(platform, host, payload, true, timeoutMs);
    const [small, large] = await Promise.all([
      ping(pingArguments(platform, host, 56, false, timeoutMs), timeoutMs, signal),
      ping(largeArgs, timeoutMs, signal),
    ]);
    return { targets: origin, host, platform, payload, command: `ping ${largeArgs.join(' ')}`, small, large };
  },
});

/** Runs ping; ends it at the bound (no reply in time is `lost`). */
function ping(args: string[], timeoutMs: number, signal: AbortSignal): Promise<PingOutcome> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  return new Promise((resolve) => {
    let output = '';
    let settled = false;
    const child = spawn('ping', args, { stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
    const finish = (outcome: Omit<PingOutcome, 'elapsedMs'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal.removeEventListener('abort', stop);
      if (child.exitCode === null) child.kill('SIGKILL');
      resolve({ ...outcome, elapsedMs: elapsed() });
    };
    const lastLines = () => output.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '').trim().split(/\r?\n/).slice(-3).join(' | ').slice(0, 300);
    const timer = setTimeout(() => finish({ result: 'lost', output: lastLines() || `no reply within ${timeoutMs} ms` }), timeoutMs);
    const stop = () => finish({ result: 'error', output: 'the run stopped before ping finished' });
    signal.addEventListener('abort', stop, { once: true });
    child.stdout.on('data', (chunk) => (output = (output + String(chunk)).slice(-4000)));
    child.stderr.on('data', (chunk) => (output = (output + String(chunk)).slice(-4000)));
    child.once('error', (error: NodeJS.ErrnoException) =>
      finish({ result: 'unavailable', output: error.code === 'ENOENT' ? 'no ping command on this machine' : `ping could not run (${error.code ?? error.message})` }),
    );
    child.once('close', () => {
      const reading = parsePing(output);
      if (/operation not permitted|permission denied/i.test(output) && reading.result !== 'frag-needed') {
        return finish({ result: 'unavailable', output: `ping is not permitted here: ${lastLines()}` });
      }
      finish({ ...reading, output: lastLines() });
    });
  });
}
