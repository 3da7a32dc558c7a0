// Is UDP 443 open both ways to a web server? UDP has no handshake, but QUIC gives one for free: a server that
// receives an Initial-sized datagram (at least 1200 bytes) with a version it does not speak answers with a Version
// Negotiation packet (RFC 9000 sections 6 and 14.1). wsdoctor sends a long-header packet with a reserved version
// (0x?a?a?a?a, "reserved for forcing version negotiation", RFC 9000 section 15), so any QUIC server answers and no
// connection is ever started. No answer proves nothing (the server may not speak QUIC); an answer proves the path.
import { createSocket, type Socket } from 'node:dgram';
import { isIP } from 'node:net';
import { randomBytes } from 'node:crypto';
import { boundedProbe, classifySocketError, type ProbeOutcome } from './probe-outcome.js';

export const FORCE_NEGOTIATION_VERSION = 0x1a2a3a4a;

export interface QuicOutcome extends ProbeOutcome {
  address: string;
  port: number;
  /** The versions the server offered (hex), when it answered. */
  versions?: string[];
}

export function versionProbePacket(dcid: Buffer, scid: Buffer): Buffer {
  const packet = Buffer.alloc(1200);
  packet[0] = 0xc0 | (randomBytes(1)[0]! & 0x3f); // long header, fixed bit
  packet.writeUInt32BE(FORCE_NEGOTIATION_VERSION, 1);
  packet[5] = dcid.length;
  dcid.copy(packet, 6);
  packet[6 + dcid.length] = scid.length;
  scid.copy(packet, 7 + dcid.length);
  return packet;
}

/** The versions of a Version Negotiation packet answering ours (its CIDs are ours swapped), else undefined. */
export function parseVersionNegotiation(message: Buffer, dcid: Buffer, scid: Buffer): string[] | undefined {
  if (message.length < 7 || (message[0]! & 0x80) === 0 || message.readUInt32BE(1) !== 0) return undefined;
  const dcidLength = message[5]!;
  const echoedDcid = message.subarray(6, 6 + dcidLength);
  const scidAt = 6 + dcidLength;
  if (scidAt >= message.length) return undefined;
  const scidLength = message[scidAt]!;
  const echoedScid = message.subarray(scidAt + 1, scidAt + 1 + scidLength);
  if (!echoedDcid.equals(scid) || !echoedScid.equals(dcid)) return undefined;
  const list = message.subarray(scidAt + 1 + scidLength);
  if (list.length === 0 || list.length % 4 !== 0) return undefined;
  return Array.from({ length: Math.min(list.length / 4, 16) }, (_, i) => `0x${list.readUInt32BE(i * 4).toString(16).padStart(8, '0')}`);
}

export function probeQuic(address: string, port: number, timeoutMs: number, signal?: AbortSignal): Promise<QuicOutcome> {
  let socket: Socket | undefined;
  return boundedProbe(
    timeoutMs,
    () => ({ result: 'no-reply', message: `no QUIC answer within ${timeoutMs} ms` }),
    (finish) => {
      const dcid = randomBytes(8);
      const scid = randomBytes(8);
      socket = createSocket(isIP(address) === 6 ? 'udp6' : 'udp4');
      socket.on('message', (message) => {
        const versions = parseVersionNegotiation(message, dcid, scid);
        if (versions) finish({ result: 'reply', ...({ versions } as object) });
      });
      socket.on('error', (error) => finish(classifySocketError(error)));
      socket.connect(port, address, () => {
        socket?.send(versionProbePacket(dcid, scid), (error) => error && finish(classifySocketError(error)));
      });
      return () => socket?.close();
    },
    signal,
  ).then((outcome) => ({ address, port, ...outcome }) as QuicOutcome);
}
