// Preloaded into a CLI subprocess (NODE_OPTIONS=--import=…) where it may talk to test servers on loopback and nothing
// else: a TCP connection to any other address, or a DNS lookup of any name but localhost, ends the process with exit
// code 99, naming what was attempted.
import dns from 'node:dns';
import net from 'node:net';

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost)$/;

function refuse(what) {
  process.stderr.write(`NON-LOOPBACK NETWORK CALL ATTEMPTED: ${what}\n`);
  process.exit(99);
}

const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function guarded(...args) {
  const options = typeof args[0] === 'object' && args[0] !== null ? (Array.isArray(args[0]) ? args[0][0] : args[0]) : { port: args[0], host: args[1] };
  const host = options?.host ?? 'localhost';
  if (options?.path === undefined && !LOOPBACK.test(String(host).replace(/^\[|\]$/g, ''))) refuse(`connect ${host}:${options?.port}`);
  return connect.apply(this, args);
};
const lookup = dns.lookup;
dns.lookup = function guarded(hostname, ...rest) {
  if (!LOOPBACK.test(hostname)) refuse(`dns.lookup ${hostname}`);
  return lookup.call(this, hostname, ...rest);
};
