// A STUN Binding request (RFC 8489) over UDP: the server answers with the address and port it saw the datagram come
// from (XOR-MAPPED-ADDRESS, or MAPPED-ADDRESS from older servers). That is this machine's public address for UDP,
// which a NAT may choose differently from the one it uses for TCP. Replies are hostile input: only a Binding
// success response to this transaction, with well-formed attributes, counts.
import { createSocket, type Socket } from 'node:dgram';
import { isIP } from 'node:net';
import { randomBytes } from 'node:crypto';
import { boundedProbe, classifySocketError, type ProbeOutcome } from './probe-outcome.js';

const MAGIC_COOKIE = 0x2112a442;
const BINDING_REQUEST = 0x0001;
const BINDING_SUCCESS = 0x0101;
const MAPPED_ADDRESS = 0x0001;
const XOR_MAPPED_ADDRESS = 0x0020;

export interface StunOutcome extends ProbeOutcome {
  address: string;
  port: number;
  /** The address the server saw this machine's datagram come from. */
  mappedAddress?: string;
  mappedPort?: number;
}

export function bindingRequest(transactionId: Buffer): Buffer {
  const header = Buffer.alloc(20);
  header.writeUInt16BE(BINDING_REQUEST, 0);
  header.writeUInt16BE(0, 2);
  header.writeUInt32BE(MAGIC_COOKIE, 4);
  transactionId.copy(header, 8);
  return header;
}

/** The mapped address of a Binding success response to `transactionId`, or undefined for anything else. */
export function parseBindingResponse(message: Buffer, transactionId: Buffer): { address: string; port: number } | undefined {
  if (message.length < 20 || message.readUInt16BE(0) !== BINDING_SUCCESS || message.readUInt32BE(4) !== MAGIC_COOKIE) return undefined;
  if (!message.subarray(8, 20).equals(transactionId)) return undefined;
  const length = message.readUInt16BE(2);
  if (length % 4 !== 0 || 20 + length > message.length) return undefined;
  let mapped: { address: string; port: number } | undefined;
  for (let at = 20; at + 4 <= 20 + length; ) {
    const type = message.readUInt16BE(at);
    const size = message.readUInt16BE(at + 2);
    const value = message.subarray(at + 4, at + 4 + size);
    if (value.length !== size) return undefined;
    if (type === XOR_MAPPED_ADDRESS) return decodeAddress(value, true, transactionId) ?? mapped;
    if (type === MAPPED_ADDRESS) mapped = decodeAddress(value, false, transactionId);
    at += 4 + size + ((4 - (size % 4)) % 4);
  }
  return mapped;
}

function decodeAddress(value: Buffer, xor: boolean, transactionId: Buffer): { address: string; port: number } | undefined {
  if (value.length < 8) return undefined;
  const family = value[1];
  let port = value.readUInt16BE(2);
  if (xor) port ^= MAGIC_COOKIE >>> 16;
  if (family === 0x01 && value.length === 8) {
    const raw = value.readUInt32BE(4);
    const ip = (xor ? raw ^ MAGIC_COOKIE : raw) >>> 0;
    return { address: [ip >>> 24, (ip >>> 16) & 255, (ip >>> 8) & 255, ip & 255].join('.'), port };
  }
  if (family === 0x02 && value.length === 20) {
    const key = Buffer.concat([Buffer.from([0x21, 0x12, 0xa4, 0x42]), transactionId]);
    const bytes = Buffer.from(value.subarray(4, 20).map((b, i) => (xor ? b ^ key[i]! : b)));
    const groups = Array.from({ length: 8 }, (_, i) => bytes.readUInt16BE(i * 2).toString(16));
    // The URL parser writes an IPv6 address in its canonical, compressed form.
    return { address: new URL(`http://[${groups.join(':')}]/`).hostname.slice(1, -1), port };
  }
  return undefined;
}

export function probeStun(address: string, port: number, timeoutMs: number, signal?: AbortSignal): Promise<StunOutcome> {
  let socket: Socket | undefined;
  return boundedProbe(
    timeoutMs,
    () => ({ result: 'no-reply', message: `no STUN answer within ${timeoutMs} ms` }),
    (finish) => {
      const transactionId = randomBytes(12);
      socket = createSocket(isIP(address) === 6 ? 'udp6' : 'udp4');
      socket.on('message', (message) => {
        const mapped = parseBindingResponse(message, transactionId);
        if (mapped) finish({ result: 'reply', ...({ mappedAddress: mapped.address, mappedPort: mapped.port } as object) });
      });
      socket.on('error', (error) => finish(classifySocketError(error)));
      socket.connect(port, address, () => {
        socket?.send(bindingRequest(transactionId), (error) => error && finish(classifySocketError(error)));
      });
      return () => socket?.close();
    },
    signal,
  ).then((outcome) => ({ address, port, ...outcome }) as StunOutcome);
}
