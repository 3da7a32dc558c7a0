// Parsers for what users type (and what bundles and plans carry): every value is checked before any AWS call, so a
// malformed one costs nothing and the message says exactly what is wrong. Options (src/options/) use them, and the
// bundle reader re-parses a bundle's recorded values with the same ones.
import { isIP } from 'node:net';
import { UsageError } from './errors.js';

// Node's own address syntax check (strict dotted quads, as src/net/cidr.ts's): every command parses its options
// through this module, and loading ipaddr.js here cost `wsdoctor --help` about 5 ms of its ~45 (bench/RESULTS.md).
export const isIpAddress = (text: string): boolean => isIP(text) !== 0;

// The forms the WorkSpaces API accepts for a DirectoryId (d-… for Directory Service, wsd-… for WorkSpaces' own).
const DIRECTORY_ID = /^(d-[0-9a-f]{8,63}|wsd-[0-9a-z]{8,63})$/;

export function isDirectoryId(value: string): boolean {
  return DIRECTORY_ID.test(value);
}

export function directoryId(value: string): string {
  if (!isDirectoryId(value)) {
    throw new UsageError(`"${value}" is not a directory id: expected d- followed by hex digits, e.g. d-1234567890`);
  }
  return value;
}

// The forms the WorkSpaces API accepts for a WorkspaceId and a BundleId.
const WORKSPACE_ID = /^ws-[0-9a-z]{8,63}$/;
const BUNDLE_ID = /^wsb-[0-9a-z]{8,63}$/;

export function workspaceId(value: string): string {
  if (!WORKSPACE_ID.test(value)) {
    throw new UsageError(`"${value}" is not a WorkSpace id: expected ws- followed by 8 or more lowercase letters and digits, e.g. ws-abc123def`);
  }
  return value;
}

export function isBundleId(value: string): boolean {
  return BUNDLE_ID.test(value);
}

/** A comma-separated, repeatable list of bundle ids. */
export function bundleIdList(value: string, previous: string[] = []): string[] {
  const ids = idList(value);
  const bad = ids.find((id) => !BUNDLE_ID.test(id));
  if (bad !== undefined || ids.length === 0) {
    throw new UsageError(`"${bad ?? value}" is not a bundle id: expected wsb- followed by 8 or more lowercase letters and digits, e.g. wsb-bh8rsxt14`);
  }
  return [...new Set([...previous, ...ids])];
}

// The pattern the WorkSpaces Applications (AppStream 2.0) API gives its resource names (fleets, stacks, image
// builders, images: the model's `Name` shape, ^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,100}$).
const APPSTREAM_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,100}$/;

/** A parser for the name of one kind of WorkSpaces Applications resource ("fleet", "image builder"…). */
export function appstreamName(kind: string) {
  return (value: string): string => {
    if (!APPSTREAM_NAME.test(value)) {
      throw new UsageError(
        `"${value}" is not ${/^[aeiou]/.test(kind) ? 'an' : 'a'} ${kind} name: up to 101 letters, digits, "_", "." or "-", starting with a letter or digit`,
      );
    }
    return value;
  };
}

export const imageBuilderName = appstreamName('image builder');

/**
 * A network resource as HOST:PORT: an IP address (IPv6 in brackets) or a DNS host name. Routes and security group
 * rules are judged by address, so a name is resolved when the facts are collected (src/facts/probes/
 * resource-addresses.ts), with the DNS servers the instances' VPC gives them where it names any.
 */
export function hostAndPort(flag: string) {
  return (value: string): string => {
    const match = /^(?:\[([^\]]+)\]|([^:\s\[\]]+)):(\d{1,5})$/.exec(value);
    const host = match?.[1] ?? match?.[2];
    const port = Number(match?.[3]);
    if (!match || !host || (!isIpAddress(host) && (match[1] !== undefined || !isHostName(host)))) {
      const why = match && host && !isIpAddress(host) ? `: "${host}" is not an IP address or a DNS host name` : ' is not HOST:PORT';
      throw new UsageError(`${flag} "${value}"${why}, e.g. 10.0.5.20:1433, licence.corp.example.com:27000 or [2001:db8::5]:443`);
    }
    if (!Number.isInteger(port) || port < 1 || port > 65535) {
      throw new UsageError(`${flag} "${value}": the port must be from 1 to 65535`);
    }
    return value;
  };
}

/** A DNS host name: labels of letters, digits and inner hyphens, 253 characters at most, not ending in a number. */
export function isHostName(host: string): boolean {
  const name = host.replace(/\.$/, '');
  const labels = name.split('.');
  // An all-digit last label is a mistyped address (999.1.1.1), never a host name.
  return name.length > 0 && name.length <= 253 && labels.every((label) => HOSTNAME_LABEL.test(label)) && !/^\d+$/.test(labels.at(-1)!);
}

/** The host (an address or a name) and port of a value `hostAndPort` accepted. */
export function splitHostAndPort(value: string): { host: string; port: number } {
  const at = value.lastIndexOf(':');
  return { host: value.slice(0, at).replace(/^\[(.*)\]$/, '$1'), port: Number(value.slice(at + 1)) };
}

const HOSTNAME_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/i;

/** An IPv4 or IPv6 address (brackets allowed), or a DNS host name; repeatable. */
export function probeHost(value: string, previous: string[] = []): string[] {
  const host = value.replace(/^\[(.*)\]$/, '$1');
  const labels = host.split('.');
  // An all-digit last label is a mistyped address (999.1.1.1), never a host name.
  const isName = host.length <= 253 && labels.every((label) => HOSTNAME_LABEL.test(label)) && !/^\d+$/.test(labels.at(-1)!);
  if (!isIpAddress(host) && !isName) {
    throw new UsageError(`--probe-host "${value}" is not an IP address or a host name`);
  }
  return [...previous, host];
}

export function clientIp(value: string): string {
  if (!isIpAddress(value)) {
    throw new UsageError(`--client-ip "${value}" is not an IP address: give the public IP users connect from, e.g. 203.0.113.7`);
  }
  return value;
}

export function positiveInt(flag: string, max: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < 1 || n > max) {
      throw new UsageError(`${flag} must be a whole number from 1 to ${max}, not "${value}"`);
    }
    return n;
  };
}

export function idList(value: string, previous: string[] = []): string[] {
  return [...previous, ...value.split(',').map((s) => s.trim()).filter(Boolean)];
}

/** A comma-separated, repeatable list of names from a closed set (--severity, --scope). */
export function choiceList<T extends string>(flag: string, choices: readonly T[]) {
  return (value: string, previous: T[] = []): T[] => {
    const names = value.split(',').map((s) => s.trim()).filter(Boolean);
    for (const name of names) {
      if (!(choices as readonly string[]).includes(name)) {
        throw new UsageError(`${flag}: unknown value "${name}" (use one or more of ${choices.join(', ')}, comma-separated)`);
      }
    }
    return [...previous, ...(names as T[])];
  };
}

const REGION_PATTERN = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d{1,2}$/;

export function isRegionName(text: string): boolean {
  return REGION_PATTERN.test(text);
}

export function validateRegion(region: string, from: string): string {
  if (!isRegionName(region)) {
    throw new UsageError(`"${region}" (from ${from}) is not an AWS Region name such as us-east-1`);
  }
  return region;
}

/** A bundle's note (`collect --note`): a ticket number or a sentence or two, far below what would bury a report. */
export const MAX_NOTE_LENGTH = 4000;

export function noteText(value: string): string {
  if (value.length > MAX_NOTE_LENGTH) {
    throw new UsageError(`--note takes at most ${MAX_NOTE_LENGTH} characters, not ${value.length}`);
  }
  return value;
}

/** A plan or template file path (read later, with the rest of the run's input). */
export function planFile(flag: string) {
  return (value: string): string => {
    if (!value.trim() || value.includes('\0')) throw new UsageError(`${flag} takes a file path, not "${value}"`);
    return value;
  };
}

/**
 * One --parameters value, in a form the aws CLI takes: file://params.json, ParameterKey=K,ParameterValue=V, or
 * Key=Value (`aws cloudformation deploy --parameter-overrides`). Repeatable.
 */
export function templateParameter(value: string, previous: string[] = []): string[] {
  if (value.startsWith('file://')) {
    if (value.length === 'file://'.length) throw new UsageError('--parameters file:// needs a path, e.g. file://params.json');
    return [...previous, value];
  }
  if (!/^[A-Za-z0-9]+=/.test(value) && !/^ParameterKey=[A-Za-z0-9]+,ParameterValue=/.test(value)) {
    throw new UsageError(
      `--parameters "${value}" is not file://params.json, ParameterKey=Name,ParameterValue=value or Name=value (names are alphanumeric)`,
    );
  }
  return [...previous, value];
}
