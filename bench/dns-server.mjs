// The AD Connector's DNS server for the directory benchmark: on a loopback address, port 53 (UDP and TCP, as AD
// Connector needs both), it answers the domain controller locator SRV records of one domain after `delayMs`, so
// the directory's DNS probes see a healthy server with a realistic round trip. Loopback only.
import { createSocket } from 'node:dgram';
import { createServer } from 'node:net';
import dnsPacket from 'dns-packet';

const LOCATORS = ['_ldap._tcp.', '_kerberos._tcp.'];

function answer(query, domain) {
  const question = query.questions?.[0];
  const known = question && question.type === 'SRV' && LOCATORS.some((p) => question.name.toLowerCase() === `${p}${domain}`);
  return dnsPacket.encode({
    type: 'response',
    id: query.id,
    flags: dnsPacket.AUTHORITATIVE_ANSWER | (known ? 0 : 3), // rcode 3: NXDOMAIN
    questions: query.questions,
    answers: known
      ? [{ type: 'SRV', name: question.name, ttl: 600, data: { priority: 0, weight: 100, port: question.name.startsWith('_ldap') ? 389 : 88, target: `dc1.${domain}` } }]
      : [],
  });
}

export async function startDnsServer({ host, domain, delayMs = 0 }) {
  if (!/^127\./.test(host)) throw new Error(`the benchmark DNS server listens on loopback only, not ${host}`);
  const later = (fn) => setTimeout(fn, delayMs);
  const udp = createSocket('udp4');
  udp.on('message', (message, peer) => {
    later(() => udp.send(answer(dnsPacket.decode(message), domain), peer.port, peer.address));
  });
  await new Promise((resolve, reject) => {
    udp.once('error', reject);
    udp.bind(53, host, resolve);
  });
  const sockets = new Set();
  const tcp = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    socket.on('data', (data) => {
      // DNS over TCP: a two-byte length, then the message (one query per read is all a resolver sends here).
      const reply = answer(dnsPacket.decode(data.subarray(2)), domain);
      later(() => socket.end(Buffer.concat([Buffer.from([reply.length >> 8, reply.length & 0xff]), reply])));
    });
  });
  await new Promise((resolve, reject) => {
    tcp.once('error', reject);
    tcp.listen(53, host, resolve);
  });
  return {
    address: host,
    stop: async () => {
      udp.close();
      await new Promise((resolve) => {
        tcp.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      });
    },
  };
}
