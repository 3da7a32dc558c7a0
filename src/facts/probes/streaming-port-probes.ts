// The client's streaming ports, probed from this machine: every port and protocol of the guide's table to every
// health check server of the Region (or to --probe-host), all at once, each probe bounded by --timeout.
import { FactError } from '../../core/failure.js';
import { CLIENT_PORTS, healthCheckServersFor, type Protocol } from '../../data/client-ports.js';
import type { RowSource } from '../../data/sources.js';
import type { ProbeOutcome } from '../../net/probe-outcome.js';
import { probeTcp } from '../../net/tcp.js';
import { probeUdp } from '../../net/udp.js';
import probeHost from '../../options/probe-host.js';
import { defineFact } from '../define.js';
import probeTargets from './probe-targets.js';

export interface PortProbe extends ProbeOutcome {
  host: string;
  port: number;
  protocol: Protocol;
}

export type ProbeTargets =
  | { from: 'health-check-servers'; region: string; hostname: string; source: RowSource }
  | { from: 'probe-host' };

export interface StreamingPortProbes {
  targets: ProbeTargets;
  hosts: string[];
  probes: PortProbe[];
}

const PROBE = { tcp: probeTcp, udp: probeUdp } as const;

export default defineFact({
  name: 'streamingPortProbes',
  description: "TCP and UDP probes from this machine to the streaming ports of the Region's health check servers",
  iamActions: [],
  // A targets file is checked before any packet is sent: an unusable one stops the run (exit 2) first.
  dependsOn: [probeTargets],
  options: [probeHost],
  async collect({ get, option, region, timeoutMs, signal }): Promise<StreamingPortProbes> {
    await get(probeTargets);
    const { hosts, origin } = healthCheckTargets(option(probeHost), region);
    const jobs = hosts.flatMap((host) =>
      CLIENT_PORTS.flatMap(({ port, protocols }) => protocols.map((protocol) => ({ host, port, protocol }))),
    );
    const probes = await Promise.all(
      jobs.map(async (job): Promise<PortProbe> => ({ ...job, ...(await PROBE[job.protocol](job.host, job.port, timeoutMs, signal)) })),
    );
    return { targets: origin, hosts, probes };
  },
});

/** The Region's health check servers, or the --probe-host hosts instead (the RTT and MTU probes use them too). */
export function healthCheckTargets(probeHosts: string[] | undefined, region: string): { hosts: string[]; origin: ProbeTargets } {
  if (probeHosts?.length) return { hosts: [...new Set(probeHosts)], origin: { from: 'probe-host' } };
  const servers = healthCheckServersFor(region);
  if (!servers) {
    throw new FactError({
      kind: 'error',
      message: `the guide lists no health check servers for ${region}; name the hosts to probe with --probe-host`,
    });
  }
  return {
    hosts: [...servers.addresses],
    origin: { from: 'health-check-servers', region, hostname: servers.hostname, source: servers.source },
  };
}
