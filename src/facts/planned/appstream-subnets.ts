// The subnets of the run's fleet or image builder as the plan leaves them, when the plan creates that fleet or
// builder: its planned subnets in DescribeSubnets' shape (zones completed from the account's, as for a directory),
// and the existing subnets it names read live, by their ids alone. A fleet or builder that exists is read live.
import type { AvailabilityZone, Subnet } from '@aws-sdk/client-ec2';
import type { Json } from '../../core/json.js';
import type { PlannedAppstreamFleet, PlannedAppstreamImageBuilder } from '../../iac/model.js';
import fleetOption from '../../options/fleet.js';
import imageBuilderOption from '../../options/image-builder.js';
import fleetsFact from '../appstream/fleets.js';
import imageBuilderFact from '../appstream/image-builder.js';
import { override, type PlannedReading } from '../define.js';
import availabilityZones from '../ec2/availability-zones.js';
import { needsAccountZones, plannedSubnetJson } from './subnets.js';
import { createdByPlan, knownIds } from './world.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const plannedAppstreamSubnets: PlannedReading<any> = {
  dependsOn: [availabilityZones],
  async read({ world, option, get, live }) {
    const fleetName = option(fleetOption);
    const builderName = option(imageBuilderOption);
    const resource: PlannedAppstreamFleet | PlannedAppstreamImageBuilder | undefined =
      (fleetName !== undefined ? world.appstreamFleets.find((f) => f.created && f.name === fleetName) : undefined) ??
      (builderName !== undefined ? world.appstreamImageBuilders.find((b) => b.created && b.name === builderName) : undefined);
    if (!resource) return live();
    const ids = knownIds(resource.subnetIds);
    const liveIds = ids.filter((id) => !createdByPlan(world, id));
    // The live collector, given the resource with only its existing subnets (nothing it reads is unknown).
    const standIn = { Name: resource.name as string, VpcConfig: { SubnetIds: liveIds, SecurityGroupIds: [] }, EnableDefaultInternetAccess: false };
    const current = liveIds.length
      ? ((await live(fleetName !== undefined ? override(fleetsFact, [standIn as never]) : override(imageBuilderFact, standIn as never))) as Json<Subnet>[])
      : [];
    const planned = ids.map((id) => world.subnets.find((s) => s.id === id));
    const zones = planned.some(needsAccountZones)
      ? await get(availabilityZones).then(
          (value) => ({ value: value as Json<AvailabilityZone>[] }),
          (error: unknown) => ({ error: error instanceof Error ? error.message : String(error) }),
        )
      : undefined;
    return ids.flatMap((id, i) => {
      const subnet = planned[i];
      const now = current.find((s) => s.SubnetId === id);
      // An existing subnet EC2 does not return is absent, as in a live run (the checks say it is gone).
      if (!subnet) return now ? [now] : [];
      return [plannedSubnetJson(subnet, now, zones && 'value' in zones ? zones.value : undefined, zones && 'error' in zones ? zones.error : undefined)];
    });
  },
};
