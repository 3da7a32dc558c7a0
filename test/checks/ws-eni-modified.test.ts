import check from '../../checks/workspace/ws-eni-modified.js';
import type { WorkspaceEniEvents } from '../../src/facts/cloudtrail/workspace-eni-events.js';
import { checkTable, failed } from '../helpers/check-table.js';
import { ago, ws } from '../helpers/workspace-fixtures.js';

const base = (events: WorkspaceEniEvents['events'], extra: Partial<WorkspaceEniEvents> = {}): WorkspaceEniEvents => ({
  strategy: 'per-interface',
  since: ago(90 * 24 * 60),
  complete: true,
  interfaces: [{ WorkspaceId: 'ws-00000001', networkInterfaceId: 'eni-1' }],
  events,
  ...extra,
});
const event = (eventName: string, principal: WorkspaceEniEvents['events'][number]['principal'], extra = {}) => ({
  eventName,
  eventTime: ago(60),
  principal,
  resources: [{ type: 'AWS::EC2::NetworkInterface', name: 'eni-1' }],
  networkInterfaceId: 'eni-1',
  ...extra,
});

// The catalog's cases (D5 Test): event DisassociateAddress by arn:aws:iam::1:user/bob → WARN; no events → PASS.
checkTable(check, [
  {
    name: 'DisassociateAddress by a user warns, naming who and when (catalog D5)',
    facts: { workspaces: [ws('ws-00000001')], workspaceEniEvents: base([event('DisassociateAddress', { type: 'IAMUser', arn: 'arn:aws:iam::111122223333:user/bob' })]) },
    expect: [{ status: 'warn', resource: 'ws-00000001', message: /eni-1 was changed by someone other than the WorkSpaces service: DisassociateAddress by arn:aws:iam::111122223333:user\/bob at/ }],
  },
  { name: 'no events passes (catalog D5)', facts: { workspaces: [ws('ws-00000001')], workspaceEniEvents: base([]) }, expect: [{ status: 'pass', message: /in the last 90 days of CloudTrail/ }] },
  {
    name: 'the WorkSpaces service at work is not a finding (AWSService, invokedBy, its roles)',
    facts: {
      workspaces: [ws('ws-00000001')],
      workspaceEniEvents: base([
        event('ModifyNetworkInterfaceAttribute', { type: 'AWSService', invokedBy: 'workspaces.amazonaws.com' }),
        event('DeleteNetworkInterface', { type: 'AssumedRole', arn: 'arn:aws:sts::111122223333:assumed-role/workspaces_DefaultRole/session' }),
      ]),
    },
    expect: [{ status: 'pass' }],
  },
  {
    name: 'a call CloudTrail recorded as failed changed nothing',
    facts: { workspaces: [ws('ws-00000001')], workspaceEniEvents: base([event('DetachNetworkInterface', { type: 'IAMUser', arn: 'arn:aws:iam::1:user/eve' }, { errorCode: 'Client.UnauthorizedOperation' })]) },
    expect: [{ status: 'pass' }],
  },
  {
    name: 'a directory searched by event name that did not reach 90 days says how far it got',
    facts: { workspaces: [ws('ws-00000001')], workspaceEniEvents: base([], { strategy: 'per-event-name', complete: false, reachedBack: ago(5 * 24 * 60) }) },
    expect: [{ status: 'pass', message: /CloudTrail back to .*name the WorkSpaces with --workspace or --user/ }],
  },
  { name: 'no interface to look for is a skip', facts: { workspaces: [ws('ws-00000001')], workspaceEniEvents: base([], { interfaces: [] }) }, expect: [{ status: 'skip' }] },
  {
    name: 'CloudTrail not readable: the check says so (error naming cloudtrail:LookupEvents)',
    facts: { workspaces: [ws('ws-00000001')], workspaceEniEvents: failed({ kind: 'denied', iamAction: 'cloudtrail:LookupEvents', message: 'access denied: the caller lacks the IAM permission cloudtrail:LookupEvents' }) },
    expect: [{ status: 'error', message: /cloudtrail:LookupEvents/ }],
  },
]);
