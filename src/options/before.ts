// A preflight: judge a change before making it. The checks that can (meta.before) join the run; the others run as
// always, since a broken directory also blocks the change.
import { BEFORE_ACTIONS, type BeforeAction } from '../core/actions.js';
import { UsageError } from '../core/errors.js';
import { defineOption } from '../core/option.js';

const ACTIONS = Object.keys(BEFORE_ACTIONS) as BeforeAction[];

export default defineOption({
  flag: '--before <action>',
  key: 'before',
  section: 'options',
  kind: 'string',
  help: `judge a change before you make it: ${ACTIONS.join(', ')}`,
  choices: ACTIONS,
  parse: (value) => {
    if (!(ACTIONS as string[]).includes(value)) {
      throw new UsageError(`--before: unknown action "${value}" (use one of ${ACTIONS.join(', ')})`);
    }
    return value;
  },
});
