// A TCP probe: does the handshake to host:port complete within the bound? Only the connect is measured; nothing
// is sent, and the connection is closed as soon as it opens.
import { connect } from 'node:net';
import { boundedProbe, classifySocketError, type ProbeOutcome } from './probe-outcome.js';

export function probeTcp(host: string, port: number, timeoutMs: number, signal?: AbortSignal): Promise<ProbeOutcome> {
  return boundedProbe(
    timeoutMs,
    () => ({ result: 'timeout', message: `no answer to the TCP handshake within ${timeoutMs} ms` }),
    (finish) => {
      const socket = connect({ host, port });
      socket.once('connect', () => finish({ result: 'open' }));
      socket.once('error', (error) => finish(classifySocketError(error)));
      return () => socket.destroy();
    },
    signal,
  );
}
