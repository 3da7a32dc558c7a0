// Round-trip time from this machine to the Region, as the catalog measures it (I4): TCP handshakes to the Region's
// health check servers (or --probe-host) on 4172 (PCoIP) and 4195 (WSP), several per host and port, because ICMP
// may be filtered where the streaming ports are not. A handshake's time is read when Node's event loop gets to it,
// and the rest of a client run keeps that loop busy at first (TLS handshakes, starting ping): the samples are
// spread out (one every `spacing` ms) and all of them end by --timeout, so a silent host costs one timeout, and the
// check judges each host by its fastest handshake — the path's round trip without this machine's own delays.
import { RTT_BANDS, RTT_SAMPLES, type StreamingProtocol } from '../../data/client-network.js';
import type { ProbeResult } from '../../net/probe-outcome.js';
import { probeTcp } from '../../net/tcp.js';
import probeHost from '../../options/probe-host.js';
import { defineFact } from '../define.js';
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
  dependsOn: [],
  options: [probeHost],
  async collect({ option, region, timeoutMs, signal }): Promise<StreamingRtt> {
    const { hosts, origin } = healthCheckTargets(option(probeHost), region);
    const spacing = Math.min(MAX_SPACING_MS, Math.floor(timeoutMs / (2 * RTT_SAMPLES)));
    const series = await Promise.all(
      hosts.flatMap((host) =>
        RTT_BANDS.map(async ({ protocol, port }): Promise<RttSeries> => {
          const samples = await Promise.all(
            Array.from({ length: RTT_SAMPLES }, async (_, i) => {
              await delay(i * spacing, signal);
              return probeTcp(host, port, Math.max(1, timeoutMs - i * spacing), signal);
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
    return { targets: origin, hosts, samplesPerHost: RTT_SAMPLES, spacingMs: spacing, series };
  },
});
