/**
 * B6 ws-device-type-allowed: the directory lets users in from the device they use.
 * - With --client-platform: FAIL when the directory denies that device type; PASS when it allows it.
 * - Without it: PASS, listing the device types the directory allows and denies (the catalog's INFO) — except WARN
 *   when it allows none at all [derived], since then no user can connect.
 * A device type the API does not report counts as the guide's default ("By default, WorkSpaces Web Access and Linux
 * clients are disabled"; Windows, macOS, iOS, Android, Chromebooks and zero clients allowed).
 */
import { GUIDES } from '../../src/data/sources.js';
import { defineCheck } from '../../src/engine/types.js';
import workspacesDirectory from '../../src/facts/workspaces/workspaces-directory.js';
import clientPlatform, { type ClientPlatform } from '../../src/options/client-platform.js';

const DEVICE_TYPES: Record<ClientPlatform, { field: string; label: string; defaultAllowed: boolean }> = {
  windows: { field: 'DeviceTypeWindows', label: 'Windows', defaultAllowed: true },
  macos: { field: 'DeviceTypeOsx', label: 'macOS', defaultAllowed: true },
  linux: { field: 'DeviceTypeLinux', label: 'Linux', defaultAllowed: false },
  web: { field: 'DeviceTypeWeb', label: 'Web Access', defaultAllowed: false },
  ios: { field: 'DeviceTypeIos', label: 'iOS', defaultAllowed: true },
  android: { field: 'DeviceTypeAndroid', label: 'Android', defaultAllowed: true },
  chromeos: { field: 'DeviceTypeChromeOs', label: 'Chromebook', defaultAllowed: true },
  zeroclient: { field: 'DeviceTypeZeroClient', label: 'PCoIP zero client', defaultAllowed: true },
};

export default defineCheck({
  meta: {
    id: 'ws-device-type-allowed',
    catalogId: 'B6',
    title: 'The directory allows the device users connect from',
    scope: 'directory',
    severity: 'medium',
    tags: ['access-control', 'client'],
    description: "Reads the directory's device access settings (WorkspaceAccessProperties) and, with --client-platform, judges that device type.",
    rationale:
      'The device types that may reach WorkSpaces are set per directory; a user on a device type the directory blocks ' +
      'cannot connect, whatever else is right.',
    finds: 'the directory denying the device type given with `--client-platform` (fail); without it, every device type denied (warn); lists what is allowed',
    facts: [workspacesDirectory],
    options: [clientPlatform],
    remediation: {
      summary: 'Allow the device type in the directory\'s access control options (Update Details → Access Control Options → Other Platforms).',
      steps: [
        'Open the Amazon WorkSpaces console, choose Directories, select the directory and choose Actions, Update Details.',
        'Expand Access Control Options and find the Other Platforms section. By default, WorkSpaces Web Access and Linux clients are disabled, and users can access their WorkSpaces from their iOS devices, Android devices, Chromebooks, and PCoIP zero client devices.',
        'Select the device types to enable and clear the device types to disable, then choose Update and Exit. Web Access is enabled per directory the same way (Other Platforms → Web Access).',
      ],
      source: { guide: GUIDES.adminGuide, section: 'Control Device Access', lines: '2548-2583' },
      alsoSee: [{ guide: GUIDES.adminGuide, section: 'Enable and Configure Amazon WorkSpaces Web Access', lines: '1801-1833' }],
      docsUrl: 'https://docs.aws.amazon.com/workspaces/latest/adminguide/update-directory-details.html',
    },
  },

  analyze({ workspacesDirectory: directory }, { option }) {
    const id = directory.DirectoryId ?? 'directory';
    const properties = (directory.WorkspaceAccessProperties ?? {}) as Record<string, string | undefined>;
    const allowed = (platform: ClientPlatform) => {
      const { field, defaultAllowed } = DEVICE_TYPES[platform];
      const value = properties[field];
      return value === undefined ? defaultAllowed : value === 'ALLOW';
    };
    const platforms = Object.keys(DEVICE_TYPES) as ClientPlatform[];
    const allowedList = platforms.filter(allowed).map((p) => DEVICE_TYPES[p].label);
    const deniedList = platforms.filter((p) => !allowed(p)).map((p) => DEVICE_TYPES[p].label);
    const evidence = { directoryId: id, allowed: allowedList, denied: deniedList };
    const platform = option(clientPlatform) as ClientPlatform | undefined;
    if (platform) {
      const { label } = DEVICE_TYPES[platform];
      return allowed(platform)
        ? [{ status: 'pass', resource: id, message: `${id} allows ${label} devices.`, evidence: { ...evidence, clientPlatform: platform } }]
        : [
            {
              status: 'fail',
              resource: id,
              message: `${id} does not allow ${label} devices: users on them cannot connect to their WorkSpaces. Allowed: ${allowedList.join(', ') || 'none'}.`,
              evidence: { ...evidence, clientPlatform: platform },
            },
          ];
    }
    if (allowedList.length === 0) {
      return [{ status: 'warn', resource: id, message: `${id} allows no device type at all: no user can connect to its WorkSpaces.`, evidence }];
    }
    return [
      {
        status: 'pass',
        resource: id,
        message: `${id} allows ${allowedList.join(', ')}${deniedList.length ? `; denies ${deniedList.join(', ')}` : ''}. Pass --client-platform to judge a user's device.`,
        evidence,
      },
    ];
  },
});
