// A JSON file that points the client probes elsewhere: the DNS servers to ask, and per host (and port) the address
// to connect to instead. For networks that resolve or route differently from the user's, for a lab, and for tests,
// whose probes never leave 127.0.0.0/8. The file is read when the probes start (src/facts/probes/probe-targets.ts);
// a file that cannot be used is an input error.
import { UsageError } from '../core/errors.js';
import { defineOption } from '../core/option.js';
import client from './client.js';

export default defineOption({
  flag: '--probe-targets <file>',
  key: 'probeTargets',
  section: 'targets',
  kind: 'string',
  help: 'with --client: a JSON file of {"resolver": [ip…], "hosts": {"name[:port]": "ip[:port]"}} redirecting the probes',
  parse: (value: string) => {
    if (!value.trim()) throw new UsageError('--probe-targets needs a file name');
    return value;
  },
  requires: { option: client, message: '--probe-targets goes with --client' },
});
