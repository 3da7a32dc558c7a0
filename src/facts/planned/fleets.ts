// The fleets a plan run looks at: the fleet the plan creates (a plan run names no stack), as the fleet fact's planned
// reading has it; a fleet that exists is read live.
import fleetOption from '../../options/fleet.js';
import stackOption from '../../options/stack.js';
import fleetFact from '../appstream/fleet.js';
import type { PlannedReading } from '../define.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const plannedFleets: PlannedReading<any> = {
  async read({ world, option, get, live }) {
    const name = option(fleetOption);
    const planned = name !== undefined && option(stackOption) === undefined && world.appstreamFleets.some((f) => f.created && f.name === name);
    return planned ? [await get(fleetFact)] : live();
  },
};
