/**
 * B7 ws-web-access-compat: when the directory allows Web Access, its WorkSpaces can be reached from a browser.
 * - SKIP: Web Access is not allowed for the directory (DeviceTypeWeb is not ALLOW).
 * - WARN: per WorkSpace that Web Access cannot serve: an Amazon Linux one ("You cannot use a web browser to connect
 *   to Amazon Linux WorkSpaces"); a Windows 7 one (no Web Access to Windows 7 custom or BYOL WorkSpaces since
 *   October 1, 2020); a WSP one (the 2020 guide says Web Access is "not supported for the WSP beta" — likely
 *   outdated, catalog X15: a warning that says so, never a failure).
 * - PASS: none of those.
 */
import { GUIDES } from '../../src/data/sources.js';
import { defineCheck, type FindingDraft } from '../../src/engine/types.js';
import workspacesDirectory from '../../src/facts/workspaces/workspaces-directory.js';
import workspaces from '../../src/facts/workspaces/workspaces.js';

const LINUX = /LINUX|UBUNTU|RHEL|ROCKY/;

export default defineCheck({
  meta: {
    id: 'ws-web-access-compat',
    catalogId: 'B7',
    title: 'WorkSpaces support Web Access where the directory allows it',
    scope: 'directory',
    severity: 'low',
    tags: ['access-control', 'web-access', 'client'],
    description: "When the directory allows Web Access, reads each WorkSpace's operating system and protocol.",
    rationale:
      'A directory can allow Web Access while some of its WorkSpaces cannot be reached from a browser at all (Amazon ' +
      'Linux, Windows 7 custom or BYOL); their users see Web Access fail and need a client application instead.',
    finds: 'with Web Access allowed, an Amazon Linux, Windows 7 or WSP WorkSpace that the guides say Web Access cannot serve (warn, per WorkSpace)',
    facts: [workspacesDirectory, workspaces],
    remediation: {
      summary: 'Have the users of these WorkSpaces connect with a WorkSpaces client application instead of a web browser.',
      steps: [
        'You cannot use a web browser to connect to Amazon Linux WorkSpaces.',
        'Beginning October 1, 2020, customers can no longer use the Amazon WorkSpaces Web Access client to connect to Windows 7 custom WorkSpaces or to Windows 7 Bring Your Own License (BYOL) WorkSpaces.',
        'The 2020 guide lists Web Access as not supported for the WSP beta; check the current Administration Guide before moving WSP users off Web Access.',
      ],
      source: { guide: GUIDES.adminGuide, section: 'Enable and Configure Amazon WorkSpaces Web Access', lines: '1801-1833' },
      alsoSee: [{ guide: GUIDES.troubleshooting, section: 'My users are having issues when they try to log on to WorkSpaces from WorkSpaces Web Access', lines: '244-251' }],
      docsUrl: 'https://docs.aws.amazon.com/workspaces/latest/adminguide/web-access.html',
    },
  },

  analyze({ workspacesDirectory: directory, workspaces: all }) {
    const id = directory.DirectoryId ?? 'directory';
    if (directory.WorkspaceAccessProperties?.DeviceTypeWeb !== 'ALLOW') {
      return [{ status: 'skip', resource: id, message: `${id} does not allow Web Access: no WorkSpace of it is reached from a browser.` }];
    }
    const findings: FindingDraft[] = [];
    for (const ws of all) {
      const wsId = ws.WorkspaceId ?? 'WorkSpace';
      const os = ws.WorkspaceProperties?.OperatingSystemName ?? '';
      const protocols = ws.WorkspaceProperties?.Protocols ?? [];
      const evidence = { workspaceId: wsId, operatingSystemName: os || null, protocols };
      if (LINUX.test(os)) {
        findings.push({ status: 'warn', resource: wsId, message: `${wsId} runs ${os}: a web browser cannot connect to Linux WorkSpaces, so its user needs a client application.`, evidence });
      } else if (os === 'WINDOWS_7') {
        findings.push({ status: 'warn', resource: wsId, message: `${wsId} runs Windows 7: since October 1, 2020 Web Access no longer connects to Windows 7 custom or BYOL WorkSpaces.`, evidence });
      } else if (protocols.includes('WSP')) {
        findings.push({
          status: 'warn',
          resource: wsId,
          message: `${wsId} streams over WSP, which the 2020 Administration Guide lists as not supported by Web Access (for the WSP beta; likely outdated — check the current guide).`,
          evidence,
        });
      }
    }
    if (findings.length) return findings;
    return [{ status: 'pass', resource: id, message: `${id} allows Web Access, and none of the ${all.length} WorkSpace${all.length === 1 ? '' : 's'} looked at is one the guides say it cannot serve.`, evidence: { directoryId: id, workspaces: all.length } }];
  },
});
