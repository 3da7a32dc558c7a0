// Redaction: a bundle a customer can send without saying who they are. Account ids, ARNs, usernames, directory
// and WorkSpace ids, domain names (and the NetBIOS name and alias that stand for them), host names and public IP
// addresses become placeholders. The same value always becomes the same placeholder — across facts, targets,
// options and free text such as error messages — so relations survive: the directory id in the target is the one
// in the facts, a client IP stays inside the IP group rule that allows it. Values that checks compare with the
// guides' tables (private CIDRs, the Region) are kept. The `redaction` manifest says which kinds were replaced
// and how many, never the originals.
import { isIP } from 'node:net';
import type { AnyOption } from '../core/option.js';
import { REDACTED_KINDS, type RedactedKind } from '../core/redacted-kinds.js';
import { HEALTH_CHECK_SERVERS } from '../data/client-ports.js';
import type { AnyFact } from '../facts/define.js';
import { IPV4_TOKEN, IPV6_TOKEN, PublicAddressMap } from './redact-addresses.js';
import type { Bundle, FleetBundle, RedactionManifest } from './schema.js';

/** Fields whose value is an identifier of this kind, wherever they appear. */
const FIELD_KINDS: Record<string, RedactedKind> = {
  DirectoryId: 'directoryId',
  directoryId: 'directoryId',
  WorkspaceId: 'workspaceId',
  workspaceId: 'workspaceId',
  OwnerId: 'accountId',
  AccountId: 'accountId',
  UserName: 'username',
  Username: 'username',
  CustomerUserName: 'username',
  DirectoryName: 'domain',
  DomainName: 'domain',
  ShortName: 'netbiosName',
  Alias: 'alias',
  ComputerName: 'hostname',
};

/** What the facts and options of this wsdoctor say about their fields (their `redact`), beyond FIELD_KINDS. */
export interface RedactionRules {
  facts: readonly AnyFact[];
  options: readonly AnyOption[];
}

/** Kinds compared without case (DNS and Active Directory names ignore it). */
const CASELESS = new Set<RedactedKind>(['username', 'domain', 'netbiosName', 'alias', 'hostname']);

/** Names AWS defines (the guides tell admins to create them): they identify nobody, and checks may look for them. */
export const AWS_DEFINED_NAMES = new Set(['workspaces_DefaultRole', 'AmazonAppStreamServiceAccess', 'AmazonWorkSpacesSelfServiceAccess']);

// Identifiers recognised by their shape, anywhere in any string.
export const ARN = /\barn:(aws[a-z-]*):([a-z0-9-]*):([a-z0-9-]*):(\d{12})?:([^\s"',;]*[^\s"',;.])/;
/** EC2's public DNS names spell the public address: ec2-203-0-113-5.compute-1.amazonaws.com. */
export const EC2_PUBLIC_NAME = /\bec2-(\d{1,3})-(\d{1,3})-(\d{1,3})-(\d{1,3})\b/;
const SHAPES: [RedactedKind | 'ec2Name', RegExp][] = [
  ['arn', ARN],
  ['ec2Name', EC2_PUBLIC_NAME],
  // Not \b: an underscore is a word character, and Directory Service names groups d-1234567890_controllers.
  // The lengths the WorkSpaces API accepts (as src/core/parse.ts), not only today's 10 and 9 characters.
  ['directoryId', /(?<![A-Za-z0-9-])(?:d-[0-9a-f]{8,63}|wsd-[0-9a-z]{8,63})(?![A-Za-z0-9])/],
  ['workspaceId', /(?<![A-Za-z0-9-])ws-[0-9a-z]{8,63}(?![A-Za-z0-9])/],
  // Not inside a word: the hex of a resource id (rtbassoc-c166c595911900881) can hold twelve digits in a row.
  ['accountId', /(?<![A-Za-z0-9])\d{12}(?![A-Za-z0-9])/],
  ['publicIp', IPV4_TOKEN],
  ['publicIp', IPV6_TOKEN],
];
export const ANY_SHAPE = new RegExp(SHAPES.map(([, p]) => `(${p.source})`).join('|'), 'g');
export const WHOLE_SHAPE = SHAPES.map(([kind, p]) => [kind, new RegExp(`^(?:${p.source})$`)] as const);

/** Addresses AWS publishes and the guides list (the Regions' health check servers): the same for every customer. */
export const AWS_PUBLISHED_ADDRESSES: ReadonlySet<string> = new Set(HEALTH_CHECK_SERVERS.flatMap((s) => s.addresses));

/** An AWS-generated resource id (vpc-0abc…, subnet-…): not a name anybody chose. */
export const RESOURCE_ID = /^[a-z]+-[0-9a-z]{8,17}$/;
/** A DNS name and a port, as HOST:PORT options hold them (an IPv6 address in brackets is not a name). */
const HOST_WITH_PORT = /^([^:\s[\]]+):\d{1,5}$/;
/** Shorter values would match inside unrelated words: they are replaced only where they are a whole field. */
const MIN_SUBSTRING_LENGTH = 4;

export const PLACEHOLDER: Record<RedactedKind, (n: number) => string> = {
  accountId: (n) => String(n).padStart(12, '0'),
  arn: (n) => `redacted-${n}`,
  directoryId: (n) => `d-${n.toString(16).padStart(10, '0')}`,
  workspaceId: (n) => `ws-${n.toString(36).padStart(9, '0')}`,
  username: (n) => `user-${n}`,
  domain: (n) => `domain-${n}.example`,
  netbiosName: (n) => `DOMAIN${n}`,
  alias: (n) => `alias-${n}`,
  hostname: (n) => `host-${n}`,
  publicIp: () => '', // laid out by PublicAddressMap instead
};

export const KEPT: readonly string[] = [
  'private and special-purpose IP addresses and CIDRs (RFC 1918, CGNAT, link-local, documentation, benchmarking): checks compare them with the guides’ management ranges and with each other',
  'the layout of public addresses: each became an address in 11.0.0.0/8 (IPv6: 3ffe::/16) so that a range still contains the same addresses',
  'addresses AWS publishes for every customer (the Regions’ health check servers, from the Administration Guide)',
  'AWS resource ids other than directory and WorkSpace ids (vpc-, subnet-, sg-, rtb-, eni-…): they mean nothing outside the account',
  'the Region, times, AWS-defined names such as workspaces_DefaultRole, tag keys and values, and free text apart from the identifiers above found in it',
];

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A redacted copy of `bundle`; the original is left as it was. */
export function redactBundle(bundle: Bundle, rules: RedactionRules): Bundle {
  // Placeholders would be taken for identifiers and renumbered: the command says so before it gets here.
  if (bundle.redaction) throw new Error('redactBundle: the bundle is already redacted');
  // The envelope (version, tool, Region, times) identifies nobody and analysis needs it exactly.
  const { bundleSchemaVersion, tool, region, collectedAt, durationMs, ...identifying } = bundle;
  const redactor = new Redactor(identifying, kindsFrom(rules));
  const redacted = redactor.redact(identifying) as typeof identifying;
  return {
    bundleSchemaVersion,
    tool,
    ...(redacted.note !== undefined ? { note: redacted.note } : {}),
    targets: redacted.targets,
    region,
    options: redacted.options,
    collectedAt,
    durationMs,
    facts: redacted.facts,
    redaction: redactor.manifest(),
  };
}

/** A redacted copy of a fleet bundle: one redaction over all of it, so an identifier becomes the same placeholder
 *  in every member (the account of two targets stays one account). */
export function redactFleetBundle(bundle: FleetBundle, rules: RedactionRules): FleetBundle {
  if (bundle.redaction) throw new Error('redactFleetBundle: the bundle is already redacted');
  const { bundleSchemaVersion, tool, collectedAt, durationMs, ...identifying } = bundle;
  const redactor = new Redactor(identifying, kindsFrom(rules));
  const redacted = redactor.redact(identifying) as typeof identifying;
  return {
    bundleSchemaVersion,
    tool,
    ...(redacted.note !== undefined ? { note: redacted.note } : {}),
    collectedAt,
    durationMs,
    options: redacted.options,
    fleet: redacted.fleet,
    members: redacted.members,
    redaction: redactor.manifest(),
  };
}

class Redactor {
  /** Per kind: original (lower-cased for CASELESS kinds) → placeholder. */
  private readonly replaced = new Map<RedactedKind, Map<string, string>>();
  /** Identifiers found in the fields that name them (FIELD_KINDS), lower-cased → kind. */
  private readonly literals = new Map<string, RedactedKind>();
  private readonly literalPattern: RegExp | undefined;
  private readonly addresses: PublicAddressMap;
  /** Every string in the bundle, lower-cased: a placeholder must not be one of them. */
  private readonly taken = new Set<string>();

  constructor(
    root: unknown,
    private readonly kindOf: (path: readonly string[]) => RedactedKind | undefined,
  ) {
    const addressTokens: string[] = [];
    visitStrings(root, [], kindOf, (text, kind) => {
      this.taken.add(text.toLowerCase());
      addressTokens.push(...(text.match(IPV4_TOKEN) ?? []), ...(text.match(IPV6_TOKEN) ?? []));
      for (const [, ...octets] of text.matchAll(new RegExp(EC2_PUBLIC_NAME, 'g'))) addressTokens.push(octets.join('.'));
      // A host named with its port (--resource licence.corp.example.com:27000): the name is the identifier, and the
      // port must stay for the value to re-parse and be judged; the name is then replaced wherever it appears.
      const value = kind === 'hostname' ? (HOST_WITH_PORT.exec(text)?.[1] ?? text) : text;
      const key = value.toLowerCase();
      // A field value that has a recognisable shape (an Alias that is the directory id) is handled by its shape.
      if (kind && value.trim() && !this.literals.has(key) && !WHOLE_SHAPE.some(([, p]) => p.test(value)) && !isIP(value)) {
        this.literals.set(key, kind);
      }
    });
    this.addresses = new PublicAddressMap(addressTokens, AWS_PUBLISHED_ADDRESSES);
    const sources = [...this.literals]
      .filter(([value]) => value.length >= MIN_SUBSTRING_LENGTH)
      .sort(([a], [b]) => b.length - a.length)
      .flatMap(([value, kind]) => [
        // A domain must not match the start of a longer one (corp.example.com in corp.example.com.au).
        `(?<![A-Za-z0-9-])${escape(value)}(?![A-Za-z0-9-]${kind === 'domain' ? '|\\.[A-Za-z0-9]' : ''})`,
        // A domain also appears as an LDAP distinguished name: OU=WorkSpaces,DC=corp,DC=example,DC=com.
        ...(kind === 'domain' ? [`(?<![A-Za-z0-9-])${value.split('.').map((l) => `DC=${escape(l)}`).join(',\\s*')}(?![A-Za-z0-9-])`] : []),
      ]);
    this.literalPattern = sources.length ? new RegExp(sources.join('|'), 'gi') : undefined;
  }

  redact(root: unknown): unknown {
    return mapStrings(root, [], this.kindOf, (text, kind) => {
      const literal = kind ? this.literals.get(text.toLowerCase()) : undefined;
      if (literal) return this.placeholder(literal, text);
      const withLiterals = this.literalPattern ? text.replace(this.literalPattern, (m) => this.literal(m)) : text;
      return withLiterals.replace(ANY_SHAPE, (m) => this.shape(m));
    });
  }

  manifest(): RedactionManifest {
    const replaced: Partial<Record<RedactedKind, number>> = {};
    for (const kind of REDACTED_KINDS) {
      const count = kind === 'publicIp' ? this.addresses.count : (this.replaced.get(kind)?.size ?? 0);
      if (count) replaced[kind] = count;
    }
    return { replaced, kept: [...KEPT] };
  }

  private literal(match: string): string {
    const kind = this.literals.get(match.toLowerCase());
    if (kind) return this.placeholder(kind, match);
    // A distinguished name: the domain's placeholder, spelt the same way.
    const domain = match.split(/,\s*/).map((part) => part.slice('DC='.length)).join('.');
    return this.placeholder('domain', domain).split('.').map((label) => `DC=${label}`).join(',');
  }

  private shape(match: string): string {
    const kind = WHOLE_SHAPE.find(([, p]) => p.test(match))?.[0];
    if (kind === 'arn') return this.arn(match);
    if (kind === 'ec2Name') {
      const mapped = this.addresses.map(match.slice('ec2-'.length).replace(/-/g, '.'));
      return mapped ? `ec2-${mapped.replace(/\./g, '-')}` : match;
    }
    if (kind === 'publicIp' || kind === undefined) return this.addresses.map(match) ?? match;
    return this.placeholder(kind, match);
  }

  /** Partition, service, Region and resource type stay; the account and any name someone chose are replaced. */
  private arn(match: string): string {
    const known = this.replaced.get('arn')?.get(match);
    if (known) return known;
    const [, partition, service, region, account, resource] = ARN.exec(match)!;
    const typeEnd = /[/:]/.exec(resource!);
    const type = typeEnd ? resource!.slice(0, typeEnd.index + 1) : '';
    const name = resource!.slice(type.length);
    const chosenByAws =
      AWS_DEFINED_NAMES.has(name) || type === 'aws-service-role/' || RESOURCE_ID.test(name) || /^[*?]*$/.test(name);
    const newName = chosenByAws
      ? name.replace(ANY_SHAPE, (id) => this.shape(id))
      : PLACEHOLDER.arn((this.replaced.get('arn')?.size ?? 0) + 1);
    const redacted = `arn:${partition}:${service}:${region}:${account ? this.placeholder('accountId', account) : ''}:${type}${newName}`;
    if (redacted !== match) this.remember('arn', match, redacted);
    return redacted;
  }

  private placeholder(kind: RedactedKind, original: string): string {
    const key = CASELESS.has(kind) ? original.toLowerCase() : original;
    const known = this.replaced.get(kind)?.get(key);
    if (known) return known;
    let n = (this.replaced.get(kind)?.size ?? 0) + 1;
    while (this.taken.has(PLACEHOLDER[kind](n).toLowerCase())) n++;
    return this.remember(kind, key, PLACEHOLDER[kind](n));
  }

  private remember(kind: RedactedKind, original: string, placeholder: string): string {
    let values = this.replaced.get(kind);
    if (!values) this.replaced.set(kind, (values = new Map()));
    values.set(original, placeholder);
    this.taken.add(placeholder.toLowerCase());
    return placeholder;
  }
}

/**
 * The kind a field's name gives the strings in it: `path` is the keys from the root, list indexes left out. A
 * fact's own `redact` fields count at the top of its value, an option's `redact` for its value in targets or options.
 */
export function kindsFrom(rules: RedactionRules): (path: readonly string[]) => RedactedKind | undefined {
  const byFact = new Map(rules.facts.filter((f) => f.redact).map((f) => [f.name, f.redact!]));
  const byInput = new Map(rules.options.filter((o) => o.redact).map((o) => [`${o.section}.${o.key}`, o.redact!]));
  return (fullPath) => {
    // A fleet bundle's members have a single-target bundle's shape: the same rules, one level down.
    const path = fullPath[0] === 'members' ? fullPath.slice(1) : fullPath;
    const field = path.at(-1);
    if (field === undefined) return undefined;
    if (path.length === 2) {
      const input = byInput.get(path.join('.'));
      if (input) return input;
    }
    if (path.length === 4 && path[0] === 'facts' && path[2] === 'value') {
      const fact = byFact.get(path[1]!);
      if (fact && Object.hasOwn(fact, field)) return fact[field];
    }
    return Object.hasOwn(FIELD_KINDS, field) ? FIELD_KINDS[field] : undefined;
  };
}

type KindOf = (path: readonly string[]) => RedactedKind | undefined;

export function visitStrings(value: unknown, path: string[], kindOf: KindOf, visit: (text: string, kind: RedactedKind | undefined) => void): void {
  mapStrings(value, path, kindOf, (text, kind) => {
    visit(text, kind);
    return text;
  });
}

/** A copy of `value` with every string (not keys: those are API field names) passed through `map`. */
function mapStrings(
  value: unknown,
  path: string[],
  kindOf: KindOf,
  map: (text: string, kind: RedactedKind | undefined) => string,
): unknown {
  if (typeof value === 'string') return map(value, kindOf(path));
  if (Array.isArray(value)) return value.map((item) => mapStrings(item, path, kindOf, map));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, mapStrings(item, [...path, key], kindOf, map)]));
  }
  return value;
}
