// Round-trip time from this machine to the Region, as the catalog measures it (I4): TCP handshakes to the Region's
// health check servers (or --probe-host) on 4172 (PCoIP) and 4195 (WSP), several per host and port, because ICMP
// may be filtered where the streaming ports are not. A handshake's time is read when Node's event loop gets to it,
// and the rest of a client run keeps that loop busy at first (TLS handshakes, starting ping): the samples are
// spread out (one every `spacing` ms) and all of them end by --timeout, so a silent host costs one timeout, and the
// check judges each host by its fastest handshake — the path's round trip without this machine's own delays.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { RTT_BANDS, RTT_SAMPLES, type StreamingProtocol } from '../../data/client-network.js';
import type { ProbeOutcome, ProbeResult } from '../../net/probe-outcome.js';
import { probeTcp } from '../../net/tcp.js';
import probeHost from '../../options/probe-host.js';
import { defineFact } from '../define.js';
import probeTargets from './probe-targets.js';
import { healthCheckTargets, type ProbeTargets } from './streaming-port-probes.js';

export interface RttSeries {
  host: string;
  protocol: StreamingProtocol;
  port: number;
  /** Handshake times of the samples that completed, in ms. */
  samplesMs: number[];
  /** The samples that did not complete, and why. */
  failed: { result: ProbeResult; code?: string }[];
}

export interface StreamingRtt {
  targets: ProbeTargets;
  hosts: string[];
  samplesPerHost: number;
  /** The samples of a host and port started this far apart. */
  spacingMs: number;
  /**
   * How late this process's event loop ran while the samples were taken (median and largest delay, ms): a handshake
   * is timed when the loop gets to it, so a busy machine adds up to this much to every figure.
   */
  loopDelayMs: { median: number; max: number };
  series: RttSeries[];
}

/** Samples start at most this far apart: five of them span under a second. */
const MAX_SPACING_MS = 200;

function delay(ms: number, signal: AbortSignal): Promise<void> {
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}

export default defineFact({
  name: 'streamingRtt',
  description: "TCP handshake times from this machine to the Region's health check servers on 4172 (PCoIP) and 4195 (WSP)",
  iamActions: [],
  // A targets file is checked before any packet is sent: an unusable one stops the run (exit 2) first.
  dependsOn: [probeTargets],
  options: [probeHost],
  async collect({ get, option, region, timeoutMs, signal }): Promise<StreamingRtt> {
    await get(probeTargets);
    const { hosts, origin } = healthCheckTargets(option(probeHost), region);
    const spacing = Math.min(MAX_SPACING_MS, Math.floor(timeoutMs / (2 * RTT_SAMPLES)));
    const deadline = performance.now() + timeoutMs;
    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    const series = await Promise.all(
      hosts.flatMap((host) =>
        RTT_BANDS.map(async ({ protocol, port }): Promise<RttSeries> => {
          const samples = await Promise.all(
            Array.from({ length: RTT_SAMPLES }, async (_, i): Promise<ProbeOutcome> => {
              await delay(i * spacing, signal);
              // One deadline for all of them: a timer that fires late (a busy event loop) does not extend it.
              const left = Math.round(deadline - performance.now());
              return left > 0 ? probeTcp(host, port, left, signal) : { result: 'timeout', elapsedMs: 0 };
            }),
          );
          return {
            host,
            protocol,
            port,
            samplesMs: samples.filter((s) => s.result === 'open').map((s) => s.elapsedMs),
            failed: samples.filter((s) => s.result !== 'open').map((s) => ({ result: s.result, ...(s.code ? { code: s.code } : {}) })),
          };
        }),
      ),
    );
    loop.disable();
    // The histogram counts from its 10 ms sampling resolution: what is above it is the loop's own delay.
    const lateMs = (ns: number) => (Number.isFinite(ns) ? Math.max(0, Math.round(ns / 1e6) - 10) : 0);
    const loopDelayMs = { median: lateMs(loop.percentile(50)), max: lateMs(loop.max) };
    return { targets: origin, hosts, samplesPerHost: RTT_SAMPLES, spacingMs: spacing, loopDelayMs, series };
  },
});
