// One probe of an HTTPS (or plain HTTP) endpoint, the way a client reaches it: resolve the name, open TCP, shake
// hands with TLS (SNI = the name; the chain validated against the trust store the caller gives, which for the
// client probes is the OS's), then send one request. Each stage is recorded, so a failure says where it happened:
// DNS, a refused or dropped connection, a TLS failure or an untrusted certificate, or a server that never answers
// HTTP. The whole probe — every stage — is bounded by one timeout, and ends at once when the run stops.
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { connect as netConnect, isIP, type Socket } from 'node:net';
import * as tls from 'node:tls';
import type { PeerCertificate, SecureContext, TLSSocket } from 'node:tls';
import { X509Certificate } from 'node:crypto';
import { resolve4, type ResolveOutcome } from './resolve.js';

export type EndpointStage = 'dns' | 'tcp' | 'tls' | 'http' | 'body' | 'done';

export type EndpointResult =
  /** Every stage completed (any HTTP status counts: the server answered). */
  | 'ok'
  | 'dns-failed'
  /** TCP reset: nothing listens, or a firewall rejects. */
  | 'refused'
  | 'unreachable'
  /** This machine refused to send it (a local firewall rule). */
  | 'blocked'
  /** A stage got no answer within the bound (`stage` says which). */
  | 'timeout'
  /** The TLS handshake failed (reset, alert, not TLS at all). */
  | 'tls-failed'
  /** The handshake completed but the certificate is not trusted for the name (`tls.error` says why). */
  | 'untrusted'
  /** The connection broke, or what came back is not HTTP. */
  | 'http-failed'
  | 'error';

export interface CertificateSummary {
  subject: string;
  issuer: string;
  sha256: string;
  notAfter: string;
  selfSigned: boolean;
}

export interface TlsSummary {
  protocol: string | null;
  /** The chain validated against the given trust store, for this name. */
  authorized: boolean;
  /** Why not (OpenSSL's code, e.g. UNABLE_TO_GET_ISSUER_CERT_LOCALLY, ERR_TLS_CERT_ALTNAME_INVALID). */
  error?: string;
  /** The chain as the server sent it (completed from the store where it could be), leaf first. */
  chain: CertificateSummary[];
  /** Untrusted chains: the certificate the chain needs and the store lacks — the issuer of the last one. */
  missingIssuer?: string;
  /** Untrusted chains: whether one of Node's bundled roots (Mozilla's list) issued the last certificate. */
  issuerInNodeRoots?: boolean;
}

export interface HttpSummary {
  status: number;
  /** Headers arrived after this many ms (from the request being sent). */
  ms: number;
  /** This machine's clock when the headers arrived (epoch ms): with `date`, the offset of this clock. */
  receivedAt: number;
  date?: string;
  location?: string;
  server?: string;
  /** GET with `keepBody`: the first bytes of the body, as text. */
  body?: string;
  /** GET with `measureBody`: bytes of body received, and over how long (first byte to last). */
  bodyBytes?: number;
  bodyMs?: number;
  /** The body was cut short by its byte cap or the time bound (a measurement, not a failure). */
  bodyTruncated?: boolean;
}

export interface EndpointProbe {
  host: string;
  port: number;
  /** The address connected to (a redirect's, or the first the name resolved to). */
  address?: string;
  /** The connection went to an address a targets file gave, and DNS was not asked. */
  redirected?: boolean;
  result: EndpointResult;
  /** The stage reached: where a failure happened. */
  stage: EndpointStage;
  code?: string;
  message?: string;
  dns?: Omit<ResolveOutcome, 'name'>;
  tcpMs?: number;
  tlsMs?: number;
  tls?: TlsSummary;
  http?: HttpSummary;
  elapsedMs: number;
}

export interface EndpointProbeOptions {
  /** The host name: what DNS is asked, the TLS server name and the Host header. */
  host: string;
  port: number;
  /** false: plain HTTP (Web Access's port 80). */
  tls: boolean;
  method?: 'HEAD' | 'GET';
  path?: string;
  extraHeaders?: Record<string, string>;
  /** Connect here instead of resolving `host` (a targets file's redirect). */
  connectTo?: { address: string; port: number };
  /** DNS servers to ask instead of the OS's. */
  resolver?: readonly string[];
  /** The trust store to validate against (asked for only when the TLS stage starts); Node's bundled roots without it. */
  secureContext?: SecureContext | (() => Promise<SecureContext | undefined>);
  /** GET: keep the first this many bytes of the body as text. */
  keepBody?: number;
  /** GET: time the body, reading at most this many bytes (the bound ends it too, as a measurement). */
  measureBody?: number;
  timeoutMs: number;
  signal?: AbortSignal;
}

const STAGE_WORDS: Record<EndpointStage, string> = {
  dns: 'to the DNS query',
  tcp: 'to the TCP handshake',
  tls: 'to the TLS handshake',
  http: 'to the HTTP request',
  body: 'while the body arrived',
  done: '',
};

const TCP_CODES: Record<string, EndpointResult> = {
  ECONNREFUSED: 'refused',
  ECONNRESET: 'refused',
  EHOSTUNREACH: 'unreachable',
  ENETUNREACH: 'unreachable',
  EADDRNOTAVAIL: 'unreachable',
  EPERM: 'blocked',
  EACCES: 'blocked',
  ETIMEDOUT: 'timeout',
};

/** Header values are hostile text: one line, bounded. */
const clean = (value: unknown, max = 200): string | undefined =>
  typeof value === 'string' ? value.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ').slice(0, max) : undefined;

export function probeEndpoint(options: EndpointProbeOptions): Promise<EndpointProbe> {
  const { host, port, timeoutMs, signal } = options;
  const started = performance.now();
  const deadline = started + timeoutMs;
  const remaining = () => Math.max(1, Math.round(deadline - performance.now()));
  const state: Omit<EndpointProbe, 'result' | 'elapsedMs'> = { host, port, stage: 'dns' };
  const sockets: Socket[] = [];
  let body: { bytes: number; firstAt?: number; lastAt?: number } | undefined;

  return new Promise((resolve) => {
    let settled = false;
    const finish = (outcome: Pick<EndpointProbe, 'result'> & Partial<EndpointProbe>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', stop);
      for (const socket of sockets) socket.destroy();
      resolve({ ...state, ...outcome, elapsedMs: Math.round(performance.now() - started) });
    };
    const onTimeout = () => {
      // A body being timed is a measurement that the bound ends, not a failure.
      if (state.stage === 'body' && body && state.http) {
        state.http.bodyBytes = body.bytes;
        state.http.bodyMs = Math.round((body.lastAt ?? performance.now()) - (body.firstAt ?? performance.now()));
        state.http.bodyTruncated = true;
        return finish({ result: 'ok', stage: 'done' });
      }
      finish({ result: 'timeout', message: `no answer ${STAGE_WORDS[state.stage]} within ${timeoutMs} ms` });
    };
    const timer = setTimeout(onTimeout, timeoutMs);
    const stop = () => finish({ result: 'error', code: 'ABORTED', message: 'the run stopped before this probe finished' });
    signal?.addEventListener('abort', stop, { once: true });
    if (signal?.aborted) return stop();

    const run = async (): Promise<Pick<EndpointProbe, 'result'> & Partial<EndpointProbe>> => {
      // DNS
      let address: string;
      let connectPort = port;
      if (options.connectTo) {
        address = options.connectTo.address;
        connectPort = options.connectTo.port;
        state.redirected = true;
      } else if (isIP(host)) {
        address = host;
      } else {
        const dns = await resolve4(host, { ...(options.resolver ? { servers: options.resolver } : {}), timeoutMs: remaining(), ...(signal ? { signal } : {}) });
        const { name: _, ...recorded } = dns;
        state.dns = recorded;
        if (dns.result !== 'resolved') {
          return dns.result === 'timeout'
            ? { result: 'timeout', code: dns.code, message: `no answer to the DNS query for ${host} within ${timeoutMs} ms` }
            : { result: 'dns-failed', ...(dns.code ? { code: dns.code } : {}) };
        }
        address = dns.addresses[0]!;
      }
      state.address = address;

      // TCP
      state.stage = 'tcp';
      const tcpStarted = performance.now();
      const socket = netConnect({ host: address, port: connectPort });
      sockets.push(socket);
      const tcpError = await new Promise<NodeJS.ErrnoException | undefined>((done) => {
        socket.once('connect', () => done(undefined));
        socket.once('error', (error) => done(error));
      });
      if (tcpError) return { result: TCP_CODES[tcpError.code ?? ''] ?? 'error', ...(tcpError.code ? { code: tcpError.code } : {}), message: tcpError.message };
      state.tcpMs = Math.round(performance.now() - tcpStarted);

      // TLS
      let stream: Socket = socket;
      if (options.tls) {
        state.stage = 'tls';
        const secureContext = typeof options.secureContext === 'function' ? await options.secureContext() : options.secureContext;
        const tlsStarted = performance.now();
        const secure = tls.connect({
          socket,
          servername: isIP(host) ? undefined : host,
          // Validation is recorded, not enforced: an untrusted chain is a finding to describe, and the HTTP answer
          // behind it (often a proxy's block page) is part of the description.
          rejectUnauthorized: false,
          ...(secureContext ? { secureContext } : {}),
          ALPNProtocols: ['http/1.1'],
        });
        sockets.push(secure);
        const tlsError = await new Promise<NodeJS.ErrnoException | undefined>((done) => {
          secure.once('secureConnect', () => done(undefined));
          secure.once('error', (error) => done(error));
        });
        if (tlsError) return { result: 'tls-failed', ...(tlsError.code ? { code: tlsError.code } : {}), message: tlsError.message };
        state.tlsMs = Math.round(performance.now() - tlsStarted);
        state.tls = summarizeTls(secure);
        stream = secure;
      }

      // HTTP
      state.stage = 'http';
      const method = options.method ?? 'HEAD';
      const requestStarted = performance.now();
      const response = await new Promise<IncomingMessage | NodeJS.ErrnoException>((done) => {
        const req = httpRequest({
          createConnection: () => stream,
          method,
          path: options.path ?? '/',
          headers: { Host: host, 'User-Agent': 'wsdoctor', Accept: '*/*', Connection: 'close', ...options.extraHeaders },
        });
        req.once('response', done);
        req.once('error', done);
        req.end();
      });
      if (response instanceof Error) {
        const code = (response as NodeJS.ErrnoException).code;
        return {
          result: 'http-failed',
          ...(code ? { code } : {}),
          message: code?.startsWith('HPE_') ? `the answer is not HTTP (${code})` : response.message,
        };
      }
      state.http = {
        status: response.statusCode ?? 0,
        ms: Math.round(performance.now() - requestStarted),
        receivedAt: Date.now(),
        ...optional('date', clean(response.headers.date, 64)),
        ...optional('location', clean(response.headers.location)),
        ...optional('server', clean(response.headers.server, 100)),
      };
      if (method === 'HEAD' || (!options.keepBody && !options.measureBody)) {
        response.resume();
        return state.tls && !state.tls.authorized ? { result: 'untrusted', stage: 'done' } : { result: 'ok', stage: 'done' };
      }

      // Body
      state.stage = 'body';
      const cap = options.measureBody ?? options.keepBody ?? 0;
      const kept: Buffer[] = [];
      body = { bytes: 0 };
      const counted = body;
      const bodyError = await new Promise<Error | undefined>((done) => {
        response.on('data', (chunk: Buffer) => {
          const now = performance.now();
          counted.firstAt ??= now;
          counted.lastAt = now;
          counted.bytes += chunk.length;
          if (options.keepBody) kept.push(chunk);
          if (counted.bytes >= cap) {
            state.http!.bodyTruncated = true;
            done(undefined);
          }
        });
        response.once('end', () => done(undefined));
        response.once('error', done);
        response.once('aborted', () => done(new Error('the connection closed before the body ended')));
      });
      if (bodyError) return { result: 'http-failed', message: bodyError.message };
      if (options.keepBody) state.http.body = Buffer.concat(kept).subarray(0, options.keepBody).toString('utf8');
      if (options.measureBody) {
        state.http.bodyBytes = counted.bytes;
        state.http.bodyMs = Math.round((counted.lastAt ?? performance.now()) - (counted.firstAt ?? performance.now()));
      }
      return state.tls && !state.tls.authorized ? { result: 'untrusted', stage: 'done' } : { result: 'ok', stage: 'done' };
    };

    run().then(finish, (error: unknown) => {
      const e = error as NodeJS.ErrnoException;
      finish({ result: 'error', ...(e.code ? { code: e.code } : {}), message: e.message ?? String(error) });
    });
  });
}

function optional<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: string };
}

function summarizeTls(socket: TLSSocket): TlsSummary {
  const chain = peerChain(socket);
  const summary: TlsSummary = {
    protocol: socket.getProtocol(),
    authorized: socket.authorized,
    chain: chain.map(describeCertificate),
  };
  if (!socket.authorized) {
    summary.error = String(socket.authorizationError ?? 'UNKNOWN');
    const last = chain.at(-1);
    if (last && ISSUER_ERRORS.has(summary.error)) {
      summary.missingIssuer = nameOf(last.issuer);
      summary.issuerInNodeRoots = nodeRoots().some((root) => issued(root, last));
    }
  }
  return summary;
}

/** The peer's chain, leaf first, as X509 certificates (getPeerCertificate links each to its issuer). */
function peerChain(socket: TLSSocket): X509Certificate[] {
  const chain: X509Certificate[] = [];
  const seen = new Set<string>();
  let cert: PeerCertificate | undefined = socket.getPeerCertificate(true) as PeerCertificate | undefined;
  while (cert?.raw && chain.length < 10) {
    const fingerprint = cert.fingerprint256;
    if (seen.has(fingerprint)) break;
    seen.add(fingerprint);
    try {
      chain.push(new X509Certificate(cert.raw));
    } catch {
      break;
    }
    const next = (cert as PeerCertificate & { issuerCertificate?: PeerCertificate }).issuerCertificate;
    cert = next && next !== cert ? next : undefined;
  }
  return chain;
}

export function describeCertificate(cert: X509Certificate): CertificateSummary {
  return {
    subject: nameOf(cert.subject),
    issuer: nameOf(cert.issuer),
    sha256: cert.fingerprint256.replace(/:/g, '').toLowerCase(),
    notAfter: new Date(cert.validTo).toISOString(),
    selfSigned: cert.subject === cert.issuer,
  };
}

/** "C=US\nO=Amazon\nCN=Amazon Root CA 1" → "Amazon Root CA 1 (Amazon)"; hostile text kept to one line. */
export function nameOf(distinguishedName: string): string {
  const fields = new Map<string, string>();
  for (const line of distinguishedName.split('\n')) {
    const at = line.indexOf('=');
    // A value's own commas and equals signs come escaped ("Starfield Technologies\, Inc.").
    if (at > 0) fields.set(line.slice(0, at), line.slice(at + 1).replace(/\\(.)/g, '$1'));
  }
  const cn = fields.get('CN');
  const org = fields.get('O');
  const ou = fields.get('OU');
  const text = cn ? (org && org !== cn ? `${cn} (${org})` : cn) : [org, ou].filter(Boolean).join(', ') || distinguishedName;
  return clean(text, 160) ?? '';
}

/** Validation errors that mean the store lacks the certificate at the top of the chain. */
const ISSUER_ERRORS = new Set([
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_UNTRUSTED',
]);

let bundled: X509Certificate[] | undefined;
/**
 * Node's bundled roots, parsed once, only when a chain is untrusted. Read through the namespace, not a named import:
 * the bundle takes a named import of a built-in from require() at load (scripts/bundle.mjs), and reading
 * rootCertificates makes Node copy out all of its roots.
 */
function nodeRoots(): X509Certificate[] {
  bundled ??= tls.rootCertificates.flatMap((pem) => {
    try {
      return [new X509Certificate(pem)];
    } catch {
      return [];
    }
  });
  return bundled;
}

/** `issuer` issued `cert` (names match and the signature verifies). */
export function issued(issuer: X509Certificate, cert: X509Certificate): boolean {
  try {
    return cert.checkIssued(issuer) && cert.verify(issuer.publicKey);
  } catch {
    return false;
  }
}

/** A stage failure in words. */
export function describeEndpointFailure(probe: EndpointProbe): string {
  switch (probe.result) {
    case 'ok':
      return `answered HTTP ${probe.http?.status}`;
    case 'dns-failed':
      return probe.dns?.result === 'nxdomain'
        ? 'DNS says the name does not exist'
        : `DNS lookup failed (${probe.dns?.result ?? probe.code ?? 'error'})`;
    case 'refused':
      return 'the TCP connection was refused (reset)';
    case 'unreachable':
      return `no route to ${probe.address ?? 'the host'} (${probe.code ?? 'unreachable'})`;
    case 'blocked':
      return 'this machine refused to open the connection (a local firewall rule)';
    case 'timeout':
      return `no answer ${STAGE_WORDS[probe.stage]} (dropped?)`;
    case 'tls-failed':
      return `the TLS handshake failed (${probe.code ?? probe.message ?? 'error'})`;
    case 'untrusted':
      return `the certificate is not trusted by this machine (${probe.tls?.error ?? 'unknown'}${probe.tls?.missingIssuer ? `; the chain ends at "${probe.tls.missingIssuer}", which this machine's store lacks` : ''})`;
    case 'http-failed':
      return `no HTTP answer (${probe.message ?? probe.code ?? 'error'})`;
    default:
      return `the probe failed (${probe.code ?? probe.message ?? 'error'})`;
  }
}
