// How many WorkSpaces are about to get a new IP address in the directory: launches, migrations and rebuilds.
// Only judgement: a support engineer may ask it of a customer's bundle too.
import { defineOption } from '../core/option.js';
import { positiveInt } from '../core/parse.js';

export default defineOption({
  flag: '--planned <n>',
  key: 'plannedWorkspaces',
  section: 'options',
  kind: 'number',
  help: "WorkSpaces you are about to launch, migrate or rebuild in the directory: do its subnets have an IP address for each?",
  parse: positiveInt('--planned', 100_000),
  offline: true,
});
