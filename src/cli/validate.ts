// Input checks done before any AWS call: malformed input costs nothing and says exactly what is wrong.
import { isIP } from 'node:net';
import { UsageError } from '../engine/errors.js';

// Node's own address syntax check (strict dotted quads, as src/net/cidr.ts's): every command parses its options
// through this module, and loading ipaddr.js here cost `wsdoctor --help` about 5 ms of its ~45 (bench/RESULTS.md).
const isIpAddress = (text: string): boolean => isIP(text) !== 0;

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

/** --bundle: comma-separated and repeatable, each a bundle id. */
export function bundleIdList(value: string, previous: string[] = []): string[] {
  const ids = idList(value);
  const bad = ids.find((id) => !BUNDLE_ID.test(id));
  if (bad !== undefined || ids.length === 0) {
    throw new UsageError(`"${bad ?? value}" is not a bundle id: expected wsb- followed by 8 or more lowercase letters and digits, e.g. wsb-bh8rsxt14`);
  }
  return [...new Set([...previous, ...ids])];
}

// The pattern the WorkSpaces Applications (AppStream 2.0) API gives for an image builder name.
const IMAGE_BUILDER_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,100}$/;

export function imageBuilderName(value: string): string {
  if (!IMAGE_BUILDER_NAME.test(value)) {
    throw new UsageError(
      `"${value}" is not an image builder name: up to 101 letters, digits, "_", "." or "-", starting with a letter or digit`,
    );
  }
  return value;
}

const HOSTNAME_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/i;

/** --probe-host, repeatable: an IPv4 or IPv6 address, or a DNS host name. */
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

/** check --bundle: WorkSpaces bundle ids (wsb-…, used with --directory), or a support bundle file to analyze. */
export interface BundleArgument {
  ids: string[];
  file?: string;
}

export function bundleIdsOrFile(value: string, previous: BundleArgument = { ids: [] }): BundleArgument {
  // A path has a dot or a slash in practice (bundle.json, ./case/b); a bare wsb-… is meant as bundle ids.
  if (/^wsb-/.test(value) && !/[./\\]/.test(value)) return { ...previous, ids: bundleIdList(value, previous.ids) };
  if (previous.file) throw new UsageError(`--bundle: one bundle file at a time, not ${previous.file} and ${value}`);
  return { ...previous, file: value };
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

/**
 * The SDK reads AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> itself; a malformed one would surface as an
 * "UnknownError" on every call, so it is checked, naming the variable, before any.
 */
export function checkEndpointEnvironment(env: NodeJS.ProcessEnv = process.env): void {
  if (env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS === 'true') return;
  for (const [name, value] of Object.entries(env)) {
    if (value && /^AWS_ENDPOINT_URL(_[A-Z0-9_]+)?$/.test(name)) endpointUrl(value, name);
  }
}

export function endpointUrl(value: string, from = '--endpoint-url'): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`${from} "${value}" is not a URL (e.g. http://127.0.0.1:5000)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UsageError(`${from} must be http or https, not ${url.protocol}`);
  }
  return value;
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

/** One extra report of a run: `--report junit=out.xml`. */
export interface ReportSpec<F extends string = string> {
  format: F;
  path: string;
}

export function reportSpec<F extends string>(formats: readonly F[]) {
  return (value: string, previous: ReportSpec<F>[] = []): ReportSpec<F>[] => {
    const at = value.indexOf('=');
    const format = value.slice(0, Math.max(at, 0));
    const path = value.slice(at + 1);
    if (at < 1 || !path) {
      throw new UsageError(`--report "${value}": expected FORMAT=FILE, e.g. --report junit=wsdoctor.xml`);
    }
    if (!(formats as readonly string[]).includes(format)) {
      throw new UsageError(`--report "${value}": unknown format "${format}" (use ${formats.join(', ')})`);
    }
    return [...previous, { format: format as F, path }];
  };
}

export function clientIp(value: string): string {
  if (!isIpAddress(value)) {
    throw new UsageError(`--client-ip "${value}" is not an IP address: give the public IP users connect from, e.g. 203.0.113.7`);
  }
  return value;
}
