import { defineOption } from '../core/option.js';
import { probeHost } from '../core/parse.js';
import client from './client.js';

export default defineOption({
  flag: '--probe-host <host>',
  key: 'probeHosts',
  section: 'targets',
  kind: 'string[]',
  help: "with --client: probe this host instead of the Region's health check servers (ports, RTT, MTU; repeatable)",
  parse: probeHost,
  requires: { option: client, message: '--probe-host goes with --client' },
  // A host the customer named (an address among them is redacted as an address).
  redact: 'hostname',
});
