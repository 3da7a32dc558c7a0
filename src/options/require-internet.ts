// Whether the fleet's or image builder's instances must reach the internet. Without it, a resource with no internet
// path at all is not judged (many fleets are private on purpose); a path that is configured but broken still fails.
import { defineOption } from '../core/option.js';

export default defineOption({
  flag: '--require-internet',
  key: 'requireInternet',
  section: 'options',
  kind: 'boolean',
  help: 'the fleet or image builder must reach the internet: no internet path is then a failure',
  offline: true,
});
