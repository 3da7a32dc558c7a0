import { defineOption } from '../core/option.js';

export default defineOption({
  flag: '--local',
  key: 'local',
  section: 'targets',
  kind: 'boolean',
  help: 'check the machine wsdoctor runs on, as an image builder (run it on the builder)',
  scope: 'local',
});
