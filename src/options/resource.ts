// A network resource the streaming instances' applications must reach (a licence server, a database, a file
// server), as HOST:PORT: H9 judges the route to it from every subnet and the security groups' egress to its port.
// An address is judgement only (the routes and groups are collected either way, so it may be asked of a saved bundle
// too); a host name is resolved when the facts are collected, so a bundle answers for the name it was collected with.
import { defineOption } from '../core/option.js';
import { hostAndPort } from '../core/parse.js';

export default defineOption({
  flag: '--resource <host:port>',
  key: 'resource',
  section: 'options',
  kind: 'string',
  help: 'with --fleet, --stack or --image-builder: a network resource its applications need (HOST:PORT, an IP address or a DNS name): is it routed and allowed?',
  parse: hostAndPort('--resource'),
  offline: true,
  // The host's name is the customer's; a redacted bundle keeps the port (src/bundle/redact.ts), and an address is
  // redacted as an address (a private one is kept).
  redact: 'hostname',
});
