/**
 * G5 as-vpc-dhcp-dns: do the domain name servers of the VPC's DHCP option set resolve the domain a builder or fleet
 * joins? ("Domain name servers are usually set to the IP addresses of the domain controllers or DNS servers
 * responsible for your domain", 000 line 76.)
 * - FAIL: a custom server of the option set answered that the domain does not exist (or refused) when asked from here.
 * - PASS: the option set lists a DNS address Directory Service gives for a directory of that name, or a custom server
 *   resolved the domain from here.
 * - WARN: only AmazonProvidedDNS (or no option set): resolving an Active Directory domain then depends on Route 53
 *   Resolver rules the guides do not cover [not in guides], and it cannot be asked from outside the VPC; custom
 *   servers that are not the directory's known DNS addresses, which could not be asked from here.
 * - ERROR: custom servers, no directory to compare with, and none of them answered from here: the configuration could
 *   not be verified (run wsdoctor from the subnets).
 * - SKIP: not domain-joined.
 */
import { GUIDES } from '../../src/data/sources.js';
import { defineCheck, type FindingDraft } from '../../src/engine/types.js';
import appstreamDhcpOptions from '../../src/facts/appstream/appstream-dhcp-options.js';
import appstreamSubnets from '../../src/facts/appstream/appstream-subnets.js';
import appstreamVpcs from '../../src/facts/appstream/appstream-vpcs.js';
import domainDirectories from '../../src/facts/appstream/domain-directories.js';
import fleets from '../../src/facts/appstream/fleets.js';
import imageBuilder from '../../src/facts/appstream/image-builder.js';
import { readResources } from '../../src/facts/appstream/resources.js';
import domainJoinProbe from '../../src/facts/probes/domain-join-probe.js';
import { isIpv4 } from '../../src/net/cidr.js';

export default defineCheck({
  meta: {
    id: 'as-vpc-dhcp-dns',
    catalogId: 'G5',
    title: "The VPC's DHCP option set gives DNS servers that resolve the domain",
    scope: 'image-builder',
    alsoFor: ['fleet', 'stack'],
    severity: 'high',
    tags: ['appstream', 'domain-join', 'dns', 'network'],
    description:
      "For each domain-joined image builder and fleet, reads the domain name servers of its VPC's DHCP option set and " +
      'compares them with the DNS addresses Directory Service gives for the domain; custom servers are asked for the ' +
      "domain's A records from where wsdoctor runs.",
    rationale:
      "An instance that can't resolve its Active Directory domain can't contact it: the join fails with " +
      'DOMAIN_JOIN_ERROR_NO_SUCH_DOMAIN and the image builder stays Pending (a fleet, Starting).',
    finds:
      "the DHCP option set's DNS servers answer that the domain does not exist (fail); only AmazonProvidedDNS, or servers not the directory's that could not be asked from here (warn)",
    facts: [appstreamSubnets, appstreamVpcs, appstreamDhcpOptions],
    optionalFacts: [imageBuilder, fleets, domainDirectories, domainJoinProbe],
    remediation: {
      summary: "Set the VPC's DHCP option set domain name servers to the domain controllers' (or your domain's DNS servers') IP addresses, then restart the fleet or launch a new image builder.",
      steps: [
        'Verify that the VPC DNS servers are configured correctly under the DHCP option set section of your VPC: domain name servers are usually set to the IP addresses of the domain controllers or DNS servers responsible for your domain.',
        'To change them, create a DHCP option set with those domain name servers and associate it with the VPC (VPC console, Actions, Edit DHCP options set); instances pick it up when they start.',
        'From the image builder, `Resolve-DnsName -Name <your domain>` must return the domain controllers.',
        '[not in guides] With AmazonProvidedDNS, the domain resolves only through a Route 53 Resolver outbound endpoint and forwarding rule for it.',
      ],
      source: { guide: GUIDES.imageBuilderPending, section: 'DOMAIN_JOIN_ERROR_NO_SUCH_DOMAIN', lines: '73-76' },
      alsoSee: [{ guide: GUIDES.imageBuilderPending, section: 'Firewall and network configuration (Domain-joined image builders)', lines: '79-87' }],
      docsUrl: 'https://docs.aws.amazon.com/vpc/latest/userguide/VPC_DHCP_Options.html',
    },
  },

  analyze(facts, { unavailable }) {
    const { resources, unavailable: missing } = readResources(facts, unavailable);
    const findings: FindingDraft[] = missing.map((m) => ({ status: 'error', ...m }));
    for (const r of resources) {
      if (!r.directoryName) {
        findings.push({ status: 'skip', resource: r.name, message: `The ${r.label} is not joined to an Active Directory domain.` });
        continue;
      }
      const domain = r.directoryName;
      const vpcIds = [...new Set(facts.appstreamSubnets.filter((s) => r.subnetIds.includes(s.SubnetId ?? '')).map((s) => s.VpcId!))];
      const known = (facts.domainDirectories ?? []).filter((d) => d.Name?.toLowerCase() === domain.toLowerCase()).flatMap((d) => d.DnsIpAddrs ?? []);
      const probe = facts.domainJoinProbe?.find((p) => p.domain === domain.toLowerCase());
      for (const vpcId of vpcIds) {
        const optionsId = facts.appstreamVpcs.find((v) => v.VpcId === vpcId)?.DhcpOptionsId;
        const options = facts.appstreamDhcpOptions.find((d) => d.DhcpOptionsId === optionsId);
        const servers = options?.DhcpConfigurations?.find((c) => c.Key === 'domain-name-servers')?.Values?.map((v) => v.Value ?? '') ?? [];
        const custom = servers.filter(isIpv4);
        const asked = (probe?.servers ?? []).filter((s) => custom.includes(s.address));
        const evidence = { kind: r.kind, domain, vpcId, dhcpOptionsId: optionsId, domainNameServers: servers, directoryDnsAddresses: known, askedFromHere: asked };
        const where = `${vpcId}'s DHCP option set${optionsId && optionsId !== 'default' ? ` (${optionsId})` : ''}`;
        const push = (status: FindingDraft['status'], message: string) => findings.push({ status, resource: `${r.name} (${vpcId})`, message, evidence });
        const notFound = asked.filter((s) => s.result === 'missing' || s.result === 'refused');
        const resolved = asked.filter((s) => s.result === 'found');
        if (custom.length === 0) {
          push(
            'warn',
            `The ${r.label} joins ${domain}, but ${where} gives ${servers.length ? servers.join(', ') : 'no domain name servers (AmazonProvidedDNS)'}: the domain resolves only if Route 53 Resolver forwards it to its DNS servers` +
              `${known.length ? ` (Directory Service gives ${known.join(', ')})` : ''}. Set the domain controllers' addresses as the domain name servers, or confirm the forwarding rule.`,
          );
        } else if (notFound.length) {
          push(
            'fail',
            `The ${r.label} joins ${domain}, but ${notFound.map((s) => `${s.address} ${s.result === 'refused' ? 'refused the query' : 'answered that it does not exist'}`).join(', ')}` +
              ` (from ${where}, asked from this machine): its instances cannot find the domain (DOMAIN_JOIN_ERROR_NO_SUCH_DOMAIN).`,
          );
        } else if (custom.some((a) => known.includes(a)) || resolved.length) {
          push(
            'pass',
            `The ${r.label} joins ${domain}; ${where} gives ${custom.join(', ')}` +
              `${custom.some((a) => known.includes(a)) ? ', the directory\'s DNS addresses' : ''}${resolved.length ? `, and ${resolved.map((s) => s.address).join(', ')} resolved it from here` : ''}.`,
          );
        } else if (known.length) {
          push(
            'warn',
            `The ${r.label} joins ${domain}, but ${where} gives ${custom.join(', ')}, none of the directory's DNS addresses (${known.join(', ')}), and they did not answer from here: make sure they resolve ${domain}.`,
          );
        } else {
          push(
            'error',
            `The ${r.label} joins ${domain}; ${where} gives ${custom.join(', ')}, which did not answer from this machine, and Directory Service knows no directory of that name to compare with: ` +
              `whether they resolve ${domain} could not be verified. Run wsdoctor on an instance in ${r.subnetIds.join(', ') || 'its subnets'}, or \`Resolve-DnsName -Name ${domain}\` on the image builder.`,
          );
        }
      }
    }
    return findings;
  },
});
