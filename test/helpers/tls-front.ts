// A TLS endpoint with its own certificate authority, in front of an HTTP server (moto_server): what a
// TLS-inspecting corporate proxy, or a private endpoint with an internal CA, looks like to wsdoctor. The CA and the
// server certificate (for IP 127.0.0.1 and localhost) are made fresh by openssl in a temporary folder; a second,
// unrelated CA is made too, for the "trusted the wrong CA" case.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TlsFront {
  /** https://127.0.0.1:port */
  endpoint: string;
  port: number;
  /** PEM file of the CA that signed the endpoint's certificate. */
  caFile: string;
  /** PEM file of another CA, which did not. */
  otherCaFile: string;
  /** Requests answered, in order (method and path). */
  requests: string[];
  close(): Promise<void>;
}

function openssl(dir: string, args: string[]): void {
  execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
}

/** A CA, and a server certificate it signed for 127.0.0.1 and localhost, in `dir`. */
export function makeCertificates(dir: string): { caFile: string; otherCaFile: string; keyFile: string; certFile: string } {
  const days = ['-days', '2'];
  for (const name of ['ca', 'other-ca']) {
    openssl(dir, ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.pem`, ...days,
      '-subj', `/CN=wsdoctor test ${name}`, '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign']);
  }
  writeFileSync(join(dir, 'server.ext'), 'subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n');
  openssl(dir, ['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'server.key', '-out', 'server.csr', '-subj', '/CN=127.0.0.1']);
  openssl(dir, ['x509', '-req', '-in', 'server.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'server.pem', ...days,
    '-extfile', 'server.ext']);
  return {
    caFile: join(dir, 'ca.pem'),
    otherCaFile: join(dir, 'other-ca.pem'),
    keyFile: join(dir, 'server.key'),
    certFile: join(dir, 'server.pem'),
  };
}

/** Terminates TLS on 127.0.0.1 and forwards every request to `upstream` (an http:// endpoint on loopback). */
export async function startTlsFront(upstream: string): Promise<TlsFront> {
  const dir = mkdtempSync(join(tmpdir(), 'wsdoctor-tls-'));
  const files = makeCertificates(dir);
  const target = new URL(upstream);
  const requests: string[] = [];
  const sockets = new Set<Socket>();
  const server = https.createServer({ key: readFileSync(files.keyFile), cert: readFileSync(files.certFile) }, (req, res) => {
    requests.push(`${req.method} ${req.url}`);
    const forwarded = http.request(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: { ...req.headers, host: target.host } },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forwarded.on('error', () => res.writeHead(502).end());
    req.pipe(forwarded);
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `https://127.0.0.1:${port}`,
    port,
    caFile: files.caFile,
    otherCaFile: files.otherCaFile,
    requests,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => {
          rmSync(dir, { recursive: true, force: true });
          resolve();
        });
      }),
  };
}
