// Parses the OS's routing tables for their default routes (pure: text in, routes out): Linux /proc/net/route and
// /proc/net/ipv6_route, macOS `netstat -rn -f inet|inet6`, Windows `route print -4|-6`.

export interface DefaultRoute {
  /** The interface the default route leaves through (Linux, macOS); Windows prints the interface's address. */
  interface?: string;
}

/** /proc/net/route: "Iface Destination Gateway Flags RefCnt Use Metric Mask …", hex, host byte order. */
export function linuxDefaultRoutes4(text: string): DefaultRoute[] {
  return text
    .split('\n')
    .slice(1)
    .map((line) => line.trim().split(/\s+/))
    .filter((f) => f.length >= 8 && f[1] === '00000000' && f[7] === '00000000' && (parseInt(f[3]!, 16) & 1) === 1)
    .map((f) => ({ interface: f[0]! }));
}

/** /proc/net/ipv6_route: "dest prefixlen src srcprefixlen nexthop metric refcnt use flags iface". */
export function linuxDefaultRoutes6(text: string): DefaultRoute[] {
  return text
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter((f) => f.length >= 10 && /^0{32}$/.test(f[0]!) && f[1] === '00' && f[9] !== 'lo' && (parseInt(f[8]!, 16) & 1) === 1)
    .map((f) => ({ interface: f[9]! }));
}

/** `netstat -rn -f inet` (or inet6) on macOS: "default  192.168.1.1  UGScg  en0". */
export function macDefaultRoutes(text: string): DefaultRoute[] {
  return text
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter((f) => f[0] === 'default' && f.length >= 4)
    .map((f) => ({ interface: f[3]! }));
}

/** `route print -4`: "0.0.0.0  0.0.0.0  192.168.1.1  192.168.1.20  25"; `route print -6`: "  11   281 ::/0  fe80::1". */
export function windowsDefaultRoutes(text: string, family: 4 | 6): DefaultRoute[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim().split(/\s+/))
    .filter((f) => (family === 4 ? f[0] === '0.0.0.0' && f[1] === '0.0.0.0' && f.length >= 5 : f.includes('::/0')))
    .map((f) => (family === 4 ? { interface: f[3]! } : {}));
}

/** Interface names VPN clients create: tun/tap (OpenVPN, many others), utun (macOS), wg (WireGuard), ppp, ipsec,
 *  gpd (GlobalProtect) [not in guides: the tunnel drivers' naming conventions]. */
export const TUNNEL_INTERFACE = /^(tun|tap|utun|wg|ppp|ipsec|gpd|vpn|cscotun|zt)/i;
