// The per-WorkSpace facts over SDK mocks: which filters they send, how they page, and how --workspace and
// --bundle shape what they read.
import { afterEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { DescribeNetworkInterfacesCommand, EC2Client } from '@aws-sdk/client-ec2';
import {
  DescribeWorkspaceBundlesCommand,
  DescribeWorkspaceDirectoriesCommand,
  DescribeWorkspacesCommand,
  WorkSpacesClient,
} from '@aws-sdk/client-workspaces';
import { liveStore } from '../helpers/fact-store.js';

const ec2 = mockClient(EC2Client);
const workspaces = mockClient(WorkSpacesClient);
afterEach(() => {
  ec2.reset();
  workspaces.reset();
});

const store = (options: Record<string, unknown> = {}) => liveStore({ directoryId: 'd-1234567890', ...options });

/** A denied call as the SDK throws it (WorkSpaces: AccessDeniedException; EC2: UnauthorizedOperation). */
const denied = (iamAction: string, name = 'AccessDeniedException') =>
  Object.assign(new Error('You are not authorized to perform this operation.'), { name, iamAction });

describe('workspaces fact', () => {
  it("reads the directory's WorkSpaces 25 a page (the API's maximum) and follows every page", async () => {
    workspaces
      .on(DescribeWorkspacesCommand)
      .resolvesOnce({ Workspaces: [{ WorkspaceId: 'ws-00000001', DirectoryId: 'd-1234567890' }], NextToken: 'page-2' })
      .resolvesOnce({ Workspaces: [{ WorkspaceId: 'ws-00000002', DirectoryId: 'd-1234567890' }] });
    const outcome = await store().settle('workspaces');
    expect(outcome.ok && outcome.value.map((w) => w.WorkspaceId)).toEqual(['ws-00000001', 'ws-00000002']);
    const calls = workspaces.commandCalls(DescribeWorkspacesCommand).map((c) => c.args[0].input);
    // (the paginator reuses one input object, so only the last call's NextToken can be seen)
    expect(calls).toMatchObject([
      { DirectoryId: 'd-1234567890', Limit: 25 },
      { DirectoryId: 'd-1234567890', Limit: 25, NextToken: 'page-2' },
    ]);
  });

  it('with --workspace reads that WorkSpace only, by id (the API takes no directory with ids)', async () => {
    workspaces.on(DescribeWorkspacesCommand).resolves({ Workspaces: [{ WorkspaceId: 'ws-00000001', DirectoryId: 'd-1234567890' }] });
    const outcome = await store({ workspaceId: 'ws-00000001' }).settle('workspaces');
    expect(outcome.ok && outcome.value).toHaveLength(1);
    expect(workspaces.commandCalls(DescribeWorkspacesCommand).map((c) => c.args[0].input)).toEqual([{ WorkspaceIds: ['ws-00000001'] }]);
  });

  it.each([
    [[], /WorkSpace ws-00000009 was not found in us-east-1/],
    [[{ WorkspaceId: 'ws-00000009', DirectoryId: 'd-0000000000' }], /belongs to directory d-0000000000, not d-1234567890/],
  ])('an unknown or foreign --workspace is the target not being found (%#)', async (found, message) => {
    workspaces.on(DescribeWorkspacesCommand).resolves({ Workspaces: found });
    const outcome = await store({ workspaceId: 'ws-00000009' }).settle('workspaces');
    expect(outcome).toMatchObject({ ok: false, failure: { kind: 'target-not-found', message } });
  });
});

describe('workspaces fact: cross-checks', () => {
  it("a WorkSpace of another directory in an answer filtered to this one is an error, not one more WorkSpace", async () => {
    workspaces.on(DescribeWorkspacesCommand).resolves({
      Workspaces: [{ WorkspaceId: 'ws-00000001', DirectoryId: 'd-1234567890' }, { WorkspaceId: 'ws-00000002', DirectoryId: 'd-0000000009' }],
    });
    expect(await store().settle('workspaces')).toMatchObject({
      ok: false,
      failure: { kind: 'error', code: 'InconsistentAnswer', message: expect.stringMatching(/returned 1 WorkSpaces that is not in d-1234567890/) },
    });
  });
});

describe('bundles fact', () => {
  const ids = (n: number) => Array.from({ length: n }, (_, i) => `wsb-${String(i).padStart(9, '0')}`);

  it("reads the WorkSpaces' bundles and the --bundle ones once each, 25 ids a call", async () => {
    const existing = ids(30);
    workspaces.on(DescribeWorkspacesCommand).resolves({
      Workspaces: [...existing, existing[0]].map((BundleId, i) => ({ WorkspaceId: `ws-${String(i).padStart(8, '0')}`, DirectoryId: 'd-1234567890', BundleId })),
    });
    workspaces.on(DescribeWorkspaceBundlesCommand).callsFake(({ BundleIds }: { BundleIds: string[] }) => ({
      Bundles: BundleIds.map((BundleId) => ({ BundleId, ComputeType: { Name: 'VALUE' } })),
    }));
    const outcome = await store({ bundleIds: ['wsb-planned01', existing[1]!] }).settle('bundles');
    expect(outcome.ok && outcome.value).toHaveLength(31);
    const calls = workspaces.commandCalls(DescribeWorkspaceBundlesCommand).map((c) => c.args[0].input.BundleIds!);
    expect(calls.map((c) => c.length)).toEqual([25, 6]);
    expect(calls.flat().sort()).toEqual([...existing, 'wsb-planned01'].sort());
  });

  it('follows NextToken within a call', async () => {
    workspaces.on(DescribeWorkspacesCommand).resolves({ Workspaces: [{ WorkspaceId: 'ws-00000001', DirectoryId: 'd-1234567890', BundleId: 'wsb-000000001' }] });
    workspaces
      .on(DescribeWorkspaceBundlesCommand)
      .resolvesOnce({ Bundles: [], NextToken: 'page-2' })
      .resolvesOnce({ Bundles: [{ BundleId: 'wsb-000000001' }] });
    const outcome = await store().settle('bundles');
    expect(outcome.ok && outcome.value.map((b) => b.BundleId)).toEqual(['wsb-000000001']);
    expect(workspaces.commandCalls(DescribeWorkspaceBundlesCommand)[1]!.args[0].input).toMatchObject({ NextToken: 'page-2' });
  });

  it('makes no call when there is no bundle to read', async () => {
    workspaces.on(DescribeWorkspacesCommand).resolves({ Workspaces: [] });
    expect(await store().settle('bundles')).toEqual({ ok: true, value: [] });
    expect(workspaces.commandCalls(DescribeWorkspaceBundlesCommand)).toHaveLength(0);
  });

  it('an unknown --bundle is the target not being found', async () => {
    workspaces.on(DescribeWorkspacesCommand).resolves({ Workspaces: [] });
    workspaces.on(DescribeWorkspaceBundlesCommand).resolves({ Bundles: [] });
    const outcome = await store({ bundleIds: ['wsb-nosuchone'] }).settle('bundles');
    expect(outcome).toMatchObject({ ok: false, failure: { kind: 'target-not-found', message: /bundle wsb-nosuchone was not found/ } });
  });

  it('still reads the --bundle ones when the WorkSpaces cannot be read, and fails with that reason otherwise', async () => {
    workspaces.on(DescribeWorkspacesCommand).rejects(denied('workspaces:DescribeWorkspaces'));
    workspaces.on(DescribeWorkspaceBundlesCommand).resolves({ Bundles: [{ BundleId: 'wsb-planned01', ComputeType: { Name: 'GRAPHICS' } }] });
    const planned = await store({ bundleIds: ['wsb-planned01'] }).settle('bundles');
    expect(planned.ok && planned.value.map((b) => b.BundleId)).toEqual(['wsb-planned01']);
    const none = await store().settle('bundles');
    expect(none).toMatchObject({ ok: false, failure: { kind: 'denied', iamAction: 'workspaces:DescribeWorkspaces' } });
  });

  it('a denied DescribeWorkspaceBundles names the action', async () => {
    workspaces.on(DescribeWorkspacesCommand).resolves({ Workspaces: [{ WorkspaceId: 'ws-00000001', DirectoryId: 'd-1234567890', BundleId: 'wsb-000000001' }] });
    workspaces.on(DescribeWorkspaceBundlesCommand).rejects(denied('workspaces:DescribeWorkspaceBundles'));
    const outcome = await store().settle('bundles');
    expect(outcome).toMatchObject({ ok: false, failure: { kind: 'denied', iamAction: 'workspaces:DescribeWorkspaceBundles' } });
  });
});

describe('networkInterfaces fact', () => {
  it("filters by the directory's subnets, 1000 a page (the API's maximum), and follows every page", async () => {
    workspaces.on(DescribeWorkspaceDirectoriesCommand).resolves({
      Directories: [{ DirectoryId: 'd-1234567890', SubnetIds: ['subnet-a', 'subnet-b'] }],
    });
    ec2
      .on(DescribeNetworkInterfacesCommand)
      .resolvesOnce({ NetworkInterfaces: [{ NetworkInterfaceId: 'eni-1', SubnetId: 'subnet-a' }], NextToken: 'page-2' })
      .resolvesOnce({ NetworkInterfaces: [{ NetworkInterfaceId: 'eni-2', SubnetId: 'subnet-b' }] });
    const outcome = await store().settle('networkInterfaces');
    expect(outcome.ok && outcome.value.map((n) => n.NetworkInterfaceId)).toEqual(['eni-1', 'eni-2']);
    const calls = ec2.commandCalls(DescribeNetworkInterfacesCommand).map((c) => c.args[0].input);
    expect(calls[0]).toMatchObject({ Filters: [{ Name: 'subnet-id', Values: ['subnet-a', 'subnet-b'] }], MaxResults: 1000 });
    expect(calls[1]).toMatchObject({ NextToken: 'page-2', MaxResults: 1000 });
  });

  it('a denied DescribeNetworkInterfaces names the action', async () => {
    workspaces.on(DescribeWorkspaceDirectoriesCommand).resolves({ Directories: [{ DirectoryId: 'd-1234567890', SubnetIds: ['subnet-a'] }] });
    ec2.on(DescribeNetworkInterfacesCommand).rejects(denied('ec2:DescribeNetworkInterfaces', 'UnauthorizedOperation'));
    const outcome = await store().settle('networkInterfaces');
    expect(outcome).toMatchObject({ ok: false, failure: { kind: 'denied', iamAction: 'ec2:DescribeNetworkInterfaces' } });
  });
});
