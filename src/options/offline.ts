// Check a plan or template with no AWS access at all: the checks that need only the plan run, and every one that
// needs the account's live state skips, saying what it would have read.
import { defineOption } from '../core/option.js';

export default defineOption({
  flag: '--offline',
  key: 'offline',
  section: 'options',
  kind: 'boolean',
  help: 'with --terraform-plan or --cloudformation: read no AWS (no credentials needed); checks that need live state skip, saying so',
});
