// The Terraform plan reader, on plans `terraform show -json` wrote (test/fixtures/iac/terraform/, made by
// scripts/iac-fixtures/generate.sh): what the plan knows is read as the API spells it, what it knows only after apply
// is a marker naming the attribute, and an attribute the configuration leaves to AWS is not invented.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { isUnknown, unknownValue } from '../../src/core/unknown.js';
import { terraformWorld } from '../../src/iac/terraform.js';

const plan = (name: string) =>
  terraformWorld(JSON.parse(readFileSync(new URL(`../fixtures/iac/terraform/${name}/plan.json`, import.meta.url), 'utf8')), `${name}/plan.json`);

describe('Terraform plans', () => {
  it('reads a WorkSpace’s written properties, and leaves an unwritten compute type to its bundle', () => {
    const world = plan('existing-network');
    const carol = world.workspaces.find((w) => w.address === 'aws_workspaces_workspace.carol')!;
    const dave = world.workspaces.find((w) => w.address === 'aws_workspaces_workspace.dave')!;
    expect(carol).toMatchObject({ created: true, directoryId: 'd-90670a1b2c', bundleId: 'wsb-bh8rsxt14', userName: 'carol' });
    expect(carol.properties).toMatchObject({ ComputeTypeName: 'PERFORMANCE', RunningMode: 'ALWAYS_ON' });
    // dave writes no workspace_properties block: the plan says the whole block is known after apply. CreateWorkspaces
    // then takes the compute type from the bundle, so ComputeTypeName is absent (the checks read the bundle's, as for
    // a live WorkSpace that reports none); what the provider fills in later stays unknown.
    expect(dave.properties).not.toHaveProperty('ComputeTypeName');
    expect(dave.properties.RunningMode).toEqual(unknownValue('aws_workspaces_workspace.dave: workspace_properties is known after apply'));
  });

  it('marks what is known only after apply, naming the resource and the attribute', () => {
    const world = plan('unknown-values');
    const vpc = world.vpcs.find((v) => v.address === 'aws_vpc.main')!;
    expect(vpc.cidrBlock).toEqual(unknownValue('aws_vpc.main: cidr_block is known after apply'));
    const subnets = world.subnets.filter((s) => s.address.startsWith('module.net.aws_subnet.private['));
    expect(subnets.map((s) => s.address)).toEqual(['module.net.aws_subnet.private[0]', 'module.net.aws_subnet.private[1]']);
    for (const subnet of subnets) {
      expect(isUnknown(subnet.availabilityZoneId)).toBe(true);
      // A new subnet's VPC is the planned VPC, by address, even though its id is known only after apply.
      expect(subnet.vpcId).toBe('aws_vpc.main');
    }
  });

  it('without the .tf sources, points a resource at the plan file itself', () => {
    const world = plan('unknown-values');
    const subnet = world.subnets.find((s) => s.address === 'module.net.aws_subnet.private[0]')!;
    expect(subnet.source.file).toBe('unknown-values/plan.json');
  });
});
