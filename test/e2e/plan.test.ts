// Before apply, against moto_server: what a plan references by id is read from the account as a live run reads it
// (an existing directory, its subnets and WorkSpaces, the account's workspaces_DefaultRole), CloudFormation's
// Fn::GetAZs is resolved through the account's DescribeAvailabilityZones, and the plan's own resources are never
// asked about. The plans are the fixtures `terraform show -json` wrote, with the directory id made this run's.
import { describe, expect, it } from 'vitest';
import { mkdtemp, readFile, writeFile, copyFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli, testEnv } from '../helpers/cli.js';
import { motoAvailable } from '../helpers/moto.js';
import { enableIpv6AutoAssign, seedDirectory } from '../helpers/seed.js';
import { useEmulatorWithFront } from '../helpers/workspaces-front.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/iac/', import.meta.url));

interface Result {
  checkId: string;
  status: string;
  resource: string;
  message: string;
  location?: { address: string; file: string; line?: number };
}

describe.runIf(motoAvailable())('check a plan against moto_server', () => {
  const emulator = useEmulatorWithFront();

  async function run(args: string[]) {
    const cli = await runCli(['check', ...args, '--endpoint-url', emulator.front.endpoint, '--format', 'json', '--debug'], testEnv());
    const calls = [...cli.stderr.matchAll(/^wsdoctor: debug: AWS call (\S+)$/gm)].map((m) => m[1]!);
    const report = JSON.parse(cli.stdout) as { results: Result[]; plan: { targets: unknown[] } };
    const result = (id: string) => report.results.find((r) => r.checkId === id)!;
    return { code: cli.code, report, calls, result };
  }

  it('reads the existing directory a plan launches WorkSpaces in: its subnets, its WorkSpaces, the account role', async () => {
    await emulator.moto.reset();
    const seeded = await seedDirectory(emulator.moto.endpoint, 'eu-west-2', '10.0.0.0/16', ['10.0.1.0/24', '10.0.2.0/24'], { defaultRole: false });
    await enableIpv6AutoAssign(emulator.moto.endpoint, 'eu-west-2', seeded.vpcId, seeded.subnetIds[1]);
    emulator.front.addBundles({ BundleId: 'wsb-bh8rsxt14', Name: 'Standard with Windows', ComputeType: { Name: 'STANDARD' } });
    const dir = await mkdtemp(join(tmpdir(), 'wsdoctor-plan-'));
    const plan = (await readFile(`${FIXTURES}terraform/existing-network/plan.json`, 'utf8')).replaceAll('d-90670a1b2c', seeded.directoryId);
    await writeFile(join(dir, 'plan.json'), plan);
    await copyFile(`${FIXTURES}terraform/existing-network/main.tf`, join(dir, 'main.tf'));

    const { code, report, calls, result } = await run(['--terraform-plan', join(dir, 'plan.json')]);
    expect(code).toBe(1);
    expect(report.plan.targets).toEqual([{ kind: 'directory', id: seeded.directoryId, address: 'aws_workspaces_workspace.carol' }]);
    // carol's PERFORMANCE WorkSpace, planned, against the live subnet that auto-assigns IPv6.
    expect(result('ipv6-auto-assign')).toMatchObject({ status: 'fail', resource: seeded.subnetIds[1] });
    expect(result('ipv6-auto-assign').message).toContain('WorkSpace aws_workspaces_workspace.carol (carol) is PERFORMANCE');
    // The two WorkSpaces the plan launches, against the live subnets' free addresses.
    expect(result('ws-subnet-free-ips')).toMatchObject({ status: 'pass', message: expect.stringContaining('enough for the 2 WorkSpaces planned') });
    // No workspaces_DefaultRole in the account, none in the plan.
    expect(result('ws-default-role')).toMatchObject({ status: 'fail', message: expect.stringContaining('has no IAM role workspaces_DefaultRole') });
    // A finding about a live resource points at the code that names the directory.
    expect(result('mgmt-cidr-conflict').location).toMatchObject({ address: 'aws_workspaces_workspace.carol', file: join(dir, 'main.tf'), line: 8 });
    expect(calls).toEqual(expect.arrayContaining(['workspaces:DescribeWorkspaceDirectories', 'ec2:DescribeSubnets', 'workspaces:DescribeWorkspaces', 'iam:GetRole']));
  });

  it('resolves a CDK stack’s Fn::GetAZs through the account’s zones, and asks AWS nothing about what the stack creates', async () => {
    await emulator.moto.reset();
    const { code, calls, result } = await run([
      '--cloudformation', `${FIXTURES}cloudformation/cdk-healthy.template.json`,
      '--region', 'eu-west-2',
      '--parameters', 'DirectoryPassword=not-used-1',
      '--only', 'ipv6-auto-assign,ws-subnet-free-ips,mgmt-cidr-conflict,ws-default-role',
    ]);
    expect(code).toBe(0);
    expect(result('ipv6-auto-assign').message).toMatch(/^None of the directory's subnets \(Resources\.VpcPrivateSubnet1Subnet536B997A, Resources\.VpcPrivateSubnet2Subnet3788AAA1\)/);
    expect(result('ws-default-role').status).toBe('pass');
    expect(calls).toContain('ec2:DescribeAvailabilityZones');
    for (const unasked of ['ec2:DescribeSubnets', 'ec2:DescribeVpcs', 'iam:GetRole', 'workspaces:DescribeWorkspaceDirectories']) expect(calls).not.toContain(unasked);
  });

  it('a directory the plan names that is not registered is an input error naming the plan resource', async () => {
    await emulator.moto.reset();
    const cli = await runCli(
      ['check', '--terraform-plan', `${FIXTURES}terraform/existing-network/plan.json`, '--endpoint-url', emulator.front.endpoint],
      testEnv(),
    );
    expect(cli.code).toBe(2);
    expect(cli.stderr).toBe(
      'wsdoctor: aws_workspaces_workspace.carol: directory d-90670a1b2c is not registered with WorkSpaces in eu-west-2 (check the id and the Region)\n',
    );
  });
});
