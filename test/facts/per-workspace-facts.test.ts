// The per-WorkSpace facts over SDK mocks: --user and --workspace alone, what is batched and how (25 WorkSpaces a
// connection-status call, 500 metric queries a GetMetricData call), what is read only when needed, and how one
// failure is kept to what it concerns.
import { afterEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { CloudTrailClient, LookupEventsCommand } from '@aws-sdk/client-cloudtrail';
import { CloudWatchClient, GetMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { DescribeNetworkInterfacesCommand, EC2Client } from '@aws-sdk/client-ec2';
import { DescribeKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import { ListServiceQuotasCommand, ServiceQuotasClient } from '@aws-sdk/client-service-quotas';
import {
  DescribeTagsCommand,
  DescribeWorkspaceDirectoriesCommand,
  DescribeWorkspacesCommand,
  DescribeWorkspacesConnectionStatusCommand,
  DescribeWorkspaceSnapshotsCommand,
  WorkSpacesClient,
} from '@aws-sdk/client-workspaces';
import type { FactOutcome } from '../../src/core/failure.js';
import { liveStore } from '../helpers/fact-store.js';

const workspaces = mockClient(WorkSpacesClient);
const kms = mockClient(KMSClient);
const cloudwatch = mockClient(CloudWatchClient);
const cloudtrail = mockClient(CloudTrailClient);
const quotas = mockClient(ServiceQuotasClient);
const ec2 = mockClient(EC2Client);
afterEach(() => {
  for (const mock of [workspaces, kms, cloudwatch, cloudtrail, quotas, ec2]) mock.reset();
});

const store = (options: Record<string, unknown> = {}) => liveStore({ directoryId: 'd-1234567890', ...options });
const denied = (iamAction: string, name = 'AccessDeniedException') => Object.assign(new Error('You are not authorized to perform this operation.'), { name, iamAction });
/** The fact's value, or the test fails with the reason it has none. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const ok = (outcome: FactOutcome<any>) => {
  if (!outcome.ok) throw new Error(`fact failed: ${outcome.failure.message}`);
  return outcome;
};
const ids = (n: number, prefix = 'ws-') => Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(8, '0')}`);

describe('--user: userWorkspaces and workspaces', () => {
  it('asks for each user by name in the directory, one call each when all are found', async () => {
    workspaces.on(DescribeWorkspacesCommand).callsFake(({ UserName }) => ({ Workspaces: [{ WorkspaceId: `ws-${UserName}0001`, UserName, DirectoryId: 'd-1234567890' }] }));
    const live = store({ userNames: ['alice', 'bob'] });
    const outcome = ok(await live.settle('workspaces'));
    expect(outcome.ok && outcome.value.map((w: { WorkspaceId: string }) => w.WorkspaceId)).toEqual(['ws-alice0001', 'ws-bob0001']);
    expect(workspaces.commandCalls(DescribeWorkspacesCommand).map((c) => c.args[0].input)).toEqual([
      { DirectoryId: 'd-1234567890', UserName: 'alice', Limit: 25 },
      { DirectoryId: 'd-1234567890', UserName: 'bob', Limit: 25 },
    ]);
    expect(ok(await live.settle('userWorkspaces')).value.directoryUserNames).toBeUndefined();
  });

  it('reads the whole directory once when a name matches nobody exactly: another spelling, or the names closest', async () => {
    workspaces.on(DescribeWorkspacesCommand).callsFake(({ UserName }) =>
      UserName
        ? { Workspaces: [] }
        : { Workspaces: [{ DirectoryId: 'd-1234567890', WorkspaceId: 'ws-00000001', UserName: 'alice' }, { DirectoryId: 'd-1234567890', WorkspaceId: 'ws-00000002', UserName: 'jsmith' }, { DirectoryId: 'd-1234567890', WorkspaceId: 'ws-00000003', UserName: 'jsmith' }] },
    );
    const outcome = ok(await store({ userNames: ['Alice', 'carol'] }).settle('userWorkspaces'));
    expect(outcome.value).toEqual({
      users: [
        { UserName: 'Alice', Workspaces: [{ DirectoryId: 'd-1234567890', WorkspaceId: 'ws-00000001', UserName: 'alice' }] },
        { UserName: 'carol', Workspaces: [] },
      ],
      directoryUserNames: ['alice', 'jsmith'],
    });
    expect(workspaces.commandCalls(DescribeWorkspacesCommand)).toHaveLength(3);
  });

  it('--workspace and --user together look at both', async () => {
    workspaces.on(DescribeWorkspacesCommand).callsFake(({ WorkspaceIds, UserName }) =>
      WorkspaceIds ? { Workspaces: [{ WorkspaceId: 'ws-00000009', DirectoryId: 'd-1234567890' }] } : { Workspaces: [{ WorkspaceId: `ws-${UserName}0001` }] },
    );
    const outcome = ok(await store({ userNames: ['bob'], workspaceId: 'ws-00000009' }).settle('workspaces'));
    expect(outcome.value.map((w: { WorkspaceId: string }) => w.WorkspaceId)).toEqual(['ws-00000009', 'ws-bob0001']);
  });
});

describe('--workspace alone', () => {
  it("the directory is the WorkSpace's: looked up from it, for WorkSpaces and for Directory Service", async () => {
    workspaces.on(DescribeWorkspacesCommand).resolves({ Workspaces: [{ WorkspaceId: 'ws-00000001', DirectoryId: 'd-9999999999' }] });
    workspaces.on(DescribeWorkspaceDirectoriesCommand).resolves({ Directories: [{ DirectoryId: 'd-9999999999', SubnetIds: ['subnet-a'] }] });
    const live = liveStore({ workspaceId: 'ws-00000001' });
    const outcome = ok(await live.settle('workspacesDirectory'));
    expect(outcome).toMatchObject({ ok: true, value: { DirectoryId: 'd-9999999999' } });
    expect(workspaces.commandCalls(DescribeWorkspaceDirectoriesCommand)[0]!.args[0].input).toEqual({ DirectoryIds: ['d-9999999999'] });
    expect(workspaces.commandCalls(DescribeWorkspacesCommand).map((c) => c.args[0].input)).toEqual([{ WorkspaceIds: ['ws-00000001'] }]);
  });

  it('with --directory, the directory is not looked up through the WorkSpace', async () => {
    workspaces.on(DescribeWorkspaceDirectoriesCommand).resolves({ Directories: [{ DirectoryId: 'd-1234567890', SubnetIds: ['subnet-a'] }] });
    await store().settle('workspacesDirectory');
    expect(workspaces.commandCalls(DescribeWorkspacesCommand)).toHaveLength(0);
  });
});

describe('connectionStatus', () => {
  it('reads every WorkSpace when they fit one call (25)', async () => {
    workspaces.on(DescribeWorkspacesCommand).resolves({ Workspaces: ids(3).map((WorkspaceId) => ({ DirectoryId: 'd-1234567890', WorkspaceId, State: 'AVAILABLE' })) });
    workspaces.on(DescribeWorkspacesConnectionStatusCommand).callsFake(({ WorkspaceIds }) => ({ WorkspacesConnectionStatus: WorkspaceIds.map((WorkspaceId: string) => ({ WorkspaceId, ConnectionState: 'DISCONNECTED' })) }));
    const outcome = ok(await store().settle('connectionStatus'));
    expect(outcome.value.scope).toBe('all');
    expect(outcome.value.statuses).toHaveLength(3);
  });

  it('for a whole directory, only those not AVAILABLE, 25 ids a call', async () => {
    const list = ids(600).map((WorkspaceId, i) => ({ DirectoryId: 'd-1234567890', WorkspaceId, State: i % 10 === 0 ? 'UNHEALTHY' : 'AVAILABLE' }));
    workspaces.on(DescribeWorkspacesCommand).callsFake(({ NextToken }) => {
      const from = Number(NextToken ?? 0);
      return { Workspaces: list.slice(from, from + 25), ...(from + 25 < list.length ? { NextToken: String(from + 25) } : {}) };
    });
    workspaces.on(DescribeWorkspacesConnectionStatusCommand).callsFake(({ WorkspaceIds }) => ({ WorkspacesConnectionStatus: WorkspaceIds.map((WorkspaceId: string) => ({ WorkspaceId })) }));
    const outcome = ok(await store().settle('connectionStatus'));
    expect(outcome.value.scope).toBe('not-available');
    expect(outcome.value.statuses).toHaveLength(60);
    expect(workspaces.commandCalls(DescribeWorkspacesConnectionStatusCommand).map((c) => c.args[0].input.WorkspaceIds!.length)).toEqual([25, 25, 10]);
  });
});

describe('kmsKeys', () => {
  it('describes each key once, and keeps each key its own outcome', async () => {
    workspaces.on(DescribeWorkspacesCommand).resolves({
      Workspaces: [
        { DirectoryId: 'd-1234567890', WorkspaceId: 'ws-00000001', RootVolumeEncryptionEnabled: true, VolumeEncryptionKey: 'alias/ok' },
        { DirectoryId: 'd-1234567890', WorkspaceId: 'ws-00000002', UserVolumeEncryptionEnabled: true, VolumeEncryptionKey: 'alias/ok' },
        { DirectoryId: 'd-1234567890', WorkspaceId: 'ws-00000003', UserVolumeEncryptionEnabled: true, VolumeEncryptionKey: 'alias/locked' },
        { DirectoryId: 'd-1234567890', WorkspaceId: 'ws-00000004', VolumeEncryptionKey: 'alias/unused' },
      ],
    });
    kms.on(DescribeKeyCommand, { KeyId: 'alias/ok' }).resolves({ KeyMetadata: { KeyId: 'k1', KeyState: 'Enabled' } });
    kms.on(DescribeKeyCommand, { KeyId: 'alias/locked' }).rejects(denied('kms:DescribeKey'));
    kms.on(DescribeKeyCommand, { KeyId: 'aws/workspaces' }).rejects(Object.assign(new Error('Invalid keyId aws/workspaces'), { name: 'NotFoundException' }));
    const outcome = ok(await store({ kmsKeyId: 'aws/workspaces' }).settle('kmsKeys'));
    expect(outcome.value).toMatchObject([
      { key: 'alias/ok', metadata: { KeyState: 'Enabled' } },
      { key: 'alias/locked', failure: { kind: 'denied', iamAction: 'kms:DescribeKey' } },
      { key: 'aws/workspaces', failure: { code: 'NotFoundException' } },
    ]);
    expect(kms.commandCalls(DescribeKeyCommand)).toHaveLength(3);
  });

  it('reads nothing when nothing is encrypted', async () => {
    workspaces.on(DescribeWorkspacesCommand).resolves({ Workspaces: [{ DirectoryId: 'd-1234567890', WorkspaceId: 'ws-00000001' }] });
    expect(ok(await store().settle('kmsKeys')).value).toEqual([]);
    expect(kms.commandCalls(DescribeKeyCommand)).toHaveLength(0);
  });
});

describe('keyWorkspaceCounts', () => {
  const encrypted = (id: string, key: string) => ({ DirectoryId: 'd-1234567890', WorkspaceId: id, UserVolumeEncryptionEnabled: true, VolumeEncryptionKey: key });

  it("reuses the directory's listing and pages only the Region's other directories", async () => {
    workspaces.on(DescribeWorkspaceDirectoriesCommand).callsFake(({ DirectoryIds }) => ({
      Directories: DirectoryIds ? [{ DirectoryId: 'd-1234567890' }] : [{ DirectoryId: 'd-1234567890' }, { DirectoryId: 'd-2222222222' }],
    }));
    workspaces.on(DescribeWorkspacesCommand).callsFake(({ DirectoryId }) => ({
      Workspaces: DirectoryId === 'd-1234567890' ? [encrypted('ws-00000001', 'K')] : [encrypted('ws-00000002', 'K'), encrypted('ws-00000003', 'L')],
    }));
    const outcome = ok(await store().settle('keyWorkspaceCounts'));
    expect(outcome.value).toEqual({ directories: ['d-1234567890', 'd-2222222222'], keys: [
        { key: 'K', byDirectory: [{ DirectoryId: 'd-1234567890', workspaces: 1 }, { DirectoryId: 'd-2222222222', workspaces: 1 }] },
        { key: 'L', byDirectory: [{ DirectoryId: 'd-2222222222', workspaces: 1 }] },
      ] });
    expect(workspaces.commandCalls(DescribeWorkspacesCommand).map((c) => c.args[0].input.DirectoryId)).toEqual(['d-1234567890', 'd-2222222222']);
  });

  it("counts from the Region's listing when the run lists the Region anyway: one DescribeWorkspaces, no directory paged again", async () => {
    workspaces.on(DescribeWorkspaceDirectoriesCommand).resolves({ Directories: [{ DirectoryId: 'd-1234567890' }, { DirectoryId: 'd-2222222222' }] });
    workspaces.on(DescribeWorkspacesCommand).resolves({
      Workspaces: [encrypted('ws-00000001', 'K'), { ...encrypted('ws-00000002', 'K'), DirectoryId: 'd-2222222222' }, { ...encrypted('ws-00000003', 'L'), DirectoryId: 'd-2222222222' }],
    });
    const live = liveStore({ directoryId: 'd-1234567890' }, { facts: ['regionWorkspaces', 'keyWorkspaceCounts'] });
    const outcome = ok(await live.settle('keyWorkspaceCounts'));
    expect(outcome.value).toEqual({ directories: ['d-1234567890', 'd-2222222222'], keys: [
        { key: 'K', byDirectory: [{ DirectoryId: 'd-1234567890', workspaces: 1 }, { DirectoryId: 'd-2222222222', workspaces: 1 }] },
        { key: 'L', byDirectory: [{ DirectoryId: 'd-2222222222', workspaces: 1 }] },
      ] });
    expect(workspaces.commandCalls(DescribeWorkspacesCommand).map((c) => c.args[0].input)).toEqual([{ Limit: 25 }]);
  });

  it('makes no call when no key is in use or planned', async () => {
    workspaces.on(DescribeWorkspacesCommand).resolves({ Workspaces: [{ DirectoryId: 'd-1234567890', WorkspaceId: 'ws-00000001' }] });
    expect(ok(await store().settle('keyWorkspaceCounts')).value).toEqual({ directories: [], keys: [] });
    expect(workspaces.commandCalls(DescribeWorkspaceDirectoriesCommand)).toHaveLength(0);
  });
});

describe('workspaceMetrics', () => {
  it('asks for 4 metrics per WorkSpace, 500 queries a call, over the last 24 hours, and merges pages', async () => {
    workspaces.on(DescribeWorkspacesCommand).resolves({ Workspaces: ids(130).map((WorkspaceId) => ({ DirectoryId: 'd-1234567890', WorkspaceId, State: 'AVAILABLE' })) });
    cloudwatch.on(GetMetricDataCommand).callsFake(({ MetricDataQueries, NextToken }) => {
      // The first call answers in two pages: half the latency average now, the rest on the next page.
      const results = MetricDataQueries.map(({ Id }: { Id: string }) => ({ Id, Values: Id === 'w0m3' ? [NextToken ? 120 : 80] : Id.endsWith('m0') ? [] : [1] }));
      return !NextToken && MetricDataQueries.length === 500 ? { MetricDataResults: results, NextToken: 'more' } : { MetricDataResults: NextToken ? results.filter((r: { Id: string }) => r.Id === 'w0m3') : results };
    });
    const outcome = ok(await store().settle('workspaceMetrics'));
    const calls = cloudwatch.commandCalls(GetMetricDataCommand).map((c) => c.args[0].input);
    expect(calls.map((c) => c.MetricDataQueries!.length)).toEqual([500, 20, 500]);
    const first = calls[0]!;
    expect(first.EndTime!.getTime() - first.StartTime!.getTime()).toBe(24 * 3600_000);
    expect(first.MetricDataQueries![0]).toMatchObject({ MetricStat: { Metric: { Namespace: 'AWS/WorkSpaces', MetricName: 'Unhealthy', Dimensions: [{ Name: 'WorkspaceId', Value: 'ws-00000000' }] }, Period: 86400, Stat: 'Sum' } });
    expect(outcome.value.workspaces).toHaveLength(130);
    expect(outcome.value.workspaces[0]).toEqual({ WorkspaceId: 'ws-00000000', connectionAttempts: 1, connectionFailures: 1, inSessionLatencyMs: 100 });
  });

  it('a denied GetMetricData names the action', async () => {
    workspaces.on(DescribeWorkspacesCommand).resolves({ Workspaces: [{ DirectoryId: 'd-1234567890', WorkspaceId: 'ws-00000001' }] });
    cloudwatch.on(GetMetricDataCommand).rejects(denied('cloudwatch:GetMetricData'));
    expect(await store().settle('workspaceMetrics')).toMatchObject({ ok: false, failure: { kind: 'denied', iamAction: 'cloudwatch:GetMetricData' } });
  });
});

describe('CloudTrail facts', () => {
  const record = (fields: Record<string, unknown>) => JSON.stringify(fields);

  it('launch events: only for PENDING WorkSpaces, newest first, stopping once each is found', async () => {
    workspaces.on(DescribeWorkspacesCommand).resolves({ Workspaces: [{ DirectoryId: 'd-1234567890', WorkspaceId: 'ws-00000001', State: 'PENDING' }, { DirectoryId: 'd-1234567890', WorkspaceId: 'ws-00000002', State: 'AVAILABLE' }] });
    cloudtrail
      .on(LookupEventsCommand)
      .resolvesOnce({
        Events: [
          { EventName: 'CreateWorkspaces', EventTime: new Date('2026-11-20T11:00:00Z'), Username: 'admin', CloudTrailEvent: record({ responseElements: { pendingRequests: [{ workspaceId: 'ws-00000001' }] } }) },
        ],
        NextToken: 'page-2',
      })
      .resolves({ Events: [] });
    const outcome = ok(await store().settle('workspaceLaunchEvents'));
    expect(outcome.value).toMatchObject({ searched: true, wanted: ['ws-00000001'], launches: [{ WorkspaceId: 'ws-00000001', eventTime: '2026-11-20T11:00:00.000Z', Username: 'admin' }] });
    const calls = cloudtrail.commandCalls(LookupEventsCommand);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.args[0].input).toMatchObject({ LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'CreateWorkspaces' }], MaxResults: 50 });
  });

  it('launch events: nothing PENDING and no change judged, nothing read', async () => {
    workspaces.on(DescribeWorkspacesCommand).resolves({ Workspaces: [{ DirectoryId: 'd-1234567890', WorkspaceId: 'ws-00000001', State: 'AVAILABLE' }] });
    expect(ok(await store().settle('workspaceLaunchEvents')).value).toMatchObject({ searched: false, launches: [] });
    expect(cloudtrail.commandCalls(LookupEventsCommand)).toHaveLength(0);
  });

  it('modify events: read only before a modify, for the WorkSpaces in scope', async () => {
    workspaces.on(DescribeWorkspacesCommand).resolves({ Workspaces: [{ DirectoryId: 'd-1234567890', WorkspaceId: 'ws-00000001' }] });
    cloudtrail.on(LookupEventsCommand).resolves({
      Events: [
        { EventName: 'ModifyWorkspaceProperties', EventTime: new Date('2026-11-20T10:00:00Z'), CloudTrailEvent: record({ requestParameters: { workspaceId: 'ws-00000001', workspaceProperties: { computeTypeName: 'POWER', userVolumeSizeGib: 100 } } }) },
        { EventName: 'ModifyWorkspaceProperties', EventTime: new Date('2026-11-20T09:00:00Z'), CloudTrailEvent: record({ requestParameters: { workspaceId: 'ws-00000099', workspaceProperties: { computeTypeName: 'VALUE' } } }) },
      ],
    });
    expect(ok(await store().settle('workspaceModifyEvents')).value.searched).toBe(false);
    const outcome = ok(await store({ before: 'modify' }).settle('workspaceModifyEvents'));
    expect(outcome.value.changes).toEqual([{ WorkspaceId: 'ws-00000001', eventTime: '2026-11-20T10:00:00.000Z', computeTypeName: 'POWER', userVolumeSizeGib: 100 }]);
  });

  it('ENI events: a few WorkSpaces are looked up by interface; a directory by event name, matched, pages capped', async () => {
    const many = ids(30).map((WorkspaceId, i) => ({ DirectoryId: 'd-1234567890', WorkspaceId, IpAddress: `10.0.1.${i + 10}`, SubnetId: 'subnet-a' }));
    const nics = many.map((w, i) => ({ NetworkInterfaceId: `eni-${i}`, SubnetId: 'subnet-a', Status: 'in-use', PrivateIpAddress: w.IpAddress }));
    workspaces.on(DescribeWorkspaceDirectoriesCommand).resolves({ Directories: [{ DirectoryId: 'd-1234567890', SubnetIds: ['subnet-a'] }] });
    ec2.on(DescribeNetworkInterfacesCommand).resolves({ NetworkInterfaces: nics as never });
    const event = (name: string, eni: string) => ({ EventName: name, EventTime: new Date('2026-11-20T10:00:00Z'), Resources: [{ ResourceType: 'AWS::EC2::NetworkInterface', ResourceName: eni }], CloudTrailEvent: record({ userIdentity: { type: 'IAMUser', arn: 'arn:aws:iam::1:user/bob' } }) });

    workspaces.on(DescribeWorkspacesCommand).resolves({ Workspaces: many.slice(0, 2) });
    cloudtrail.on(LookupEventsCommand).callsFake(({ LookupAttributes }) => ({ Events: [event('DetachNetworkInterface', LookupAttributes[0].AttributeValue), event('CreateTags', LookupAttributes[0].AttributeValue)] }));
    const few = ok(await store().settle('workspaceEniEvents'));
    expect(few.value).toMatchObject({ strategy: 'per-interface', complete: true });
    expect(few.value.events.map((e: { eventName: string; networkInterfaceId: string }) => `${e.eventName} ${e.networkInterfaceId}`)).toEqual(['DetachNetworkInterface eni-0', 'DetachNetworkInterface eni-1']);
    expect(cloudtrail.commandCalls(LookupEventsCommand).map((c) => c.args[0].input.LookupAttributes![0]!.AttributeKey)).toEqual(['ResourceName', 'ResourceName']);

    cloudtrail.reset();
    workspaces.on(DescribeWorkspacesCommand).resolves({ Workspaces: many });
    // Every event name has endless history: each gives a page with one event on our interfaces and one on another.
    cloudtrail.on(LookupEventsCommand).callsFake(({ LookupAttributes, NextToken }) => ({
      Events: [event(LookupAttributes[0].AttributeValue, 'eni-3'), event(LookupAttributes[0].AttributeValue, 'eni-elsewhere')],
      NextToken: `${Number(NextToken ?? 0) + 1}`,
    }));
    const all = ok(await store().settle('workspaceEniEvents'));
    expect(all.value).toMatchObject({ strategy: 'per-event-name', complete: false, reachedBack: '2026-11-20T10:00:00.000Z' });
    const calls = cloudtrail.commandCalls(LookupEventsCommand);
    expect(calls).toHaveLength(6 * 20);
    expect(new Set(calls.map((c) => c.args[0].input.LookupAttributes![0]!.AttributeValue))).toEqual(
      new Set(['DisassociateAddress', 'ModifyNetworkInterfaceAttribute', 'DetachNetworkInterface', 'DeleteNetworkInterface', 'AssignPrivateIpAddresses', 'UnassignPrivateIpAddresses']),
    );
    expect(all.value.events.every((e: { networkInterfaceId: string }) => e.networkInterfaceId === 'eni-3')).toBe(true);
  });

  it('a record that is not JSON, or not an object, is read as empty: never a throw', async () => {
    workspaces.on(DescribeWorkspacesCommand).resolves({ Workspaces: [{ DirectoryId: 'd-1234567890', WorkspaceId: 'ws-00000001' }] });
    cloudtrail.on(LookupEventsCommand).resolves({
      Events: [
        { EventName: 'MigrateWorkspace', EventTime: new Date('2026-11-20T10:00:00Z'), CloudTrailEvent: '{not json' },
        { EventName: 'MigrateWorkspace', EventTime: new Date('2026-11-20T10:00:00Z'), CloudTrailEvent: '[1,2]' },
        { EventName: 'MigrateWorkspace', EventTime: new Date('2026-11-20T09:00:00Z'), CloudTrailEvent: record({ requestParameters: { sourceWorkspaceId: 'ws-00000001', bundleId: 'wsb-target001' }, responseElements: { targetWorkspaceId: 'ws-00000002' } }) },
      ],
    });
    const outcome = ok(await store().settle('workspaceMigrationEvents'));
    expect(outcome.value.migrations).toEqual([{ sourceWorkspaceId: 'ws-00000001', targetBundleId: 'wsb-target001', targetWorkspaceId: 'ws-00000002', eventTime: '2026-11-20T09:00:00.000Z' }]);
  });

  it('a page token returned twice stops the paging with an error', async () => {
    workspaces.on(DescribeWorkspacesCommand).resolves({ Workspaces: [{ DirectoryId: 'd-1234567890', WorkspaceId: 'ws-00000001' }] });
    cloudtrail.on(LookupEventsCommand).resolves({ Events: [], NextToken: 'same' });
    expect(await store().settle('workspaceMigrationEvents')).toMatchObject({ ok: false, failure: { message: /already returned/ } });
  });

  it('a denied LookupEvents names cloudtrail:LookupEvents, and only the facts that need CloudTrail fail', async () => {
    workspaces.on(DescribeWorkspacesCommand).resolves({ Workspaces: [{ DirectoryId: 'd-1234567890', WorkspaceId: 'ws-00000001', State: 'AVAILABLE' }] });
    cloudtrail.on(LookupEventsCommand).rejects(denied('cloudtrail:LookupEvents'));
    const live = store();
    expect(await live.settle('workspaceMigrationEvents')).toMatchObject({ ok: false, failure: { kind: 'denied', iamAction: 'cloudtrail:LookupEvents' } });
    expect(await live.settle('workspaces')).toMatchObject({ ok: true });
  });
});

describe('snapshots, tags, image quota', () => {
  it('snapshots are read only before a rebuild, restore or migration, and for 25 WorkSpaces at most', async () => {
    workspaces.on(DescribeWorkspaceSnapshotsCommand).resolves({ RebuildSnapshots: [{ SnapshotTime: new Date('2026-11-20T00:00:00Z') }], RestoreSnapshots: [] });
    workspaces.on(DescribeWorkspacesCommand).resolvesOnce({ Workspaces: [{ DirectoryId: 'd-1234567890', WorkspaceId: 'ws-00000001' }] }).resolves({ Workspaces: ids(26).map((WorkspaceId) => ({ DirectoryId: 'd-1234567890', WorkspaceId })) });
    expect(await store().settle('workspaceSnapshots')).toMatchObject({ ok: false, failure: { kind: 'not-applicable' } });
    expect(await store({ before: 'rebuild' }).settle('workspaceSnapshots')).toMatchObject({ ok: true, value: [{ WorkspaceId: 'ws-00000001', RebuildSnapshots: [{ SnapshotTime: '2026-11-20T00:00:00.000Z' }] }] });
    expect(await store({ before: 'restore' }).settle('workspaceSnapshots')).toMatchObject({ ok: false, failure: { kind: 'not-applicable', message: /26 are in scope/ } });
  });

  it("tags: the directory's always, the WorkSpaces' when 25 or fewer", async () => {
    workspaces.on(DescribeWorkspaceDirectoriesCommand).resolves({ Directories: [{ DirectoryId: 'd-1234567890' }] });
    workspaces.on(DescribeTagsCommand).callsFake(({ ResourceId }) => ({ TagList: [{ Key: 'owner', Value: ResourceId }] }));
    workspaces.on(DescribeWorkspacesCommand).resolves({ Workspaces: ids(30).map((WorkspaceId) => ({ DirectoryId: 'd-1234567890', WorkspaceId })) });
    const outcome = ok(await store().settle('workspaceTags'));
    expect(outcome.value).toEqual({ resources: [{ ResourceId: 'd-1234567890', Tags: [{ Key: 'owner', Value: 'd-1234567890' }] }], workspacesNotRead: 30 });
  });

  it('the images quota is the Service Quotas one named for images', async () => {
    quotas.on(ListServiceQuotasCommand).resolves({ Quotas: [{ QuotaName: 'WorkSpaces', QuotaCode: 'L-A', Value: 5 }, { QuotaName: 'Images', QuotaCode: 'L-B', Value: 40 }] });
    expect(ok(await store().settle('workspacesImageQuota')).value).toEqual({ QuotaName: 'Images', QuotaCode: 'L-B', Value: 40 });
    expect(quotas.commandCalls(ListServiceQuotasCommand)[0]!.args[0].input).toMatchObject({ ServiceCode: 'workspaces', MaxResults: 100 });
  });
});
