// The root volume size a change asks for (--before modify, --before image): judged, never applied, so a support
// engineer may ask it of a customer's bundle too. Sizes above what WorkSpaces allows are accepted here and failed by
// the check that says why.
import { defineOption } from '../core/option.js';
import { positiveInt } from '../core/parse.js';

export default defineOption({
  flag: '--root-gib <n>',
  key: 'rootVolumeGib',
  section: 'options',
  kind: 'number',
  help: 'with --before modify or image: the root volume (C:) size in GiB you are about to set',
  parse: positiveInt('--root-gib', 16_384),
  offline: true,
});
