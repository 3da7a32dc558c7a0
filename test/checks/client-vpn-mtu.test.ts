import check from '../../checks/client/client-vpn-mtu.js';
import { checkTable, failed } from '../helpers/check-table.js';
import type { PathMtu, PingOutcome } from '../../src/facts/probes/path-mtu.js';
import type { IpRoutes } from '../../src/facts/local/ip-routes.js';

function mtu(small: Partial<PingOutcome>, large: Partial<PingOutcome>): PathMtu {
  return {
    targets: { from: 'probe-host' },
    host: '3.209.215.252',
    platform: 'linux',
    payload: 1172,
    command: 'ping -c 1 -n -s 1172 -M do -W 3 3.209.215.252',
    small: { result: 'reply', elapsedMs: 20, ...small },
    large: { result: 'reply', elapsedMs: 20, ...large },
  };
}
const routes = (iface: string): IpRoutes => ({
  platform: 'linux',
  ipv4: { defaultRoutes: [{ interface: iface }], interfaces: [iface] },
  ipv6: { defaultRoutes: [], interfaces: [] },
});

checkTable(check, [
  {
    name: 'both echoes come back: pass',
    facts: { pathMtu: mtu({}, {}), ipRoutes: failed({ kind: 'error', message: 'unread' }) },
    expect: [{ status: 'pass', resource: '3.209.215.252 (1200 bytes)', message: /1200-byte packet with "do not fragment" reaches 3\.209\.215\.252/ }],
  },
  {
    name: '"Frag needed" at 1172 fails, with the MTU and the tunnel it leaves through (catalog I6 test)',
    facts: { pathMtu: mtu({}, { result: 'frag-needed', mtu: 1100 }), ipRoutes: routes('tun0') },
    expect: [{ status: 'fail', message: /needs fragmentation \(the path's MTU is 1100\) .*default route goes through tun0, a tunnel \(VPN\) interface/ }],
  },
  {
    name: 'the large echo lost while the small one answers: fails',
    facts: { pathMtu: mtu({}, { result: 'lost' }) },
    expect: [{ status: 'fail', message: /small ping .* comes back but a 1200-byte one .* is lost/ }],
  },
  {
    name: 'ICMP filtered (even the small echo lost): inconclusive, a warning, never a pass',
    facts: { pathMtu: mtu({ result: 'lost' }, { result: 'lost' }) },
    expect: [{ status: 'warn', message: /even a small ping .* gets no reply \(lost\): ICMP is probably filtered.*Inconclusive, not a pass/ }],
  },
  {
    name: 'no ping on this machine: inconclusive',
    facts: { pathMtu: mtu({ result: 'unavailable', output: 'no ping command on this machine' }, { result: 'unavailable', output: 'no ping command on this machine' }) },
    expect: [{ status: 'warn', message: /no ping command on this machine\. Inconclusive/ }],
  },
  {
    name: 'a ping without a do-not-fragment flag: inconclusive',
    facts: { pathMtu: mtu({}, { result: 'unsupported' }) },
    expect: [{ status: 'warn', message: /this ping has no "do not fragment" option/ }],
  },
  {
    name: 'output not understood (a localized Windows ping): inconclusive',
    facts: { pathMtu: mtu({}, { result: 'unknown', output: 'Zeitüberschreitung der Anforderung.' }) },
    expect: [{ status: 'warn', message: /was not understood \(Zeitüberschreitung/ }],
  },
]);
