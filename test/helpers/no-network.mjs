// Preloaded into a CLI subprocess (NODE_OPTIONS=--import=…) to prove it touches no network: the first TCP or TLS
// connection, UDP datagram or DNS lookup ends the process with exit code 99, naming what was attempted.
import dgram from 'node:dgram';
import dns from 'node:dns';
import net from 'node:net';

export const NETWORK_USED = 99;

function refuse(what) {
  process.stderr.write(`NETWORK CALL ATTEMPTED: ${what}\n`);
  process.exit(NETWORK_USED);
}

net.Socket.prototype.connect = function connect(...args) {
  refuse(`connect ${JSON.stringify(args[0])}`);
};
dgram.Socket.prototype.send = function send() {
  refuse('udp send');
};
dgram.Socket.prototype.connect = function connect() {
  refuse('udp connect');
};
for (const name of ['lookup', 'lookupService', 'resolve', 'resolve4', 'resolve6', 'resolveSrv', 'resolveAny']) {
  dns[name] = () => refuse(`dns.${name}`);
  dns.promises[name] = () => refuse(`dns.promises.${name}`);
}
for (const Resolver of [dns.Resolver, dns.promises.Resolver]) {
  for (const name of ['resolve', 'resolve4', 'resolve6', 'resolveSrv', 'resolveAny', 'resolveTxt', 'resolveNs']) {
    Resolver.prototype[name] = () => refuse(`Resolver.${name}`);
  }
}
