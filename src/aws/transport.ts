// How AWS calls leave this machine, read as the aws CLI reads it (botocore, with Python's urllib rules):
//   - HTTPS_PROXY for https:// endpoints, HTTP_PROXY for http:// ones (each in either case, the lower-case one
//     first), a proxy given without a scheme being http://; user:password in it is sent as Basic proxy auth;
//   - NO_PROXY: comma-separated hosts, each also covering its subdomains ("example.com" and ".example.com" both
//     cover api.example.com), optionally with :port; "*" covers everything;
//   - AWS_CA_BUNDLE, else the profile's `ca_bundle`: a PEM file whose certificates replace Node's own CAs for AWS
//     calls (as the aws CLI's `verify` does), which is how a TLS-inspecting proxy's certificate is trusted.
// Only AWS API calls use this: probes (TCP, UDP, DNS) always go direct, as WorkSpaces streaming traffic does.
// This file decides; src/aws/proxy-agent.ts (loaded only when a proxy is set) builds the Node agents.
import { readFileSync } from 'node:fs';
import { X509Certificate } from 'node:crypto';
import { UsageError } from '../core/errors.js';
import { addSecret } from '../core/secrets.js';

export interface Transport {
  /** The proxy for https:// endpoints (HTTPS_PROXY), credentials included: never printed as it is. */
  httpsProxy?: URL;
  /** The proxy for http:// endpoints (HTTP_PROXY), credentials included: never printed as it is. */
  httpProxy?: URL;
  /** NO_PROXY's entries, lower-cased. */
  noProxy: string[];
  /** The certificates AWS endpoints (and an https:// proxy) must chain to, instead of Node's CAs. */
  ca?: { pem: string; path: string; from: string; certificates: number };
}

type Env = Record<string, string | undefined>;

/** The first of the names set to a non-empty value (lower case first, as urllib reads them). */
function variable(env: Env, name: string): { name: string; value: string } | undefined {
  for (const spelled of [name.toLowerCase(), name.toUpperCase()]) {
    const value = env[spelled]?.trim();
    if (value) return { name: spelled, value };
  }
  return undefined;
}

function proxyUrl(env: Env, name: string): URL | undefined {
  const set = variable(env, name);
  if (!set) return undefined;
  const text = set.value.includes('://') ? set.value : `http://${set.value}`;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError(`${set.name} is not a proxy URL: expected http://host:port (or https://host:port)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UsageError(`${set.name}: only http:// and https:// proxies are supported (as by the aws CLI), not ${url.protocol}//`);
  }
  // The password (and the user, which some proxies treat as secret too) must never reach a report or a log.
  for (const part of [url.password, url.username]) {
    if (part) {
      addSecret(part);
      addSecret(decodeURIComponent(part));
    }
  }
  return url;
}

/** The CA bundle: AWS_CA_BUNDLE, else the profile's ca_bundle; its certificates checked before any call. */
function caBundle(env: Env, profileCaBundle: { path: string; profile: string } | undefined): Transport['ca'] {
  const fromEnv = env.AWS_CA_BUNDLE?.trim();
  const chosen = fromEnv
    ? { path: fromEnv, from: 'AWS_CA_BUNDLE' }
    : profileCaBundle && { path: profileCaBundle.path, from: `ca_bundle of profile "${profileCaBundle.profile}"` };
  if (!chosen) return undefined;
  let pem: string;
  try {
    pem = readFileSync(chosen.path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new UsageError(`${chosen.from} (${chosen.path}) cannot be read: ${code}`);
  }
  const blocks = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  for (const block of blocks) {
    try {
      new X509Certificate(block);
    } catch {
      throw new UsageError(`${chosen.from} (${chosen.path}) holds a certificate that is not valid PEM`);
    }
  }
  if (blocks.length === 0) throw new UsageError(`${chosen.from} (${chosen.path}) holds no PEM certificate (-----BEGIN CERTIFICATE-----)`);
  return { pem: blocks.join('\n'), path: chosen.path, from: chosen.from, certificates: blocks.length };
}

/**
 * The run's transport from the environment and the profile's `ca_bundle` (read by the caller from ~/.aws/config).
 * Bad settings are input errors (exit 2) before any call: a proxy URL that does not parse, an unreadable bundle.
 */
export function readTransport(env: Env = process.env, profileCaBundle?: { path: string; profile: string }): Transport {
  const httpsProxy = proxyUrl(env, 'https_proxy');
  const httpProxy = proxyUrl(env, 'http_proxy');
  const noProxy = (variable(env, 'no_proxy')?.value ?? '')
    .split(',')
    .map((entry) => entry.trim().toLowerCase())
    .filter(Boolean);
  const ca = caBundle(env, profileCaBundle);
  return { ...(httpsProxy ? { httpsProxy } : {}), ...(httpProxy ? { httpProxy } : {}), noProxy, ...(ca ? { ca } : {}) };
}

/** Whether a proxy is set at all (then the report says the probes did not use it). */
export function usesProxy(transport: Transport): boolean {
  return transport.httpsProxy !== undefined || transport.httpProxy !== undefined;
}

/** The proxy a call to `endpoint` goes through, or undefined when it goes direct (no proxy, or NO_PROXY). */
export function proxyFor(transport: Transport, endpoint: { protocol: string; hostname: string; port?: string | number }): URL | undefined {
  const proxy = endpoint.protocol === 'https:' ? transport.httpsProxy : endpoint.protocol === 'http:' ? transport.httpProxy : undefined;
  if (!proxy) return undefined;
  return bypassed(transport.noProxy, endpoint) ? undefined : proxy;
}

/** urllib's proxy_bypass_environment: each entry matches the host, host:port, or a parent domain of either. */
function bypassed(noProxy: readonly string[], endpoint: { protocol: string; hostname: string; port?: string | number }): boolean {
  const host = endpoint.hostname.toLowerCase().replace(/^\[|\]$/g, '');
  const port = String(endpoint.port || (endpoint.protocol === 'https:' ? 443 : 80));
  const hostAndPort = `${host}:${port}`;
  return noProxy.some((entry) => {
    if (entry === '*') return true;
    // "[::1]:8080" → "::1:8080", as hostAndPort spells an IPv6 endpoint.
    const name = entry.replace(/^\*?\./, '').replace(/^\[([^\]]+)\](:\d+)?$/, '$1$2');
    if (!name) return false;
    return host === name || hostAndPort === name || host.endsWith(`.${name}`) || hostAndPort.endsWith(`.${name}`);
  });
}

/** A proxy as it may be printed: scheme, host and port; credentials replaced by "***". */
export function displayProxy(proxy: URL): string {
  const auth = proxy.username || proxy.password ? '***@' : '';
  return `${proxy.protocol}//${auth}${proxy.host}`;
}

/**
 * The run's transport: the environment, and the `ca_bundle` of the profile in use (--profile, else AWS_PROFILE,
 * else "default") when AWS_CA_BUNDLE is not set. The profile file is read only then.
 */
export async function loadTransport(profile?: string, env: Env = process.env): Promise<Transport> {
  let profileCaBundle: { path: string; profile: string } | undefined;
  if (!env.AWS_CA_BUNDLE?.trim()) {
    const name = profile ?? env.AWS_PROFILE ?? 'default';
    const path = await profileSetting(name, 'ca_bundle');
    if (path) profileCaBundle = { path: path.replace(/^~(?=$|\/)/, env.HOME ?? '~'), profile: name };
  }
  return readTransport(env, profileCaBundle);
}

async function profileSetting(profile: string, key: string): Promise<string | undefined> {
  try {
    const { loadSharedConfigFiles } = await import('@smithy/core/config');
    const { configFile } = await loadSharedConfigFiles({ ignoreCache: true });
    const value = configFile[profile]?.[key];
    return typeof value === 'string' && value.trim() ? value.trim() : undefined;
  } catch {
    return undefined;
  }
}
