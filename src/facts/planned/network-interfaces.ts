// The network interfaces in the directory's subnets as the plan leaves them: the live subnets' interfaces, read live;
// a subnet the plan creates has none yet.
import { override, type PlannedReading } from '../define.js';
import workspacesDirectory, { directorySubnetIds } from '../workspaces/workspaces-directory.js';
import { createdByPlan, knownIds } from './world.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const plannedNetworkInterfaces: PlannedReading<any> = {
  async read({ world, get, live }) {
    const directory = await get(workspacesDirectory);
    const liveIds = knownIds(directorySubnetIds(directory)).filter((id) => !createdByPlan(world, id));
    return liveIds.length ? live(override(workspacesDirectory, { ...directory, SubnetIds: liveIds })) : [];
  },
};
