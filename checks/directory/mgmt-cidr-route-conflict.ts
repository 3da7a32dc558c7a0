/**
 * Ensures the route tables of the directory's VPC leave WorkSpaces a management-interface (eth0) range to use.
 * - PASS: no route (other than `local` routes and the default route 0.0.0.0/0) overlaps a management range.
 * - WARN: a route overlaps a management range, but the VPC CIDRs and routes together still leave one free.
 * - FAIL: the VPC CIDRs and the routes together cover every management range of the Region.
 * - ERROR: the Region is not in the guide's table, so there is nothing to compare with.
 * One finding per overlapping route, naming its table, destination and target.
 */
import { defineCheck, type FindingDraft } from '../../src/engine/types.js';
import { managementRangesFor } from '../../src/data/management-ranges.js';
import { GUIDES } from '../../src/data/sources.js';
import { overlappingRanges } from '../../src/net/cidr.js';
import { associatedIpv4Cidrs } from '../../src/facts/views.js';
import type { FactValue } from '../../src/facts/define.js';
import routeTables from '../../src/facts/ec2/route-tables.js';
import vpc from '../../src/facts/ec2/vpc.js';

type RouteTable = FactValue<typeof routeTables>[number];
type Route = NonNullable<RouteTable['Routes']>[number];

// Excluding the default route is the catalog's decision, not the guide's: the guides do not say how WorkSpaces
// treats 0.0.0.0/0, and counting it would make every VPC with internet access "conflict" with every range.
const DEFAULT_ROUTE = '0.0.0.0/0';

export default defineCheck({
  meta: {
    id: 'mgmt-cidr-route-conflict',
    catalogId: 'A5',
    title: 'Route tables leave a management interface range free',
    scope: 'directory',
    severity: 'high',
    tags: ['network', 'vpc', 'routing', 'registration'],
    description:
      "Compares every IPv4 route destination in the route tables of the directory's VPC (local routes and the " +
      "default route 0.0.0.0/0 aside) with the Region's management network interface (eth0) ranges, together " +
      "with the VPC's CIDRs.",
    rationale:
      'When a directory is registered WorkSpaces tests the VPC CIDR and the route tables for conflicts with the ' +
      'management ranges; if every range conflicts the directory is not registered, and the guide warns that ' +
      'changing the route tables after registration might cause a conflict.',
    finds:
      'a route in the VPC\'s route tables (not `local`, not `0.0.0.0/0`) overlaps a management range: warn, or fail when the routes and VPC CIDRs together leave no range free; names the route table, destination and target',
    facts: [vpc, routeTables],
    remediation: {
      summary:
        'Remove or narrow the routes that send a management interface range elsewhere (peering connection, transit ' +
        'gateway, VPN gateway, NAT…), so that at least one management range of the Region is free.',
      steps: [
        'Amazon WorkSpaces selects the IP address of the management network interface (eth0) from address ranges that depend on the Region. When a directory is registered, it tests the VPC CIDR and the route tables in the VPC for conflicts with those ranges; if a conflict is found in all of them, the directory is not registered.',
        'The guide warns: "If you change the route tables in your VPC after the directory is registered, you might cause a conflict." A route whose destination overlaps a management range is such a change.',
        'In the Amazon VPC console, open each route table named in the findings and delete the route to the management range, or replace it with narrower routes that cover only the networks you really reach through that target, so that they no longer overlap the Region\'s management ranges.',
        'Keep at least one management range of the Region free of both the VPC CIDRs and the routes; the guide recommends private RFC 1918 space such as 10.0.0.0/16 for the VPC, which overlaps none of them.',
      ],
      source: { guide: GUIDES.adminGuide, section: 'Network Interfaces', lines: '1241-1253' },
      alsoSee: [{ guide: GUIDES.adminGuide, section: 'Management Interface IP Ranges', lines: '1268-1326' }],
      docsUrl: 'https://docs.aws.amazon.com/workspaces/latest/adminguide/workspaces-port-requirements.html',
    },
  },

  analyze({ vpc, routeTables }, { region }) {
    const management = managementRangesFor(region);
    const vpcCidrs = associatedIpv4Cidrs(vpc);
    if (!management) {
      return [
        {
          status: 'error',
          resource: vpc.VpcId ?? 'vpc',
          message: `The guide's table of management interface ranges has no entry for ${region}, so the route tables cannot be compared with them.`,
          evidence: { region },
        },
      ];
    }
    const routes = routeTables.flatMap((table) =>
      (table.Routes ?? [])
        .filter((route) => route.DestinationCidrBlock && route.GatewayId !== 'local' && route.DestinationCidrBlock !== DEFAULT_ROUTE)
        .map((route) => ({ table, route, ranges: overlappingRanges(management.ranges, [route.DestinationCidrBlock!]) })),
    );
    const conflicts = routes.filter((r) => r.ranges.length > 0);
    const rangeList = management.ranges.join(', ');
    const prefixListRoutes = routeTables.flatMap((t) => (t.Routes ?? []).filter((r) => r.DestinationPrefixListId));
    const common = { vpcId: vpc.VpcId, vpcCidrs, region, managementRanges: management.ranges, dataSource: management.source };

    if (conflicts.length === 0) {
      const tables = `${routeTables.length} route table${routeTables.length === 1 ? '' : 's'}`;
      const n = prefixListRoutes.length;
      const unexpanded = n
        ? ` ${n} route${n > 1 ? 's' : ''} to managed prefix lists (${prefixListRoutes.map((r) => r.DestinationPrefixListId).join(', ')}) ` +
          `${n > 1 ? 'were' : 'was'} not compared: wsdoctor does not expand prefix lists.`
        : '';
      return [
        {
          status: 'pass',
          resource: vpc.VpcId ?? 'vpc',
          message:
            (routes.length === 0
              ? `The ${tables} of ${vpc.VpcId} ${routeTables.length === 1 ? 'holds' : 'hold'} only local routes and the default route ${DEFAULT_ROUTE}: none overlaps `
              : `None of the ${routes.length} route${routes.length === 1 ? '' : 's'} in the ${tables} of ${vpc.VpcId} ` +
                `(besides local routes and ${DEFAULT_ROUTE}) overlaps `) +
            `${region}'s management ranges (${rangeList}).${unexpanded}`,
          evidence: { ...common, routesChecked: routes.length, routeTables: routeTables.map((t) => t.RouteTableId) },
        },
      ];
    }

    const covered = new Set([...overlappingRanges(management.ranges, vpcCidrs), ...conflicts.flatMap((c) => c.ranges)]);
    const free = management.ranges.filter((range) => !covered.has(range));
    return conflicts.map(({ table, route, ranges }): FindingDraft => {
      const target = routeTarget(route);
      const state = route.State && route.State !== 'active' ? ` (${route.State})` : '';
      const propagated = route.Origin === 'EnableVgwRoutePropagation' ? ', propagated from the VPN gateway' : '';
      const what =
        `Route table ${table.RouteTableId}${mainTableNote(table)} sends ${route.DestinationCidrBlock} to ${target.kind} ${target.id}${state}${propagated}; ` +
        `it overlaps ${region}'s management interface range${ranges.length > 1 ? 's' : ''} ${ranges.join(', ')}.`;
      const message =
        free.length === 0
          ? `${what} The VPC CIDRs (${vpcCidrs.join(', ')}) and the routes now leave no management range of ${region} (${rangeList}) free: ` +
            'WorkSpaces has no conflict-free range for the management interface (eth0). A directory cannot be registered in this VPC as it is, ' +
            'and for a directory already registered the guide warns that such a route change "might cause a conflict".'
          : `${what} ${free.join(', ')} is still free, so registration can pick it; but wsdoctor cannot see which range the WorkSpaces' ` +
            'management interfaces use, and the guide warns that changing route tables after registration "might cause a conflict".';
      return {
        status: free.length === 0 ? 'fail' : 'warn',
        resource: table.RouteTableId ?? 'route table',
        message,
        evidence: {
          ...common,
          routeTableId: table.RouteTableId,
          mainRouteTable: table.Associations?.some((a) => a.Main) ?? false,
          associatedSubnets: (table.Associations ?? []).flatMap((a) => (a.SubnetId ? [a.SubnetId] : [])),
          destination: route.DestinationCidrBlock,
          target,
          routeState: route.State,
          routeOrigin: route.Origin,
          overlappingRanges: ranges,
          coveredRanges: management.ranges.filter((range) => covered.has(range)),
          freeRanges: free,
        },
      };
    });
  },
});

function mainTableNote(table: RouteTable): string {
  return table.Associations?.some((a) => a.Main) ? ' (the main route table)' : '';
}

/** What a route sends its traffic to, named as the VPC console names it. */
function routeTarget(route: Route): { kind: string; id: string } {
  if (route.VpcPeeringConnectionId) return { kind: 'VPC peering connection', id: route.VpcPeeringConnectionId };
  if (route.TransitGatewayId) return { kind: 'transit gateway', id: route.TransitGatewayId };
  if (route.NatGatewayId) return { kind: 'NAT gateway', id: route.NatGatewayId };
  if (route.GatewayId) {
    const kind = route.GatewayId.startsWith('vgw-')
      ? 'virtual private gateway'
      : route.GatewayId.startsWith('igw-')
        ? 'internet gateway'
        : route.GatewayId.startsWith('vpce-')
          ? 'VPC endpoint'
          : 'gateway';
    return { kind, id: route.GatewayId };
  }
  if (route.InstanceId) return { kind: 'instance', id: route.InstanceId };
  if (route.NetworkInterfaceId) return { kind: 'network interface', id: route.NetworkInterfaceId };
  if (route.LocalGatewayId) return { kind: 'local gateway', id: route.LocalGatewayId };
  if (route.CarrierGatewayId) return { kind: 'carrier gateway', id: route.CarrierGatewayId };
  if (route.CoreNetworkArn) return { kind: 'core network', id: route.CoreNetworkArn };
  return { kind: 'an unnamed target', id: '(none given)' };
}
