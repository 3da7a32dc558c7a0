// The VPCs of the AppStream subnets as the plan leaves them: a VPC the plan creates from the plan, an existing one
// read live (by its id alone) with the CIDRs the plan associates with it.
import type { Vpc } from '@aws-sdk/client-ec2';
import type { Json } from '../../core/json.js';
import appstreamSubnets from '../appstream/appstream-subnets.js';
import { override, type PlannedReading } from '../define.js';
import { plannedCidrs, plannedVpcJson } from './vpc.js';
import { createdByPlan, knownIds } from './world.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const plannedAppstreamVpcs: PlannedReading<any> = {
  async read({ world, get, live }) {
    const subnets = await get(appstreamSubnets);
    const ids = [...new Set(knownIds(subnets.flatMap((s) => (s.VpcId ? [s.VpcId] : []))))];
    const liveIds = ids.filter((id) => !createdByPlan(world, id));
    const current = liveIds.length
      ? ((await live(override(appstreamSubnets, subnets.filter((s) => liveIds.includes(s.VpcId as string))))) as Json<Vpc>[])
      : [];
    return ids.flatMap((id) => {
      const planned = plannedVpcJson(world, id);
      if (planned) return [planned];
      const now = current.find((v) => v.VpcId === id);
      const added = plannedCidrs(world, id);
      return now ? [added.length ? { ...now, CidrBlockAssociationSet: [...(now.CidrBlockAssociationSet ?? []), ...added] } : now] : [];
    });
  },
};
