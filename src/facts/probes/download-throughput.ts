// Download bandwidth, measured the plain way: part of a large, fixed object the client itself downloads (the
// Windows client installer, from the guide's auto-update host; src/data/client-network.ts names it) is fetched over
// HTTPS for at most --timeout, and its bytes are timed from the first to the last. Opt-in (--bandwidth): it costs
// up to 16 MB of the user's traffic.
import { BANDWIDTH_OBJECT } from '../../data/client-network.js';
import { probeEndpoint, type EndpointProbe } from '../../net/https.js';
import bandwidth from '../../options/bandwidth.js';
import { defineFact } from '../define.js';
import { systemTrustContext } from '../local/system-roots.js';
import probeTargets, { redirectFor, resolverOf } from './probe-targets.js';

export interface DownloadThroughput {
  url: string;
  probe: EndpointProbe;
}

export default defineFact({
  name: 'downloadThroughput',
  description: 'download throughput from this machine: part of the WorkSpaces client installer, timed, for at most --timeout',
  iamActions: [],
  dependsOn: [probeTargets],
  options: [bandwidth],
  onlyWith: bandwidth,
  async collect({ get, timeoutMs, signal }): Promise<DownloadThroughput> {
    const targets = await get(probeTargets);
    const trusting = systemTrustContext(timeoutMs);
    const connectTo = redirectFor(targets, BANDWIDTH_OBJECT.host, 443);
    const probe = await probeEndpoint({
      host: BANDWIDTH_OBJECT.host,
      port: 443,
      tls: true,
      method: 'GET',
      path: BANDWIDTH_OBJECT.path,
      extraHeaders: { Range: `bytes=0-${BANDWIDTH_OBJECT.maxBytes - 1}` },
      measureBody: BANDWIDTH_OBJECT.maxBytes,
      ...(connectTo ? { connectTo } : {}),
      ...resolverOf(targets),
      secureContext: trusting,
      timeoutMs,
      signal,
    });
    return { url: `https://${BANDWIDTH_OBJECT.host}${BANDWIDTH_OBJECT.path}`, probe };
  },
});
