// The route tables of the AppStream VPCs as the plan leaves them, VPC by VPC as for a directory's: a new VPC's from
// the plan, an existing VPC's read live (by its id) with the plan's tables, routes and associations over them.
import type { RouteTable, Vpc } from '@aws-sdk/client-ec2';
import type { Json } from '../../core/json.js';
import appstreamVpcs from '../appstream/appstream-vpcs.js';
import { override, type PlannedReading } from '../define.js';
import { plannedRouteTablesOf } from './route-tables.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const plannedAppstreamRouteTables: PlannedReading<any> = {
  async read({ world, get, live }) {
    const vpcs = (await get(appstreamVpcs)) as Json<Vpc>[];
    const perVpc = await Promise.all(
      vpcs.map((v) => plannedRouteTablesOf(world, v, async () => (await live(override(appstreamVpcs, [v]))) as Json<RouteTable>[])),
    );
    return perVpc.flat();
  },
};
