// The route tables of the directory's VPC as the plan leaves them. A new VPC comes with a main route table holding
// its local routes (the plan's aws_default_route_table manages that one); new tables get their local routes, the
// routes written inside them and the routes the plan adds on their own, and the subnets the plan associates with
// them (which leave the tables they were associated with). An existing VPC's tables are read live first.
import type { RouteTable, Vpc } from '@aws-sdk/client-ec2';
import type { Json } from '../../core/json.js';
import { isUnknown } from '../../core/unknown.js';
import type { PlannedRouteTable, PlannedWorld } from '../../iac/model.js';
import { associatedIpv4Cidrs } from '../views.js';
import type { PlannedReading } from '../define.js';
import vpc from '../ec2/vpc.js';
import { routeJson } from './world.js';

type Table = Json<RouteTable>;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const plannedRouteTables: PlannedReading<any> = {
  async read({ world, get, live }) {
    const theVpc = (await get(vpc)) as Json<Vpc>;
    return plannedRouteTablesOf(world, theVpc, async () => (await live()) as Table[]);
  },
};

/** The route tables of one VPC as the plan leaves them; `current` reads the live ones (never for a new VPC). */
export async function plannedRouteTablesOf(world: PlannedWorld, theVpc: Json<Vpc>, current: () => Promise<Table[]>): Promise<Table[]> {
  const vpcId = theVpc.VpcId!;
  const created = world.vpcs.some((v) => v.id === vpcId && v.created);
  const tables: Table[] = created ? [] : (await current()).map((t) => ({ ...t, Routes: [...(t.Routes ?? [])], Associations: [...(t.Associations ?? [])] }));
  const local = localRoutes(theVpc);
  const plannedTables = world.routeTables.filter((t) => t.vpcId === vpcId);
  if (created && !plannedTables.some((t) => t.main)) {
    // The main route table AWS creates with every VPC: the local routes only.
    tables.push({ RouteTableId: `${vpcId} main route table`, VpcId: vpcId, Routes: local, Associations: [{ Main: true, RouteTableAssociationId: `${vpcId} main association` }] });
  }
  for (const table of plannedTables) {
    const existing = tables.find((t) => t.RouteTableId === table.id);
    if (existing) existing.Routes = mergeRoutes(existing.Routes ?? [], table.routes.map((r) => routeJson(r) as NonNullable<Table['Routes']>[number]));
    else tables.push(newTable(table, vpcId, local));
  }
  addStandaloneRoutes(world, tables);
  addAssociations(world, tables, vpcId);
  return tables;
}

function localRoutes(theVpc: Json<Vpc>): NonNullable<Table['Routes']> {
  const cidrs = (theVpc.CidrBlockAssociationSet ?? []).some((a) => isUnknown(a.CidrBlock)) ? [] : associatedIpv4Cidrs(theVpc);
  return cidrs.map((cidr) => ({ DestinationCidrBlock: cidr, GatewayId: 'local', Origin: 'CreateRouteTable', State: 'active' }));
}

function newTable(table: PlannedRouteTable, vpcId: string, local: NonNullable<Table['Routes']>): Table {
  return {
    RouteTableId: table.id,
    VpcId: vpcId,
    Routes: [...local, ...table.routes.map((r) => routeJson(r, 'CreateRoute') as NonNullable<Table['Routes']>[number])],
    Associations: table.main ? [{ Main: true, RouteTableId: table.id, RouteTableAssociationId: `${table.address} main association` }] : [],
  };
}

/** Inline routes replace a managed table's routes by destination; the rest stay. */
function mergeRoutes(current: NonNullable<Table['Routes']>, planned: NonNullable<Table['Routes']>): NonNullable<Table['Routes']> {
  const key = (r: NonNullable<Table['Routes']>[number]) => String(r.DestinationCidrBlock ?? r.DestinationIpv6CidrBlock ?? r.DestinationPrefixListId);
  const replaced = new Set(planned.map(key));
  return [...current.filter((r) => r.GatewayId === 'local' || !replaced.has(key(r))), ...planned];
}

function addStandaloneRoutes(world: PlannedWorld, tables: Table[]): void {
  for (const route of world.routes) {
    const table = tables.find((t) => t.RouteTableId === route.routeTableId);
    if (table) table.Routes = mergeRoutes(table.Routes ?? [], [routeJson(route) as NonNullable<Table['Routes']>[number]]);
  }
}

function addAssociations(world: PlannedWorld, tables: Table[], vpcId: string): void {
  for (const association of world.routeTableAssociations) {
    const table = tables.find((t) => t.RouteTableId === association.routeTableId);
    if (!table) continue;
    if (association.mainForVpcId !== undefined) {
      if (association.mainForVpcId !== vpcId) continue;
      // The table becomes the VPC's main one: the main association moves to it.
      for (const other of tables) other.Associations = (other.Associations ?? []).filter((a) => !a.Main);
      table.Associations = [...(table.Associations ?? []), { Main: true, RouteTableId: table.RouteTableId, RouteTableAssociationId: association.address }];
      continue;
    }
    const subnetId = association.subnetId;
    if (typeof subnetId !== 'string') continue;
    // A subnet has one explicit association: the plan's replaces the one it had.
    for (const other of tables) other.Associations = (other.Associations ?? []).filter((a) => a.Main || a.SubnetId !== subnetId);
    table.Associations = [
      ...(table.Associations ?? []),
      { Main: false, SubnetId: subnetId, RouteTableId: table.RouteTableId, RouteTableAssociationId: association.id, AssociationState: { State: 'associated' } },
    ];
  }
}
