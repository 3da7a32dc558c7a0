/**
 * D17 ws-protocol-compat: do WorkSpaces on the WorkSpaces Streaming Protocol (WSP) meet what the guide says WSP
 * supports? The guide describes the WSP *beta*, which has since grown (catalog Part IV, X15 and X16): wsdoctor follows
 * the guide but only warns, and each message says it is the beta's limit.
 * - WARN: a WSP WorkSpace in a Region the guide marks "not supported for the WSP beta"; a Linux WSP WorkSpace ("Linux
 *   WorkSpaces support only the PCoIP protocol at this time"); a WSP WorkSpace in a directory that allows zero clients
 *   ("Teradici zero client devices are supported only with PCoIP").
 * - PASS: every WorkSpace is PCoIP, or its WSP use meets those.
 */
import { GUIDES } from '../../src/data/sources.js';
import { WSP_BETA_UNSUPPORTED_REGIONS } from '../../src/data/protocol-support.js';
import { defineCheck, type FindingDraft } from '../../src/engine/types.js';
import { liveWorkspaces, workspaceLabel, workspaceOs } from '../../src/facts/workspace-views.js';
import bundleImages from '../../src/facts/workspaces/bundle-images.js';
import bundles from '../../src/facts/workspaces/bundles.js';
import workspaces from '../../src/facts/workspaces/workspaces.js';
import workspacesDirectory from '../../src/facts/workspaces/workspaces-directory.js';

export default defineCheck({
  meta: {
    id: 'ws-protocol-compat',
    catalogId: 'D17',
    title: 'WorkSpaces on WSP are where, and with what, the guide says WSP works',
    scope: 'workspace',
    severity: 'low',
    tags: ['workspace', 'protocol', 'wsp', 'pcoip'],
    description:
      "For each WorkSpace whose protocol is WSP (WorkspaceProperties.Protocols), checks the Region, its operating system and whether the directory allows zero clients, against what the guide says of the WSP beta.",
    rationale:
      'The guide: PCoIP "Supports Teradici zero client devices" and "Windows 7, 10, and Linux WorkSpaces"; the WSP beta "Supports Windows 10 WorkSpaces" in the Regions its WSP Gateway table lists. A user on an unsupported combination cannot stream.',
    finds: "a WSP WorkSpace in a Region the guide marks not supported for the WSP beta, on Linux, or in a directory allowing zero clients (warn; the guide describes the beta)",
    facts: [workspaces, workspacesDirectory],
    optionalFacts: [bundles, bundleImages],
    remediation: {
      summary: 'Pick the protocol for the devices, OS and network the users have; move a WorkSpace between PCoIP and WSP with Migrate WorkSpaces.',
      steps: [
        'Amazon WorkSpaces supports two protocols, PCoIP and WorkSpaces Streaming Protocol (WSP); which to choose depends on the devices users connect from, the operating system of the WorkSpaces, the network conditions users face, and whether they need bidirectional video.',
        'PCoIP supports Teradici zero client devices and Windows 7, 10 and Linux WorkSpaces. The WSP beta supports Windows 10 WorkSpaces, bidirectional video and webcams, in the Regions listed in the WSP Gateway table.',
        'Migrate a WorkSpace between a PCoIP and a WSP bundle with Migrate WorkSpaces (run wsdoctor with --before migrate --target-bundle first).',
        '[not in guides] WSP has left beta since the guide was written and now supports more Regions and Linux: check the current WorkSpaces documentation before changing a WorkSpace that works.',
      ],
      source: { guide: GUIDES.adminGuide, section: 'Protocols for Amazon WorkSpaces', lines: '276-290' },
      alsoSee: [
        { guide: GUIDES.adminGuide, section: 'WSP Gateway', lines: '1174-1239' },
        { guide: GUIDES.adminGuide, section: 'Migrate a WorkSpace', lines: '5479-5494' },
      ],
      docsUrl: 'https://docs.aws.amazon.com/workspaces/latest/adminguide/amazon-workspaces-protocols.html',
    },
  },

  analyze({ workspaces, workspacesDirectory, bundles, bundleImages }, { region }) {
    const live = liveWorkspaces(workspaces);
    if (live.length === 0) return [{ status: 'skip', resource: workspacesDirectory.DirectoryId ?? '', message: 'No WorkSpace to look at.' }];
    const unsupported = WSP_BETA_UNSUPPORTED_REGIONS.find((r) => r.region === region);
    const zeroClients = workspacesDirectory.WorkspaceAccessProperties?.DeviceTypeZeroClient === 'ALLOW';
    const findings: FindingDraft[] = [];
    const wsp = live.filter((ws) => ws.WorkspaceProperties?.Protocols?.includes('WSP'));
    for (const ws of wsp) {
      const bundle = bundles?.find((b) => b.BundleId === ws.BundleId);
      const image = bundleImages?.find((i) => i.ImageId === bundle?.ImageId);
      const problems = [
        unsupported ? `the guide marks ${unsupported.name} (${region}) "not supported for the WSP beta"` : '',
        workspaceOs(ws, bundle, image) === 'LINUX' ? 'it is a Linux WorkSpace, and the guide says "Linux WorkSpaces support only the PCoIP protocol at this time"' : '',
        zeroClients ? 'the directory allows zero clients, and "Teradici zero client devices are supported only with PCoIP": zero-client users cannot reach it' : '',
      ].filter(Boolean);
      if (problems.length === 0) continue;
      findings.push({
        status: 'warn',
        resource: ws.WorkspaceId ?? '',
        message: `${workspaceLabel(ws)} streams with WSP, but ${problems.join('; ')}. (The guide describes the WSP beta; WSP has grown since.)`,
        evidence: { workspaceId: ws.WorkspaceId, protocols: ws.WorkspaceProperties?.Protocols, region, zeroClientsAllowed: zeroClients },
      });
    }
    if (findings.length) return findings;
    return [
      {
        status: 'pass',
        resource: live.length === 1 ? (live[0]!.WorkspaceId ?? '') : (workspacesDirectory.DirectoryId ?? ''),
        message: wsp.length
          ? `The ${wsp.length} WSP WorkSpace${wsp.length === 1 ? '' : 's'} run where and with what the guide says WSP works; the other ${live.length - wsp.length} use PCoIP.`
          : `All ${live.length} WorkSpace${live.length === 1 ? '' : 's'} use PCoIP, which the guide says supports every client and operating system.`,
      },
    ];
  },
});
