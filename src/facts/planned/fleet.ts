// The fleet as the plan leaves it: one the plan creates, in DescribeFleets' shape. Its state, capacity and creation
// time exist only once apply creates it; its capacity is the desired capacity the plan asks for, none running; a new
// fleet has no errors yet. A fleet the plan does not create is read live.
import fleetOption from '../../options/fleet.js';
import type { PlannedReading } from '../define.js';
import { field, notYet } from './world.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const plannedFleet: PlannedReading<any> = {
  async read({ world, require, live }) {
    const name = require(fleetOption);
    const fleet = world.appstreamFleets.find((f) => f.name === name);
    if (!fleet || !fleet.created) return live();
    const later = (what: string) => notYet(fleet.address, what);
    return {
      Name: name,
      InstanceType: fleet.instanceType,
      FleetType: fleet.fleetType,
      ...field('ImageName', fleet.imageName),
      ...field('ImageArn', fleet.imageArn),
      VpcConfig: { SubnetIds: fleet.subnetIds, SecurityGroupIds: fleet.securityGroupIds },
      EnableDefaultInternetAccess: fleet.enableDefaultInternetAccess,
      ...field('DomainJoinInfo', fleet.domainJoin),
      ...field('IamRoleArn', fleet.iamRoleArn),
      ...field('StreamView', fleet.streamView),
      State: later('the fleet is created by apply'),
      CreatedTime: later('the fleet is created by apply'),
      // What it is asked to run (none running before apply); an Elastic fleet's sessions are not read from the plan.
      ComputeCapacityStatus:
        fleet.desiredInstances === undefined ? later("the fleet's desired capacity is not set in the plan") : { Desired: fleet.desiredInstances, Running: 0, InUse: 0, Available: 0 },
      FleetErrors: [],
    };
  },
};
