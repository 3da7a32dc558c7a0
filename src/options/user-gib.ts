// The user volume size a change asks for (--before modify, --before image); see root-gib.ts.
import { defineOption } from '../core/option.js';
import { positiveInt } from '../core/parse.js';

export default defineOption({
  flag: '--user-gib <n>',
  key: 'userVolumeGib',
  section: 'options',
  kind: 'number',
  help: 'with --before modify or image: the user volume (D:) size in GiB you are about to set',
  parse: positiveInt('--user-gib', 16_384),
  offline: true,
});
