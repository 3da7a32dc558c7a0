// The VPC of the directory's subnets as the plan leaves it: a new VPC (and the CIDRs the plan associates with a new or
// an existing one) in DescribeVpcs' shape; an existing VPC is read live.
import type { Vpc } from '@aws-sdk/client-ec2';
import type { Json } from '../../core/json.js';
import { FactError } from '../../core/failure.js';
import type { PlannedWorld } from '../../iac/model.js';
import { override, type PlannedReading } from '../define.js';
import subnets from '../ec2/subnets.js';
import { knownIds } from './world.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const plannedVpc: PlannedReading<any> = {
  async read({ world, get, live }) {
    const found = await get(subnets);
    const vpcIds = [...new Set(knownIds(found.map((s) => s.VpcId ?? '').filter(Boolean)))];
    if (vpcIds.length !== 1) {
      throw new FactError({ kind: 'error', message: `the directory's subnets are in ${vpcIds.length} VPCs (${vpcIds.join(', ') || 'none'}); expected one` });
    }
    const id = vpcIds[0]!;
    const planned = plannedVpcJson(world, id);
    if (planned) return planned;
    const associations = plannedCidrs(world, id);
    const current = (await live(override(subnets, found.filter((s) => s.VpcId === id)))) as Json<Vpc>;
    return associations.length ? { ...current, CidrBlockAssociationSet: [...(current.CidrBlockAssociationSet ?? []), ...associations] } : current;
  },
};

/** The CIDRs the plan associates with a VPC, as DescribeVpcs lists them. */
export function plannedCidrs(world: PlannedWorld, vpcId: string): Record<string, unknown>[] {
  return world.vpcCidrs
    .filter((a) => a.vpcId === vpcId)
    .map((a) => ({ AssociationId: a.address, CidrBlock: a.cidrBlock, CidrBlockState: { State: 'associated' } }));
}

/** A VPC the plan creates, in DescribeVpcs' shape; undefined for one that exists. */
export function plannedVpcJson(world: PlannedWorld, vpcId: string): Record<string, unknown> | undefined {
  const planned = world.vpcs.find((v) => v.id === vpcId);
  if (!planned?.created) return undefined;
  return {
    VpcId: vpcId,
    CidrBlock: planned.cidrBlock,
    State: 'available',
    CidrBlockAssociationSet: [{ AssociationId: `${planned.address} primary CIDR`, CidrBlock: planned.cidrBlock, CidrBlockState: { State: 'associated' } }, ...plannedCidrs(world, vpcId)],
  };
}
