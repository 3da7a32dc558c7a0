// What the WorkSpaces client needs to reach: catalog tables T5a (ports for client applications) and T6 (the Region's
// health check servers), transcribed from the WorkSpaces Administration Guide (002_73aec366670b46ed.txt).
// The guide names Regions by display name; the codes are the standard ones for those names (catalog T27).
import { GUIDES, type RowSource } from './sources.js';

export type Protocol = 'tcp' | 'udp';

export interface ClientPort {
  port: number;
  protocols: readonly Protocol[];
  /** What the client uses the port for, in the guide's words. */
  use: string;
  source: RowSource;
}

// "Port 4172 and 4195 (UDP and TCP)" is one row in the guide (lines 693-697); it is split here because each port
// carries its own protocol. The guides disagree on WSP's port (catalog Part IV, X1): 002's troubleshooting chapter
// (8203-8205) says WSP moved from 4172 to 4195, so 4172 is labelled PCoIP and 4195 WSP. They also title the health
// check servers "PCoIP" while saying both ports are checked against them (X21): both ports are probed on them.
export const CLIENT_PORTS: readonly ClientPort[] = [
  {
    port: 4172,
    protocols: ['tcp', 'udp'],
    use: 'PCoIP streaming and health checks',
    source: { guide: GUIDES.adminGuide, lines: '693-697' },
  },
  {
    port: 4195,
    protocols: ['tcp', 'udp'],
    use: 'WSP streaming and health checks',
    source: { guide: GUIDES.adminGuide, lines: '693-697' },
  },
  {
    port: 443,
    protocols: ['tcp'],
    use: 'client updates, registration and authentication',
    source: { guide: GUIDES.adminGuide, lines: '682-692' },
  },
];

export interface HealthCheckServers {
  region: string;
  regionName: string;
  hostname: string;
  addresses: readonly string[];
  source: RowSource;
}

const row = (region: string, regionName: string, hostname: string, addresses: string[], lines: string): HealthCheckServers => ({
  region,
  regionName,
  hostname,
  addresses,
  source: { guide: GUIDES.adminGuide, lines },
});

/** "Health Check Servers" (002 lines 977-1103): the client's health checks over 4172 and 4195 go to these. */
export const HEALTH_CHECK_SERVERS: readonly HealthCheckServers[] = [
  row('us-east-1', 'US East (N. Virginia)', 'drp-iad.amazonworkspaces.com',
    ['3.209.215.252', '3.212.50.30', '3.225.55.35', '3.226.24.234', '34.200.29.95', '52.200.219.150'], '988-1002'),
  row('us-west-2', 'US West (Oregon)', 'drp-pdx.amazonworkspaces.com',
    ['34.217.248.177', '52.34.160.80', '54.68.150.54', '54.185.4.125', '54.188.171.18', '54.244.158.140'], '1004-1013'),
  row('ap-northeast-2', 'Asia Pacific (Seoul)', 'drp-icn.amazonworkspaces.com',
    ['13.124.44.166', '13.124.203.105', '52.78.44.253', '52.79.54.102'], '1015-1022'),
  row('ap-southeast-1', 'Asia Pacific (Singapore)', 'drp-sin.amazonworkspaces.com',
    ['3.0.212.144', '18.138.99.116', '18.140.252.123', '52.74.175.118'], '1024-1031'),
  row('ap-southeast-2', 'Asia Pacific (Sydney)', 'drp-syd.amazonworkspaces.com', ['3.24.11.127', '13.237.232.125'], '1033-1038'),
  row('ap-northeast-1', 'Asia Pacific (Tokyo)', 'drp-nrt.amazonworkspaces.com', ['18.178.102.247', '54.64.174.128'], '1040-1045'),
  row('ca-central-1', 'Canada (Central)', 'drp-yul.amazonworkspaces.com',
    ['52.60.69.16', '52.60.80.237', '52.60.173.117', '52.60.201.0'], '1047-1054'),
  row('eu-central-1', 'Europe (Frankfurt)', 'drp-fra.amazonworkspaces.com',
    ['52.59.191.224', '52.59.191.225', '52.59.191.226', '52.59.191.227'], '1056-1063'),
  row('eu-west-1', 'Europe (Ireland)', 'drp-dub.amazonworkspaces.com', ['18.200.177.86', '52.48.86.38', '54.76.137.224'], '1070-1074'),
  row('eu-west-2', 'Europe (London)', 'drp-lhr.amazonworkspaces.com',
    ['35.176.62.54', '35.177.255.44', '52.56.46.102', '52.56.111.36'], '1076-1083'),
  row('sa-east-1', 'South America (São Paulo)', 'drp-gru.amazonworkspaces.com',
    ['18.231.0.105', '52.67.55.29', '54.233.156.245', '54.233.216.234'], '1085-1092'),
  row('us-gov-west-1', 'AWS GovCloud (US-West)', 'drp-pdt.amazonworkspaces.com',
    ['52.61.60.65', '52.61.65.14', '52.61.88.170', '52.61.137.87', '52.61.155.110', '52.222.20.88'], '1094-1103'),
];

export function healthCheckServersFor(region: string): HealthCheckServers | undefined {
  return HEALTH_CHECK_SERVERS.find((r) => r.region === region);
}
