/**
 * Finds the public IP address this machine's traffic leaves from — what the directory's IP access control groups
 * compare with their rules — over HTTPS (asked twice, on two connections) and over UDP (STUN).
 * - PASS: one address, the same over TCP and UDP (or UDP could not be asked, which the finding says).
 * - WARN: the two HTTPS answers differ, or UDP leaves from another address than TCP: a NAT with several addresses,
 *   which the guide rules out ("IP access control groups do not allow the use of dynamic IP addresses for NATs");
 *   or the address is not a public one.
 * - ERROR: no public IP could be seen (the echo did not answer): ip-access-group-client-allowed cannot use one.
 */
import { defineCheck } from '../../src/engine/types.js';
import { GUIDES } from '../../src/data/sources.js';
import { describeEndpointFailure } from '../../src/net/https.js';
import { nonPublicRangeOf } from '../../src/net/cidr.js';
import clientPublicIp from '../../src/facts/probes/client-public-ip.js';

export default defineCheck({
  meta: {
    id: 'client-public-ip',
    catalogId: 'I12',
    title: "This machine's public IP is one static address for TCP and UDP",
    scope: 'client',
    severity: 'medium',
    tags: ['client', 'network', 'nat', 'ip-groups'],
    description:
      'Asks an HTTPS echo (checkip.amazonaws.com) twice, over two connections, which address this machine comes from, ' +
      'and a STUN server the same over UDP; with a directory (--directory or --registration-code) the address is tested ' +
      'against its IP access control groups.',
    rationale:
      'IP access control groups allow public addresses: a NAT that uses several addresses, or sends UDP (the streaming ' +
      'traffic) from another address than TCP, lets users sign in and then be refused, or refused at random.',
    finds: "this machine's public IP over HTTPS (twice) and UDP (STUN): answers that differ (a multi-address NAT) warn; none at all is an error",
    facts: [clientPublicIp],
    remediation: {
      summary:
        'Give the NAT (or VPN) users connect through one static public address for all traffic, UDP included, and allow that address in the directory\'s IP access control groups.',
      steps: [
        'If your users access their WorkSpaces through a NAT gateway or VPN, you must create rules that allow traffic from the public IP addresses for the NAT gateway or VPN.',
        'IP access control groups do not allow the use of dynamic IP addresses for NATs. If you\'re using a NAT, configure it to use a static IP address instead of a dynamic IP address. Make sure the NAT routes all the UDP traffic through the same static IP address for the duration of the WorkSpaces session.',
      ],
      source: { guide: GUIDES.adminGuide, section: 'IP Access Control Groups for Your WorkSpaces', lines: '1651-1671' },
      docsUrl: 'https://docs.aws.amazon.com/workspaces/latest/adminguide/amazon-workspaces-ip-access-control-groups.html',
    },
  },

  analyze({ clientPublicIp }) {
    const { echo, stun } = clientPublicIp;
    const ips = echo.samples.flatMap((s) => (s.ip ? [s.ip] : []));
    const distinct = [...new Set(ips)];
    const udp = stun.outcome.result === 'reply' && 'mappedAddress' in stun.outcome ? stun.outcome.mappedAddress : undefined;
    const evidence = {
      echo: echo.host,
      tcpAddresses: echo.samples.map((s) => s.ip ?? null),
      stunServer: `${stun.host}:${stun.port}`,
      udpAddress: udp ?? null,
      stunResult: stun.outcome.result,
    };
    if (distinct.length === 0) {
      const why = echo.samples.map((s) => (s.probe.result === 'ok' ? `answered HTTP ${s.probe.http?.status} without an address` : describeEndpointFailure(s.probe)));
      return [{ status: 'error', resource: 'public IP', message: `Could not see this machine's public IP: ${echo.host} ${[...new Set(why)].join('; ')}.`, evidence }];
    }
    const ip = distinct[0]!;
    if (distinct.length > 1) {
      return [{
        status: 'warn',
        resource: distinct.join(', '),
        message: `Two connections from this machine came from different public addresses (${distinct.join(' and ')}): the NAT in front of it uses several. IP access control groups need one static address (or all of them allowed).`,
        evidence,
      }];
    }
    const nonPublic = nonPublicRangeOf(ip);
    if (nonPublic) {
      return [{ status: 'warn', resource: ip, message: `${echo.host} saw this machine as ${ip}, which is not a public address (${nonPublic}): the echo is inside this network, or a proxy answers for it.`, evidence }];
    }
    if (udp && udp !== ip) {
      return [{
        status: 'warn',
        resource: ip,
        message: `TCP leaves this network from ${ip} but UDP from ${udp}: the NAT uses several addresses. Streaming uses UDP, so IP access control groups that allow only ${ip} may refuse the session; the guide asks that the NAT route all UDP through the same static address.`,
        evidence,
      }];
    }
    const udpNote = udp
      ? ' UDP leaves from the same address.'
      : ` UDP could not be compared (${stun.host} ${stun.outcome.result === 'no-reply' ? 'did not answer' : stun.outcome.result}).`;
    return [{ status: 'pass', resource: ip, message: `This machine's public IP is ${ip}.${udpNote} An admin can allow it in the directory's IP access control groups.`, evidence }];
  },
});
