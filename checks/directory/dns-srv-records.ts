/**
 * Asks each DNS server an AD Connector was given for _ldap._tcp.<domain> and _kerberos._tcp.<domain> (one finding
 * per server and record).
 * - PASS: the server returned at least one SRV record.
 * - FAIL: the server answered that the record does not exist (NXDOMAIN, or the name has no SRV data) or could not
 *   produce it (SERVFAIL): AD Connector reports "SRV record for LDAP|Kerberos does not exist for IP: …". Also a
 *   REFUSED answer to one record from a server that answered the other query from here [derived]: the server is
 *   reachable and serving, and will not resolve this name, so AD Connector cannot obtain the record from it either.
 * - ERROR: the server refused every query or did not answer, so whether it holds the record is unknown; a timeout
 *   also says where to run wsdoctor from, because it may only be unreachable from here (see adc-dns-reachable).
 * - SKIP: the directory is not an AD Connector.
 */
import { own } from '../../src/core/own.js';
import { defineCheck, type FindingDraft } from '../../src/engine/types.js';
import { GUIDES } from '../../src/data/sources.js';
import { LOCATOR_RECORDS, type SrvLookup } from '../../src/facts/probes/directory-dns.js';
import { dnsEndpoint, runFromDirectorySubnets } from '../../src/facts/views.js';
import directoryDns from '../../src/facts/probes/directory-dns.js';

const ANSWER_MEANING: Record<string, string> = {
  ENOTFOUND: 'NXDOMAIN: no such name',
  ENODATA: 'the name exists but has no SRV record',
  ESERVFAIL: 'SERVFAIL: the server could not produce an answer',
};

/** Results that mean the server received the query and answered it. */
const ANSWERED = new Set<SrvLookup['result']>(['found', 'missing', 'servfail']);

export default defineCheck({
  meta: {
    id: 'dns-srv-records',
    catalogId: 'C5',
    title: "AD Connector's DNS servers hold the domain's LDAP and Kerberos SRV records",
    scope: 'directory',
    severity: 'critical',
    tags: ['ad-connector', 'dns', 'probe'],
    description:
      'For an AD Connector directory, asks every DNS server Directory Service and WorkSpaces list for it (UDP port 53, ' +
      'from the machine wsdoctor runs on) for the SRV records _ldap._tcp.<domain> and _kerberos._tcp.<domain>.',
    rationale:
      'AD Connector needs to obtain the _ldap._tcp and _kerberos._tcp SRV records of the domain from the DNS servers ' +
      'it was given to find the domain controllers; a server without them makes connecting fail with "SRV record for ' +
      'LDAP does not exist for IP: dns-ip-address" or "SRV record for Kerberos does not exist for IP: dns-ip-address".',
    finds:
      'an AD Connector\'s DNS server lacks `_ldap._tcp.<domain>` or `_kerberos._tcp.<domain>`: "SRV record for LDAP/Kerberos does not exist for IP: …" (fail), per server and record',
    facts: [directoryDns],
    remediation: {
      summary:
        "Make sure every DNS server given to AD Connector holds the domain's _ldap._tcp and _kerberos._tcp SRV records.",
      steps: [
        'AD Connector needs to obtain the _ldap._tcp.dns-domain-name and _kerberos._tcp.dns-domain-name SRV records when connecting to your directory. You get "SRV record for LDAP does not exist for IP: dns-ip-address" or "SRV record for Kerberos does not exist for IP: dns-ip-address" if the service cannot obtain these records from the DNS servers that you specified when connecting to your directory.',
        'Make sure that your DNS servers contain these SRV records (see "SRV Resource Records" on Microsoft TechNet).',
        'The DNS addresses given to AD Connector must be DNS servers of your on-premises directory: give the directory the IP addresses of servers that hold its zone.',
        'If a server gave no answer to wsdoctor in time, repeat the check from a host in the AD Connector subnets before changing DNS: the server may only be unreachable from where wsdoctor ran.',
      ],
      source: {
        guide: GUIDES.adminGuide,
        section: 'I receive an "SRV record" error when I try to connect to my on-premises directory',
        lines: '8430-8439',
      },
      alsoSee: [
        { guide: GUIDES.adminGuide, section: 'Step 1: Create an AD Connector', lines: '3984-4037' },
        { guide: GUIDES.troubleshooting, section: 'Launching WorkSpaces in my connected directory often fails', lines: '196-198' },
      ],
      docsUrl:
        'https://docs.aws.amazon.com/workspaces/latest/adminguide/amazon-workspaces-troubleshooting.html#srv_record_not_found',
    },
  },

  analyze({ directoryDns }) {
    return directoryDns.servers.flatMap((server) =>
      server.srv.map((lookup): FindingDraft => {
        // A server that answered another query from here (a record, NXDOMAIN, no data, SERVFAIL) is reachable: its
        // REFUSED for this name is its answer, not a sign that wsdoctor's machine cannot get through.
        const answeredOther = server.srv.some((other) => other !== lookup && ANSWERED.has(other.result));
        const label = LOCATOR_RECORDS.find((r) => r.record === lookup.record)?.label ?? lookup.record;
        const evidence = {
          server: server.address,
          port: server.port,
          listedIn: server.sources,
          record: lookup.name,
          result: lookup.result,
          ...(lookup.code ? { code: lookup.code } : {}),
          ...(lookup.answers ? { answers: lookup.answers } : {}),
        };
        const resource = dnsEndpoint(server);
        const draft = (status: FindingDraft['status'], message: string): FindingDraft => ({ status, resource, message, evidence });
        switch (lookup.result) {
          case 'found':
            return draft('pass', `DNS server ${server.address} returned ${lookup.name}: ${targets(lookup)}.`);
          case 'missing':
          case 'servfail':
            return draft(
              'fail',
              `SRV record for ${label} does not exist for IP: ${server.address}. Asked for ${lookup.name}, the server ` +
                `answered ${own(ANSWER_MEANING, lookup.code) ?? lookup.code}, so AD Connector cannot find the domain ` +
                `controllers through it.`,
            );
          case 'refused':
            if (lookup.code === 'EREFUSED' && answeredOther) {
              const other = server.srv.find((o) => o !== lookup && ANSWERED.has(o.result))!;
              return draft(
                'fail',
                `SRV record for ${label} does not exist for IP: ${server.address}. Asked for ${lookup.name}, the server ` +
                  `answered REFUSED, while it answered the query for ${other.name} from the same machine: it will not ` +
                  'resolve this name, so AD Connector cannot obtain the record from it.',
              );
            }
            return draft(
              'error',
              `Could not ask DNS server ${server.address} for ${lookup.name}: it refused (${lookup.code}). Whether it ` +
                'holds the record is unknown; adc-dns-reachable reports the refusal.',
            );
          case 'timeout':
            return draft(
              'error',
              `DNS server ${server.address} did not answer the query for ${lookup.name} within ` +
                `${directoryDns.timeoutMs} ms, so whether it holds the record is unknown. ${runFromDirectorySubnets(directoryDns)}`,
            );
          case 'error':
            return draft('error', `Asking DNS server ${server.address} for ${lookup.name} failed (${lookup.code}).`);
        }
      }),
    );
  },
});

function targets(lookup: SrvLookup): string {
  return (lookup.answers ?? []).map((a) => `${a.name}:${a.port}`).join(', ');
}
