// Port ranges as inclusive [from, to] pairs, and the protocols security groups and network ACLs name: what the rule
// evaluators (security-groups.ts, network-acls.ts) share.

export type PortRange = readonly [from: number, to: number];

/** The transport protocols wsdoctor asks about. */
export type Transport = 'tcp' | 'udp';

/** Whether a rule's protocol ("-1", "tcp", "6", "udp", "17", "all") carries `transport`. */
export function protocolCarries(ruleProtocol: string | undefined, transport: Transport): boolean {
  const p = (ruleProtocol ?? '').toLowerCase();
  if (p === '-1' || p === 'all') return true;
  return transport === 'tcp' ? p === 'tcp' || p === '6' : p === 'udp' || p === '17';
}

/** The parts of `range` that `covering` leaves out, in order. */
export function uncoveredParts(range: PortRange, covering: readonly PortRange[]): PortRange[] {
  const sorted = [...covering].filter(([from, to]) => to >= range[0] && from <= range[1]).sort((a, b) => a[0] - b[0]);
  const gaps: PortRange[] = [];
  let next = range[0];
  for (const [from, to] of sorted) {
    if (from > next) gaps.push([next, Math.min(from - 1, range[1])]);
    next = Math.max(next, to + 1);
    if (next > range[1]) break;
  }
  if (next <= range[1]) gaps.push([next, range[1]]);
  return gaps;
}

export function rangesOverlap(a: PortRange, b: PortRange): boolean {
  return a[0] <= b[1] && b[0] <= a[1];
}

export function rangeCovers(outer: PortRange, inner: PortRange): boolean {
  return outer[0] <= inner[0] && inner[1] <= outer[1];
}

/** "443", "1024-65535". */
export function formatPorts([from, to]: PortRange): string {
  return from === to ? String(from) : `${from}-${to}`;
}

export const ALL_PORTS: PortRange = [0, 65535];
