// The directory must serve FedRAMP / DoD SRG users: FIPS 140-2 validated endpoint encryption is required, not just
// reported. Only judgement, so a bundle can be asked it too.
import { defineOption } from '../core/option.js';

export default defineOption({
  flag: '--require-fips',
  key: 'requireFips',
  section: 'options',
  kind: 'boolean',
  help: 'the directory must meet FedRAMP or DoD SRG: require FIPS 140-2 validated endpoint encryption',
  offline: true,
});
