// Addresses and CIDRs: parsing, overlap and classification on top of ipaddr.js (no hand-written bit math). The
// one module that loads ipaddr.js.
import ipaddr from 'ipaddr.js';
import type * as IpAddr from 'ipaddr.js';

// ipaddr.js is CommonJS; the shipped CLI is a bundle (scripts/bundle.mjs), where it is plain code with no export
// scan by Node's CommonJS loader (which cost 10–30 ms of `wsdoctor list` when it was imported from node_modules).

export type Cidr = [IpAddr.IPv4 | IpAddr.IPv6, number];

/** Strict dotted-quad IPv4 (ipaddr.js alone accepts forms like "010.0.0.1"). */
export function isIpv4(text: string): boolean {
  return ipaddr.IPv4.isValidFourPartDecimal(text);
}

export function isIpv6(text: string): boolean {
  return ipaddr.IPv6.isValid(text) && text.includes(':');
}

export function isIpAddress(text: string): boolean {
  return isIpv4(text) || isIpv6(text);
}

/** The text form of an address given as its 4 (IPv4) or 16 (IPv6) bytes, network order. */
export function addressFromBytes(bytes: number[]): string {
  return ipaddr.fromByteArray(bytes).toString();
}

export function parseCidr(text: string): Cidr {
  return ipaddr.parseCIDR(text);
}

export function isCidr(text: string): boolean {
  return ipaddr.isValidCIDR(text) && (!text.includes('.') || isIpv4(text.split('/')[0]!));
}

/** A CIDR as written, or a single address as its /32 (/128); undefined when it is neither. */
export function toCidr(text: string): string | undefined {
  const trimmed = text.trim();
  if (isCidr(trimmed)) return trimmed;
  if (isIpv4(trimmed)) return `${trimmed}/32`;
  if (isIpv6(trimmed)) return `${trimmed}/128`;
  return undefined;
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

/**
 * Address space no client on the internet connects from, by ipaddr.js range name, as people call it. 'reserved' is
 * left out on purpose: ipaddr.js files the documentation ranges there (192.0.2.0/24, 198.51.100.0/24,
 * 203.0.113.0/24, 2001:db8::/32), which examples and tests use as stand-ins for public addresses.
 */
const NON_PUBLIC_RANGES = new Map([
  ['private', 'private (RFC 1918)'],
  ['carrierGradeNat', 'carrier-grade NAT (RFC 6598)'],
  ['loopback', 'loopback'],
  ['linkLocal', 'link-local'],
  ['unspecified', 'unspecified'],
  ['multicast', 'multicast'],
  ['broadcast', 'broadcast'],
  ['uniqueLocal', 'unique local (RFC 4193)'],
]);

/**
 * The non-public address space ("private (RFC 1918)", "link-local", …) a CIDR or address lies entirely inside,
 * if any. A CIDR is contiguous, so it lies inside one range when its first and last addresses both do.
 */
export function nonPublicRangeOf(cidrOrAddress: string): string | undefined {
  const cidr = toCidr(cidrOrAddress);
  if (!cidr) return undefined;
  const [address] = parseCidr(cidr);
  const family = address.kind() === 'ipv4' ? ipaddr.IPv4 : ipaddr.IPv6;
  const first = family.networkAddressFromCIDR(cidr).range();
  const last = family.broadcastAddressFromCIDR(cidr).range();
  return first === last ? NON_PUBLIC_RANGES.get(first) : undefined;
}

/** A prefix of length 0 (0.0.0.0/0, ::/0): every address. */
export function isEveryAddress(cidr: string): boolean {
  return parseCidr(cidr)[1] === 0;
}

/** Whether every address of `inner` (a CIDR or an address) lies inside `outer`; false across address families. */
export function cidrCovers(outer: string, inner: string): boolean {
  const innerCidr = toCidr(inner);
  if (!innerCidr) return false;
  const [outerNetwork, outerBits] = parseCidr(outer);
  const [innerNetwork, innerBits] = parseCidr(innerCidr);
  return outerNetwork.kind() === innerNetwork.kind() && outerBits <= innerBits && innerNetwork.match(outerNetwork, outerBits);
}

/** The prefix length of a CIDR (0 for 0.0.0.0/0). */
export function prefixLength(cidr: string): number {
  return parseCidr(cidr)[1];
}
