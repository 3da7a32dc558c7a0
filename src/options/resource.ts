// A network resource the streaming instances' applications must reach (a licence server, a database, a file
// server): H9 judges the route to it from every subnet and the security groups' egress to its port. Judgement
// only: the routes and groups are collected either way, so it may be asked of a saved bundle too.
import { defineOption } from '../core/option.js';
import { ipAndPort } from '../core/parse.js';

export default defineOption({
  flag: '--resource <ip:port>',
  key: 'resource',
  section: 'options',
  kind: 'string',
  help: 'with --fleet, --stack or --image-builder: a network resource its applications need (IP:PORT): is it routed and allowed?',
  parse: ipAndPort('--resource'),
  offline: true,
});
