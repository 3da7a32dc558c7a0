// `check --bundle` also takes a bundle *file* (src/cli/main.ts tells the two apart): this is the WorkSpaces bundle ids.
import { defineOption } from '../core/option.js';
import { bundleIdList } from '../core/parse.js';
import directory from './directory.js';

export default defineOption({
  flag: '--bundle <ids>',
  key: 'bundleIds',
  section: 'targets',
  kind: 'string[]',
  help: 'bundles you are about to launch in the directory (wsb-…; comma-separated, repeatable)',
  parse: bundleIdList,
  requires: {
    option: directory,
    message: '--bundle works within a directory: add --directory <id> (the directory you will launch the bundle in)',
  },
});
