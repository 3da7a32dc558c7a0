// An account every directory check passes on: moto_server behind the WorkSpaces front (for what moto lacks), and an
// AD Connector whose DNS server is a test DNS server on loopback holding the domain's locator records. The fault
// suites start from here, so every error they see is the fault they injected. Where port 53 cannot be bound, the
// two DNS checks are skipped (`args`) and the rest still runs.
import { motoAvailable, startMoto } from './moto.js';
import { port53Available, startDnsServer, type TestDnsServer } from './dns-server.js';
import { seedDirectory, type Seeded } from './seed.js';
import { startWorkspacesFront, type WorkspacesFront } from './workspaces-front.js';

const DOMAIN = 'corp.example.com'; // the name seedDirectory gives the AD Connector
const RECORDS = {
  [`_ldap._tcp.${DOMAIN}`]: [{ target: `dc1.${DOMAIN}`, port: 389 }],
  [`_kerberos._tcp.${DOMAIN}`]: [{ target: `dc1.${DOMAIN}`, port: 88 }],
};

export interface HealthyAccount {
  /** The AWS endpoint to give the CLI (or to put a fault proxy in front of). */
  endpoint: string;
  motoEndpoint: string;
  front: WorkspacesFront;
  seeded: Seeded;
  /** Extra `check` arguments this machine needs (skipping the DNS checks where port 53 is out of reach). */
  args: string[];
  /** Whether the DNS checks run (a DNS server could be started on loopback port 53). */
  dns: boolean;
  /** The healthy DNS server's address, for more directories seeded in the same account. */
  dnsIps: string[];
  stop(): Promise<void>;
}

export const healthyAccountAvailable = motoAvailable;

export async function startHealthyAccount(region = 'us-east-1'): Promise<HealthyAccount> {
  const moto = await startMoto();
  const front = await startWorkspacesFront(moto.endpoint);
  const dns: TestDnsServer | undefined = (await port53Available()) ? await startDnsServer({ srv: RECORDS }) : undefined;
  const seeded = await seedDirectory(moto.endpoint, region, '10.0.0.0/16', ['10.0.1.0/24', '10.0.2.0/24'], {
    ...(dns ? { dnsIps: [dns.address] } : {}),
  });
  return {
    endpoint: front.endpoint,
    motoEndpoint: moto.endpoint,
    front,
    seeded,
    args: dns ? [] : ['--skip', 'adc-dns-reachable,dns-srv-records'],
    dns: dns !== undefined,
    dnsIps: dns ? [dns.address] : [],
    stop: async () => {
      await Promise.all([front.stop(), dns?.close(), moto.stop()]);
    },
  };
}
