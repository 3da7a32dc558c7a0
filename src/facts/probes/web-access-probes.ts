// What Web Access needs from this machine's network (002 lines 699-717, "Ports for Web Access"): DNS (UDP 53) to
// its resolvers, TCP 80 to clients.amazonworkspaces.com (which redirects to HTTPS), TCP 443 to it, and UDP 443,
// which Web Access prefers for streaming and falls back from. UDP 443 is asked the one way UDP can be: QUIC's
// version negotiation (src/net/quic.ts), which any QUIC server answers.
import { WEB_ACCESS_HOST } from '../../data/client-network.js';
import { probeEndpoint, type EndpointProbe } from '../../net/https.js';
import { probeQuic, type QuicOutcome } from '../../net/quic.js';
import { resolve4, type ResolveOutcome } from '../../net/resolve.js';
import { defineFact } from '../define.js';
import { systemTrustContext } from '../local/system-roots.js';
import probeTargets, { redirectFor } from './probe-targets.js';

export interface WebAccessProbes {
  host: string;
  dns: ResolveOutcome;
  http80: EndpointProbe;
  https443: EndpointProbe;
  udp443: QuicOutcome | { result: 'not-probed'; reason: string };
}

export default defineFact({
  name: 'webAccessProbes',
  description: 'DNS, TCP 80, TCP 443 and UDP 443 (QUIC) from this machine to clients.amazonworkspaces.com, as Web Access uses them',
  iamActions: [],
  dependsOn: [probeTargets],
  async collect({ get, timeoutMs, signal }): Promise<WebAccessProbes> {
    const targets = await get(probeTargets);
    const trusting = systemTrustContext(timeoutMs);
    const host = WEB_ACCESS_HOST.host;
    const servers = targets.resolver ? { servers: targets.resolver } : {};
    const to80 = redirectFor(targets, host, 80);
    const to443 = redirectFor(targets, host, 443);
    const udp = (async (): Promise<WebAccessProbes['udp443']> => {
      if (to443) return probeQuic(to443.address, to443.port, timeoutMs, signal);
      const started = performance.now();
      const lookup = await resolve4(host, { ...servers, timeoutMs, signal });
      if (lookup.result !== 'resolved') return { result: 'not-probed', reason: `${host} did not resolve (${lookup.result})` };
      return probeQuic(lookup.addresses[0]!, 443, Math.max(1, Math.round(timeoutMs - (performance.now() - started))), signal);
    })();
    const [dns, http80, https443, udp443] = await Promise.all([
      resolve4(host, { ...servers, timeoutMs, signal }),
      probeEndpoint({ host, port: 80, tls: false, ...(to80 ? { connectTo: to80 } : {}), ...(targets.resolver ? { resolver: targets.resolver } : {}), timeoutMs, signal }),
      probeEndpoint({
        host,
        port: 443,
        tls: true,
        ...(to443 ? { connectTo: to443 } : {}),
        ...(targets.resolver ? { resolver: targets.resolver } : {}),
        secureContext: trusting,
        timeoutMs,
        signal,
      }),
      udp,
    ]);
    return { host, dns, http80, https443, udp443 };
  },
});
