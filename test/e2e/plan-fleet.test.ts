// A plan that creates an AppStream fleet in an existing VPC, against moto_server: the fleet's subnets are the one the
// plan adds and one that exists (read from EC2 by its id, never the planned one), both in one zone; the new subnet's
// way out is the VPC's main route table. The plan is the fixture `terraform show -json` wrote
// (test/fixtures/iac/terraform/fleet-subnets), with this run's VPC, subnet and zone.
import { describe, expect, it } from 'vitest';
import { copyFile, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DescribeSubnetsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { runCli, testEnv } from '../helpers/cli.js';
import { motoAvailable } from '../helpers/moto.js';
import { sdkConfig, seedDirectory } from '../helpers/seed.js';
import { useEmulatorWithFront } from '../helpers/workspaces-front.js';

const FIXTURE = fileURLToPath(new URL('../fixtures/iac/terraform/fleet-subnets/', import.meta.url));

interface Result {
  checkId: string;
  status: string;
  resource: string;
  message: string;
  location?: { address: string };
}

describe.runIf(motoAvailable())('a plan that creates a fleet, against moto_server', () => {
  const emulator = useEmulatorWithFront();

  it('judges the fleet over its planned and existing subnets, reading only the existing one', async () => {
    await emulator.moto.reset();
    const region = 'eu-west-2';
    const seeded = await seedDirectory(emulator.moto.endpoint, region, '10.0.0.0/16', ['10.0.1.0/24', '10.0.2.0/24']);
    const { Subnets } = await new EC2Client(sdkConfig(emulator.moto.endpoint, region)).send(new DescribeSubnetsCommand({ SubnetIds: [seeded.subnetIds[0]] }));
    const zone = Subnets![0]!.AvailabilityZone!;
    const dir = await mkdtemp(join(tmpdir(), 'wsdoctor-plan-'));
    const plan = (await readFile(`${FIXTURE}plan.json`, 'utf8'))
      .replaceAll('vpc-0123456789abcdef0', seeded.vpcId)
      .replaceAll('subnet-0123456789abcdef0', seeded.subnetIds[0])
      .replaceAll('"eu-west-2a"', JSON.stringify(zone));
    await writeFile(join(dir, 'plan.json'), plan);
    await copyFile(`${FIXTURE}main.tf`, join(dir, 'main.tf'));

    const cli = await runCli(
      ['check', '--terraform-plan', join(dir, 'plan.json'), '--endpoint-url', emulator.front.endpoint, '--format', 'json', '--debug',
        '--only', 'as-fleet-subnets-ha,as-fleet-subnet-ips,as-fleet-internet-access'],
      testEnv(),
    );
    const report = JSON.parse(cli.stdout) as { results: Result[]; plan: { targets: unknown[] } };
    const result = (id: string) => report.results.find((r) => r.checkId === id)!;
    expect(report.plan.targets).toEqual([{ kind: 'fleet', id: 'office-fleet', address: 'aws_appstream_fleet.office' }]);
    expect(cli.code).toBe(0);
    // Both subnets in one zone (a warning: the fleet runs, without a second zone): the planned one (from the plan)
    // and the existing one (from EC2).
    expect(result('as-fleet-subnets-ha')).toMatchObject({ status: 'warn', location: { address: 'aws_appstream_fleet.office' } });
    expect(result('as-fleet-subnets-ha').message).toContain(zone);
    expect(result('as-fleet-subnets-ha').message).toContain('aws_subnet.fleet_b');
    expect(result('as-fleet-subnets-ha').message).toContain(seeded.subnetIds[0]);
    // Free addresses: the new /24 and the existing subnet's, for the 2 instances the plan asks for.
    expect(result('as-fleet-subnet-ips')).toMatchObject({ status: 'pass', message: expect.stringContaining('aws_subnet.fleet_b: 251') });
    // No default internet access: the main route table's NAT gateway is the way out, for the new subnet too.
    expect(result('as-fleet-internet-access').status).toBe('pass');
    // EC2 was asked about the existing subnet and VPC only (a planned id is never looked up).
    expect(cli.stderr).not.toContain('aws_subnet.fleet_b');
  });
});
