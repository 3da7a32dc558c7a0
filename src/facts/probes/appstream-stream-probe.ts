// WorkSpaces Applications (AppStream 2.0) streams to the browser from stream.<region>.amazonappstream.com, whose
// pop-ups the guide says to allow (004 lines 377-378): DNS, TCP 443, TLS and a HEAD request from this machine.
import { appstreamStreamHost } from '../../data/client-network.js';
import { probeEndpoint, type EndpointProbe } from '../../net/https.js';
import { defineFact } from '../define.js';
import { systemTrustContext } from '../local/system-roots.js';
import probeTargets, { redirectFor, resolverOf } from './probe-targets.js';

export interface AppstreamStreamProbe {
  region: string;
  host: string;
  probe: EndpointProbe;
}

export default defineFact({
  name: 'appstreamStreamProbe',
  description: "DNS, TCP 443, TLS and a HEAD request from this machine to the Region's WorkSpaces Applications streaming endpoint",
  iamActions: [],
  dependsOn: [probeTargets],
  async collect({ get, region, timeoutMs, signal }): Promise<AppstreamStreamProbe> {
    const targets = await get(probeTargets);
    const trusting = systemTrustContext(timeoutMs);
    const host = appstreamStreamHost(region);
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
    return { region, host, probe };
  },
});
