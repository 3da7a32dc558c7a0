/**
 * G8 as-ib-internet-access: can the image builder reach the internet? "Image builders cannot communicate to the
 * Internet by default" (004 line 815): the guide gives two ways, a NAT gateway for its private subnet (recommended) or
 * an Elastic IP on its network interface in a public subnet (repeated for every builder).
 * - PASS: default internet access with a public subnet; its subnet routes to an available NAT gateway (whose subnet
 *   reaches an attached internet gateway); or to an attached internet gateway and its interface has a public (Elastic)
 *   IP.
 * - FAIL: routed to an internet gateway, but no public address on its interface; a blackhole route, a NAT gateway not
 *   available, an internet gateway not attached; default internet access in a private subnet; with
 *   --require-internet, no route to the internet.
 * - WARN: a route wsdoctor cannot follow (transit gateway, appliance, peering).
 * - ERROR: routed to an internet gateway, but its interface could not be looked at for a public address.
 * - SKIP: no route to the internet and --require-internet not given (not judged).
 */
import { GUIDES } from '../../src/data/sources.js';
import { defineCheck } from '../../src/engine/types.js';
import appstreamInternetGateways from '../../src/facts/appstream/appstream-internet-gateways.js';
import appstreamNatGateways from '../../src/facts/appstream/appstream-nat-gateways.js';
import appstreamRouteTables from '../../src/facts/appstream/appstream-route-tables.js';
import appstreamSubnets from '../../src/facts/appstream/appstream-subnets.js';
import imageBuilder from '../../src/facts/appstream/image-builder.js';
import imageBuilderEni from '../../src/facts/appstream/image-builder-eni.js';
import { internetPath } from '../../src/net/route-path.js';
import requireInternet from '../../src/options/require-internet.js';

export default defineCheck({
  meta: {
    id: 'as-ib-internet-access',
    catalogId: 'G8',
    title: 'The image builder reaches the internet through a NAT gateway or an Elastic IP',
    scope: 'image-builder',
    severity: 'medium',
    tags: ['appstream', 'image-builder', 'network', 'internet'],
    description:
      "Follows the image builder's subnet's route to the internet (route table, longest-prefix route, NAT gateway state, " +
      'internet gateway attachment) and, for a public subnet, looks for a public address on its network interface.',
    rationale:
      'Image builders cannot reach the internet by default, and installing applications usually needs it: the builder ' +
      'needs a private subnet routed to a NAT gateway, or an Elastic IP on its interface in a public subnet.',
    finds:
      'an internet gateway route without a public IP on the builder\'s interface, a blackhole route, a NAT gateway not available, or (with `--require-internet`) no internet route (fail)',
    facts: [imageBuilder, appstreamSubnets, appstreamRouteTables, appstreamNatGateways, appstreamInternetGateways],
    optionalFacts: [imageBuilderEni],
    options: [requireInternet],
    remediation: {
      summary: 'Launch the image builder in a private subnet routed to a NAT gateway (once per VPC), or associate an Elastic IP with its network interface in a public subnet (for every builder).',
      steps: [
        'Image builders cannot communicate to the Internet by default: launch your image builder in a VPC subnet that has Internet access, through a NAT gateway, or configure an Internet gateway in your VPC and attach an Elastic IP address to your image builder.',
        'A VPC NAT gateway is recommended: it is a one-time setup for every later image builder (nominal charges apply). Use the VPC wizard\'s "VPC with Public and Private Subnets", then launch the builder in the private subnet.',
        'Manual Elastic IP on a public subnet: connect to the builder, note the IPv4 address of its VPC adapter (`ipconfig`), find that network interface in the EC2 console (filter by the address, and the VPC), choose Actions, Associate Address, and enter an Elastic IP. Repeat for every new image builder.',
      ],
      source: { guide: GUIDES.appStream, section: 'I cannot connect to the Internet from my image builder.', lines: '813-815' },
      alsoSee: [{ guide: GUIDES.appStream, section: 'Image Builders', lines: '490-553' }],
      docsUrl: 'https://docs.aws.amazon.com/appstream2/latest/developerguide/internet-access.html',
    },
  },

  analyze({ imageBuilder: builder, appstreamSubnets, appstreamRouteTables, appstreamNatGateways, appstreamInternetGateways, imageBuilderEni }, { option, unavailable }) {
    const resource = builder.Name ?? 'image-builder';
    const required = option(requireInternet) === true;
    const subnet = appstreamSubnets.find((s) => builder.VpcConfig?.SubnetIds?.includes(s.SubnetId ?? ''));
    if (!subnet) return [{ status: 'skip', resource, message: `Image builder ${resource} has no subnet to judge.` }];
    // Asked without a public address: the builder's interface is looked at below, where a route to an internet
    // gateway makes it matter (an error when it could not be read, never a guess).
    const path = internetPath({ subnetId: subnet.SubnetId!, ...(subnet.VpcId ? { vpcId: subnet.VpcId } : {}), routeTables: appstreamRouteTables, natGateways: appstreamNatGateways, internetGateways: appstreamInternetGateways });
    const route = path.hops[0]?.match;
    const broken = ['blackhole', 'nat-unusable', 'nat-no-internet', 'igw-not-attached'].includes(path.verdict);
    const publicIp = imageBuilderEni?.Association?.PublicIp;
    const evidence = {
      subnetId: path.subnetId,
      routeTableId: path.hops[0]?.routeTableId,
      route: route?.destination,
      target: route?.target.id,
      verdict: path.verdict,
      problem: broken || path.verdict === 'unproven' ? path.explanation : undefined,
      natGateway: path.natGateway ? { id: path.natGateway.NatGatewayId, state: path.natGateway.State, subnetId: path.natGateway.SubnetId, connectivity: path.natGateway.ConnectivityType } : undefined,
      defaultInternetAccess: builder.EnableDefaultInternetAccess === true,
      networkInterface: builder.NetworkAccessConfiguration?.EniId,
      publicIp,
      requireInternet: required,
    };
    const draft = (status: 'pass' | 'warn' | 'fail' | 'error' | 'skip', message: string) => [{ status, resource, message, evidence }];
    const where = `its subnet ${path.subnetId}`;
    if (builder.EnableDefaultInternetAccess) {
      return path.verdict === 'needs-public-ip'
        ? draft('pass', `Image builder ${resource} has default internet access, and ${where} routes to an attached internet gateway.`)
        : draft(
            'fail',
            `Image builder ${resource} has default internet access, which needs a public subnet, but ${broken ? `${where}: ${path.explanation}` : `${where} routes to ${route && path.verdict !== 'no-route' && path.verdict !== 'local' ? route.target.id : 'nothing outside the VPC'}`}.`,
          );
    }
    switch (path.verdict) {
      case 'via-nat':
        return draft('pass', `Image builder ${resource} reaches the internet: ${where} routes to NAT gateway ${path.natGateway!.NatGatewayId} (available).`);
      case 'needs-public-ip':
      case 'via-internet-gateway':
        if (publicIp) return draft('pass', `Image builder ${resource} reaches the internet: ${where} routes to internet gateway ${path.internetGatewayId}, and its interface has the public IP ${publicIp}.`);
        if (!imageBuilderEni) {
          const why = unavailable.imageBuilderEni?.message ?? 'the builder reports no network interface';
          return draft('error', `Image builder ${resource}'s ${where} routes to internet gateway ${path.internetGatewayId}, but whether its interface has an Elastic IP could not be looked at: ${why}.`);
        }
        return draft(
          'fail',
          `Image builder ${resource}'s ${where} routes to internet gateway ${path.internetGatewayId}, but its interface ${imageBuilderEni.NetworkInterfaceId} has no public IP: it cannot reach the internet. Associate an Elastic IP with the interface, or use a private subnet with a NAT gateway.`,
        );
      case 'blackhole':
      case 'nat-unusable':
      case 'nat-no-internet':
      case 'igw-not-attached':
        return draft('fail', `Image builder ${resource} cannot reach the internet: ${where}: ${path.explanation}`);
      case 'unproven':
        return draft('warn', `Image builder ${resource}: ${where}: ${path.explanation} Test the internet from the builder.`);
      default:
        return draft(
          required ? 'fail' : 'skip',
          `Image builder ${resource} has no route to the internet (${where} routes nothing outside the VPC): image builders cannot reach the internet by default.` +
            (required ? ' It must (--require-internet).' : ' Not judged: pass --require-internet if you install applications from the internet.'),
        );
    }
  },
});
