// The NAT gateways of the AppStream VPCs as the plan leaves them: a new VPC's from the plan, an existing VPC's read
// live (by its id) with the gateways the plan creates in it.
import type { NatGateway, Vpc } from '@aws-sdk/client-ec2';
import type { Json } from '../../core/json.js';
import appstreamVpcs from '../appstream/appstream-vpcs.js';
import { override, type PlannedReading } from '../define.js';
import { plannedNatGatewaysOf } from './nat-gateways.js';
import { createdByPlan } from './world.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const plannedAppstreamNatGateways: PlannedReading<any> = {
  async read({ world, get, live }) {
    const vpcs = (await get(appstreamVpcs)) as Json<Vpc>[];
    const perVpc = await Promise.all(
      vpcs.map(async (v) => {
        const current = createdByPlan(world, v.VpcId!) ? [] : ((await live(override(appstreamVpcs, [v]))) as Json<NatGateway>[]);
        return plannedNatGatewaysOf(world, v.VpcId!, current);
      }),
    );
    return perVpc.flat();
  },
};
