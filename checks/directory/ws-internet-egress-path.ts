/**
 * A8 ws-internet-egress-path: every directory subnet has a working way to the internet.
 * Per subnet, through src/net/route-path.ts: the subnet's route table (explicit, else main), its longest-prefix
 * route for 0.0.0.0/0, then:
 * - PASS: an available NAT gateway whose own (public) subnet routes to an attached internet gateway; or an attached
 *   internet gateway with the directory's automatic Elastic IPs on (EnableInternetAccess).
 * - WARN: an internet gateway with automatic Elastic IPs off (each WorkSpace needs an Elastic IP associated by hand,
 *   which only D4 can see per WorkSpace); a default route to another target (transit gateway, virtual private
 *   gateway, peering, an appliance): centralised egress wsdoctor cannot follow [derived].
 * - FAIL: no default route; a blackhole; a NAT gateway missing, not available, private, or itself without a way
 *   out [derived: the guide's NAT gateway sits in a public subnet]; an internet gateway not attached to the VPC.
 * Routes to prefix lists are not expanded: a finding says when the table has some.
 */
import { GUIDES } from '../../src/data/sources.js';
import { defineCheck, type FindingDraft, type Status } from '../../src/engine/types.js';
import { internetPath, type InternetVerdict } from '../../src/net/route-path.js';
import internetGateways from '../../src/facts/ec2/internet-gateways.js';
import natGateways from '../../src/facts/ec2/nat-gateways.js';
import routeTables from '../../src/facts/ec2/route-tables.js';
import vpc from '../../src/facts/ec2/vpc.js';
import workspacesDirectory from '../../src/facts/workspaces/workspaces-directory.js';

const STATUS: Record<InternetVerdict, Status> = {
  'via-nat': 'pass',
  'via-internet-gateway': 'pass',
  'needs-public-ip': 'warn',
  unproven: 'warn',
  'no-route': 'fail',
  blackhole: 'fail',
  'nat-unusable': 'fail',
  'nat-no-internet': 'fail',
  'igw-not-attached': 'fail',
  local: 'fail',
};

export default defineCheck({
  meta: {
    id: 'ws-internet-egress-path',
    catalogId: 'A8',
    title: 'Every directory subnet has a route to the internet',
    scope: 'directory',
    severity: 'high',
    tags: ['network', 'routing', 'internet'],
    description:
      "Follows each directory subnet's route for 0.0.0.0/0 (explicit or main route table, longest prefix) to a NAT " +
      "gateway (its state and its own subnet's route) or an internet gateway (attached or not), with the directory's " +
      'automatic Elastic IP setting (EnableInternetAccess).',
    rationale:
      '"WorkSpaces cannot communicate with the internet by default. You must explicitly provide internet access": ' +
      'without it WorkSpaces get no operating system updates and no applications from Amazon WAM.',
    finds:
      'a directory subnet without a working way out: no default route, a blackhole, a NAT gateway that is not available or has no way out itself, a detached internet gateway (fail); an internet gateway without automatic Elastic IPs, or egress through a transit/VPN gateway or appliance wsdoctor cannot follow (warn)',
    facts: [workspacesDirectory, vpc, routeTables, natGateways, internetGateways],
    remediation: {
      summary:
        'Give the directory\'s subnets a way to the internet: private subnets whose default route goes to an available NAT gateway in a public subnet, or public subnets with automatic Elastic IPs.',
      steps: [
        'WorkSpaces cannot communicate with the internet by default. You must explicitly provide internet access.',
        'Either launch your WorkSpaces in private subnets and configure a NAT gateway in a public subnet of the VPC; or launch them in public subnets and configure automatic assignment of public IP addresses; or launch them in public subnets and assign public (Elastic) IP addresses manually.',
        'For private subnets: on the Routes tab of their route table, verify that there is one route for local traffic and another route that sends all other traffic to the NAT gateway. The public subnet\'s route table sends all other traffic to the internet gateway for the VPC.',
        'For public subnets: in the WorkSpaces console choose Directories, select the directory, Actions, Update Details, expand Access to Internet and choose Enable. WorkSpaces that already exist do not receive an Elastic IP address until you rebuild them.',
        'With any of these options, the security group for your WorkSpaces must allow outbound traffic on ports 80 (HTTP) and 443 (HTTPS) to all destinations (see ws-sg-egress-http-https).',
      ],
      source: { guide: GUIDES.adminGuide, section: 'Provide Internet Access from Your WorkSpace', lines: '1571-1587' },
      alsoSee: [
        { guide: GUIDES.troubleshooting, section: 'No WorkSpaces in my directory can connect to the internet', lines: '410-412' },
        { guide: GUIDES.adminGuide, section: 'Configure a VPC with Private Subnets and a NAT Gateway', lines: '302-489' },
        { guide: GUIDES.adminGuide, section: 'Configure Automatic IP Addresses', lines: '2504-2546' },
      ],
      docsUrl: 'https://docs.aws.amazon.com/workspaces/latest/adminguide/amazon-workspaces-internet-access.html',
    },
  },

  analyze({ workspacesDirectory: directory, vpc: theVpc, routeTables: tables, natGateways: nats, internetGateways: igws }) {
    const automaticIps = directory.WorkspaceCreationProperties?.EnableInternetAccess === true;
    return (directory.SubnetIds ?? []).map((subnetId): FindingDraft => {
      const path = internetPath({
        subnetId,
        ...(theVpc.VpcId ? { vpcId: theVpc.VpcId } : {}),
        routeTables: tables,
        natGateways: nats,
        internetGateways: igws,
        hasPublicIp: automaticIps,
      });
      const status = STATUS[path.verdict];
      const prefixLists = path.hops.flatMap((h) => h.prefixListRoutes.map((r) => r.DestinationPrefixListId));
      const note = prefixLists.length ? ` (The table also routes prefix lists ${prefixLists.join(', ')}, which wsdoctor does not expand.)` : '';
      const consequence =
        path.verdict === 'needs-public-ip'
          ? ' Automatic Elastic IPs are off for the directory (Access to Internet): each WorkSpace there needs an Elastic IP associated by hand to get out.'
          : path.verdict === 'unproven'
            ? ' wsdoctor cannot see past it; make sure it leads to the internet (centralised egress, a NAT instance, a firewall).'
            : status === 'fail'
              ? ' WorkSpaces there cannot reach the internet for updates and applications.'
              : automaticIps && path.verdict === 'via-internet-gateway'
                ? ' New WorkSpaces get an Elastic IP automatically (Access to Internet is enabled).'
                : '';
      return {
        status,
        resource: subnetId,
        message: `${path.explanation}${consequence}${note}`,
        evidence: {
          subnetId,
          verdict: path.verdict,
          enableInternetAccess: automaticIps,
          hops: path.hops.map((h) => ({
            subnetId: h.subnetId,
            routeTableId: h.routeTableId,
            association: h.association,
            route: h.match?.destination,
            target: h.match?.target,
            blackhole: h.match?.blackhole,
          })),
          ...(path.natGateway ? { natGateway: { id: path.natGateway.NatGatewayId, state: path.natGateway.State, subnetId: path.natGateway.SubnetId } } : {}),
          ...(path.internetGatewayId ? { internetGatewayId: path.internetGatewayId } : {}),
        },
      };
    });
  },
});
