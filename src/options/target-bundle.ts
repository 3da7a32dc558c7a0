// The bundle a migration moves the WorkSpace to (--before migrate): looked up, so an unknown id is an input error.
import { UsageError } from '../core/errors.js';
import { defineOption } from '../core/option.js';
import { isBundleId } from '../core/parse.js';

export default defineOption({
  flag: '--target-bundle <id>',
  key: 'targetBundleId',
  section: 'options',
  kind: 'string',
  help: 'with --before migrate: the bundle the WorkSpace is to be migrated to (wsb-…)',
  parse: (value: string) => {
    if (!isBundleId(value)) {
      throw new UsageError(`--target-bundle "${value}" is not a bundle id: expected wsb- followed by 8 or more lowercase letters and digits, e.g. wsb-bh8rsxt14`);
    }
    return value;
  },
});
