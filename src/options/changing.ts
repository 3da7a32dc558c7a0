// The fleet settings an edit is about to change (`--before edit`): which of them the fleet's state allows is the
// preflight's judgement (H5), so the value may be given with a saved bundle too.
import { defineOption } from '../core/option.js';
import { choiceList } from '../core/parse.js';

/** The settings UpdateFleet changes, in the words of the console (kebab-case). */
export const FLEET_SETTINGS = [
  'display-name',
  'description',
  'desired-capacity',
  'image',
  'instance-type',
  'subnets',
  'security-groups',
  'disconnect-timeout',
  'idle-disconnect-timeout',
  'max-user-duration',
  'domain-join',
  'internet-access',
  'iam-role',
  'stream-view',
  'max-concurrent-sessions',
  'session-script',
  'usb-filters',
  'root-volume',
] as const;

export type FleetSetting = (typeof FLEET_SETTINGS)[number];

export default defineOption({
  flag: '--changing <settings>',
  key: 'changingSettings',
  section: 'options',
  kind: 'string[]',
  help: `with --fleet --before edit: the settings you will change (${FLEET_SETTINGS.join(', ')}; comma-separated)`,
  parse: (value: string, previous?: string[]) => choiceList('--changing', FLEET_SETTINGS)(value, previous as FleetSetting[] | undefined),
  offline: true,
});
