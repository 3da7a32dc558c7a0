/**
 * D5 ws-eni-modified: has anyone but the WorkSpaces service changed a WorkSpace's network interface?
 * Reads CloudTrail's event history (90 days) for DisassociateAddress, ModifyNetworkInterfaceAttribute,
 * DetachNetworkInterface, DeleteNetworkInterface, AssignPrivateIpAddresses and UnassignPrivateIpAddresses on the
 * WorkSpaces' interfaces [event list derived, catalog D5].
 * - WARN: such a call succeeded and was made by someone other than the WorkSpaces service (named, with the time).
 * - PASS: none in the history searched (and, for a whole directory searched by event name, the finding says how far
 *   back a busy account's history was covered when it did not reach the 90 days).
 * - SKIP: no WorkSpace has a network interface to look for (ws-eni-present reports those).
 * - ERROR: CloudTrail could not be read (denied: cloudtrail:LookupEvents); the other checks run regardless.
 */
import { GUIDES } from '../../src/data/sources.js';
import { defineCheck, type FindingDraft } from '../../src/engine/types.js';
import { madeByWorkspacesService, principalLabel } from '../../src/facts/cloudtrail-events.js';
import workspaceEniEvents from '../../src/facts/cloudtrail/workspace-eni-events.js';
import { workspaceLabel } from '../../src/facts/workspace-views.js';
import workspaces from '../../src/facts/workspaces/workspaces.js';

export default defineCheck({
  meta: {
    id: 'ws-eni-modified',
    catalogId: 'D5',
    title: "Nobody but WorkSpaces has changed a WorkSpace's network interface",
    scope: 'workspace',
    severity: 'medium',
    tags: ['workspace', 'network', 'eni', 'cloudtrail'],
    description:
      "Searches CloudTrail's event history (last 90 days) for calls that disassociated, detached, deleted or re-addressed the WorkSpaces' network interfaces, and who made them.",
    rationale:
      '"We recommend that you not modify the elastic network interface of a WorkSpace after the WorkSpace is launched": a disassociated Elastic IP takes the WorkSpace off the internet, and a detached or deleted interface makes it unreachable.',
    finds: "a call by someone other than the WorkSpaces service that disassociated, detached, deleted or re-addressed a WorkSpace's network interface in the last 90 days (warn, naming who and when)",
    facts: [workspaces, workspaceEniEvents],
    remediation: {
      summary:
        "Find out why the interface was changed and stop it recurring; if the WorkSpace lost its public IP or its interface, rebuild it (or associate another Elastic IP you own).",
      steps: [
        'We recommend that you not modify the elastic network interface of a WorkSpace after the WorkSpace is launched. Do not modify or delete any of the network interfaces attached to a WorkSpace: doing so might make the WorkSpace unreachable or cut its internet access.',
        'The CloudTrail event names the principal (userIdentity) and the time (eventTime): ask its owner, and restrict ec2:DisassociateAddress, ec2:DetachNetworkInterface and ec2:DeleteNetworkInterface on WorkSpaces interfaces in your IAM policies [not in guides].',
        'If the WorkSpace lost its public IP, rebuild it to get one from the Amazon-provided pool, or associate another Elastic IP address that you own (ws-public-ip-present). If its interface was detached or deleted, rebuild it (ws-eni-present).',
      ],
      source: { guide: GUIDES.adminGuide, section: 'My WorkSpace has lost its internet access', lines: '8393-8406' },
      alsoSee: [
        { guide: GUIDES.adminGuide, section: 'Network Interfaces', lines: '1241-1266' },
        { guide: GUIDES.imageBuilderPending, section: 'Elastic network interface is deleted or detached', lines: '7-13' },
      ],
      docsUrl: 'https://docs.aws.amazon.com/workspaces/latest/adminguide/workspaces-port-requirements.html',
    },
  },

  analyze({ workspaces, workspaceEniEvents: found }) {
    const directoryId = workspaces[0]?.DirectoryId ?? '';
    if (found.interfaces.length === 0) {
      return [{ status: 'skip', resource: directoryId, message: 'No WorkSpace has a network interface to look up in CloudTrail (ws-eni-present says why).' }];
    }
    const byInterface = new Map(found.interfaces.map((i) => [i.networkInterfaceId, i.WorkspaceId]));
    const byId = new Map(workspaces.map((ws) => [ws.WorkspaceId, ws]));
    const foreign = found.events.filter((e) => !e.errorCode && !madeByWorkspacesService(e.principal));
    const findings: FindingDraft[] = [];
    const grouped = new Map<string, typeof foreign>();
    for (const event of foreign) {
      const id = byInterface.get(event.networkInterfaceId) ?? '';
      grouped.set(id, [...(grouped.get(id) ?? []), event]);
    }
    for (const [workspaceId, events] of grouped) {
      const ws = byId.get(workspaceId);
      const list = events
        .sort((a, b) => b.eventTime.localeCompare(a.eventTime))
        .map((e) => `${e.eventName} by ${principalLabel(e)} at ${e.eventTime}`)
        .join('; ');
      findings.push({
        status: 'warn',
        resource: workspaceId,
        message: `${ws ? workspaceLabel(ws) : `WorkSpace ${workspaceId}`}: its network interface ${events[0]!.networkInterfaceId} was changed by someone other than the WorkSpaces service: ${list}.`,
        evidence: {
          workspaceId,
          networkInterfaceId: events[0]!.networkInterfaceId,
          events: events.map((e) => ({ eventName: e.eventName, eventTime: e.eventTime, username: e.Username, principal: e.principal })),
        },
      });
    }
    if (findings.length) return findings;
    const coverage = found.complete
      ? `the last 90 days of CloudTrail (since ${found.since})`
      : `CloudTrail back to ${found.reachedBack ?? found.since} (the account's history of these calls is longer than wsdoctor pages through; name the WorkSpaces with --workspace or --user to search all 90 days for theirs)`;
    return [
      {
        status: 'pass',
        resource: found.interfaces.length === 1 ? found.interfaces[0]!.WorkspaceId : directoryId,
        message: `No call by anyone but WorkSpaces changed the network interface${found.interfaces.length === 1 ? '' : 's'} of ${found.interfaces.length === 1 ? 'the WorkSpace' : `${found.interfaces.length} WorkSpaces`} in ${coverage}.`,
        evidence: { strategy: found.strategy, since: found.since, complete: found.complete, interfaces: found.interfaces.length, serviceEvents: found.events.length - foreign.length },
      },
    ];
  },
});
