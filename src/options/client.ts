import { defineOption } from '../core/option.js';

export default defineOption({
  flag: '--client',
  key: 'client',
  section: 'targets',
  kind: 'boolean',
  help: "check this machine's path to the Region's WorkSpaces: endpoints, streaming ports, DNS, TLS trust, clock… (no AWS credentials needed)",
  scope: 'client',
});
