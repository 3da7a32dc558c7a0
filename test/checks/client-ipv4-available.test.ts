import check from '../../checks/client/client-ipv4-available.js';
import { checkTable } from '../helpers/check-table.js';
import type { IpRoutes } from '../../src/facts/local/ip-routes.js';

const routes = (v4: IpRoutes['ipv4'], v6: IpRoutes['ipv6'], unreadable?: string): IpRoutes => ({ platform: 'linux', ipv4: v4, ipv6: v6, ...(unreadable ? { unreadable } : {}) });

checkTable(check, [
  {
    name: 'an IPv4 default route passes',
    facts: { ipRoutes: routes({ defaultRoutes: [{ interface: 'wlan0' }], interfaces: ['wlan0'] }, { defaultRoutes: [{ interface: 'wlan0' }], interfaces: ['wlan0'] }) },
    expect: [{ status: 'pass', resource: 'IPv4', message: /IPv4 default route through wlan0/ }],
  },
  {
    name: 'no IPv4 route, an IPv6 one: IPv6-only fails (catalog I7 test)',
    facts: { ipRoutes: routes({ defaultRoutes: [], interfaces: [] }, { defaultRoutes: [{ interface: 'wwan0' }], interfaces: ['wwan0'] }) },
    expect: [{ status: 'fail', message: /IPv6 only \(default route through wwan0, none for IPv4\): the WorkSpaces clients do not connect over IPv6/ }],
  },
  {
    name: 'no default route at all fails',
    facts: { ipRoutes: routes({ defaultRoutes: [], interfaces: ['eth0'] }, { defaultRoutes: [], interfaces: [] }) },
    expect: [{ status: 'fail', message: /no IPv4 default route \(and none for IPv6\)/ }],
  },
  {
    name: 'routing table unreadable, an IPv4 address: pass, saying what could not be read',
    facts: { ipRoutes: routes({ defaultRoutes: null, interfaces: ['en0'] }, { defaultRoutes: null, interfaces: [] }, 'netstat: ENOENT') },
    expect: [{ status: 'pass', message: /IPv4 addresses \(on en0\); its routing table could not be read \(netstat: ENOENT\)/ }],
  },
  {
    name: 'routing table unreadable, IPv6 addresses only: fail',
    facts: { ipRoutes: routes({ defaultRoutes: null, interfaces: [] }, { defaultRoutes: null, interfaces: ['en0'] }, 'netstat: ENOENT') },
    expect: [{ status: 'fail', message: /IPv6 addresses \(on en0\) but no IPv4 address/ }],
  },
  {
    name: 'nothing readable and no address: could not tell (error)',
    facts: { ipRoutes: routes({ defaultRoutes: null, interfaces: [] }, { defaultRoutes: null, interfaces: [] }, 'route: EACCES') },
    expect: [{ status: 'error', message: /Could not tell/ }],
  },
]);
