// A UDP probe. UDP has no handshake, so a datagram that gets no answer proves nothing: only a reply shows the path
// is open both ways. On a connected socket the OS reports an ICMP "port unreachable" as ECONNREFUSED: the datagram
// reached the host (or a firewall that rejects for it) and nothing there takes UDP on that port.
import { createSocket, type Socket } from 'node:dgram';
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { boundedProbe, classifySocketError, type ProbeOutcome } from './probe-outcome.js';

const PAYLOAD = Buffer.from('wsdoctor udp probe\n');

export function probeUdp(host: string, port: number, timeoutMs: number, signal?: AbortSignal): Promise<ProbeOutcome> {
  let socket: Socket | undefined;
  return boundedProbe(
    timeoutMs,
    () =>
      socket
        ? { result: 'no-reply', message: `no datagram came back within ${timeoutMs} ms` }
        : { result: 'error', message: `${host} did not resolve within ${timeoutMs} ms` },
    (finish) => {
      let closed = false;
      address(host).then(({ address, family }) => {
        if (closed) return;
        socket = createSocket(family === 6 ? 'udp6' : 'udp4');
        socket.once('message', () => finish({ result: 'reply' }));
        socket.on('error', (error) => finish(classifySocketError(error)));
        socket.connect(port, address, () => {
          socket?.send(PAYLOAD, (error) => error && finish(classifySocketError(error)));
        });
      }, (error: unknown) => finish(classifySocketError(error)));
      return () => {
        closed = true;
        socket?.close();
      };
    },
    signal,
  );
}

async function address(host: string): Promise<{ address: string; family: number }> {
  const family = isIP(host);
  return family ? { address: host, family } : lookup(host);
}
