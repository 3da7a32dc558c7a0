/**
 * H9 as-vpc-resource-route (`--resource IP:PORT`): can the image builder's and fleets' instances reach a network
 * resource their applications need (a licence server, a database, a file server) from every subnet?
 * - FAIL: from a subnet, no route covers the address, or the route that wins (longest prefix) is a blackhole, goes
 *   to an internet gateway (instances without a public address cannot use it), or to a NAT gateway that is not
 *   available; a private address only the default route to the internet covers; or the resource's security groups allow no egress to the address and port.
 * - WARN: the groups' only rules that could allow it name a prefix list or another security group, whose members are
 *   not read.
 * - PASS: every subnet routes the address (inside the VPC, or out through a NAT gateway, peering, transit gateway,
 *   VPN — followed no further than the VPC), and the groups allow the port. Network ACLs and the far side are not
 *   judged: the finding says so.
 * - SKIP: no --resource given.
 */
import { GUIDES } from '../../src/data/sources.js';
import { splitIpAndPort } from '../../src/core/parse.js';
import { defineCheck, type FindingDraft } from '../../src/engine/types.js';
import appstreamNatGateways from '../../src/facts/appstream/appstream-nat-gateways.js';
import appstreamRouteTables from '../../src/facts/appstream/appstream-route-tables.js';
import appstreamSecurityGroups from '../../src/facts/appstream/appstream-security-groups.js';
import appstreamSubnets from '../../src/facts/appstream/appstream-subnets.js';
import fleets from '../../src/facts/appstream/fleets.js';
import imageBuilder from '../../src/facts/appstream/image-builder.js';
import { readResources } from '../../src/facts/appstream/resources.js';
import { nonPublicRangeOf } from '../../src/net/cidr.js';
import { routeTo } from '../../src/net/appstream-routes.js';
import { egressVerdict } from '../../src/net/security-group-egress.js';
import resourceOption from '../../src/options/resource.js';

export default defineCheck({
  meta: {
    id: 'as-vpc-resource-route',
    catalogId: 'H9',
    title: 'A network resource the applications need is routed and allowed from every subnet',
    scope: 'fleet',
    alsoFor: ['image-builder', 'stack'],
    severity: 'high',
    tags: ['appstream', 'network', 'routing', 'security-group'],
    description:
      'With --resource IP:PORT: from each subnet of the image builder and fleets, the route table that applies and the ' +
      'longest-prefix route to the address; and the egress rules of their security groups for the port.',
    rationale:
      '"The application could not connect to a network resource in my VPC": the instances reach only what their subnets ' +
      'route to and their security groups let out, and a fleet spreads its instances over all its subnets, so the ' +
      'resource must be reachable through each.',
    finds:
      'with `--resource IP:PORT`: a subnet with no route to it, a blackhole, an internet gateway or unavailable NAT gateway route, or security groups allowing no egress to the port (fail)',
    facts: [appstreamSubnets, appstreamRouteTables, appstreamNatGateways, appstreamSecurityGroups],
    optionalFacts: [imageBuilder, fleets],
    options: [resourceOption],
    remediation: {
      summary: 'Launch the image builder and fleet in subnets whose route tables reach the resource, and let their security groups out to its port.',
      steps: [
        'Check if the image builder was launched in the correct VPC subnet. You may also need to verify that the route tables in your VPC are configured to allow a connection.',
        'Ensure that the network resources your applications interact with (licensing servers, database servers, file servers) are accessible through the image builder\'s subnet, and through both of the fleet\'s subnets.',
        'Add an egress rule for the resource\'s address and port to the security groups of the image builder and fleet, and check the network ACLs of their subnets.',
      ],
      source: { guide: GUIDES.appStream, section: 'The application could not connect to a network resource in my VPC.', lines: '845-847' },
      alsoSee: [{ guide: GUIDES.appStream, section: 'Network Setup Guidelines', lines: '464-474' }],
      docsUrl: 'https://docs.aws.amazon.com/appstream2/latest/developerguide/managing-network.html',
    },
  },

  analyze(facts, { option, unavailable }) {
    const target = option(resourceOption);
    const { resources, unavailable: missing } = readResources(facts, unavailable);
    const findings: FindingDraft[] = missing.map((m) => ({ status: 'error', ...m }));
    if (!target) {
      return [...findings, { status: 'skip', resource: 'network resource', message: 'Give --resource IP:PORT (a licence, database or file server the applications need) to check the route and security groups to it.' }];
    }
    const { address, port } = splitIpAndPort(target);
    // A private address routed out to the internet (a NAT or internet gateway) goes nowhere: nothing there routes it.
    const privateRange = nonPublicRangeOf(address);
    for (const r of resources) {
      const subnets = facts.appstreamSubnets.filter((s) => r.subnetIds.includes(s.SubnetId ?? ''));
      if (subnets.length === 0) {
        findings.push({ status: 'skip', resource: r.name, message: `The ${r.label} has no subnet to judge.` });
        continue;
      }
      const routes = subnets.map((s) => {
        const choice = routeTo(s.SubnetId!, s.VpcId, facts.appstreamRouteTables, address);
        const nat = choice.target?.kind === 'nat-gateway' ? facts.appstreamNatGateways.find((n) => n.NatGatewayId === choice.target!.id) : undefined;
        let problem: string | undefined;
        if (!choice.route) problem = 'no route covers it';
        else if (!choice.active) problem = `its route ${choice.destination} → ${choice.target!.id} is a blackhole`;
        else if (privateRange && (choice.target!.kind === 'internet-gateway' || choice.target!.kind === 'nat-gateway')) {
          problem = `only its route ${choice.destination} to ${choice.target!.id} covers it, which sends this ${privateRange} address to the internet, where it is not routed`;
        } else if (choice.target!.kind === 'internet-gateway') problem = `its route ${choice.destination} goes to internet gateway ${choice.target!.id}, which instances without a public address cannot use`;
        else if (choice.target!.kind === 'nat-gateway' && nat?.State !== 'available') problem = `its route ${choice.destination} goes to NAT gateway ${choice.target!.id}, which is ${nat?.State ?? 'gone'}`;
        return { subnetId: s.SubnetId!, routeTableId: choice.routeTableId, route: choice.destination, target: choice.target?.id, kind: choice.target?.kind, problem };
      });
      const groups = facts.appstreamSecurityGroups.filter((g) => r.securityGroupIds.includes(g.GroupId ?? ''));
      const egress = egressVerdict(groups, address, port);
      const evidence = { kind: r.kind, resource: target, subnets: routes, securityGroups: r.securityGroupIds, egress };
      const push = (status: FindingDraft['status'], message: string) => findings.push({ status, resource: r.name, message, evidence });
      const fails = routes.filter((x) => x.problem).map((x) => `from ${x.subnetId} ${x.problem}`);
      if (egress.verdict === 'blocked') fails.push(`its security groups (${r.securityGroupIds.join(', ') || 'none'}) allow no egress to ${target}`);
      if (fails.length) {
        push('fail', `The ${r.label} cannot reach ${target}: ${fails.join('; ')}.`);
        continue;
      }
      const via = routes.map((x) => `${x.subnetId} → ${x.kind === 'local' ? 'inside the VPC' : x.target}`).join(', ');
      if (egress.verdict === 'unknown') {
        push('warn', `The ${r.label}'s subnets route ${address} (${via}), but whether its security groups let TCP ${port} out depends on ${egress.by}.`);
        continue;
      }
      push(
        'pass',
        `The ${r.label}'s subnets route ${address} (${via}) and its security groups allow TCP ${port} out (${egress.by}). Network ACLs and the resource's own side are not judged.`,
      );
    }
    return findings;
  },
});
