// End to end for the directory's network checks: moto_server holds the AWS state, built the way the guides
// describe each fault (a peering route into the management range, a subnet that auto-assigns IPv6, a WorkSpace
// whose network interface was deleted or detached), and the built CLI reads it through a loopback front that adds
// what moto's WorkSpaces lacks (see test/helpers/workspaces-front.ts). All traffic stays on 127.0.0.1.
import { describe, expect, it } from 'vitest';
import { motoAvailable } from '../helpers/moto.js';
import { runCli, testEnv } from '../helpers/cli.js';
import {
  addPeeringRoute,
  enableIpv6AutoAssign,
  launchWorkspace,
  removeWorkspaceInterface,
  seedDirectory,
  type Seeded,
} from '../helpers/seed.js';
import { useEmulatorWithFront } from '../helpers/workspaces-front.js';

interface Result {
  checkId: string;
  status: string;
  resource: string;
  message: string;
  evidence: Record<string, unknown>;
  remediation: { source: { guide: string; section: string } };
}

describe.runIf(motoAvailable())('network checks against moto_server', () => {
  const emulator = useEmulatorWithFront();

  // The seeded AD Connector's DNS server is a dead loopback address; the DNS checks have their own suite.
  const run = (directoryId: string, region: string, ...extra: string[]) =>
    runCli(
      ['check', '--directory', directoryId, '--region', region, '--endpoint-url', emulator.front.endpoint, '--skip', 'adc-dns-reachable,dns-srv-records', ...extra],
      testEnv({ NO_COLOR: '1' }),
    );
  const json = async (directoryId: string, region: string, ...extra: string[]) => {
    const cli = await run(directoryId, region, '--format', 'json', ...extra);
    expect(cli.stderr).toBe('');
    const report = JSON.parse(cli.stdout) as { results: Result[]; summary: Record<string, number> };
    return { code: cli.code, report, of: (checkId: string) => report.results.filter((r) => r.checkId === checkId) };
  };
  const launch = async (seeded: Seeded, subnet: 0 | 1, userName: string, computeType: 'STANDARD' | 'GRAPHICS' = 'STANDARD') => {
    const ws = await launchWorkspace(emulator.moto.endpoint, seeded.region, seeded.directoryId, seeded.subnetIds[subnet], {
      userName,
      bundleId: computeType === 'GRAPHICS' ? 'wsb-graphics01' : 'wsb-standard1',
      computeType,
    });
    emulator.front.place(ws.workspaceId, { IpAddress: ws.ipAddress, SubnetId: ws.subnetId });
    return ws;
  };

  /** The tickets: a peering route swallowing eu-west-2's only management range, IPv6 auto-assign on the subnet of
   *  a Graphics WorkSpace, one WorkSpace whose interface was deleted and one whose interface was detached. */
  async function brokenDirectory() {
    const seeded = await seedDirectory(emulator.moto.endpoint, 'eu-west-2', '10.0.0.0/16', ['10.0.1.0/24', '10.0.2.0/24']);
    const route = await addPeeringRoute(emulator.moto.endpoint, 'eu-west-2', seeded.vpcId, '198.19.0.0/16');
    await enableIpv6AutoAssign(emulator.moto.endpoint, 'eu-west-2', seeded.vpcId, seeded.subnetIds[0]);
    const alice = await launch(seeded, 0, 'alice', 'GRAPHICS');
    const bob = await launch(seeded, 1, 'bob');
    const carol = await launch(seeded, 1, 'carol');
    await removeWorkspaceInterface(emulator.moto.endpoint, 'eu-west-2', bob, { deleteIt: true });
    await removeWorkspaceInterface(emulator.moto.endpoint, 'eu-west-2', carol, { deleteIt: false });
    return { seeded, route, alice, bob, carol };
  }

  it('a healthy directory passes every network check (exit 0)', async () => {
    const seeded = await seedDirectory(emulator.moto.endpoint, 'us-east-1', '10.0.0.0/16', ['10.0.1.0/24', '10.0.2.0/24']);
    await addPeeringRoute(emulator.moto.endpoint, 'us-east-1', seeded.vpcId, '10.50.0.0/16');
    const ws = await launch(seeded, 0, 'dave');
    const { code, report, of } = await json(seeded.directoryId, 'us-east-1');
    expect(code).toBe(0);
    expect(report.summary).toMatchObject({ fail: 0, error: 0, warn: 0 });
    expect(of('mgmt-cidr-route-conflict')).toMatchObject([{ status: 'pass', message: /None of the 1 route/ }]);
    expect(of('ipv6-auto-assign')).toMatchObject([{ status: 'pass' }]);
    expect(of('ws-eni-present')).toMatchObject([
      { status: 'pass', resource: ws.workspaceId, message: new RegExp(`${ws.networkInterfaceId} \\(in use\\) with IP ${ws.ipAddress.replace(/\./g, '\\.')}`) },
    ]);
  });

  it("finds each fault of the broken directory, naming what the guide's fix acts on (exit 1)", async () => {
    const { seeded, route, alice, bob, carol } = await brokenDirectory();
    const { code, of } = await json(seeded.directoryId, 'eu-west-2');
    expect(code).toBe(1);

    expect(of('mgmt-cidr-route-conflict')).toMatchObject([
      {
        status: 'fail',
        resource: route.routeTableId,
        message: expect.stringContaining(`sends 198.19.0.0/16 to VPC peering connection ${route.peeringConnectionId}`),
        evidence: { destination: '198.19.0.0/16', target: { kind: 'VPC peering connection', id: route.peeringConnectionId }, freeRanges: [] },
      },
    ]);
    expect(of('ipv6-auto-assign')).toMatchObject([
      {
        status: 'fail',
        resource: seeded.subnetIds[0],
        message: expect.stringContaining(`WorkSpace ${alice.workspaceId} (alice) is GRAPHICS`),
        remediation: { source: { section: 'Launching WorkSpaces fails with an internal error' } },
      },
    ]);
    const eni = of('ws-eni-present');
    expect(eni.map((r) => [r.status, r.resource])).toEqual([
      ['fail', bob.workspaceId],
      ['fail', carol.workspaceId],
      ['pass', alice.workspaceId],
    ]);
    const [bobs, carols] = eni;
    expect(bobs!.message).toContain(`no network interface carries its IP ${bob.ipAddress} in ${bob.subnetId}`);
    expect(carols!.message).toContain(`${carol.networkInterfaceId} (available, not attached), is not in use`);
    expect(bobs!.remediation.source).toMatchObject({ guide: '002_73aec366670b46ed.txt', section: 'Network Interfaces' });
  });

  it("prints the broken directory's report as the guide's answer: the fault, the fix, the source", async () => {
    const { seeded, bob } = await brokenDirectory();
    const { code, stdout } = await run(seeded.directoryId, 'eu-west-2', '--verbose');
    expect(code).toBe(1);
    // --verbose: each finding is a block; the report wraps to 80 columns, so compare words, not lines.
    const block = (text: string) =>
      stdout.split('\n\n').filter((b) => b.startsWith('FAIL') && b.includes(text)).map((b) => b.replace(/\s+/g, ' '));
    const [eni] = block(bob.workspaceId);
    expect(eni).toMatch(/^FAIL ws-eni-present — Each WorkSpace still has its network interface/);
    expect(eni).toContain('Fix: Rebuild the WorkSpace');
    expect(eni).toContain('"Do not modify or delete any of the network interfaces that are attached to a WorkSpace.');
    expect(eni).toContain('Source: Amazon WorkSpaces Administration Guide, "Network Interfaces"');
    expect(eni).toContain('Docs: https://docs.aws.amazon.com/workspaces/latest/adminguide/rebuild-workspace.html');
    const [ipv6] = block('ipv6-auto-assign');
    expect(ipv6).toContain('Modify auto-assign IP settings');
    expect(ipv6).toContain('wsdoctor follows the wider troubleshooting list');
    const [routes] = block('mgmt-cidr-route-conflict');
    expect(routes).toContain('"If you change the route tables in your VPC after the directory is registered, you might cause a conflict."');
    // Four failing results; the summary counts the checks that gave them.
    const failing = [...stdout.matchAll(/^FAIL +(\S+) /gm)].map((m) => m[1]);
    expect(failing).toHaveLength(4);
    expect(stdout).toMatch(new RegExp(`Summary: \\d+ checks: ${new Set(failing).size} failed, 0 errors`));
  });

  it('--workspace narrows ws-eni-present to that WorkSpace; an unknown or foreign one exits 2', async () => {
    const { seeded, bob } = await brokenDirectory();
    const narrowed = await json(seeded.directoryId, 'eu-west-2', '--workspace', bob.workspaceId, '--only', 'ws-eni-present');
    expect(narrowed.code).toBe(1);
    expect(narrowed.report.results.map((r) => [r.status, r.resource])).toEqual([['fail', bob.workspaceId]]);

    const unknown = await run(seeded.directoryId, 'eu-west-2', '--workspace', 'ws-000000000');
    expect([unknown.code, unknown.stdout]).toEqual([2, '']);
    expect(unknown.stderr.trim()).toBe('wsdoctor: WorkSpace ws-000000000 was not found in eu-west-2 (check the id and the Region)');

    const other = await seedDirectory(emulator.moto.endpoint, 'eu-west-2', '10.9.0.0/16', ['10.9.1.0/24', '10.9.2.0/24']);
    const foreign = await run(other.directoryId, 'eu-west-2', '--workspace', bob.workspaceId);
    expect(foreign.code).toBe(2);
    expect(foreign.stderr).toMatch(new RegExp(`belongs to directory ${seeded.directoryId}, not ${other.directoryId}`));
  });

  it('--bundle: a Performance bundle about to be launched fails; an unknown one exits 2; a denied read only warns', async () => {
    const seeded = await seedDirectory(emulator.moto.endpoint, 'us-east-1', '10.0.0.0/16', ['10.0.1.0/24', '10.0.2.0/24']);
    await enableIpv6AutoAssign(emulator.moto.endpoint, 'us-east-1', seeded.vpcId, seeded.subnetIds[1]);
    emulator.front.addBundles({ BundleId: 'wsb-perf00001', Name: 'Performance with Windows 10', ComputeType: { Name: 'PERFORMANCE' } });

    const planned = await json(seeded.directoryId, 'us-east-1', '--bundle', 'wsb-perf00001');
    expect(planned.code).toBe(1);
    expect(planned.of('ipv6-auto-assign')).toMatchObject([
      { status: 'fail', resource: seeded.subnetIds[1], message: expect.stringContaining('bundle wsb-perf00001 (Performance with Windows 10) you are about to launch is PERFORMANCE') },
    ]);

    const unknown = await run(seeded.directoryId, 'us-east-1', '--bundle', 'wsb-nosuch0001');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr.trim()).toBe('wsdoctor: bundle wsb-nosuch0001 was not found in us-east-1 (check the id and the Region)');

    emulator.front.deny('workspaces:DescribeWorkspaceBundles');
    // ipv6-auto-assign alone: the checks that need the bundles outright (compute type against bundle…) error on it.
    const blind = await json(seeded.directoryId, 'us-east-1', '--bundle', 'wsb-perf00001', '--only', 'ipv6-auto-assign');
    expect(blind.code).toBe(0);
    expect(blind.of('ipv6-auto-assign')).toMatchObject([
      { status: 'warn', message: expect.stringMatching(/could not be read: access denied: the caller lacks the IAM permission workspaces:DescribeWorkspaceBundles/) },
    ]);
  });

  it('a route into one of several management ranges warns (us-east-1: 192.168.0.0/16 leaves 198.19.0.0/16)', async () => {
    const seeded = await seedDirectory(emulator.moto.endpoint, 'us-east-1', '10.0.0.0/16', ['10.0.1.0/24', '10.0.2.0/24']);
    await addPeeringRoute(emulator.moto.endpoint, 'us-east-1', seeded.vpcId, '192.168.0.0/16');
    const { code, of } = await json(seeded.directoryId, 'us-east-1', '--only', 'mgmt-cidr-route-conflict');
    expect(code).toBe(0);
    expect(of('mgmt-cidr-route-conflict')).toMatchObject([{ status: 'warn', evidence: { freeRanges: ['198.19.0.0/16'] } }]);
  });

  it('a denied DescribeNetworkInterfaces makes ws-eni-present an error naming the permission, never a pass (exit 3)', async () => {
    const seeded = await seedDirectory(emulator.moto.endpoint, 'us-east-1', '10.0.0.0/16', ['10.0.1.0/24', '10.0.2.0/24']);
    await launch(seeded, 0, 'erin');
    emulator.front.deny('ec2:DescribeNetworkInterfaces');
    const { code, of } = await json(seeded.directoryId, 'us-east-1');
    expect(code).toBe(3);
    expect(of('ws-eni-present')).toMatchObject([
      { status: 'error', evidence: { reason: 'denied', iamAction: 'ec2:DescribeNetworkInterfaces' } },
    ]);
  });
});
