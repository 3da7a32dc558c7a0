// Where the client probes go: the real names and addresses from the guides' tables, unless --probe-targets names a
// file that redirects them — the DNS servers to ask ("resolver"), and per host or host:port the address to connect
// to instead ("hosts"). Every client probe fact reads this one, so a targets file redirects all of them alike.
import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { FactError } from '../../core/failure.js';
import probeTargetsOption from '../../options/probe-targets.js';
import { defineFact } from '../define.js';

export interface Redirect {
  address: string;
  port?: number;
}

export interface ProbeTargets {
  /** The targets file, when one was given. */
  file?: string;
  /** DNS servers to ask instead of the OS's (ip or ip:port). */
  resolver?: string[];
  /** "host" or "host:port" (host lower-cased) → where to connect instead. */
  hosts: Record<string, Redirect>;
}

const HOST_NAME = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/i;

export default defineFact({
  name: 'probeTargets',
  description: 'where the client probes go: the guides\' hosts, or the redirects of a --probe-targets file',
  iamActions: [],
  dependsOn: [],
  // A file that cannot be used stops the run as bad input (exit 2), before any probe is sent.
  lookup: probeTargetsOption,
  async collect({ option }): Promise<ProbeTargets> {
    const file = option(probeTargetsOption);
    if (!file) return { hosts: {} };
    const bad = (why: string) => new FactError({ kind: 'target-not-found', message: `--probe-targets ${file}: ${why}` });
    let text: string;
    try {
      // Read at once (a small file): every probe waits for it, and an async read would queue behind whatever else
      // the run's first moments keep busy (starting ping, reading the OS's settings).
      text = readFileSync(file, 'utf8');
    } catch (error) {
      throw bad(`cannot read it (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      throw bad(`not JSON (${(error as Error).message})`);
    }
    return { file, ...parseTargets(parsed, bad) };
  },
});

/** A targets file's content, checked: every key known, every address literal. */
export function parseTargets(value: unknown, bad: (why: string) => Error): Omit<ProbeTargets, 'file'> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw bad('expected an object with "resolver" and/or "hosts"');
  const { resolver, hosts, ...unknown } = value as Record<string, unknown>;
  const extra = Object.keys(unknown).filter((key) => !key.startsWith('//'));
  if (extra.length) throw bad(`unknown key "${extra[0]}" (expected "resolver" and "hosts")`);
  const out: Omit<ProbeTargets, 'file'> = { hosts: {} };
  if (resolver !== undefined) {
    if (!Array.isArray(resolver) || resolver.length === 0) throw bad('"resolver" must be a list of DNS server addresses');
    out.resolver = resolver.map((entry) => {
      const at = typeof entry === 'string' ? splitAddress(entry) : undefined;
      if (!at) throw bad(`"resolver": ${JSON.stringify(entry)} is not an IP address (with an optional :port)`);
      return entry as string;
    });
  }
  if (hosts !== undefined) {
    if (!hosts || typeof hosts !== 'object' || Array.isArray(hosts)) throw bad('"hosts" must map "host[:port]" to "ip[:port]"');
    for (const [key, target] of Object.entries(hosts as Record<string, unknown>)) {
      const [host, port] = splitHostPort(key);
      if (!host || (!HOST_NAME.test(host) && !isIP(host)) || port === null) throw bad(`"hosts": "${key}" is not a host name or host:port`);
      const redirect = typeof target === 'string' ? splitAddress(target) : undefined;
      if (!redirect) throw bad(`"hosts": "${key}" → ${JSON.stringify(target)} is not an IP address (with an optional :port)`);
      out.hosts[port === undefined ? host.toLowerCase() : `${host.toLowerCase()}:${port}`] = redirect;
    }
  }
  return out;
}

/** "ip", "ip:port" or "[ipv6]:port" → the parts, or undefined. */
function splitAddress(text: string): Redirect | undefined {
  const bracketed = /^\[([^\]]+)\](?::(\d{1,5}))?$/.exec(text);
  const [address, portText] = bracketed ? [bracketed[1]!, bracketed[2]] : isIP(text) ? [text, undefined] : text.split(':');
  if (!address || !isIP(address)) return undefined;
  if (portText === undefined) return { address };
  const port = Number(portText);
  return Number.isInteger(port) && port > 0 && port < 65536 && /^\d+$/.test(portText) ? { address, port } : undefined;
}

/** "name" → [name, undefined]; "name:443" → [name, 443]; a bad port → [name, null]. */
function splitHostPort(text: string): [string, number | undefined | null] {
  if (isIP(text)) return [text, undefined];
  const at = text.lastIndexOf(':');
  if (at < 0) return [text, undefined];
  const port = Number(text.slice(at + 1));
  return [text.slice(0, at), Number.isInteger(port) && port > 0 && port < 65536 ? port : null];
}

/** Where to connect for `host`:`port`: a redirect of the targets file (host:port first, then host), if any. */
export function redirectFor(targets: ProbeTargets, host: string, port: number): { address: string; port: number } | undefined {
  const name = host.toLowerCase();
  const redirect = targets.hosts[`${name}:${port}`] ?? targets.hosts[name];
  return redirect ? { address: redirect.address, port: redirect.port ?? port } : undefined;
}

/** The resolver options for `resolve4`/`probeEndpoint`: the targets file's DNS servers, if it names some. */
export function resolverOf(targets: ProbeTargets): { resolver?: readonly string[] } {
  return targets.resolver ? { resolver: targets.resolver } : {};
}
