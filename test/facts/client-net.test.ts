// The client probes' network primitives against real servers on loopback: HTTPS with a test CA, SNTP with a skewed
// clock, STUN, QUIC version negotiation, DNS. Nothing here leaves 127.0.0.0/8.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSecureContext } from 'node:tls';
import { probeEndpoint } from '../../src/net/https.js';
import { probeSntp } from '../../src/net/sntp.js';
import { probeStun, parseBindingResponse } from '../../src/net/stun.js';
import { probeQuic, parseVersionNegotiation } from '../../src/net/quic.js';
import { resolve4 } from '../../src/net/resolve.js';
import { closedTcpPort, closedUdpPort, loopbackAddress, tcpDroppingPort, tcpListener, udpListener } from '../helpers/listeners.js';
import {
  answerAtRate,
  answerIp,
  answerWithClock,
  startHttpRedirect,
  startHttpsServer,
  startQuicResponder,
  startSntpResponder,
  startStunResponder,
  type Server,
} from '../helpers/client-servers.js';
import { createTestCa, opensslAvailable, type TestCa } from '../helpers/tls-ca.js';
import { port53Available, startDnsServer, type TestDnsServer } from '../helpers/dns-server.js';

const HOST = 'ws-broker-service.us-east-1.amazonaws.com';
const withOpenssl = opensslAvailable();
if (!withOpenssl && process.env.WSDOCTOR_E2E === 'required') throw new Error('the TLS probe tests need the openssl command line');

let address: string;
let ca: TestCa;
let otherCa: TestCa;
const servers: Server[] = [];
beforeAll(async () => {
  address = await loopbackAddress();
  if (withOpenssl) {
    ca = createTestCa('Amazon Root CA 1 (test)', 'wsdoctor tests');
    otherCa = createTestCa('Corporate Inspection CA', 'Example Corp');
  }
});
afterAll(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});
const serve = async (server: Promise<Server>) => {
  const started = await server;
  servers.push(started);
  return started;
};
const trusting = (...pems: string[]) => createSecureContext({ ca: pems });

describe.runIf(withOpenssl)('HTTPS endpoint probe', () => {
  it('a trusted server: DNS skipped for a redirect, TCP, TLS authorized, HEAD answered with its Date', async () => {
    const { certPem, keyPem } = ca.issue([HOST]);
    const server = await serve(startHttpsServer(address, 0, { certPem, keyPem, handle: answerWithClock(0) }));
    const probe = await probeEndpoint({
      host: HOST, port: 443, tls: true, connectTo: { address, port: server.port }, secureContext: trusting(ca.certPem), timeoutMs: 3000,
    });
    expect(probe).toMatchObject({ result: 'ok', stage: 'done', redirected: true, address, tls: { authorized: true }, http: { status: 200 } });
    expect(probe.tls!.chain[0]).toMatchObject({ subject: HOST, issuer: 'Amazon Root CA 1 (test) (wsdoctor tests)' });
    expect(Math.abs(Date.parse(probe.http!.date!) - probe.http!.receivedAt)).toBeLessThan(2000);
  });

  it('a certificate from a CA the store lacks: untrusted, naming the missing root, and the HTTP answer behind it', async () => {
    const { certPem, keyPem } = otherCa.issue([HOST]);
    const server = await serve(startHttpsServer(address, 0, { certPem, keyPem, handle: (_q, r) => { r.writeHead(403); r.end(); } }));
    const probe = await probeEndpoint({
      host: HOST, port: 443, tls: true, connectTo: { address, port: server.port }, secureContext: trusting(ca.certPem), timeoutMs: 3000,
    });
    expect(probe).toMatchObject({
      result: 'untrusted',
      tls: { authorized: false, error: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', missingIssuer: 'Corporate Inspection CA (Example Corp)', issuerInNodeRoots: false },
      http: { status: 403 },
    });
  });

  it('a certificate for another name: untrusted for this name', async () => {
    const { certPem, keyPem } = ca.issue(['other.example.com']);
    const server = await serve(startHttpsServer(address, 0, { certPem, keyPem }));
    const probe = await probeEndpoint({
      host: HOST, port: 443, tls: true, connectTo: { address, port: server.port }, secureContext: trusting(ca.certPem), timeoutMs: 3000,
    });
    expect(probe).toMatchObject({ result: 'untrusted', tls: { error: 'ERR_TLS_CERT_ALTNAME_INVALID' } });
    expect(probe.tls!.missingIssuer).toBeUndefined();
  });

  it('nothing listening: refused at the TCP stage', async () => {
    const port = await closedTcpPort(address);
    expect(await probeEndpoint({ host: HOST, port: 443, tls: true, connectTo: { address, port }, timeoutMs: 2000 })).toMatchObject({
      result: 'refused', stage: 'tcp', code: 'ECONNREFUSED',
    });
  });

  it('not TLS (a plain TCP listener that closes): the TLS stage fails', async () => {
    const plain = await tcpListener(address);
    try {
      const probe = await probeEndpoint({ host: HOST, port: 443, tls: true, connectTo: { address, port: plain.port }, timeoutMs: 600 });
      expect(probe.stage).toBe('tls');
      expect(['timeout', 'tls-failed']).toContain(probe.result);
    } finally {
      await plain.close();
    }
  });

  it('handshakes dropped: a timeout at the TCP stage, within the bound', async () => {
    const dropping = await tcpDroppingPort(address);
    try {
      const probe = await probeEndpoint({ host: HOST, port: 443, tls: true, connectTo: { address, port: dropping.port }, timeoutMs: 500 });
      expect(probe).toMatchObject({ result: 'timeout', stage: 'tcp', message: /TCP handshake within 500 ms/ });
      expect(probe.elapsedMs).toBeGreaterThanOrEqual(450);
      expect(probe.elapsedMs).toBeLessThan(1500);
    } finally {
      await dropping.close();
    }
  });

  it('TLS completes but HTTP never answers: a timeout at the HTTP stage', async () => {
    const { certPem, keyPem } = ca.issue([HOST]);
    const server = await serve(startHttpsServer(address, 0, { certPem, keyPem, silentHttp: true }));
    const probe = await probeEndpoint({
      host: HOST, port: 443, tls: true, connectTo: { address, port: server.port }, secureContext: trusting(ca.certPem), timeoutMs: 700,
    });
    expect(probe).toMatchObject({ result: 'timeout', stage: 'http', tls: { authorized: true } });
  });

  it('GET keeps a bounded body (the public IP echo)', async () => {
    const { certPem, keyPem } = ca.issue(['checkip.amazonaws.com']);
    const server = await serve(startHttpsServer(address, 0, { certPem, keyPem, handle: answerIp('203.0.113.7') }));
    const probe = await probeEndpoint({
      host: 'checkip.amazonaws.com', port: 443, tls: true, method: 'GET', keepBody: 64,
      connectTo: { address, port: server.port }, secureContext: trusting(ca.certPem), timeoutMs: 3000,
    });
    expect(probe).toMatchObject({ result: 'ok', http: { status: 200, body: '203.0.113.7\n' } });
  });

  it('GET timing a body: the time bound ends the measurement, which is kept', async () => {
    const { certPem, keyPem } = ca.issue(['d2td7dqidlhjx7.cloudfront.net']);
    const server = await serve(startHttpsServer(address, 0, { certPem, keyPem, handle: answerAtRate(64 * 1024) }));
    const probe = await probeEndpoint({
      host: 'd2td7dqidlhjx7.cloudfront.net', port: 443, tls: true, method: 'GET', measureBody: 16 << 20,
      connectTo: { address, port: server.port }, secureContext: trusting(ca.certPem), timeoutMs: 1200,
    });
    expect(probe).toMatchObject({ result: 'ok', http: { status: 206, bodyTruncated: true } });
    expect(probe.http!.bodyBytes).toBeGreaterThan(16 * 1024);
    expect(probe.http!.bodyBytes! / (probe.http!.bodyMs! / 1000)).toBeLessThan(200 * 1024);
  });

  it('plain HTTP: the redirect to HTTPS and its Location', async () => {
    const server = await serve(startHttpRedirect(address, 0));
    const probe = await probeEndpoint({ host: 'clients.amazonworkspaces.com', port: 80, tls: false, connectTo: { address, port: server.port }, timeoutMs: 2000 });
    expect(probe).toMatchObject({ result: 'ok', http: { status: 301, location: 'https://clients.amazonworkspaces.com/' } });
    expect(probe.tls).toBeUndefined();
  });

  it('a stopped run ends the probe at once', async () => {
    const dropping = await tcpDroppingPort(address);
    try {
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 100);
      const probe = await probeEndpoint({ host: HOST, port: 443, tls: true, connectTo: { address, port: dropping.port }, timeoutMs: 5000, signal: controller.signal });
      expect(probe).toMatchObject({ result: 'error', code: 'ABORTED' });
      expect(probe.elapsedMs).toBeLessThan(1000);
    } finally {
      await dropping.close();
    }
  });
});

describe('SNTP probe', () => {
  it('a server 400 s ahead: this machine is 400 s behind', async () => {
    const server = await serve(startSntpResponder(address, 0, { skewMs: 400_000 }));
    const outcome = await probeSntp(address, server.port, 2000);
    expect(outcome).toMatchObject({ result: 'reply', stratum: 2 });
    expect(Math.abs(outcome.offsetMs! + 400_000)).toBeLessThan(100);
  });

  it('a kiss-o\'-death is a refusal, with its code', async () => {
    const server = await serve(startSntpResponder(address, 0, { kiss: 'DENY' }));
    expect(await probeSntp(address, server.port, 2000)).toMatchObject({ result: 'refused', kissCode: 'DENY' });
  });

  it('a reply that does not echo our request is ignored: no reply', async () => {
    const server = await serve(startSntpResponder(address, 0, { wrongOriginate: true }));
    expect(await probeSntp(address, server.port, 400)).toMatchObject({ result: 'no-reply' });
  });

  it('nothing listening: refused (ICMP port unreachable)', async () => {
    expect(await probeSntp(address, await closedUdpPort(address), 2000)).toMatchObject({ result: 'refused' });
  });
});

describe('STUN probe', () => {
  it('the mapped address the server saw', async () => {
    const server = await serve(startStunResponder(address, 0));
    // The source address the kernel chose for loopback (127.0.0.1 on Linux, not the 127.x.y.z asked).
    expect(await probeStun(address, server.port, 2000)).toMatchObject({ result: 'reply', mappedAddress: expect.stringMatching(/^127\./) });
  });

  it('a NAT that shows another address for UDP', async () => {
    const server = await serve(startStunResponder(address, 0, { mapped: '198.51.100.2' }));
    expect(await probeStun(address, server.port, 2000)).toMatchObject({ result: 'reply', mappedAddress: '198.51.100.2' });
  });

  it('a silent server: no reply, after the bound', async () => {
    const silent = await udpListener(address, { echo: false });
    try {
      expect(await probeStun(address, silent.port, 300)).toMatchObject({ result: 'no-reply' });
    } finally {
      await silent.close();
    }
  });

  it('hostile replies are not answers: truncated, wrong transaction, attribute overrunning the message', () => {
    const id = Buffer.alloc(12, 7);
    expect(parseBindingResponse(Buffer.alloc(10), id)).toBeUndefined();
    const header = Buffer.alloc(20);
    header.writeUInt16BE(0x0101, 0);
    header.writeUInt16BE(12, 2);
    header.writeUInt32BE(0x2112a442, 4);
    Buffer.alloc(12, 8).copy(header, 8);
    expect(parseBindingResponse(Buffer.concat([header, Buffer.alloc(12)]), id)).toBeUndefined();
    id.copy(header, 8);
    const overrun = Buffer.from([0x00, 0x20, 0x00, 0x40, 0, 1, 0, 0, 0, 0, 0, 0]);
    expect(parseBindingResponse(Buffer.concat([header, overrun]), id)).toBeUndefined();
  });
});

describe('QUIC version negotiation probe', () => {
  it('a QUIC server answers with its versions', async () => {
    const server = await serve(startQuicResponder(address, 0));
    expect(await probeQuic(address, server.port, 2000)).toMatchObject({ result: 'reply', versions: ['0x00000001'] });
  });

  it('a UDP echo is not QUIC: its echo is ignored', async () => {
    const echo = await udpListener(address, { echo: true });
    try {
      expect(await probeQuic(address, echo.port, 300)).toMatchObject({ result: 'no-reply' });
    } finally {
      await echo.close();
    }
  });

  it('a negotiation packet with other connection ids is not an answer', () => {
    const packet = Buffer.concat([Buffer.from([0x80, 0, 0, 0, 0, 1, 9, 1, 8]), Buffer.from([0, 0, 0, 1])]);
    expect(parseVersionNegotiation(packet, Buffer.from([8]), Buffer.from([9]))).toEqual(['0x00000001']);
    expect(parseVersionNegotiation(packet, Buffer.from([9]), Buffer.from([8]))).toBeUndefined();
  });
});

describe.runIf(await port53Available())('DNS resolution through a given server', () => {
  let dns: TestDnsServer;
  beforeAll(async () => {
    dns = await startDnsServer({ a: { [HOST]: ['127.0.0.9'] } });
  });
  afterAll(async () => dns.close());

  it('resolves an A record from the server named, and only asks it', async () => {
    expect(await resolve4(HOST, { servers: [dns.address], timeoutMs: 2000 })).toMatchObject({ result: 'resolved', addresses: ['127.0.0.9'] });
    expect(dns.queries).toContainEqual({ name: HOST, type: 'A', transport: 'udp' });
  });

  it('NXDOMAIN for a name it does not hold', async () => {
    expect(await resolve4('nope.example.com', { servers: [dns.address], timeoutMs: 2000 })).toMatchObject({ result: 'nxdomain', code: 'ENOTFOUND' });
  });

  it('a server that never answers: timeout, within the bound', async () => {
    const silent = await startDnsServer({ mode: 'drop' });
    try {
      const outcome = await resolve4(HOST, { servers: [silent.address], timeoutMs: 600 });
      expect(outcome.result).toBe('timeout');
      expect(outcome.elapsedMs).toBeLessThan(1500);
    } finally {
      await silent.close();
    }
  });
});
