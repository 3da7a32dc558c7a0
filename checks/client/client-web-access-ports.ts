/**
 * Ensures the ports Web Access needs are open from this machine to clients.amazonworkspaces.com, one finding each:
 * DNS (UDP 53, through this machine's DNS servers), TCP 80 (the first connection, redirected to HTTPS), TCP 443,
 * and UDP 443 (preferred for streaming).
 * - PASS: the name resolves; TCP 80 and 443 get HTTP answers (443 with a trusted certificate); UDP 443 answers QUIC.
 * - FAIL: DNS, TCP 80 or TCP 443 fails.
 * - WARN: UDP 443 gives no answer: Web Access "falls back to TCP if UDP is not available" (silence proves nothing).
 */
import { defineCheck, type FindingDraft } from '../../src/engine/types.js';
import { GUIDES } from '../../src/data/sources.js';
import { describeEndpointFailure, type EndpointProbe } from '../../src/net/https.js';
import { describeResolve } from '../../src/net/resolve.js';
import webAccessProbes from '../../src/facts/probes/web-access-probes.js';

export default defineCheck({
  meta: {
    id: 'client-web-access-ports',
    catalogId: 'I13',
    title: 'Web Access ports are open from this machine',
    scope: 'client',
    severity: 'medium',
    tags: ['client', 'network', 'web-access', 'ports'],
    description:
      'Resolves clients.amazonworkspaces.com with this machine\'s DNS servers, sends an HTTP request to TCP 80 and an ' +
      'HTTPS one to TCP 443, and a QUIC version-negotiation datagram to UDP 443, each bounded by --timeout.',
    rationale:
      'Web Access (WorkSpaces in a browser) starts on TCP 80, switches to HTTPS on 443, and streams over UDP when it ' +
      'can; a network that blocks DNS, 80 or 443 stops it before the login page.',
    finds: 'DNS, TCP 80, TCP 443 and UDP 443 from this machine to clients.amazonworkspaces.com: DNS, 80 or 443 closed fails; UDP 443 without an answer warns',
    facts: [webAccessProbes],
    remediation: {
      summary:
        'Open UDP 53 to your DNS servers, and TCP and UDP 80 and 443 to the EC2 address ranges of the WorkSpace\'s Region; allow the return traffic to the browser\'s high source ports.',
      steps: [
        'Port 53 (UDP) is used to access DNS servers: it must be open to your DNS server IP addresses so that the client can resolve public domain names.',
        'Port 80 (UDP and TCP) is used for initial connections to https://clients.amazonworkspaces.com, which then switch to HTTPS; port 443 (UDP and TCP) is used for registration and authentication. Both must be open to all IP address ranges in the EC2 subset in the Region that the WorkSpace is in.',
        'The browser picks a random high source port for streaming: return traffic to it must be allowed.',
        'Web Access prefers UDP over TCP for desktop streams, but falls back to TCP if UDP is not available: if all UDP ports are blocked except 53, 80, and 443, Web Access works on Chrome and Firefox using TCP connections.',
      ],
      source: { guide: GUIDES.adminGuide, section: 'Ports for Web Access', lines: '699-717' },
      alsoSee: [{ guide: GUIDES.adminGuide, section: 'Enable and Configure Amazon WorkSpaces Web Access', lines: '1801-1837' }],
      docsUrl: 'https://docs.aws.amazon.com/workspaces/latest/adminguide/workspaces-port-requirements.html#web-access-ports',
    },
  },

  analyze({ webAccessProbes }) {
    const { host, dns, http80, https443, udp443 } = webAccessProbes;
    const tcp = (port: number, probe: EndpointProbe, needsTrust: boolean): FindingDraft => {
      const resource = `${port}/tcp`;
      const evidence = { host, port, result: probe.result, stage: probe.stage, httpStatus: probe.http?.status, location: probe.http?.location, tlsError: probe.tls?.error };
      if (probe.result === 'ok') {
        const redirect = port === 80 && probe.http?.location?.startsWith('https://') ? `, redirecting to ${probe.http.location}` : '';
        return { status: 'pass', resource, message: `TCP ${port} to ${host} is open: HTTP ${probe.http?.status}${redirect}.`, evidence };
      }
      if (probe.result === 'error' && probe.code === 'ABORTED') {
        return { status: 'error', resource, message: `Could not probe TCP ${port} to ${host}: ${probe.message}.`, evidence };
      }
      const trust = needsTrust && probe.result === 'untrusted' ? ' The browser will refuse this certificate.' : '';
      return { status: 'fail', resource, message: `TCP ${port} to ${host} fails from this machine: ${describeEndpointFailure(probe)}.${trust} Web Access cannot start here.`, evidence };
    };
    const dnsFinding: FindingDraft =
      dns.result === 'resolved'
        ? { status: 'pass', resource: '53/udp (DNS)', message: `${host} resolves through this machine's DNS servers (${dns.addresses.join(', ')}).`, evidence: { host, addresses: dns.addresses } }
        : {
            status: 'fail',
            resource: '53/udp (DNS)',
            message: `${host} does not resolve through this machine's DNS servers: ${describeResolve(dns)}. Web Access cannot find its site.`,
            evidence: { host, result: dns.result, code: dns.code },
          };
    const udpFinding: FindingDraft =
      udp443.result === 'reply'
        ? { status: 'pass', resource: '443/udp', message: `UDP 443 to ${host} is open both ways: it answered QUIC version negotiation.`, evidence: { host, versions: 'versions' in udp443 ? udp443.versions : [] } }
        : {
            status: 'warn',
            resource: '443/udp',
            message:
              `UDP 443 to ${host} gave no answer (${'reason' in udp443 ? udp443.reason : udp443.result}): it may be blocked, or the server may not speak QUIC. ` +
              'Web Access prefers UDP for streaming and falls back to TCP without it.',
            evidence: { host, result: udp443.result },
          };
    return [dnsFinding, tcp(80, http80, false), tcp(443, https443, true), udpFinding];
  },
});
