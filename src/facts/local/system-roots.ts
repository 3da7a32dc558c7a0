// This machine's trusted root certificates, from the operating system's store — what the WorkSpaces client trusts —
// not Node's bundled copy of Mozilla's list, which may hold roots the OS lacks (and the reverse). Read once per
// process (every client probe validates against it), in this order:
// 1. SSL_CERT_FILE / SSL_CERT_DIR, when set: OpenSSL's own variables, which OpenSSL-based tools on the machine
//    honour too (and through which tests give a store of their own);
// 2. Node's tls.getCACertificates('system') (Node 22.15 and later): the OS store on Windows, macOS and Linux;
// 3. on Node 20: Linux's CA bundle file (Debian, Fedora, SUSE, Alpine paths), macOS's system and admin keychains
//    through `security`, Windows' LocalMachine and CurrentUser Root stores through PowerShell.
// [not in guides: the guides say only that Amazon Trust Services must be a trusted root of the OS.]
import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as tls from 'node:tls';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface SystemRoots {
  /** Where they were read from, in words. */
  source: string;
  pems: string[];
}

const LINUX_BUNDLES = [
  '/etc/ssl/certs/ca-certificates.crt',
  '/etc/pki/tls/certs/ca-bundle.crt',
  '/etc/ssl/ca-bundle.pem',
  '/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem',
  '/etc/ssl/cert.pem',
];

let loading: Promise<SystemRoots> | undefined;

/** The OS's roots, read once per process; rejects with a reason when no store could be read. */
export function loadSystemRoots(timeoutMs: number): Promise<SystemRoots> {
  loading ??= readSystemRoots(timeoutMs);
  return loading;
}

async function readSystemRoots(timeoutMs: number): Promise<SystemRoots> {
  const { SSL_CERT_FILE: file, SSL_CERT_DIR: dir } = process.env;
  if (file || dir) {
    const pems = [
      ...(file ? splitPems(await readFile(file, 'utf8')) : []),
      ...(dir ? await pemsInDirectory(dir) : []),
    ];
    return usable(pems, [file && `SSL_CERT_FILE=${file}`, dir && `SSL_CERT_DIR=${dir}`].filter(Boolean).join(', '));
  }
  const getCACertificates = (tls as { getCACertificates?: (type: string) => string[] }).getCACertificates;
  if (typeof getCACertificates === 'function') {
    return usable(getCACertificates('system'), "the operating system's store (Node's tls.getCACertificates('system'))");
  }
  if (process.platform === 'linux') {
    for (const path of LINUX_BUNDLES) {
      const text = await readFile(path, 'utf8').catch(() => undefined);
      if (text !== undefined) return usable(splitPems(text), path);
    }
    throw new Error(`no CA bundle at ${LINUX_BUNDLES.join(', ')}`);
  }
  if (process.platform === 'darwin') {
    const keychains = ['/System/Library/Keychains/SystemRootCertificates.keychain', '/Library/Keychains/System.keychain'];
    const { stdout } = await run('security', ['find-certificate', '-a', '-p', ...keychains], { timeout: timeoutMs, maxBuffer: 16 << 20 });
    return usable(splitPems(stdout), 'the macOS system keychains');
  }
  if (process.platform === 'win32') {
    const script =
      'Get-ChildItem -Path Cert:\\LocalMachine\\Root, Cert:\\CurrentUser\\Root | ForEach-Object { [Convert]::ToBase64String($_.RawData) }';
    const { stdout } = await run('powershell.exe', ['-NoProfile', '-NonInteractive', '-Command', script], {
      timeout: Math.max(timeoutMs, 10_000),
      maxBuffer: 16 << 20,
      windowsHide: true,
    });
    const pems = stdout
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter((line) => /^[A-Za-z0-9+/=]{100,}$/.test(line))
      .map((b64) => `-----BEGIN CERTIFICATE-----\n${b64.replace(/(.{64})/g, '$1\n')}\n-----END CERTIFICATE-----\n`);
    return usable(pems, 'the Windows Trusted Root stores (LocalMachine and CurrentUser)');
  }
  throw new Error(`no known certificate store on ${process.platform}`);
}

/**
 * The PEM certificates that decode to one whole DER SEQUENCE, each once: parsing every one would cost ~0.5 ms each,
 * for nothing (only the few the checks name are parsed); a damaged or cut entry fails this and is not counted.
 */
function usable(pems: string[], source: string): SystemRoots {
  const decoded = pems.filter((pem) => isDerSequence(derOf(pem)));
  if (decoded.length === 0) throw new Error(`${source} holds no certificate`);
  return { source, pems: [...new Set(decoded)] };
}

/** A SEQUENCE whose length field (short or long form) accounts for exactly the bytes there are. */
function isDerSequence(der: Buffer): boolean {
  if (der.length < 2 || der[0] !== 0x30) return false;
  const first = der[1]!;
  if (first < 0x80) return 2 + first === der.length;
  const octets = first & 0x7f;
  if (octets === 0 || octets > 4 || der.length < 2 + octets) return false;
  let length = 0;
  for (let i = 0; i < octets; i++) length = length * 256 + der[2 + i]!;
  return 2 + octets + length === der.length;
}

/** A PEM certificate's DER bytes. */
export function derOf(pem: string): Buffer {
  return Buffer.from(pem.replace(/-----(BEGIN|END) CERTIFICATE-----|\s+/g, ''), 'base64');
}

export function splitPems(text: string): string[] {
  return text.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
}

async function pemsInDirectory(dir: string): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const texts = await Promise.all(
    names.filter((name) => /\.(pem|crt|\d+)$/.test(name)).map((name) => readFile(join(dir, name), 'utf8').catch(() => '')),
  );
  return [...new Set(texts.flatMap(splitPems))];
}

let context: Promise<{ context: tls.SecureContext; source: string } | { error: string }> | undefined;

/** A TLS context that validates against the OS's roots; when they cannot be read, why not. Made once, when asked. */
export function systemTrust(timeoutMs: number): Promise<{ context: tls.SecureContext; source: string } | { error: string }> {
  context ??= loadSystemRoots(timeoutMs).then(
    ({ pems, source }) => ({ context: tls.createSecureContext({ ca: pems }), source }),
    (error: unknown) => ({ error: error instanceof Error ? error.message : String(error) }),
  );
  return context;
}

/**
 * The OS trust store's TLS context, for a probe to ask for when its handshake starts (undefined: unreadable). Lazy:
 * a run whose probes never get to TLS never builds it (about 90 ms for a store of 150 roots).
 */
export function systemTrustContext(timeoutMs: number): () => Promise<tls.SecureContext | undefined> {
  return () => systemTrust(timeoutMs).then((trust) => ('context' in trust ? trust.context : undefined));
}
