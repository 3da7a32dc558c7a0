// An SNTP query (RFC 4330): one 48-byte client request over UDP, and the offset of this machine's clock from the
// server's, computed from the four timestamps as NTP does: ((t2 − t1) + (t3 − t4)) / 2. Replies are hostile input:
// a reply that is not a server's answer to this very request (mode, version, our transmit time echoed back as its
// originate time) is ignored, and a "kiss-o'-death" (stratum 0) says the server refused.
import { createSocket, type Socket } from 'node:dgram';
import { isIP } from 'node:net';
import { randomBytes } from 'node:crypto';
import { boundedProbe, classifySocketError, type ProbeOutcome } from './probe-outcome.js';

/** Seconds from 1900-01-01 (NTP's epoch) to 1970-01-01. */
const NTP_UNIX_OFFSET = 2_208_988_800;

export interface SntpOutcome extends ProbeOutcome {
  address: string;
  port: number;
  /** This clock minus the server's, in ms (positive: this machine is ahead). */
  offsetMs?: number;
  /** Round trip of the query, the server's own time taken out. */
  delayMs?: number;
  stratum?: number;
  /** A kiss-o'-death's code, e.g. RATE or DENY. */
  kissCode?: string;
}

/** An NTP timestamp (seconds since 1900, 32.32 fixed point) as Unix ms; 2036's era rollover handled. */
function readTimestamp(buffer: Buffer, offset: number): number {
  let seconds = buffer.readUInt32BE(offset);
  const fraction = buffer.readUInt32BE(offset + 4);
  // Era 1 starts in 2036: a value below 2^31 can only be after it (NTP's own rule of thumb, RFC 4330 section 3).
  if (seconds < 0x80000000) seconds += 0x100000000;
  return (seconds - NTP_UNIX_OFFSET) * 1000 + (fraction / 0x100000000) * 1000;
}

function writeTimestamp(buffer: Buffer, offset: number, unixMs: number): void {
  const seconds = Math.floor(unixMs / 1000) + NTP_UNIX_OFFSET;
  buffer.writeUInt32BE(seconds >>> 0, offset);
  // Random low bits make the originate timestamp an unguessable nonce for this request.
  buffer.writeUInt32BE((Math.floor(((unixMs % 1000) / 1000) * 0x100000000) ^ randomBytes(2).readUInt16BE(0)) >>> 0, offset + 4);
}

export function probeSntp(address: string, port: number, timeoutMs: number, signal?: AbortSignal): Promise<SntpOutcome> {
  let socket: Socket | undefined;
  const where = { address, port };
  return boundedProbe(
    timeoutMs,
    () => ({ result: 'no-reply', message: `no NTP answer within ${timeoutMs} ms` }),
    (finish) => {
      socket = createSocket(isIP(address) === 6 ? 'udp6' : 'udp4');
      const request = Buffer.alloc(48);
      request[0] = (0 << 6) | (4 << 3) | 3; // LI 0, version 4, mode 3 (client)
      let sentAt = 0;
      socket.on('message', (reply) => {
        const receivedAt = Date.now();
        if (reply.length < 48) return;
        const mode = reply[0]! & 0x07;
        const version = (reply[0]! >> 3) & 0x07;
        if (mode !== 4 || version < 1 || version > 4) return;
        // Our transmit timestamp must come back as the originate timestamp: otherwise it answers someone else.
        if (!reply.subarray(24, 32).equals(request.subarray(40, 48))) return;
        const stratum = reply[1]!;
        if (stratum === 0) {
          const kissCode = reply.subarray(12, 16).toString('latin1').replace(/[^A-Z]/g, '');
          finish({ result: 'refused', code: 'KISS_OF_DEATH', message: `the server refused (kiss-o'-death ${kissCode})`, ...({ kissCode } as object) });
          return;
        }
        const t1 = sentAt;
        const t2 = readTimestamp(reply, 32);
        const t3 = readTimestamp(reply, 40);
        const t4 = receivedAt;
        if (reply.readUInt32BE(40) === 0) return; // no transmit time: not an answer
        const offsetMs = Math.round(((t2 - t1) + (t3 - t4)) / 2);
        const delayMs = Math.max(0, Math.round((t4 - t1) - (t3 - t2)));
        finish({ result: 'reply', ...({ offsetMs: -offsetMs, delayMs, stratum } as object) });
      });
      socket.on('error', (error) => finish(classifySocketError(error)));
      socket.connect(port, address, () => {
        sentAt = Date.now();
        writeTimestamp(request, 40, sentAt);
        socket?.send(request, (error) => error && finish(classifySocketError(error)));
      });
      return () => socket?.close();
    },
    signal,
  ).then((outcome) => ({ ...where, ...outcome }) as SntpOutcome);
}
