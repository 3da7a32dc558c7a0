/**
 * H3 as-fleet-internet-access: do the fleet's instances reach the internet the way the service supports?
 * Per subnet, its path to the internet (src/net/route-path.ts: the longest-prefix route for 0.0.0.0/0, and any
 * narrower route sending part of the internet to an internet or NAT gateway):
 * - PASS: default internet access, with every subnet routed to an attached internet gateway (public subnets, as that
 *   mode needs [not in guides]); or every subnet private and routed to an available public NAT gateway whose own
 *   subnet reaches an attached internet gateway (the guide's setup, 004 lines 481-483, 555-571).
 * - FAIL: a subnet routed straight to an internet gateway without default internet access: fleet instances have only
 *   private addresses, so nothing gets out; a blackhole route, a NAT gateway that is not available (or private, or in
 *   a subnet without a way out), an internet gateway not attached (IGW_NOT_ATTACHED); default internet access with a
 *   private subnet; with --require-internet, no internet route at all.
 * - WARN: some subnets reach the internet and others do not (instances placed in those lack it); a route through a
 *   transit gateway, peering or appliance wsdoctor cannot follow.
 * - SKIP: no subnet routes to the internet and --require-internet was not given: many fleets are private on purpose.
 */
import { GUIDES } from '../../src/data/sources.js';
import { defineCheck, type FindingDraft } from '../../src/engine/types.js';
import appstreamInternetGateways from '../../src/facts/appstream/appstream-internet-gateways.js';
import appstreamNatGateways from '../../src/facts/appstream/appstream-nat-gateways.js';
import appstreamRouteTables from '../../src/facts/appstream/appstream-route-tables.js';
import appstreamSubnets from '../../src/facts/appstream/appstream-subnets.js';
import fleets from '../../src/facts/appstream/fleets.js';
import { INTERNET, internetPath, type InternetVerdict } from '../../src/net/route-path.js';
import requireInternet from '../../src/options/require-internet.js';

export default defineCheck({
  meta: {
    id: 'as-fleet-internet-access',
    catalogId: 'H3',
    title: "The fleet's instances reach the internet through a NAT gateway, or default internet access",
    scope: 'fleet',
    alsoFor: ['stack'],
    severity: 'high',
    tags: ['appstream', 'fleet', 'network', 'internet'],
    description:
      "Follows each of the fleet's subnets' route to the internet: the route table that applies, the longest-prefix " +
      'route, the NAT gateway\'s state and its own way out, the internet gateway\'s attachment, against the fleet\'s ' +
      'default internet access setting.',
    rationale:
      'Fleet instances have private addresses only, unless default internet access gives them public ones: a private ' +
      'subnet needs a route to an available NAT gateway, and a subnet routed straight to an internet gateway leaves ' +
      'them with no internet at all — applications that license, update or sign in online then fail.',
    finds:
      'a subnet routed to an internet gateway without default internet access, a blackhole route, a NAT gateway not available, an internet gateway not attached, or (with `--require-internet`) no internet route (fail); only some subnets with internet (warn)',
    facts: [fleets, appstreamSubnets, appstreamRouteTables, appstreamNatGateways, appstreamInternetGateways],
    options: [requireInternet],
    remediation: {
      summary: 'Launch the fleet in private subnets whose route to the internet goes to an available NAT gateway (in a public subnet), or turn on default internet access with public subnets.',
      steps: [
        'If your fleet instances and image builders require Internet access, use a VPC and a VPC NAT gateway, and launch these resources in private VPC subnets that provide a route to the Internet.',
        'The VPC wizard\'s "VPC with Public and Private Subnets" creates a public subnet with the NAT gateway (and an Elastic IP) and one private subnet; add a second private subnet in a different Availability Zone (for example 10.0.1.0/24 and 10.0.2.0/24) and route it to the same NAT gateway.',
        'Use the VPC and the two private subnets for the fleet, then connect to a streaming instance and browse to the internet to test it.',
        '[not in guides] A route to a deleted NAT gateway shows as blackhole: point it at an available one. With default internet access on, the subnets must be public (routed to an attached internet gateway).',
      ],
      source: { guide: GUIDES.appStream, section: 'Internet Connectivity', lines: '481-483' },
      alsoSee: [{ guide: GUIDES.appStream, section: 'Fleets', lines: '555-571' }],
      docsUrl: 'https://docs.aws.amazon.com/appstream2/latest/developerguide/internet-access.html',
    },
  },

  analyze({ fleets, appstreamSubnets, appstreamRouteTables, appstreamNatGateways, appstreamInternetGateways }, { option }) {
    const required = option(requireInternet) === true;
    return fleets.map((fleet): FindingDraft => {
      const resource = fleet.Name ?? 'fleet';
      const defaultInternet = fleet.EnableDefaultInternetAccess === true;
      const subnets = appstreamSubnets.filter((s) => fleet.VpcConfig?.SubnetIds?.includes(s.SubnetId ?? ''));
      if (subnets.length === 0) return { status: 'skip', resource, message: `Fleet ${resource} has no subnet to judge (as-fleet-subnets-ha reports missing ones).` };
      const paths = subnets.map((s) => {
        const path = internetPath({ subnetId: s.SubnetId!, ...(s.VpcId ? { vpcId: s.VpcId } : {}), routeTables: appstreamRouteTables, natGateways: appstreamNatGateways, internetGateways: appstreamInternetGateways });
        return { ...path, way: WAY[path.verdict], route: path.hops[0]?.match };
      });
      const evidence = {
        defaultInternetAccess: defaultInternet,
        requireInternet: required,
        subnets: paths.map((p) => ({
          subnetId: p.subnetId,
          routeTableId: p.hops[0]?.routeTableId,
          route: p.route?.destination,
          target: p.route?.target.id,
          verdict: p.verdict,
          ...(p.way === 'broken' || p.way === 'elsewhere' ? { problem: p.explanation } : {}),
          ...(p.natGateway ? { natGateway: { id: p.natGateway.NatGatewayId, state: p.natGateway.State, subnetId: p.natGateway.SubnetId, connectivity: p.natGateway.ConnectivityType } } : {}),
        })),
      };
      const draft = (status: FindingDraft['status'], message: string): FindingDraft => ({ status, resource, message, evidence });
      const say = (p: (typeof paths)[number]) => `${p.subnetId}: ${p.explanation.replace(/\.$/, '')}`;
      const broken = paths.filter((p) => p.way === 'broken');
      if (defaultInternet) {
        const notPublic = paths.filter((p) => p.way !== 'internet-gateway');
        if (notPublic.length === 0) return draft('pass', `Fleet ${resource} has default internet access, and its subnets (${subnets.map((s) => s.SubnetId).join(', ')}) route to an attached internet gateway.`);
        return draft(
          'fail',
          `Fleet ${resource} has default internet access, which needs public subnets routed to an attached internet gateway, but ${notPublic
            .map((p) => (p.way === 'broken' ? say(p) : `${p.subnetId} routes to ${p.route && p.way !== 'none' ? p.route.target.id : 'nothing outside the VPC'}`))
            .join('; ')}${notPublic.some((p) => p.verdict === 'igw-not-attached' || /not attached/.test(p.explanation)) ? ' (IGW_NOT_ATTACHED)' : ''}.`,
        );
      }
      const toIgw = paths.filter((p) => p.way === 'internet-gateway');
      const problems = [
        ...toIgw.map((p) => `${p.subnetId} routes ${p.destination === INTERNET ? '' : `${p.destination} `}straight to internet gateway ${p.internetGatewayId}, but its instances have no public address (default internet access is off), so nothing ${p.destination === INTERNET ? '' : 'to that range '}gets out`),
        ...broken.map(say),
      ];
      if (problems.length) return draft('fail', `Fleet ${resource}'s instances cannot reach the internet from every subnet: ${problems.join('; ')}.`);
      const viaNat = paths.filter((p) => p.way === 'nat');
      const none = paths.filter((p) => p.way === 'none');
      const elsewhere = paths.filter((p) => p.way === 'elsewhere');
      if (viaNat.length === paths.length) {
        return draft('pass', `Fleet ${resource}'s subnets route to the internet through available NAT gateways: ${viaNat.map((p) => `${p.subnetId} → ${p.natGateway!.NatGatewayId}`).join(', ')}.`);
      }
      if (elsewhere.length) {
        return draft('warn', `Fleet ${resource}: ${elsewhere.map(say).join('; ')}${viaNat.length ? `; ${viaNat.map((p) => p.subnetId).join(', ')} use a NAT gateway` : ''}. Test the internet from a streaming instance.`);
      }
      if (viaNat.length && none.length) {
        return draft(
          required ? 'fail' : 'warn',
          `Fleet ${resource}: ${viaNat.map((p) => p.subnetId).join(', ')} reach the internet through a NAT gateway, but ${none.map((p) => p.subnetId).join(', ')} ${none.length === 1 ? 'has' : 'have'} no route to it: instances placed there have no internet.`,
        );
      }
      return draft(
        required ? 'fail' : 'skip',
        `Fleet ${resource} has no route to the internet (default internet access is off and none of ${paths.map((p) => p.subnetId).join(', ')} routes to a NAT gateway): its instances reach only the VPC and what it routes to.` +
          (required ? ' It must reach the internet (--require-internet).' : ' Not judged: pass --require-internet if its applications need the internet.'),
      );
    });
  },
});

/**
 * What a fleet makes of a subnet's internet path: its instances have no public address (without default internet
 * access), so an internet gateway route is its own case; the rest is broken, absent, or beyond what the VPC shows.
 */
const WAY: Record<InternetVerdict, 'nat' | 'internet-gateway' | 'none' | 'broken' | 'elsewhere'> = {
  'via-nat': 'nat',
  'via-internet-gateway': 'internet-gateway',
  'needs-public-ip': 'internet-gateway',
  'no-route': 'none',
  local: 'none',
  blackhole: 'broken',
  'nat-unusable': 'broken',
  'nat-no-internet': 'broken',
  'igw-not-attached': 'broken',
  unproven: 'elsewhere',
};
