// The public IPv4 address this machine's traffic leaves from: an HTTPS echo asked twice, over two TCP connections
// (a NAT with several addresses may map them differently), and a STUN Binding request over UDP (the streaming
// protocols use UDP, and a NAT may give UDP another address). The guide asks for a static NAT address that "routes
// all the UDP traffic through the same static IP address" (002 lines 1659-1668); IP access control groups compare
// that address with their rules. Only with --client: a directory run must not take the admin's address for a user's.
import { isIP } from 'node:net';
import { PUBLIC_IP_ECHO, STUN_SERVER } from '../../data/client-network.js';
import { probeEndpoint, type EndpointProbe } from '../../net/https.js';
import { resolve4 } from '../../net/resolve.js';
import { probeStun, type StunOutcome } from '../../net/stun.js';
import client from '../../options/client.js';
import { defineFact } from '../define.js';
import { systemTrustContext } from '../local/system-roots.js';
import probeTargets, { redirectFor, resolverOf } from './probe-targets.js';

export interface EchoSample {
  probe: EndpointProbe;
  /** The address the echo answered, when its answer is one (anything else is not an echo's answer). */
  ip?: string;
}

export interface ClientPublicIp {
  echo: { host: string; samples: EchoSample[] };
  stun: { host: string; port: number; outcome: StunOutcome | { result: 'dns-failed'; detail: string } };
}

export default defineFact({
  name: 'clientPublicIp',
  description: 'the public IPv4 address of this machine, seen by an HTTPS echo (twice) and by a STUN server over UDP',
  iamActions: [],
  dependsOn: [probeTargets],
  options: [client],
  onlyWith: client,
  // The address is the user's: a redacted bundle replaces it (consistently with the IP group rules it meets).
  async collect({ get, timeoutMs, signal }): Promise<ClientPublicIp> {
    const targets = await get(probeTargets);
    const trusting = systemTrustContext(timeoutMs);
    const echoOnce = async (): Promise<EchoSample> => {
      const connectTo = redirectFor(targets, PUBLIC_IP_ECHO.host, 443);
      const probe = await probeEndpoint({
        host: PUBLIC_IP_ECHO.host,
        port: 443,
        tls: true,
        method: 'GET',
        path: PUBLIC_IP_ECHO.path,
        keepBody: 64,
        ...(connectTo ? { connectTo } : {}),
        ...resolverOf(targets),
        secureContext: trusting,
        timeoutMs,
        signal,
      });
      const answer = probe.http?.body?.trim() ?? '';
      const { body: _raw, ...http } = probe.http ?? ({} as NonNullable<EndpointProbe['http']>);
      const recorded = probe.http ? { ...probe, http } : probe;
      return probe.result === 'ok' && probe.http?.status === 200 && isIP(answer) ? { probe: recorded, ip: answer } : { probe: recorded };
    };
    const stunOnce = async (): Promise<ClientPublicIp['stun']['outcome']> => {
      const redirect = redirectFor(targets, STUN_SERVER.host, STUN_SERVER.port);
      if (redirect) return probeStun(redirect.address, redirect.port, timeoutMs, signal);
      const started = performance.now();
      const dns = await resolve4(STUN_SERVER.host, { ...(targets.resolver ? { servers: targets.resolver } : {}), timeoutMs, signal });
      if (dns.result !== 'resolved') return { result: 'dns-failed', detail: `${STUN_SERVER.host}: ${dns.result}` };
      return probeStun(dns.addresses[0]!, STUN_SERVER.port, Math.max(1, timeoutMs - (performance.now() - started)), signal);
    };
    const [first, second, stun] = await Promise.all([echoOnce(), echoOnce(), stunOnce()]);
    return {
      echo: { host: PUBLIC_IP_ECHO.host, samples: [first, second] },
      stun: { host: STUN_SERVER.host, port: STUN_SERVER.port, outcome: stun },
    };
  },
});

/** The address the echo saw, when its samples agree on one (or the one that answered). */
export function observedPublicIp(fact: ClientPublicIp): string | undefined {
  const ips = [...new Set(fact.echo.samples.flatMap((s) => (s.ip ? [s.ip] : [])))];
  return ips.length === 1 ? ips[0] : undefined;
}
