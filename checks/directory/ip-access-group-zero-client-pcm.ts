/**
 * B5 ip-access-group-zero-client-pcm: PCoIP zero clients and IP access control groups together.
 * - WARN: IP access control groups are associated and zero clients are allowed: a zero client must connect directly
 *   (firmware 6.0.0 or later), since "to use this feature with a PCoIP zero client, you cannot use PCoIP Connection
 *   Manager" — and wsdoctor cannot see the firmware.
 * - PASS: no group associated, or zero clients not allowed.
 */
import { GUIDES } from '../../src/data/sources.js';
import { defineCheck } from '../../src/engine/types.js';
import workspacesDirectory from '../../src/facts/workspaces/workspaces-directory.js';

export default defineCheck({
  meta: {
    id: 'ip-access-group-zero-client-pcm',
    catalogId: 'B5',
    title: 'Zero clients can pass the IP access control groups',
    scope: 'directory',
    severity: 'low',
    tags: ['access-control', 'ip-groups', 'zero-client'],
    description: "Reads the directory's associated IP access control groups and whether it allows PCoIP zero clients (DeviceTypeZeroClient).",
    rationale:
      'IP access control groups work with PCoIP zero clients only when they connect directly: "To use this feature with ' +
      'a PCoIP zero client, you cannot use PCoIP Connection Manager", which zero clients with firmware older than 6.0.0 need.',
    finds: 'IP access control groups associated while PCoIP zero clients are allowed (warn: zero clients must connect directly, firmware 6.0.0 or later)',
    facts: [workspacesDirectory],
    remediation: {
      summary: 'Have zero clients connect directly (firmware 6.0.0 or later) rather than through PCoIP Connection Manager, or do not rely on IP access control groups for them.',
      steps: [
        'You can use IP access control groups with Web Access and the client applications for macOS, iPad, Windows, Chromebook, and Android. To use this feature with a PCoIP zero client, you cannot use PCoIP Connection Manager.',
        'If your zero client device has firmware version 6.0.0 or later, your users can connect to their WorkSpaces directly. Otherwise (firmware between 4.6.0 and 6.0.0) they need Teradici PCoIP Connection Manager: upgrade the firmware first.',
      ],
      source: { guide: GUIDES.adminGuide, section: 'IP Access Control Groups for Your WorkSpaces', lines: '1651-1671' },
      alsoSee: [{ guide: GUIDES.adminGuide, section: 'Set Up PCoIP Zero Client for WorkSpaces', lines: '1768-1773' }],
      docsUrl: 'https://docs.aws.amazon.com/workspaces/latest/adminguide/amazon-workspaces-ip-access-control-groups.html',
    },
  },

  analyze({ workspacesDirectory: directory }) {
    const id = directory.DirectoryId ?? 'directory';
    const groups = directory.ipGroupIds ?? [];
    const zeroClients = directory.WorkspaceAccessProperties?.DeviceTypeZeroClient;
    const evidence = { directoryId: id, ipGroupIds: groups, deviceTypeZeroClient: zeroClients ?? null };
    if (groups.length && zeroClients === 'ALLOW') {
      return [
        {
          status: 'warn',
          resource: id,
          message: `${id} has ${groups.length} IP access control group${groups.length === 1 ? '' : 's'} associated and allows PCoIP zero clients: zero clients get through only when connecting directly (firmware 6.0.0 or later), not through PCoIP Connection Manager.`,
          evidence,
        },
      ];
    }
    return [
      {
        status: 'pass',
        resource: id,
        message: groups.length
          ? `${id} does not allow PCoIP zero clients, so its IP access control groups never meet PCoIP Connection Manager.`
          : `${id} has no IP access control group associated: zero clients are not limited by one.`,
        evidence,
      },
    ];
  },
});
