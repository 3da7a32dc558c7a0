/**
 * H9 as-vpc-resource-route (`--resource HOST:PORT`): can the image builder's and fleets' instances reach a network
 * resource their applications need (a licence server, a database, a file server) from every subnet? A host name is
 * resolved at collection (resource-addresses.ts: the DNS servers of the VPC's DHCP options, else this machine's
 * resolver, said so) and every address it resolves to is judged; a name that does not resolve is an `error` with why.
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
import { isIpAddress, splitHostAndPort } from '../../src/core/parse.js';
import { defineCheck, type FindingDraft } from '../../src/engine/types.js';
import type { FactValues } from '../../src/facts/define.js';
import appstreamNatGateways from '../../src/facts/appstream/appstream-nat-gateways.js';
import appstreamRouteTables from '../../src/facts/appstream/appstream-route-tables.js';
import appstreamSecurityGroups from '../../src/facts/appstream/appstream-security-groups.js';
import appstreamSubnets from '../../src/facts/appstream/appstream-subnets.js';
import fleets from '../../src/facts/appstream/fleets.js';
import imageBuilder from '../../src/facts/appstream/image-builder.js';
import { readResources, type StreamingResource } from '../../src/facts/appstream/resources.js';
import resourceAddresses, { type ResourceLookup } from '../../src/facts/probes/resource-addresses.js';
import { describeResolve } from '../../src/net/resolve.js';
import { nonPublicRangeOf } from '../../src/net/cidr.js';
import { pathTo } from '../../src/net/route-path.js';
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
      'With --resource HOST:PORT: from each subnet of the image builder and fleets, the route table that applies and the ' +
      'longest-prefix route to the address (each address a host name resolves to, asked of the DNS servers the VPC ' +
      'gives); and the egress rules of their security groups for the port.',
    rationale:
      '"The application could not connect to a network resource in my VPC": the instances reach only what their subnets ' +
      'route to and their security groups let out, and a fleet spreads its instances over all its subnets, so the ' +
      'resource must be reachable through each.',
    finds:
      'with `--resource HOST:PORT`: a subnet with no route to it, a blackhole, an internet gateway or unavailable NAT gateway route, or security groups allowing no egress to the port (fail); a host name that does not resolve (error)',
    facts: [appstreamSubnets, appstreamRouteTables, appstreamNatGateways, appstreamSecurityGroups],
    optionalFacts: [imageBuilder, fleets, resourceAddresses],
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
      return [...findings, { status: 'skip', resource: 'network resource', message: 'Give --resource HOST:PORT (a licence, database or file server the applications need) to check the route and security groups to it.' }];
    }
    const { host, port } = splitHostAndPort(target);
    const isName = !isIpAddress(host);
    if (isName) {
      const resolved = facts.resourceAddresses;
      const failure = unavailable.resourceAddresses;
      if (!resolved || resolved.name.toLowerCase() !== host.toLowerCase()) {
        const why = !resolved
          ? failure && failure.kind !== 'not-applicable'
            ? failure.message
            : 'this run holds no resolution of it (a bundle answers only for the --resource it was collected with)'
          : `the run resolved ${resolved.name}, not ${host} (a bundle answers only for the --resource it was collected with)`;
        return [...findings, { status: 'error', resource: host, message: `Could not resolve ${host}: ${why}.`, evidence: { resource: target, ...(failure ? { reason: failure.kind } : {}) } }];
      }
    }
    for (const r of resources) {
      const subnets = facts.appstreamSubnets.filter((s) => r.subnetIds.includes(s.SubnetId ?? ''));
      if (subnets.length === 0) {
        findings.push({ status: 'skip', resource: r.name, message: `The ${r.label} has no subnet to judge.` });
        continue;
      }
      let addresses = [host];
      let dns: { lookup: ResourceLookup; said: string } | undefined;
      if (isName) {
        const vpcIds = new Set(subnets.map((s) => s.VpcId ?? ''));
        const lookup = facts.resourceAddresses!.lookups.find((l) => l.vpcIds.some((v) => vpcIds.has(v)));
        const asked = lookup?.via === 'dhcp' ? `the DNS servers of its VPC's DHCP options (${lookup.servers!.join(', ')})` : "this machine's resolver (its VPC uses AmazonProvidedDNS, which answers only inside the VPC: a private hosted zone may answer otherwise there)";
        if (!lookup || lookup.result !== 'resolved') {
          const reason = lookup ? describeResolve({ name: host, result: lookup.result, addresses: [], ...(lookup.code ? { code: lookup.code } : {}), elapsedMs: 0 }) : 'no lookup was made for its VPC';
          findings.push({ status: 'error', resource: r.name, message: `Could not resolve ${host} as the ${r.label} would, asked of ${asked}: ${reason}.`, evidence: { kind: r.kind, resource: target, dns: lookup ?? null } });
          continue;
        }
        addresses = lookup.addresses;
        dns = { lookup, said: `${host} resolved to ${addresses.join(', ')} (asked of ${asked})` };
      }
      const judged = addresses.map((address) => ({ address, ...judgeAddress(facts, r, subnets, address, port) }));
      const evidence = { kind: r.kind, resource: target, ...(dns ? { dns: dns.lookup } : {}), addresses: judged.map((j) => ({ address: j.address, subnets: j.routes, egress: j.egress })), securityGroups: r.securityGroupIds };
      const push = (status: FindingDraft['status'], message: string) => findings.push({ status, resource: r.name, message: dns ? `${message} ${capitalize(dns.said)}.` : message, evidence });
      const many = judged.length > 1;
      const fails = judged.flatMap((j) => j.fails.map((f) => (many ? `${j.address}: ${f}` : f)));
      if (fails.length) {
        push('fail', `The ${r.label} cannot reach ${target}: ${fails.join('; ')}.`);
        continue;
      }
      const unknown = judged.filter((j) => j.egress.verdict === 'unknown');
      const via = (j: (typeof judged)[number]) => j.routes.map((x) => `${x.subnetId} → ${x.kind === 'local' ? 'inside the VPC' : x.target}`).join(', ');
      const routed = judged.map((j) => `${j.address} (${via(j)})`).join('; ');
      if (unknown.length) {
        push('warn', `The ${r.label}'s subnets route ${routed}, but whether its security groups let TCP ${port} out depends on ${unknown.map((j) => j.egress.by).join('; ')}.`);
        continue;
      }
      push(
        'pass',
        `The ${r.label}'s subnets route ${routed} and its security groups allow TCP ${port} out (${[...new Set(judged.map((j) => j.egress.by))].join('; ')}). Network ACLs and the resource's own side are not judged.`,
      );
    }
    return findings;
  },
});

type Facts = FactValues<[typeof appstreamSubnets, typeof appstreamRouteTables, typeof appstreamNatGateways, typeof appstreamSecurityGroups]>;

/** From each subnet, the route to `address` and what is wrong with it; the security groups' egress to it. */
function judgeAddress(facts: Facts, r: StreamingResource, subnets: Facts['appstreamSubnets'], address: string, port: number) {
  // A private address routed out to the internet (a NAT or internet gateway) goes nowhere: nothing there routes it.
  const privateRange = nonPublicRangeOf(address);
  const routes = subnets.map((s) => {
    const path = pathTo(address, { subnetId: s.SubnetId!, ...(s.VpcId ? { vpcId: s.VpcId } : {}), routeTables: facts.appstreamRouteTables });
    const match = path.match;
    const nat = match?.target.kind === 'nat-gateway' ? facts.appstreamNatGateways.find((n) => n.NatGatewayId === match.target.id) : undefined;
    // A route to a customer-managed prefix list may hold the address: its entries are another API's, not read.
    const prefixLists = path.prefixListRoutes.map((r) => r.DestinationPrefixListId).join(', ');
    let problem: string | undefined;
    if (!match) problem = `no route covers it${prefixLists ? ` (unless prefix list ${prefixLists}, which wsdoctor does not expand, holds it)` : ''}`;
    else if (match.blackhole) problem = `its route ${match.destination} → ${match.target.id} is a blackhole`;
    else if (privateRange && (match.target.kind === 'internet-gateway' || match.target.kind === 'nat-gateway')) {
      problem = `only its route ${match.destination} to ${match.target.id} covers it, which sends this ${privateRange} address to the internet, where it is not routed`;
    } else if (match.target.kind === 'internet-gateway') problem = `its route ${match.destination} goes to internet gateway ${match.target.id}, which instances without a public address cannot use`;
    else if (match.target.kind === 'nat-gateway' && nat?.State !== 'available') problem = `its route ${match.destination} goes to NAT gateway ${match.target.id}, which is ${nat?.State ?? 'gone'}`;
    return { subnetId: s.SubnetId!, routeTableId: path.routeTableId, route: match?.destination, target: match?.target.id, kind: match?.target.kind, problem };
  });
  const groups = facts.appstreamSecurityGroups.filter((g) => r.securityGroupIds.includes(g.GroupId ?? ''));
  const egress = egressVerdict(groups, address, port);
  const fails = routes.filter((x) => x.problem).map((x) => `from ${x.subnetId} ${x.problem}`);
  if (egress.verdict === 'blocked') fails.push(`its security groups (${r.securityGroupIds.join(', ') || 'none'}) allow no egress to ${address}:${port}`);
  return { routes, egress, fails };
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

