// CIDR parsing and overlap on top of ipaddr.js (no hand-written bit math).
import ipaddr from 'ipaddr.js';

export type Cidr = [ipaddr.IPv4 | ipaddr.IPv6, number];

/** Strict dotted-quad IPv4 (ipaddr.js alone accepts forms like "010.0.0.1"). */
export function isIpv4(text: string): boolean {
  return ipaddr.IPv4.isValidFourPartDecimal(text);
}

export function isIpv6(text: string): boolean {
  return ipaddr.IPv6.isValid(text) && text.includes(':');
}

export function parseCidr(text: string): Cidr {
  return ipaddr.parseCIDR(text);
}

export function isCidr(text: string): boolean {
  return ipaddr.isValidCIDR(text) && (!text.includes('.') || isIpv4(text.split('/')[0]!));
}

/** Two ranges overlap when their first min(prefix) bits agree: `match` compares just that many bits. */
export function cidrsOverlap(a: string, b: string): boolean {
  const [aAddress, aBits] = parseCidr(a);
  const [bAddress, bBits] = parseCidr(b);
  if (aAddress.kind() !== bAddress.kind()) return false;
  return aAddress.match(bAddress, bBits) || bAddress.match(aAddress, aBits);
}

/** Whether `ip` falls inside `cidr`. */
export function cidrContains(cidr: string, ip: string): boolean {
  const [network, bits] = parseCidr(cidr);
  const address = ipaddr.parse(ip);
  return address.kind() === network.kind() && address.match(network, bits);
}

/** The members of `ranges` that overlap any of `cidrs`. */
export function overlappingRanges(ranges: readonly string[], cidrs: readonly string[]): string[] {
  return ranges.filter((range) => cidrs.some((cidr) => cidrsOverlap(cidr, range)));
}
