import { defineOption } from '../core/option.js';

export default defineOption({
  flag: '--client',
  key: 'client',
  section: 'targets',
  kind: 'boolean',
  help: "probe this machine's streaming ports to the Region's health check servers (no AWS credentials needed)",
  scope: 'client',
});
