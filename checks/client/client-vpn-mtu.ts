/**
 * Ensures a 1200-byte packet gets from this machine to the Region unfragmented (the guide's minimum MTU for a VPN),
 * with the OS's ping: one small echo, and one of 1200 bytes with "do not fragment" set, to a health check server.
 * - PASS: both echoes came back.
 * - FAIL: the 1200-byte echo needs fragmentation (this machine or a router says so), or is lost while the small
 *   one comes back: the path (usually a VPN tunnel) carries less than 1200 bytes.
 * - WARN: inconclusive — the small echo is lost too (ICMP filtered), or there is no ping here, or it has no
 *   "do not fragment" flag, or its output is not understood. Never a pass.
 */
import { defineCheck } from '../../src/engine/types.js';
import { GUIDES } from '../../src/data/sources.js';
import { IPV4_ICMP_HEADERS, MIN_VPN_MTU } from '../../src/data/client-network.js';
import pathMtu from '../../src/facts/probes/path-mtu.js';
import ipRoutes from '../../src/facts/local/ip-routes.js';
import { TUNNEL_INTERFACE } from '../../src/facts/local/default-routes.js';

export default defineCheck({
  meta: {
    id: 'client-vpn-mtu',
    catalogId: 'I6',
    title: 'A 1200-byte packet reaches the Region unfragmented (VPN MTU)',
    scope: 'client',
    severity: 'medium',
    tags: ['client', 'network', 'vpn', 'mtu'],
    description:
      "Sends, with the OS's ping, a small echo and a 1200-byte echo with \"do not fragment\" set from this machine to a " +
      'health check server of the Region (or the first --probe-host), both at once, each bounded by --timeout.',
    rationale:
      'Streaming packets that do not fit the path are dropped when they may not be fragmented: sessions freeze or ' +
      'disconnect. The guide requires a VPN to "support a maximum transmission unit (MTU) of at least 1200 bytes".',
    finds: "a 1200-byte don't-fragment ping to the Region: needing fragmentation, or lost while a small one answers, fails; no answer at all or no ping is inconclusive (warn)",
    facts: [pathMtu],
    optionalFacts: [ipRoutes],
    remediation: {
      summary: 'Raise the MTU of the VPN (or of the link that limits it) to at least 1200 bytes, or exclude WorkSpaces traffic from the tunnel.',
      steps: [
        'If users will access their WorkSpaces through a virtual private network (VPN), the connection must support a maximum transmission unit (MTU) of at least 1200 bytes.',
        'You cannot access WorkSpaces through a VPN connected to your VPC: to use a VPN, internet connectivity through the VPN\'s public IP addresses is required.',
        'Check the MTU setting of the VPN client and its tunnel interface, and any link on the way (PPPoE, mobile networks) that lowers it.',
      ],
      source: { guide: GUIDES.adminGuide, section: 'Amazon WorkSpaces Client Network Requirements', lines: '1381-1423' },
      docsUrl: 'https://docs.aws.amazon.com/workspaces/latest/adminguide/workspaces-network-requirements.html',
    },
  },

  analyze({ pathMtu, ipRoutes }) {
    const { host, small, large, payload, command } = pathMtu;
    const size = payload + IPV4_ICMP_HEADERS;
    const tunnel = ipRoutes?.ipv4.defaultRoutes?.map((r) => r.interface).find((i) => i && TUNNEL_INTERFACE.test(i));
    const via = tunnel ? ` This machine's default route goes through ${tunnel}, a tunnel (VPN) interface.` : '';
    const evidence = { host, command, small, large, packetBytes: size, ...(tunnel ? { tunnelInterface: tunnel } : {}) };
    const resource = `${host} (${size} bytes)`;
    if (large.result === 'frag-needed') {
      return [{
        status: 'fail',
        resource,
        message:
          `A ${size}-byte packet to ${host} needs fragmentation${large.mtu ? ` (the path's MTU is ${large.mtu})` : ''} and may not be fragmented: ` +
          `the path carries less than the ${MIN_VPN_MTU.bytes} bytes WorkSpaces needs.${via}`,
        evidence,
      }];
    }
    if (small.result === 'reply' && large.result === 'reply') {
      return [{ status: 'pass', resource, message: `A ${size}-byte packet with "do not fragment" reaches ${host} and comes back: the path's MTU is at least ${MIN_VPN_MTU.bytes}.${via}`, evidence }];
    }
    if (small.result === 'reply' && large.result === 'lost') {
      return [{
        status: 'fail',
        resource,
        message: `A small ping to ${host} comes back but a ${size}-byte one with "do not fragment" is lost: something on the path drops packets of ${MIN_VPN_MTU.bytes} bytes.${via}`,
        evidence,
      }];
    }
    const why =
      large.result === 'unavailable' || small.result === 'unavailable'
        ? (large.output ?? small.output ?? 'ping could not run')
        : large.result === 'unsupported'
          ? 'this ping has no "do not fragment" option'
          : small.result !== 'reply'
            ? `even a small ping to ${host} gets no reply (${small.result}): ICMP is probably filtered on the way`
            : `ping's answer was not understood (${large.output ?? large.result})`;
    return [{ status: 'warn', resource, message: `Could not tell whether ${MIN_VPN_MTU.bytes}-byte packets get through: ${why}.${via} Inconclusive, not a pass.`, evidence }];
  },
});
