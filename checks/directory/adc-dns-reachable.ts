/**
 * Asks each DNS server an AD Connector was given whether it answers on port 53, over UDP (the SRV queries) and TCP.
 * - PASS: the server answered the DNS queries over UDP and accepted a TCP connection on 53.
 * - FAIL: the server refused on TCP 53 or UDP 53 (nothing listening, or a REFUSED answer): "DNS unavailable".
 * - ERROR: no answer in time, or no route, from this machine: that may only be where wsdoctor runs, so it says
 *   where to run from. Not `warn`: a warning exits 0 and would let a pipeline pass a directory whose DNS servers
 *   were never seen answering; `error` (exit 3, "the run is incomplete") is what happened — wsdoctor could not look.
 * - SKIP: the directory is not an AD Connector.
 */
import { defineCheck, type FindingDraft } from '../../src/engine/types.js';
import { GUIDES } from '../../src/data/sources.js';
import type { DnsServerProbe } from '../../src/facts/probes/directory-dns.js';
import { dnsEndpoint, runFromDirectorySubnets } from '../../src/facts/views.js';
import directoryDns from '../../src/facts/probes/directory-dns.js';

type UdpOutcome = 'answered' | 'refused' | 'timeout' | 'error';

/** UDP is proven by any DNS answer, even "no such name"; otherwise the most telling failure of the lookups. */
function udpOutcome(server: DnsServerProbe): { outcome: UdpOutcome; code?: string } {
  if (server.srv.some((l) => ['found', 'missing', 'servfail'].includes(l.result))) return { outcome: 'answered' };
  for (const outcome of ['refused', 'timeout', 'error'] as const) {
    const lookup = server.srv.find((l) => l.result === outcome);
    if (lookup) return { outcome, ...(lookup.code ? { code: lookup.code } : {}) };
  }
  return { outcome: 'error' };
}

export default defineCheck({
  meta: {
    id: 'adc-dns-reachable',
    catalogId: 'C3',
    title: "AD Connector's DNS servers answer on TCP and UDP port 53",
    scope: 'directory',
    severity: 'critical',
    tags: ['ad-connector', 'dns', 'network', 'probe'],
    description:
      'For an AD Connector directory, sends DNS queries over UDP to port 53 of every DNS server Directory Service and ' +
      'WorkSpaces list for it, and opens a TCP connection to port 53, from the machine wsdoctor runs on.',
    rationale:
      'AD Connector must be able to communicate with the on-premises DNS servers via TCP and UDP over port 53. ' +
      'When it cannot, connecting the directory fails with "DNS unavailable (TCP port 53) for IP: dns-ip-address", ' +
      'and launching WorkSpaces in the connected directory fails.',
    finds:
      'an AD Connector\'s DNS server refuses on TCP or UDP port 53: "DNS unavailable (TCP port 53) for IP: …" (fail); no answer from here (error: run from the AD Connector\'s subnets)',
    facts: [directoryDns],
    remediation: {
      summary:
        'Let AD Connector reach every DNS server it was given on TCP and UDP port 53, from each of its subnets.',
      steps: [
        'AD Connector reports "DNS unavailable (TCP port 53) for IP: dns-ip-address" when it cannot reach a DNS server: AD Connector must be able to communicate with your on-premises DNS servers via TCP and UDP over port 53.',
        'Verify that your security groups and on-premises firewalls allow TCP and UDP communication over port 53.',
        'The DNS servers you specified must be accessible from each subnet you selected for the AD Connector, and the VPC must be connected to your on-premises network through a VPN connection or AWS Direct Connect.',
        'Verify from the directory side: launch an Amazon EC2 instance in each subnet and join it to your directory using the IP addresses of the two DNS servers (or run wsdoctor on that instance).',
      ],
      source: {
        guide: GUIDES.adminGuide,
        section: 'I receive a "DNS unavailable" error when I try to connect to my on-premises directory',
        lines: '8408-8415',
      },
      alsoSee: [
        { guide: GUIDES.troubleshooting, section: 'Launching WorkSpaces in my connected directory often fails', lines: '196-198' },
        { guide: GUIDES.adminGuide, section: 'Launch a WorkSpace Using AD Connector', lines: '3955-3982' },
        { guide: GUIDES.adminGuide, section: 'Step 1: Create an AD Connector', lines: '3984-4037' },
      ],
      docsUrl: 'https://docs.aws.amazon.com/workspaces/latest/adminguide/amazon-workspaces-troubleshooting.html#dns_unavailable',
    },
  },

  analyze({ directoryDns }) {
    return directoryDns.servers.map((server): FindingDraft => {
      const endpoint = dnsEndpoint(server);
      const udp = udpOutcome(server);
      const tcp = server.tcp;
      const evidence = {
        server: server.address,
        port: server.port,
        listedIn: server.sources,
        domain: directoryDns.domain,
        udp: udp.outcome,
        ...(udp.code ? { udpCode: udp.code } : {}),
        tcp: tcp.result,
        ...(tcp.code ? { tcpCode: tcp.code } : {}),
        timeoutMs: directoryDns.timeoutMs,
      };
      // c-ares says ECONNREFUSED both for a port-unreachable reply and for a datagram it could not send at all;
      // when TCP finds no route to the host, it is the latter, and says nothing about the server.
      const udpRefused = udp.outcome === 'refused' && !(udp.code === 'ECONNREFUSED' && tcp.result === 'unreachable');
      if (udpRefused || tcp.result === 'refused') {
        const problems = [
          ...(tcp.result === 'refused' ? [`refused a TCP connection to port 53 (${tcp.code ?? 'ECONNREFUSED'})`] : []),
          ...(udpRefused
            ? [
                udp.code === 'EREFUSED'
                  ? 'answered REFUSED to the queries over UDP port 53 (if it only answers some networks, the AD Connector subnets must be among them)'
                  : `refused the queries over UDP port 53 (${udp.code ?? 'ECONNREFUSED'}: nothing listening)`,
              ]
            : []),
        ];
        return {
          status: 'fail',
          resource: endpoint,
          message:
            `DNS server ${server.address} ${problems.join(' and ')}. AD Connector needs TCP and UDP 53 to it` +
            (tcp.result === 'refused' ? `, and reports this as "DNS unavailable (TCP port 53) for IP: ${server.address}".` : '.'),
          evidence,
        };
      }
      if (udp.outcome === 'answered' && tcp.result === 'open') {
        return {
          status: 'pass',
          resource: endpoint,
          message: `DNS server ${server.address} answered DNS queries over UDP port 53 and accepted a TCP connection on port 53.`,
          evidence,
        };
      }
      const unanswered = [
        ...(udp.outcome !== 'answered' ? [`UDP 53 ${describeMiss(udp.outcome, udp.code)}`] : []),
        ...(tcp.result !== 'open' ? [`TCP 53 ${describeMiss(tcp.result, tcp.code)}`] : []),
      ];
      return {
        status: 'error',
        resource: endpoint,
        message:
          `Could not confirm DNS server ${server.address} from this machine within ${directoryDns.timeoutMs} ms: ` +
          `${unanswered.join('; ')}. ${runFromDirectorySubnets(directoryDns)} From there, no answer is the guide's ` +
          `"DNS unavailable (TCP port 53) for IP: ${server.address}".`,
        evidence,
      };
    });
  },
});

function describeMiss(outcome: string, code: string | undefined): string {
  // A timeout's code (ETIMEOUT, or ECANCELLED from wsdoctor's own deadline) adds nothing to "no answer in time".
  if (outcome === 'timeout') return 'got no answer in time';
  const detail = code ? ` (${code})` : '';
  if (outcome === 'unreachable') return `has no route from this machine${detail}`;
  if (outcome === 'refused') return `could not be sent${detail}`;
  return `failed${detail}`;
}
