// End to end for the account-level checks and the directory preflight (J1, J4, A18): the Region's WorkSpaces and
// IP groups in moto_server, the account's quotas in the WorkSpaces front (moto has no WorkSpaces quotas in Service
// Quotas), denials made by the front, and --before deregister / delete-directory.
import { describe, expect, it } from 'vitest';
import { runCli, testEnv } from '../helpers/cli.js';
import { motoAvailable } from '../helpers/moto.js';
import { launchWorkspace, seedDirectory, type Seeded } from '../helpers/seed.js';
import { useEmulatorWithFront } from '../helpers/workspaces-front.js';

interface Result {
  checkId: string;
  status: string;
  resource: string;
  message: string;
  evidence: Record<string, unknown>;
}

const REGION = 'us-east-1';

describe.runIf(motoAvailable())('account checks and the directory preflight against moto_server', { timeout: 120_000 }, () => {
  const emulator = useEmulatorWithFront();
  const check = async (seeded: Seeded, ...extra: string[]) => {
    const cli = await runCli(['check', '--directory', seeded.directoryId, '--region', REGION, '--endpoint-url', emulator.front.endpoint, '--format', 'json', ...extra], testEnv());
    expect(cli.stderr).toBe('');
    const results = (JSON.parse(cli.stdout) as { results: Result[] }).results;
    return { code: cli.code, results, of: (id: string) => results.filter((r) => r.checkId === id) };
  };
  let net = 80;
  const seed = () => {
    net += 1;
    return seedDirectory(emulator.moto.endpoint, REGION, `10.${net}.0.0/16`, [`10.${net}.1.0/24`, `10.${net}.2.0/24`]);
  };

  it('J1: the Service Quotas value decides; past it fails, at it warns', async () => {
    const seeded = await seed();
    await launchWorkspace(emulator.moto.endpoint, REGION, seeded.directoryId, seeded.subnetIds[0], { userName: 'hank', bundleId: 'wsb-standard1' });
    emulator.front.setServiceQuotas('workspaces', [
      { QuotaCode: 'L-WS000001', QuotaName: 'WorkSpaces per Region', Value: 5 },
      { QuotaCode: 'L-WS000002', QuotaName: 'Graphics WorkSpaces per Region', Value: 0 },
      { QuotaCode: 'L-WS000003', QuotaName: 'GraphicsPro WorkSpaces per Region', Value: 0 },
      { QuotaCode: 'L-WS000004', QuotaName: 'IP access control groups per Region', Value: 100 },
    ]);
    expect((await check(seeded, '--only', 'acct-workspaces-quotas')).results).toMatchObject([{ status: 'pass', message: expect.stringContaining('WorkSpaces per Region: 1 of 5') }]);
    expect((await check(seeded, '--only', 'acct-workspaces-quotas', '--planned', '4')).results).toMatchObject([
      { status: 'warn', message: expect.stringContaining('1 in use + 4 planned reaches the quota of 5 (Service Quotas L-WS000001)') },
    ]);
    const past = await check(seeded, '--only', 'acct-workspaces-quotas', '--planned', '10');
    expect(past.results).toMatchObject([{ status: 'fail' }]);
    expect(past.code).toBe(1);
  });

  it('J4: every action the run was denied, once, with the policy that allows exactly those', async () => {
    const seeded = await seed();
    emulator.front.deny('ec2:DescribeNetworkAcls', 'ec2:DescribeSecurityGroups');
    const { code, of } = await check(seeded, '--only', 'acct-caller-permissions,ws-sg-egress-http-https,ws-sg-members-present,adc-sg-ports');
    const [finding] = of('acct-caller-permissions');
    expect(finding).toMatchObject({
      status: 'warn',
      message: expect.stringContaining('denied 2 IAM actions: ec2:DescribeNetworkAcls (networkAcls); ec2:DescribeSecurityGroups (securityGroups)'),
      evidence: { policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['ec2:DescribeNetworkAcls', 'ec2:DescribeSecurityGroups'], Resource: '*' }] } },
    });
    expect(of('ws-sg-members-present')).toMatchObject([{ status: 'error', evidence: { iamAction: 'ec2:DescribeSecurityGroups' } }]);
    expect(code).toBe(3);
  });

  it('A18: --before deregister with a WorkSpace left fails; --before delete-directory says to deregister first', async () => {
    const seeded = await seed();
    // Without --before the preflight stays out of the run.
    expect((await check(seeded, '--only', 'ws-dir-registered')).of('ws-dir-delete-preflight')).toEqual([]);
    const ws = await launchWorkspace(emulator.moto.endpoint, REGION, seeded.directoryId, seeded.subnetIds[0], { userName: 'ivy', bundleId: 'wsb-standard1' });
    const deregister = await check(seeded, '--only', 'ws-dir-delete-preflight', '--before', 'deregister');
    expect(deregister.results).toMatchObject([
      { status: 'fail', message: expect.stringContaining(`still has 1 WorkSpace (${ws.workspaceId}): WorkSpaces refuses to deregister`) },
      { status: 'warn', message: expect.stringContaining('charged by Directory Service') },
    ]);
    const remove = await check(seeded, '--only', 'ws-dir-delete-preflight', '--before', 'delete-directory');
    expect(remove.results.map((r) => r.status)).toEqual(['fail', 'fail', 'warn']);
    expect(remove.results[1]!.message).toContain('you must deregister a directory before you can delete it');
    expect(remove.results[2]!.message).toContain('AD Connector leaves the on-premises directory intact');
  });
});
