// A plan that launches WorkSpaces into an existing directory, against moto_server and the WorkSpaces front: who each
// launch is for (a user who has a WorkSpace, a user launched twice), its KMS key (created disabled by the plan, a bare
// alias, an existing key described live) and its compute type against the live bundle. The plan is the fixture
// `terraform show -json` wrote (test/fixtures/iac/terraform/launch-faults), with this run's directory and key.
import { describe, expect, it } from 'vitest';
import { copyFile, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CreateKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import { runCli, testEnv } from '../helpers/cli.js';
import { motoAvailable } from '../helpers/moto.js';
import { launchWorkspace, sdkConfig, seedDirectory } from '../helpers/seed.js';
import { useEmulatorWithFront } from '../helpers/workspaces-front.js';

const FIXTURE = fileURLToPath(new URL('../fixtures/iac/terraform/launch-faults/', import.meta.url));

interface Result {
  checkId: string;
  status: string;
  resource: string;
  message: string;
  location?: { address: string; file: string; line?: number };
}

describe.runIf(motoAvailable())('a plan that launches WorkSpaces, against moto_server', () => {
  const emulator = useEmulatorWithFront();

  it('fails each launch that apply would refuse, at its resource, and reads only what exists', async () => {
    await emulator.moto.reset();
    const region = 'eu-west-2';
    const seeded = await seedDirectory(emulator.moto.endpoint, region, '10.0.0.0/16', ['10.0.1.0/24', '10.0.2.0/24']);
    emulator.front.addBundles({ BundleId: 'wsb-bh8rsxt14', Name: 'Standard with Windows', ComputeType: { Name: 'STANDARD' } });
    const carol = await launchWorkspace(emulator.moto.endpoint, region, seeded.directoryId, seeded.subnetIds[0], { userName: 'carol', bundleId: 'wsb-bh8rsxt14' });
    const { KeyMetadata } = await new KMSClient(sdkConfig(emulator.moto.endpoint, region)).send(new CreateKeyCommand({ Description: 'live key' }));
    const liveKey = KeyMetadata!.Arn!;

    const dir = await mkdtemp(join(tmpdir(), 'wsdoctor-plan-'));
    const plan = (await readFile(`${FIXTURE}plan.json`, 'utf8'))
      .replaceAll('d-90670a1b2c', seeded.directoryId)
      .replaceAll('arn:aws:kms:eu-west-2:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab', liveKey);
    await writeFile(join(dir, 'plan.json'), plan);
    await copyFile(`${FIXTURE}main.tf`, join(dir, 'main.tf'));
    const lineOf = (text: string) => readFile(`${FIXTURE}main.tf`, 'utf8').then((t) => t.split('\n').findIndex((l) => l.includes(text)) + 1);

    const cli = await runCli(
      ['check', '--terraform-plan', join(dir, 'plan.json'), '--endpoint-url', emulator.front.endpoint, '--format', 'json', '--debug',
        '--only', 'ws-user-has-workspace,ws-kms-key-usable,ws-compute-type-bundle,ws-user-workspace-found'],
      testEnv(),
    );
    const report = JSON.parse(cli.stdout) as { results: Result[] };
    const of = (id: string) => report.results.filter((r) => r.checkId === id).map((r) => [r.status, r.resource]);
    const calls = [...cli.stderr.matchAll(/^wsdoctor: debug: AWS call (\S+)$/gm)].map((m) => m[1]!);
    expect(cli.code).toBe(1);

    // Who: Carol (as carol) has one live, erin is launched twice by the plan; the others have none.
    expect(of('ws-user-has-workspace')).toEqual([
      ['fail', 'Carol'],
      ['fail', 'erin'],
      ['pass', 'frank'],
      ['pass', 'gina'],
      ['pass', 'hal'],
      ['pass', 'ivy'],
    ]);
    const has = (user: string) => report.results.find((r) => r.checkId === 'ws-user-has-workspace' && r.resource === user)!;
    expect(has('Carol').message).toBe(`User Carol already has ${carol.workspaceId} (AVAILABLE, as carol) in ${seeded.directoryId}: a WorkSpace must be assigned to a user that does not already have one.`);
    expect(has('erin').message).toContain('User erin already has aws_workspaces_workspace.erin_again (planned)');
    expect(has('Carol').location).toMatchObject({ address: 'aws_workspaces_workspace.carol', line: await lineOf('resource "aws_workspaces_workspace" "carol"') });
    expect(of('ws-user-workspace-found')).toEqual([['skip', seeded.directoryId]]);

    // The key: created disabled by the plan, a bare alias, and the live key (described, enabled).
    const keys = Object.fromEntries(report.results.filter((r) => r.checkId === 'ws-kms-key-usable').map((r) => [r.resource, r]));
    expect(Object.keys(keys).sort()).toEqual(['aws/workspaces', 'aws_kms_key.disabled', liveKey].sort());
    expect(keys['aws_kms_key.disabled']).toMatchObject({ status: 'fail', location: { address: 'aws_kms_key.disabled' } });
    expect(keys['aws_kms_key.disabled']!.message).toMatch(/^KMS key aws_kms_key\.disabled \(the key of WorkSpace aws_workspaces_workspace\.frank\) is Disabled, not Enabled/);
    expect(keys['aws/workspaces']).toMatchObject({ status: 'fail', location: { address: 'aws_workspaces_workspace.gina' }, message: expect.stringContaining('"aws/workspaces" (the key of WorkSpace aws_workspaces_workspace.gina) is a bare alias') });
    expect(keys[liveKey]).toMatchObject({ status: 'pass', message: expect.stringContaining('is enabled and symmetric') });
    // Only the key that exists was asked about.
    expect(calls.filter((c) => c === 'kms:DescribeKey')).toHaveLength(1);

    // The compute type: hal's GRAPHICS on a STANDARD bundle.
    expect(of('ws-compute-type-bundle')).toEqual([['fail', 'aws_workspaces_workspace.hal']]);
    expect(report.results.find((r) => r.checkId === 'ws-compute-type-bundle')!.message).toMatch(
      /^WorkSpace aws_workspaces_workspace\.hal \(user hal\) is planned on Graphics, but its bundle wsb-bh8rsxt14 \("Standard with Windows"\) is a Standard bundle.* Launch it as Standard/,
    );
  });

  it('a CDK stack’s launch on a compute type its bundle lacks fails against the live bundle; the stack’s own resources are not asked about', async () => {
    await emulator.moto.reset();
    emulator.front.addBundles({ BundleId: 'wsb-bh8rsxt14', Name: 'Standard with Windows', ComputeType: { Name: 'STANDARD' } });
    const cli = await runCli(
      ['check', '--cloudformation', fileURLToPath(new URL('../fixtures/iac/cloudformation/cdk-launch-faults.template.json', import.meta.url)),
        '--region', 'eu-west-2', '--parameters', 'DirectoryPassword=not-used-1', '--endpoint-url', emulator.front.endpoint, '--format', 'json', '--debug',
        '--only', 'ws-compute-type-bundle,ws-kms-key-usable,ws-user-has-workspace'],
      testEnv(),
    );
    const report = JSON.parse(cli.stdout) as { results: Result[] };
    const calls = [...cli.stderr.matchAll(/^wsdoctor: debug: AWS call (\S+)$/gm)].map((m) => m[1]!);
    const compute = report.results.filter((r) => r.checkId === 'ws-compute-type-bundle');
    expect(compute.map((r) => [r.status, r.resource, r.location?.address])).toEqual([['fail', 'Resources.HalWorkspace', 'Resources.HalWorkspace']]);
    expect(compute[0]!.message).toContain('is planned on Graphics, but its bundle wsb-bh8rsxt14');
    // The bundle was read; the directory, its WorkSpaces and the stack's key were not (they do not exist yet).
    expect(calls).toContain('workspaces:DescribeWorkspaceBundles');
    for (const unasked of ['workspaces:DescribeWorkspaces', 'workspaces:DescribeWorkspaceDirectories', 'kms:DescribeKey', 'ds:DescribeDirectories']) expect(calls).not.toContain(unasked);
  });
});
