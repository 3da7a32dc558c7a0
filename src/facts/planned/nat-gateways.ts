// The NAT gateways of the directory's VPC as the plan leaves them: the live ones of an existing VPC, and the ones the
// plan creates in its subnets, in DescribeNatGateways' shape. A VPC the plan creates is never asked about.
import type { NatGateway } from '@aws-sdk/client-ec2';
import type { Json } from '../../core/json.js';
import { isUnknown } from '../../core/unknown.js';
import type { PlannedWorld } from '../../iac/model.js';
import type { PlannedReading } from '../define.js';
import vpc from '../ec2/vpc.js';
import { createdByPlan, notYet } from './world.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const plannedNatGateways: PlannedReading<any> = {
  async read({ world, get, live }) {
    const vpcId = (await get(vpc)).VpcId!;
    const created = createdByPlan(world, vpcId);
    const current = created ? [] : ((await live()) as Json<NatGateway>[]);
    return plannedNatGatewaysOf(world, vpcId, current);
  },
};

/** One VPC's NAT gateways as the plan leaves them: `current` (the live ones), and those the plan creates there. */
export function plannedNatGatewaysOf(world: PlannedWorld, vpcId: string, current: readonly Json<NatGateway>[]): Record<string, unknown>[] {
  const created = createdByPlan(world, vpcId);
  const inVpc = (subnetId: unknown) => {
    const subnet = world.subnets.find((s) => s.id === subnetId);
    // A planned subnet says its VPC; a live subnet cannot be in a VPC the plan creates.
    return subnet ? subnet.vpcId === vpcId : !created;
  };
  const planned = world.natGateways.filter((n) => isUnknown(n.subnetId) || inVpc(n.subnetId));
  const ids = new Set(planned.map((n) => n.id));
  return [
    ...current.filter((n) => !ids.has(n.NatGatewayId ?? '')),
    ...planned.map((n) => ({
      NatGatewayId: n.id,
      SubnetId: isUnknown(n.subnetId) ? notYet(n.address, 'its subnet is known after apply') : n.subnetId,
      VpcId: vpcId,
      ConnectivityType: n.connectivityType,
      // Available as apply leaves it: Terraform and CloudFormation wait until the gateway is available.
      State: 'available',
    })),
  ];
}
