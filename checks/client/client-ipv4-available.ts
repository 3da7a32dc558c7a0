/**
 * Ensures this machine has IPv4 connectivity: the WorkSpaces clients "do not support IPv6 addresses as a
 * connectivity option".
 * - PASS: an IPv4 default route (or, when the routing table cannot be read, an IPv4 address on an interface).
 * - FAIL: no IPv4 default route while IPv6 has one (an IPv6-only network), or no IPv4 at all.
 * - ERROR: neither the routing table nor the interfaces say anything.
 */
import { defineCheck } from '../../src/engine/types.js';
import { GUIDES } from '../../src/data/sources.js';
import ipRoutes from '../../src/facts/local/ip-routes.js';

export default defineCheck({
  meta: {
    id: 'client-ipv4-available',
    catalogId: 'I7',
    title: 'This machine has IPv4 connectivity (the clients do not use IPv6)',
    scope: 'client',
    severity: 'high',
    tags: ['client', 'network', 'ipv4', 'ipv6'],
    description: "Reads this machine's routing table for IPv4 and IPv6 default routes, and which interfaces hold addresses of each family.",
    rationale:
      'The WorkSpaces clients connect over IPv4 only: on an IPv6-only network (some mobile and enterprise networks) they ' +
      'cannot reach the gateways or the health check servers at all.',
    finds: 'an IPv4 default route on this machine: IPv6-only (or no IPv4 route at all) fails',
    facts: [ipRoutes],
    remediation: {
      summary: 'Connect the device to a network that provides IPv4 (or IPv4 over IPv6, such as 464XLAT), or add IPv4 to this network.',
      steps: [
        'Amazon WorkSpaces uses a small range of Amazon EC2 public IPv4 addresses for its PCoIP and WSP gateway servers. The Amazon WorkSpaces clients do not support IPv6 addresses as a connectivity option at this time.',
        'On an IPv6-only network, ask the network administrator for IPv4 connectivity, or connect through another network.',
      ],
      source: { guide: GUIDES.adminGuide, section: 'PCoIP Gateway', lines: '1105-1114' },
      alsoSee: [{ guide: GUIDES.adminGuide, section: 'WSP Gateway', lines: '1174-1185' }],
      docsUrl: 'https://docs.aws.amazon.com/workspaces/latest/adminguide/workspaces-port-requirements.html',
    },
  },

  analyze({ ipRoutes }) {
    const { ipv4, ipv6 } = ipRoutes;
    const evidence = {
      platform: ipRoutes.platform,
      ipv4DefaultRoutes: ipv4.defaultRoutes,
      ipv6DefaultRoutes: ipv6.defaultRoutes,
      ipv4Interfaces: ipv4.interfaces,
      ipv6Interfaces: ipv6.interfaces,
      ...(ipRoutes.unreadable ? { unreadable: ipRoutes.unreadable } : {}),
    };
    const resource = 'IPv4';
    const through = (routes: { interface?: string }[]) => {
      const names = [...new Set(routes.flatMap((r) => (r.interface ? [r.interface] : [])))];
      return names.length ? ` through ${names.join(', ')}` : '';
    };
    if (ipv4.defaultRoutes === null) {
      if (ipv4.interfaces.length) {
        return [{ status: 'pass', resource, message: `This machine has IPv4 addresses (on ${ipv4.interfaces.join(', ')}); its routing table could not be read (${ipRoutes.unreadable}).`, evidence }];
      }
      if (ipv6.interfaces.length) {
        return [{ status: 'fail', resource, message: `This machine has IPv6 addresses (on ${ipv6.interfaces.join(', ')}) but no IPv4 address: the WorkSpaces clients do not connect over IPv6.`, evidence }];
      }
      return [{ status: 'error', resource, message: `Could not tell: the routing table could not be read (${ipRoutes.unreadable}) and no interface has an address.`, evidence }];
    }
    if (ipv4.defaultRoutes.length) {
      return [{ status: 'pass', resource, message: `This machine has an IPv4 default route${through(ipv4.defaultRoutes)}: the clients can connect over IPv4.`, evidence }];
    }
    if (ipv6.defaultRoutes?.length) {
      return [{
        status: 'fail',
        resource,
        message: `This machine reaches the internet over IPv6 only (default route${through(ipv6.defaultRoutes)}, none for IPv4): the WorkSpaces clients do not connect over IPv6.`,
        evidence,
      }];
    }
    return [{ status: 'fail', resource, message: 'This machine has no IPv4 default route (and none for IPv6): it cannot reach WorkSpaces on the internet from this network.', evidence }];
  },
});
