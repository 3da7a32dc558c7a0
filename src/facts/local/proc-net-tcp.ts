// Parses Linux's /proc/net/tcp and /proc/net/tcp6 (pure: text in, sockets out). Each line is one socket:
//   sl  local_address rem_address   st tx_queue:rx_queue tr:tm->when retrnsmt   uid  timeout inode …
// Addresses are hex words in host byte order; ports are hex in network order; state 0A is LISTEN.
import { addressFromBytes } from '../../net/cidr.js';

export interface ProcSocket {
  address: string;
  port: number;
  uid: number;
  /** The socket's inode: /proc/<pid>/fd/* links to "socket:[inode]" name the processes that hold it. */
  inode: string;
}

const LISTEN = '0A';

export function parseProcNetTcp(text: string, littleEndian = true): ProcSocket[] {
  return text
    .split('\n')
    .slice(1)
    .map((line) => line.trim().split(/\s+/))
    .filter((fields) => fields.length >= 10 && fields[3] === LISTEN)
    .map((fields) => {
      const [hexAddress = '', hexPort = ''] = fields[1]!.split(':');
      return {
        address: decodeAddress(hexAddress, littleEndian),
        port: Number.parseInt(hexPort, 16),
        uid: Number(fields[7]),
        inode: fields[9]!,
      };
    });
}

/** Hex address → text. The kernel prints each 32-bit word in host byte order, so words are reversed on x86. */
function decodeAddress(hex: string, littleEndian: boolean): string {
  const bytes: number[] = [];
  for (let word = 0; word < hex.length; word += 8) {
    const wordBytes = hex.slice(word, word + 8).match(/../g)!.map((b) => Number.parseInt(b, 16));
    bytes.push(...(littleEndian ? wordBytes.reverse() : wordBytes));
  }
  return addressFromBytes(bytes);
}
