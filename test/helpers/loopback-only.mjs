// Preloaded into a CLI subprocess (NODE_OPTIONS=--import=…) to prove a client run stays on loopback: a TCP
// connection, a UDP datagram or a DNS query to anything outside 127.0.0.0/8 (and ::1), a connection by host name,
// or a DNS query through the OS's resolvers ends the process with exit code 98, naming what was attempted. A probe
// that a test forgot to redirect fails loudly instead of reaching the internet.
import dgram from 'node:dgram';
import dns from 'node:dns';
import net from 'node:net';

export const LEFT_LOOPBACK = 98;

const loopback = (host) => typeof host === 'string' && (/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host) || host === '::1' || host === '::ffff:127.0.0.1');

function refuse(what) {
  process.stderr.write(`LEFT LOOPBACK: ${what}\n`);
  process.exit(LEFT_LOOPBACK);
}

const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function guardedConnect(...args) {
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  if (first && typeof first === 'object' && !first.path) {
    const host = first.host ?? 'localhost';
    if (host !== 'localhost' && !loopback(host)) refuse(`TCP connect to ${host}:${first.port}`);
  } else if (typeof first === 'number' || /^\d+$/.test(String(first))) {
    const host = typeof args[1] === 'string' ? args[1] : 'localhost';
    if (host !== 'localhost' && !loopback(host)) refuse(`TCP connect to ${host}:${first}`);
  }
  return connect.apply(this, args);
};

const send = dgram.Socket.prototype.send;
dgram.Socket.prototype.send = function guardedSend(...args) {
  const address = args.find((arg, i) => i > 0 && typeof arg === 'string');
  if (address !== undefined && !loopback(address)) refuse(`UDP datagram to ${address}`);
  return send.apply(this, args);
};
const udpConnect = dgram.Socket.prototype.connect;
dgram.Socket.prototype.connect = function guardedUdpConnect(port, address, ...rest) {
  if (typeof address === 'string' && !loopback(address)) refuse(`UDP connect to ${address}:${port}`);
  return udpConnect.call(this, port, address, ...rest);
};

const lookup = dns.lookup;
dns.lookup = function guardedLookup(hostname, ...rest) {
  // An address literal (0.0.0.0 when a UDP socket binds) asks no DNS server; a name does.
  if (hostname !== 'localhost' && !net.isIP(hostname)) refuse(`dns.lookup ${hostname}`);
  return lookup.call(this, hostname, ...rest);
};

for (const Resolver of [dns.Resolver, dns.promises.Resolver]) {
  const setServers = Resolver.prototype.setServers;
  Resolver.prototype.setServers = function guardedSetServers(servers) {
    for (const server of servers) {
      const address = server.replace(/^\[(.*)\](:\d+)?$/, '$1').replace(/^([\d.]+):\d+$/, '$1');
      if (!loopback(address)) refuse(`a DNS server outside loopback: ${server}`);
    }
    this.__loopbackOnly = true;
    return setServers.call(this, servers);
  };
  for (const name of ['resolve', 'resolve4', 'resolve6', 'resolveSrv', 'resolveAny', 'resolveTxt', 'resolveNs']) {
    const original = Resolver.prototype[name];
    Resolver.prototype[name] = function guardedResolve(hostname, ...rest) {
      if (!this.__loopbackOnly) refuse(`a DNS query for ${hostname} through the OS's resolvers`);
      return original.call(this, hostname, ...rest);
    };
  }
}
