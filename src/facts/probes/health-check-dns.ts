// The Region's health check host name (drp-<code>.amazonworkspaces.com), resolved from this machine with its DNS
// servers (or the targets file's): the client resolves it before any health check over 4172 and 4195.
import { FactError } from '../../core/failure.js';
import { healthCheckServersFor } from '../../data/client-ports.js';
import { resolve4, type ResolveOutcome } from '../../net/resolve.js';
import { defineFact } from '../define.js';
import probeTargets, { resolverOf } from './probe-targets.js';

export interface HealthCheckDns {
  region: string;
  hostname: string;
  /** The DNS servers asked, when a targets file named them (else the OS's). */
  resolver?: string[];
  lookup: ResolveOutcome;
}

export default defineFact({
  name: 'healthCheckDns',
  description: "the Region's health check host name resolved with this machine's DNS servers",
  iamActions: [],
  dependsOn: [probeTargets],
  async collect({ get, region, timeoutMs, signal }): Promise<HealthCheckDns> {
    const servers = healthCheckServersFor(region);
    if (!servers) {
      throw new FactError({ kind: 'error', message: `the Administration Guide lists no health check server for ${region}` });
    }
    const targets = await get(probeTargets);
    const lookup = await resolve4(servers.hostname, { servers: targets.resolver, timeoutMs, signal });
    return { region, hostname: servers.hostname, ...(targets.resolver ? { resolver: targets.resolver } : {}), lookup };
  },
});
