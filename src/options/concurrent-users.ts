// How many people share this connection: the guide plans 1 Mbps per simultaneous user. Only judgement, so a help
// desk may ask it of a user's bundle too.
import { defineOption } from '../core/option.js';
import { positiveInt } from '../core/parse.js';

export default defineOption({
  flag: '--concurrent-users <n>',
  key: 'concurrentUsers',
  section: 'options',
  kind: 'number',
  help: 'with --bandwidth: people sharing this connection (the guide plans 1 Mbps each)',
  parse: positiveInt('--concurrent-users', 100_000),
  offline: true,
});
