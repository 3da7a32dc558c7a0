// Fact fixtures for the AD Connector DNS checks: a probe result as the directoryDns collector records it.
import type { DnsServerProbe, SrvLookup } from '../../src/facts/probes/directory-dns.js';
import type { FactValue } from '../../src/facts/define.js';
import type directoryDnsFact from '../../src/facts/probes/directory-dns.js';

export const DOMAIN = 'corp.example.com';

const answers = {
  ldap: [{ name: 'dc1.corp.example.com', port: 389, priority: 0, weight: 100 }],
  kerberos: [{ name: 'dc1.corp.example.com', port: 88, priority: 0, weight: 100 }],
};

/** One SRV lookup: found (with answers) unless a result and code are given. */
export function lookup(record: 'ldap' | 'kerberos', result: SrvLookup['result'] = 'found', code?: string): SrvLookup {
  return {
    record,
    name: `_${record}._tcp.${DOMAIN}`,
    result,
    ...(code ? { code } : {}),
    ...(result === 'found' ? { answers: answers[record] } : {}),
  };
}

export function server(
  address: string,
  { tcp = { result: 'open' }, ldap = lookup('ldap'), kerberos = lookup('kerberos') }: {
    tcp?: DnsServerProbe['tcp'];
    ldap?: SrvLookup;
    kerberos?: SrvLookup;
  } = {},
): DnsServerProbe {
  return { address, port: 53, sources: ['ds:DnsIpAddrs'], tcp, srv: [ldap, kerberos] };
}

export function probe(...servers: DnsServerProbe[]): FactValue<typeof directoryDnsFact> {
  return {
    directoryId: 'd-1234567890',
    domain: DOMAIN,
    timeoutMs: 2000,
    vpcId: 'vpc-0abc',
    subnetIds: ['subnet-a', 'subnet-b'],
    servers,
  };
}
