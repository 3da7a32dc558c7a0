// How far this machine's clock is from true time: an SNTP query to the NTP server the guide names for zero clients
// (pool.ntp.org, UDP 123; 002 lines 1779-1785), asked of each address it resolves to at once, the first valid
// answer kept; and, as a fallback that works where UDP 123 is blocked, the Date headers of the HTTPS endpoints the
// client probes already asked (to the second).
import { NTP_SERVER } from '../../data/client-network.js';
import { resolve4, type ResolveOutcome } from '../../net/resolve.js';
import { probeSntp, type SntpOutcome } from '../../net/sntp.js';
import { defineFact } from '../define.js';
import clientEndpointProbes from './client-endpoint-probes.js';
import probeTargets, { redirectFor } from './probe-targets.js';

export interface ClockOffset {
  ntp: {
    host: string;
    port: number;
    dns?: Omit<ResolveOutcome, 'name'>;
    /** One per address asked; `reply`s carry the offset. */
    answers: SntpOutcome[];
  };
  /** This clock minus each HTTPS server's Date header, in ms (Date has a resolution of one second). */
  httpDates: { host: string; offsetMs: number }[];
}

export default defineFact({
  name: 'clockOffset',
  description: "this machine's clock against NTP (pool.ntp.org, UDP 123) and against the HTTPS endpoints' Date headers",
  iamActions: [],
  dependsOn: [probeTargets, clientEndpointProbes],
  async collect({ get, timeoutMs, signal }): Promise<ClockOffset> {
    const targets = await get(probeTargets);
    const ntp = (async (): Promise<ClockOffset['ntp']> => {
      const redirect = redirectFor(targets, NTP_SERVER.host, NTP_SERVER.port);
      const base = { host: NTP_SERVER.host, port: NTP_SERVER.port };
      if (redirect) return { ...base, answers: [await probeSntp(redirect.address, redirect.port, timeoutMs, signal)] };
      const started = performance.now();
      const lookup = await resolve4(NTP_SERVER.host, { ...(targets.resolver ? { servers: targets.resolver } : {}), timeoutMs, signal });
      const { name: _, ...dns } = lookup;
      const left = Math.max(1, Math.round(timeoutMs - (performance.now() - started)));
      const answers = await Promise.all(lookup.addresses.slice(0, 4).map((address) => probeSntp(address, NTP_SERVER.port, left, signal)));
      return { ...base, dns, answers };
    })();
    // The endpoints fact runs alongside; its failure only leaves the fallback empty.
    const dates = get(clientEndpointProbes).then(
      (probes) =>
        probes.endpoints.flatMap(({ host, probe }) => {
          const date = probe.http?.date ? Date.parse(probe.http.date) : Number.NaN;
          return Number.isNaN(date) ? [] : [{ host, offsetMs: probe.http!.receivedAt - date }];
        }),
      () => [],
    );
    return { ntp: await ntp, httpDates: await dates };
  },
});

/** The offset to judge: NTP's when an answer came (the median of the answers), else the median of the Date headers. */
export function clockReading(fact: ClockOffset): { offsetMs: number; from: 'ntp' | 'https'; samples: number } | undefined {
  const median = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[mid]! : Math.round((sorted[mid - 1]! + sorted[mid]!) / 2);
  };
  const ntp = fact.ntp.answers.flatMap((a) => (a.result === 'reply' && a.offsetMs !== undefined ? [a.offsetMs] : []));
  if (ntp.length) return { offsetMs: median(ntp), from: 'ntp', samples: ntp.length };
  const https = fact.httpDates.map((d) => d.offsetMs);
  if (https.length) return { offsetMs: median(https), from: 'https', samples: https.length };
  return undefined;
}
