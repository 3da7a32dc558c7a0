// The HTTPS endpoints the WorkSpaces client needs in the run's Region (src/data/client-endpoints.ts), each probed
// from this machine as the client reaches it: DNS, TCP 443, a TLS handshake with the host's name (validated against
// the OS's trust store, as the client does), and a HEAD request. All at once, each bounded by --timeout.
import { FactError } from '../../core/failure.js';
import { clientEndpointsFor, type EndpointNeed } from '../../data/client-endpoints.js';
import { probeEndpoint, type EndpointProbe } from '../../net/https.js';
import { defineFact } from '../define.js';
import { loadSystemRoots, systemTrustContext } from '../local/system-roots.js';
import probeTargets, { redirectFor, resolverOf } from './probe-targets.js';

export interface ProbedEndpoint {
  host: string;
  category: string;
  need: EndpointNeed;
  use: string;
  probe: EndpointProbe;
}

export interface ClientEndpointProbes {
  region: string;
  /** The certificates the handshakes were validated against. */
  trust: { source: string } | { fallback: "Node's bundled roots"; reason: string };
  /** The DNS servers asked, when a targets file named them (else the OS's). */
  resolver?: string[];
  endpoints: ProbedEndpoint[];
}

export default defineFact({
  name: 'clientEndpointProbes',
  description: "DNS, TCP 443, TLS and a HEAD request from this machine to each HTTPS endpoint the WorkSpaces client needs in the Region",
  iamActions: [],
  dependsOn: [probeTargets],
  async collect({ get, region, timeoutMs, signal }): Promise<ClientEndpointProbes> {
    const endpoints = clientEndpointsFor(region);
    if (!endpoints) {
      throw new FactError({ kind: 'error', message: `the Administration Guide lists no WorkSpaces client endpoints for ${region}` });
    }
    const targets = await get(probeTargets);
    const trusting = systemTrustContext(timeoutMs);
    const probed = await Promise.all(
      endpoints.map(async ({ host, category, need, use }): Promise<ProbedEndpoint> => {
        const connectTo = redirectFor(targets, host, 443);
        const probe = await probeEndpoint({
          host,
          port: 443,
          tls: true,
          ...(connectTo ? { connectTo } : {}),
          ...resolverOf(targets),
          secureContext: trusting,
          timeoutMs,
          signal,
        });
        return { host, category, need, use, probe };
      }),
    );
    // Which store the handshakes used: reading it is enough to say so (no TLS context is built when none got to TLS).
    const trust = await loadSystemRoots(timeoutMs).then(
      ({ source }) => ({ source }),
      (error: unknown) => ({ error: error instanceof Error ? error.message : String(error) }),
    );
    return {
      region,
      trust: 'source' in trust ? { source: trust.source } : { fallback: "Node's bundled roots", reason: trust.error },
      ...(targets.resolver ? { resolver: targets.resolver } : {}),
      endpoints: probed,
    };
  },
});
