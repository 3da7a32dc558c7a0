// The device type a user connects from, for the directory's device access settings (Update Details → Access Control
// Options): judged offline too, since a support engineer asks it of a customer's bundle.
import { UsageError } from '../core/errors.js';
import { defineOption } from '../core/option.js';

export const CLIENT_PLATFORMS = ['windows', 'macos', 'linux', 'web', 'ios', 'android', 'chromeos', 'zeroclient'] as const;
export type ClientPlatform = (typeof CLIENT_PLATFORMS)[number];

export default defineOption({
  flag: '--client-platform <platform>',
  key: 'clientPlatform',
  section: 'options',
  kind: 'string',
  help: `the device a user connects from (${CLIENT_PLATFORMS.join(', ')}): does the directory allow it?`,
  parse: (value) => {
    const platform = value.trim().toLowerCase();
    if (!(CLIENT_PLATFORMS as readonly string[]).includes(platform)) {
      throw new UsageError(`--client-platform: unknown platform "${value}" (use one of ${CLIENT_PLATFORMS.join(', ')})`);
    }
    return platform;
  },
  expected: `one of ${CLIENT_PLATFORMS.join(', ')}`,
  offline: true,
});
