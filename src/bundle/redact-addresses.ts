// Public IP addresses and ranges → placeholder addresses that keep what checks rely on: an address inside a
// range stays inside that range's placeholder, ranges that overlap still overlap, and a public address stays
// public (so "is this rule public?" answers the same). Private and special-purpose addresses (RFC 1918, CGNAT,
// link-local, documentation, benchmarking: everything ipaddr.js does not call "unicast") are not identifying and
// are what the guides' tables are made of (management ranges, VPC CIDRs), so they are never touched.
//
// How: every public address or range found in the bundle is a block; the blocks no other block contains are laid
// out one after another, aligned, in a placeholder pool, and everything inside a block keeps its offset in it.
import ipaddr from 'ipaddr.js';

type Family = 'ipv4' | 'ipv6';

interface Block {
  family: Family;
  network: bigint;
  prefix: number;
}

const BITS: Record<Family, number> = { ipv4: 32, ipv6: 128 };

// Public ranges nobody uses on the internet: IPv4 /8s held by the US Department of Defense and not announced,
// and the 6bone's 3ffe::/16, returned in 2006. A pool that overlaps an address in the bundle is not used.
const POOLS: Record<Family, string[]> = {
  ipv4: ['11.0.0.0/8', '21.0.0.0/8', '22.0.0.0/8', '26.0.0.0/8', '28.0.0.0/8', '29.0.0.0/8', '30.0.0.0/8'],
  ipv6: ['3ffe::/16', '4000::/16'],
};

/** Matches IPv4 and IPv6 addresses, optionally with a prefix length, inside any text. */
export const IPV4_TOKEN = /(?<![\d.])\d{1,3}(?:\.\d{1,3}){3}(?:\/\d{1,2})?(?!\.?\d)/g;
export const IPV6_TOKEN = /(?<![\w:.])(?:[0-9a-fA-F]{0,4}:){2,7}[0-9a-fA-F]{0,4}(?:\/\d{1,3})?(?![\w:])/g;

export class PublicAddressMap {
  private readonly tops: { block: Block; placeholder: bigint }[] = [];
  private readonly mapped = new Set<string>();

  /**
   * `tokens`: every address or range text found in the bundle; the public ones get placeholders, except those in
   * `published` (AWS's own, from wsdoctor's tables: they identify no customer, and checks name them).
   */
  constructor(tokens: Iterable<string>, published: ReadonlySet<string> = new Set()) {
    const blocks = [...tokens]
      .filter((token) => !published.has(token))
      .map(parsePublic)
      .filter((b): b is Block => b !== undefined);
    blocks.sort((a, b) => a.prefix - b.prefix);
    const tops: Block[] = [];
    for (const block of blocks) {
      if (!tops.some((top) => contains(top, block))) tops.push(block);
    }
    for (const family of ['ipv4', 'ipv6'] as const) {
      const pools = POOLS[family]
        .map((text) => toBlock(text)!)
        .filter((pool) => !blocks.some((b) => b.family === family && (contains(pool, b) || contains(b, pool))));
      let pool = 0;
      let cursor = pools[0]?.network ?? 0n;
      for (const top of tops.filter((t) => t.family === family)) {
        const size = 1n << BigInt(BITS[family] - top.prefix);
        for (;;) {
          const current = pools[pool];
          if (!current) throw new Error(`too many public ${family} ranges to lay out in the placeholder pools`);
          cursor = ((cursor + size - 1n) / size) * size;
          if (top.prefix >= current.prefix && cursor + size <= end(current)) break;
          pool++;
          cursor = pools[pool]?.network ?? 0n;
        }
        this.tops.push({ block: top, placeholder: cursor });
        cursor += size;
      }
    }
  }

  /** The placeholder for a public address or range, or undefined to keep `text` as it is. */
  map(text: string): string | undefined {
    const parsed = parseToken(text);
    if (!parsed) return undefined;
    const top = this.tops.find(({ block }) => block.family === parsed.family && inside(block, parsed.address));
    if (!top) return undefined;
    this.mapped.add(`${parsed.family}:${parsed.address}/${parsed.prefix}`);
    const address = top.placeholder + (parsed.address - top.block.network);
    const textOf = toText(parsed.family, address);
    return parsed.hasPrefix ? `${textOf}/${parsed.prefix}` : textOf;
  }

  /** Distinct public addresses and ranges replaced so far. */
  get count(): number {
    return this.mapped.size;
  }
}

function parseToken(text: string): { family: Family; address: bigint; prefix: number; hasPrefix: boolean } | undefined {
  const [addressText, prefixText] = text.split('/') as [string, string | undefined];
  const family: Family | undefined = ipaddr.IPv4.isValidFourPartDecimal(addressText)
    ? 'ipv4'
    : ipaddr.IPv6.isValid(addressText) && addressText.includes(':')
      ? 'ipv6'
      : undefined;
  if (!family) return undefined;
  const prefix = prefixText === undefined ? BITS[family] : Number(prefixText);
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > BITS[family]) return undefined;
  const bytes = ipaddr.parse(addressText).toByteArray();
  const address = bytes.reduce((n, byte) => (n << 8n) | BigInt(byte), 0n);
  return { family, address, prefix, hasPrefix: prefixText !== undefined };
}

/**
 * Whether a redacted bundle may hold `text` as it is: not a public address, too wide a range to identify anybody, or
 * inside one of the placeholder pools.
 */
export function isKeptOrPlaceholderAddress(text: string): boolean {
  const block = parsePublic(text);
  return !block || POOLS[block.family].some((pool) => contains(toBlock(pool)!, block));
}

function toBlock(text: string): Block | undefined {
  const parsed = parseToken(text);
  if (!parsed) return undefined;
  const hostBits = BigInt(BITS[parsed.family] - parsed.prefix);
  return { family: parsed.family, network: (parsed.address >> hostBits) << hostBits, prefix: parsed.prefix };
}

/** A public block worth replacing: blocks shorter than the pools (/8, /16) identify nobody and stay. */
function parsePublic(text: string): Block | undefined {
  const block = toBlock(text);
  if (!block || ipaddr.parse(toText(block.family, block.network)).range() !== 'unicast') return undefined;
  return block.prefix >= toBlock(POOLS[block.family][0]!)!.prefix ? block : undefined;
}

function end(block: Block): bigint {
  return block.network + (1n << BigInt(BITS[block.family] - block.prefix));
}

function inside(block: Block, address: bigint): boolean {
  return address >= block.network && address < end(block);
}

function contains(outer: Block, inner: Block): boolean {
  return outer.family === inner.family && outer.prefix <= inner.prefix && inside(outer, inner.network);
}

function toText(family: Family, address: bigint): string {
  const length = BITS[family] / 8;
  const bytes = Array.from({ length }, (_, i) => Number((address >> BigInt(8 * (length - 1 - i))) & 0xffn));
  return ipaddr.fromByteArray(bytes).toString();
}
