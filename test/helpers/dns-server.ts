// A DNS server the tests start on a loopback address, port 53 (UDP, and TCP unless told not to), built from
// dns-packet + node:dgram/node:net. Port 53 because the probe under test uses port 53, as AD Connector does: there
// is no port knob in wsdoctor to point elsewhere. Each server takes its own address in 127.53.1.0-127.53.254.255
// (clear of systemd-resolved's 127.0.0.53/54), so several run side by side and parallel workers do not collide.
// Binding port 53 needs root or CAP_NET_BIND_SERVICE (or a low net.ipv4.ip_unprivileged_port_start) and Linux's
// whole-/8 loopback: where that is missing the DNS suites skip loudly, unless WSDOCTOR_E2E=required (CI).
import dgram from 'node:dgram';
import net from 'node:net';
import packet from 'dns-packet';

export interface SrvData {
  target: string;
  port: number;
  priority?: number;
  weight?: number;
}

export interface DnsServerOptions {
  /** SRV records by owner name; any other name is NXDOMAIN unless listed in `names`. */
  srv?: Record<string, SrvData[]>;
  /** Names that exist without SRV data: asked for SRV, they answer NOERROR with no records (NODATA). */
  names?: string[];
  /** A records by owner name (a domain's A records are its domain controllers; the client probes resolve names to the loopback servers a test starts), matched without case; `self` stands for the server's own address. */
  a?: Record<string, string[]>;
  /** Names answered REFUSED (a server that serves some names and not others), whatever the mode of the rest. */
  refuse?: string[];
  /** answer: from the records · servfail / refuse: that rcode to everything · drop: never reply (a black hole). */
  mode?: 'answer' | 'servfail' | 'refuse' | 'drop';
  /** Listen on TCP 53 too (default true); without it a TCP connection is refused. */
  tcp?: boolean;
}

export interface TestDnsServer {
  address: string;
  /** Every question received, in order, over either transport. */
  queries: { name: string; type: string; transport: 'udp' | 'tcp' }[];
  close(): Promise<void>;
}

const RCODE = { NOERROR: 0, SERVFAIL: 2, NXDOMAIN: 3, REFUSED: 5 } as const;

export async function startDnsServer(options: DnsServerOptions = {}): Promise<TestDnsServer> {
  const queries: TestDnsServer['queries'] = [];
  const reply = (message: Buffer, transport: 'udp' | 'tcp'): Buffer | undefined => {
    const query = packet.decode(message);
    for (const q of query.questions ?? []) queries.push({ name: q.name, type: q.type, transport });
    return options.mode === 'drop' ? undefined : answer(query, options, self);
  };
  let self = '';
  return bindOnFreeAddress(async (address) => {
    self = address;
    const udp = dgram.createSocket('udp4');
    udp.on('message', (message, from) => {
      const response = reply(message, 'udp');
      if (response) udp.send(response, from.port, from.address);
    });
    await new Promise<void>((resolve, reject) => {
      udp.once('error', reject);
      udp.bind(53, address, () => resolve());
    });
    let tcp: net.Server | undefined;
    const sockets = new Set<net.Socket>();
    if (options.tcp !== false) {
      tcp = net.createServer((socket) => {
        sockets.add(socket);
        socket.on('close', () => sockets.delete(socket));
        socket.on('error', () => {});
        let buffered = Buffer.alloc(0);
        // DNS over TCP: each message is preceded by its length (RFC 1035 4.2.2).
        socket.on('data', (chunk) => {
          buffered = Buffer.concat([buffered, chunk]);
          while (buffered.length >= 2 && buffered.length >= 2 + buffered.readUInt16BE(0)) {
            const message = buffered.subarray(2, 2 + buffered.readUInt16BE(0));
            buffered = buffered.subarray(2 + message.length);
            const response = reply(message, 'tcp');
            if (response) socket.write(Buffer.concat([lengthPrefix(response.length), response]));
          }
        });
      });
      await new Promise<void>((resolve, reject) => {
        tcp!.once('error', (error) => {
          udp.close();
          reject(error);
        });
        tcp!.listen(53, address, () => resolve());
      });
    }
    return {
      address,
      queries,
      close: async () => {
        for (const socket of sockets) socket.destroy();
        await Promise.all([
          new Promise<void>((resolve) => udp.close(() => resolve())),
          tcp ? new Promise<void>((resolve) => tcp.close(() => resolve())) : undefined,
        ]);
      },
    };
  });
}

/** A loopback address where nothing listens on port 53 (it was free a moment ago, and nothing here takes it). */
export async function silentLoopbackAddress(): Promise<string> {
  return bindOnFreeAddress(async (address) => {
    const probe = dgram.createSocket('udp4');
    await new Promise<void>((resolve, reject) => {
      probe.once('error', reject);
      probe.bind(53, address, () => resolve());
    });
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    return address;
  });
}

/**
 * Whether this machine lets the tests bind port 53 on 127.53.x.y. When it does not, says so loudly and returns
 * false (the suite skips), unless WSDOCTOR_E2E=required, where it throws.
 */
export async function port53Available(): Promise<boolean> {
  try {
    await silentLoopbackAddress();
    return true;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    if (process.env.WSDOCTOR_E2E === 'required') {
      throw new Error(`WSDOCTOR_E2E=required but the DNS tests cannot bind port 53 on loopback: ${reason}`);
    }
    process.stderr.write(
      `\n*** cannot bind port 53 on a loopback address (${reason}): SKIPPING the DNS probe tests ` +
        '(run as root or grant CAP_NET_BIND_SERVICE; set WSDOCTOR_E2E=required to make this fail) ***\n\n',
    );
    return false;
  }
}

/** Tries addresses in 127.53.1.0-127.53.254.255 from a random start until `bind` does not meet EADDRINUSE. */
async function bindOnFreeAddress<T>(bind: (address: string) => Promise<T>): Promise<T> {
  const start = Math.floor(Math.random() * 65_000);
  for (let i = 0; i < 64; i++) {
    const n = ((start + i) % 65_024) + 256; // 127.53.1.0-127.53.254.255; 127.53.255.x stays free (seed.ts)
    const address = `127.53.${n >> 8}.${n & 255}`;
    try {
      return await bind(address);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    }
  }
  throw new Error('no free loopback address for a test DNS server in 127.53.1.0-127.53.254.255');
}

function answer(query: packet.Packet, options: DnsServerOptions, self: string): Buffer {
  const question = query.questions?.[0];
  const recursionDesired = (query.flags ?? 0) & packet.RECURSION_DESIRED;
  let rcode: number = RCODE.NOERROR;
  let answers: packet.Answer[] = [];
  if (options.mode === 'servfail') rcode = RCODE.SERVFAIL;
  else if (options.mode === 'refuse' || (question && options.refuse?.includes(question.name))) rcode = RCODE.REFUSED;
  else if (question) {
    const records = options.srv?.[question.name];
    const addresses = (options.a?.[question.name.toLowerCase()] ?? options.a?.[question.name])?.map((a) => (a === 'self' ? self : a));
    if (addresses && question.type === 'A') {
      answers = addresses.map((data) => ({ type: 'A' as const, name: question.name, ttl: 60, class: 'IN' as const, data }));
    } else if (addresses) {
      // The name exists, without records of the type asked: NODATA.
    } else if (records && question.type === 'SRV') {
      answers = records.map((r) => ({
        type: 'SRV' as const,
        name: question.name,
        ttl: 60,
        class: 'IN' as const,
        data: { target: r.target, port: r.port, priority: r.priority ?? 0, weight: r.weight ?? 100 },
      }));
    } else if (!records && !options.names?.includes(question.name)) {
      rcode = RCODE.NXDOMAIN;
    }
  }
  return packet.encode({
    id: query.id ?? 0,
    type: 'response',
    flags: packet.AUTHORITATIVE_ANSWER | recursionDesired | rcode,
    questions: query.questions ?? [],
    answers,
  });
}

function lengthPrefix(length: number): Buffer {
  const prefix = Buffer.alloc(2);
  prefix.writeUInt16BE(length);
  return prefix;
}
