// The internet gateways attached to the directory's VPC as the plan leaves them: the live ones of an existing VPC,
// and the gateways the plan attaches to it, in DescribeInternetGateways' shape. A VPC the plan creates has no live
// gateways, and is never asked about.
import type { InternetGateway } from '@aws-sdk/client-ec2';
import type { Json } from '../../core/json.js';
import { isUnknown } from '../../core/unknown.js';
import type { PlannedWorld } from '../../iac/model.js';
import type { PlannedReading } from '../define.js';
import vpc from '../ec2/vpc.js';
import { createdByPlan, notYet } from './world.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const plannedInternetGateways: PlannedReading<any> = {
  async read({ world, get, live }) {
    const vpcId = (await get(vpc)).VpcId!;
    const current = createdByPlan(world, vpcId) ? [] : ((await live()) as Json<InternetGateway>[]);
    return plannedInternetGatewaysOf(world, vpcId, current);
  },
};

/** One VPC's internet gateways as the plan leaves them: `current` (the live ones), and those the plan attaches. */
export function plannedInternetGatewaysOf(world: PlannedWorld, vpcId: string, current: readonly Json<InternetGateway>[]): Record<string, unknown>[] {
  // A gateway whose VPC is known only after apply may be this VPC's: a route through it cannot be judged.
  const planned = world.internetGateways.filter((g) => g.vpcId === vpcId || isUnknown(g.vpcId));
  const ids = new Set(planned.map((g) => g.id));
  return [
    ...current.filter((g) => !ids.has(g.InternetGatewayId ?? '')),
    ...planned.map((g) => ({
      InternetGatewayId: g.id,
      // Attached as apply leaves it (Terraform and CloudFormation wait for the attachment).
      Attachments: isUnknown(g.vpcId) ? notYet(g.address, 'the VPC it is attached to is known after apply') : [{ VpcId: vpcId, State: 'available' }],
    })),
  ];
}
