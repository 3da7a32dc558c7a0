// The launch's planned readings: the users a plan launches WorkSpaces for (asked for by name in a directory that
// exists, never in one the plan creates) and the keys of its WorkSpaces (a key the plan creates is described from the
// plan, a bare alias judged by its form, every other key by KMS).
import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { mockClient } from 'aws-sdk-client-mock';
import { DescribeKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import { DescribeWorkspaceDirectoriesCommand, DescribeWorkspacesCommand, WorkSpacesClient } from '@aws-sdk/client-workspaces';
import { AwsClients } from '../../src/aws/clients.js';
import type { FactOutcome } from '../../src/core/failure.js';
import { unknownValue } from '../../src/core/unknown.js';
import { LiveFactStore } from '../../src/facts/store.js';
import type { PlannedWorld } from '../../src/iac/model.js';
import { terraformWorld } from '../../src/iac/terraform.js';
import { fact } from '../helpers/fact-store.js';

const workspaces = mockClient(WorkSpacesClient);
const kms = mockClient(KMSClient);
afterEach(() => {
  workspaces.reset();
  kms.reset();
});

const plan = (name: string) =>
  terraformWorld(JSON.parse(readFileSync(new URL(`../fixtures/iac/terraform/${name}/plan.json`, import.meta.url), 'utf8')), `${name}/plan.json`);

function store(world: PlannedWorld, directoryId: string) {
  const aws = new AwsClients({ region: 'eu-west-2', timeoutMs: 1000, maxAttempts: 1, credentials: async () => ({ accessKeyId: 'AKIAFAKE', secretAccessKey: 'fake' }) });
  const live = new LiveFactStore({ aws, inputs: { targets: { directoryId }, options: {} }, region: 'eu-west-2', timeoutMs: 1000, plan: { world, offline: false } });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return (name: string): Promise<FactOutcome<any>> => live.settle(fact(name));
}

describe('the users a plan launches for', () => {
  it('in a directory the plan creates: none has a WorkSpace, and WorkSpaces is not asked', async () => {
    const users = await store(plan('healthy'), 'aws_directory_service_directory.corp')('userWorkspaces');
    expect(users).toEqual({ ok: true, value: { users: [{ UserName: 'alice', Workspaces: [] }, { UserName: 'bob', Workspaces: [] }] } });
    expect(workspaces.calls()).toHaveLength(0);
  });

  it('in an existing directory: each is asked for by name, as --user asks', async () => {
    workspaces.on(DescribeWorkspacesCommand, { DirectoryId: 'd-90670a1b2c', UserName: 'carol' }).resolves({ Workspaces: [{ WorkspaceId: 'ws-1', DirectoryId: 'd-90670a1b2c', UserName: 'carol', State: 'AVAILABLE' }] });
    workspaces.on(DescribeWorkspacesCommand, { DirectoryId: 'd-90670a1b2c', UserName: 'dave' }).resolves({ Workspaces: [{ WorkspaceId: 'ws-2', DirectoryId: 'd-90670a1b2c', UserName: 'dave', State: 'STOPPED' }] });
    const users = await store(plan('existing-network'), 'd-90670a1b2c')('userWorkspaces');
    expect(users.ok && users.value.users.map((u: { UserName: string; Workspaces: { WorkspaceId: string }[] }) => `${u.UserName}: ${u.Workspaces.map((w) => w.WorkspaceId).join(',')}`)).toEqual(['carol: ws-1', 'dave: ws-2']);
    expect(workspaces.commandCalls(DescribeWorkspacesCommand).map((c) => c.args[0].input.UserName)).toEqual(['carol', 'dave']);
  });

  it('a user name known only after apply is a skip with its reason', async () => {
    const world = plan('healthy');
    world.workspaces[1]!.userName = unknownValue('aws_workspaces_workspace.user["bob"]: user_name is known after apply');
    const users = await store(world, 'aws_directory_service_directory.corp')('userWorkspaces');
    expect(users).toEqual({ ok: false, failure: { kind: 'unknown-until-apply', message: 'aws_workspaces_workspace.user["bob"]: user_name is known after apply' } });
  });
});

describe('the keys of the WorkSpaces a plan launches', () => {
  it('a key the plan creates is described from the plan, and KMS is not asked', async () => {
    const keys = await store(plan('healthy'), 'aws_directory_service_directory.corp')('kmsKeys');
    expect(keys).toEqual({
      ok: true,
      value: [{ key: 'aws_kms_key.workspaces', metadata: { KeyId: 'aws_kms_key.workspaces', Enabled: true, KeyState: 'Enabled', KeySpec: 'SYMMETRIC_DEFAULT', KeyUsage: 'ENCRYPT_DECRYPT', KeyManager: 'CUSTOMER', MultiRegion: { $unknown: 'aws_kms_key.workspaces: multi_region is known after apply' } } }],
    });
    expect(kms.calls()).toHaveLength(0);
  });

  it('in an existing directory, a disabled planned key, a bare alias by its form, and the live key by KMS', async () => {
    workspaces.on(DescribeWorkspaceDirectoriesCommand).resolves({ Directories: [{ DirectoryId: 'd-90670a1b2c', SubnetIds: ['subnet-1'], State: 'REGISTERED' }] });
    workspaces.on(DescribeWorkspacesCommand).resolves({ Workspaces: [] });
    const arn = 'arn:aws:kms:eu-west-2:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';
    kms.on(DescribeKeyCommand).resolves({ KeyMetadata: { KeyId: '1234abcd-12ab-34cd-56ef-1234567890ab', Arn: arn, KeyState: 'Enabled', Enabled: true, KeySpec: 'SYMMETRIC_DEFAULT' } });
    const keys = await store(plan('launch-faults'), 'd-90670a1b2c')('kmsKeys');
    expect(keys.ok && keys.value.map((k: { key: string; metadata?: { KeyState: string }; failure?: { code: string } }) => [k.key, k.metadata?.KeyState ?? k.failure?.code])).toEqual([
      ['aws_kms_key.disabled', 'Disabled'],
      ['aws/workspaces', 'NotFoundException'],
      [arn, 'Enabled'],
    ]);
    expect(kms.commandCalls(DescribeKeyCommand).map((c) => c.args[0].input.KeyId)).toEqual([arn]);
  });
});
