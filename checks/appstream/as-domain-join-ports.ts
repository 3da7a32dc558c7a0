/**
 * G6 as-domain-join-ports (probe): can the domain be resolved and its domain controllers reached on TCP 389, 88 and 53,
 * as the guide tests from the image builder before a Directory Config is added?
 * "From here" is the machine wsdoctor runs on: it asks the DNS servers the instances use (the VPC's DHCP option set,
 * and the directory's addresses in Directory Service) and connects to the controllers they name. An instance asks from
 * its subnets, through the VPC's routes, security groups and network ACLs: an answer proves the servers work, a
 * refusal proves the port is closed on the controller, but silence may only mean this machine has no route there.
 * - FAIL: a server answered that the domain does not exist; a controller refused a port (nothing listening, or a
 *   firewall rejecting); the resource's security groups allow no egress to a controller's port [derived].
 * - PASS: the domain resolved and every controller accepted TCP 389, 88 and 53 from here, and the groups allow it.
 * - WARN: the same, but the groups' egress there rests on prefix lists or other groups, whose members are not read.
 * - ERROR: no server or controller answered from here (run wsdoctor from the subnets, or the guide's
 *   Test-NetConnection on the builder).
 * - SKIP: not domain-joined; or there is no DNS server to ask from outside the VPC (AmazonProvidedDNS only, and no
 *   directory of that name in Directory Service).
 */
import { GUIDES } from '../../src/data/sources.js';
import { defineCheck, type FindingDraft } from '../../src/engine/types.js';
import appstreamSecurityGroups from '../../src/facts/appstream/appstream-security-groups.js';
import fleets from '../../src/facts/appstream/fleets.js';
import imageBuilder from '../../src/facts/appstream/image-builder.js';
import { readResources } from '../../src/facts/appstream/resources.js';
import domainJoinProbe, { DOMAIN_JOIN_PORTS, type DomainJoinProbe } from '../../src/facts/probes/domain-join-probe.js';
import { egressVerdict } from '../../src/net/security-group-egress.js';

/** What "from here" means, for a probe that got no answer. */
function fromHere(probe: DomainJoinProbe): string {
  return (
    'That may only mean this machine (where wsdoctor runs) has no route to it: the instances ask from ' +
    `${probe.subnetIds.join(', ') || 'their subnets'}${probe.vpcIds.length ? ` in ${probe.vpcIds.join(', ')}` : ''}. Run wsdoctor on an instance in those subnets, ` +
    `or on the image builder \`Test-NetConnection -ComputerName ${probe.domain} -Port 389\` (and 88, 53) as the guide does.`
  );
}

export default defineCheck({
  meta: {
    id: 'as-domain-join-ports',
    catalogId: 'G6',
    title: 'The domain resolves and its controllers answer on TCP 389, 88 and 53 (from here)',
    scope: 'image-builder',
    alsoFor: ['fleet', 'stack'],
    severity: 'high',
    tags: ['appstream', 'domain-join', 'dns', 'network', 'probe'],
    description:
      'For each domain a builder or fleet joins, asks the DNS servers its instances use (the VPC\'s DHCP option set and ' +
      "Directory Service's addresses for the domain) for the domain's A records, and connects to each domain controller " +
      'they name on TCP 389, 88 and 53, from the machine wsdoctor runs on; reads the security groups\' egress to them.',
    rationale:
      'Joining a domain needs its name resolved and LDAP (389), Kerberos (88) and DNS (53) open to its controllers: the ' +
      'guide tests exactly these from the image builder before a Directory Config is added, because a builder that ' +
      'cannot reach them stays Pending.',
    finds:
      'the domain does not resolve through the instances\' DNS servers, a domain controller refuses TCP 389, 88 or 53, or the security groups allow no egress there (fail); egress resting on prefix lists (warn); no answer from here (error: run from the subnets)',
    facts: [domainJoinProbe, appstreamSecurityGroups],
    optionalFacts: [imageBuilder, fleets],
    remediation: {
      summary: 'Open TCP 389, 88 and 53 from the image builder\'s and fleet\'s subnets to the domain controllers (security groups, network ACLs, firewalls), and make the domain resolvable through the VPC\'s DNS servers.',
      steps: [
        'Before you add a Directory Config object to your image builder, confirm that the firewall and network configuration are correct.',
        'From a PowerShell window on the image builder run `Test-NetConnection -ComputerName yourdomain.exampleco.com -Port 389 -InformationLevel "Detailed"`, and again for ports 88 and 53: TcpTestSucceeded must be True for each.',
        'From the same window, `Resolve-DnsName -Name yourdomain.exampleco.com` must return the domain controllers. Or run Microsoft\'s PortQryUI to validate all the required ports.',
        'Allow egress on TCP 389, 88 and 53 to the controllers in the security groups of the image builder and fleet, and the return path in network ACLs and on-premises firewalls.',
      ],
      source: { guide: GUIDES.imageBuilderPending, section: 'Firewall and network configuration (Domain-joined image builders)', lines: '79-87' },
      alsoSee: [{ guide: GUIDES.imageBuilderPending, section: 'DOMAIN_JOIN_ERROR_NO_SUCH_DOMAIN', lines: '73-76' }],
      docsUrl: 'https://docs.aws.amazon.com/appstream2/latest/developerguide/active-directory-admin.html',
    },
  },

  analyze(facts, { unavailable }) {
    const { resources, unavailable: missing } = readResources(facts, unavailable);
    const findings: FindingDraft[] = missing.map((m) => ({ status: 'error', ...m }));
    for (const r of resources.filter((x) => !x.directoryName)) {
      findings.push({ status: 'skip', resource: r.name, message: `The ${r.label} is not joined to an Active Directory domain.` });
    }
    for (const probe of facts.domainJoinProbe) {
      const evidence = { ...probe };
      const push = (status: FindingDraft['status'], message: string) => findings.push({ status, resource: probe.domain, message, evidence });
      const who = probe.resources.join(', ');
      if (probe.servers.length === 0) {
        push(
          'skip',
          `No DNS server for ${probe.domain} can be asked from here: ${probe.amazonDnsVpcs.join(', ') || 'the VPC'} ${probe.amazonDnsVpcs.length === 1 ? 'uses' : 'use'} AmazonProvidedDNS, which answers only inside the VPC, ` +
            `and Directory Service has no directory of that name. Test from the image builder as the guide does: \`Resolve-DnsName -Name ${probe.domain}\`, then \`Test-NetConnection -Port 389\` (88, 53).`,
        );
        continue;
      }
      const fails: string[] = [];
      const couldNot: string[] = [];
      const nx = probe.servers.filter((s) => s.result === 'missing');
      const refusedDns = probe.servers.filter((s) => s.result === 'refused');
      if (nx.length) fails.push(`${nx.map((s) => s.address).join(', ')} answered that ${probe.domain} does not exist`);
      if (refusedDns.length) fails.push(`${refusedDns.map((s) => s.address).join(', ')} refused the DNS query`);
      const silent = probe.servers.filter((s) => ['timeout', 'error', 'servfail'].includes(s.result));
      if (silent.length && probe.controllers.length === 0) couldNot.push(`${silent.map((s) => `${s.address} (${s.code ?? s.result})`).join(', ')} gave no answer for ${probe.domain}`);
      for (const controller of probe.controllers) {
        const refused = controller.ports.filter((p) => p.result === 'refused').map((p) => p.port);
        const quiet = controller.ports.filter((p) => p.result !== 'open' && p.result !== 'refused').map((p) => `${p.port} (${p.code ?? p.result})`);
        if (refused.length) fails.push(`domain controller ${controller.address} refused TCP ${refused.join(', ')}`);
        if (quiet.length) couldNot.push(`domain controller ${controller.address} did not answer on TCP ${quiet.join(', ')}`);
      }
      // The instances' own security groups: a rule check, valid wherever wsdoctor runs.
      const unjudged: string[] = [];
      for (const r of resources.filter((x) => x.directoryName?.toLowerCase() === probe.domain)) {
        const groups = facts.appstreamSecurityGroups.filter((g) => r.securityGroupIds.includes(g.GroupId ?? ''));
        if (groups.length === 0) continue;
        for (const controller of probe.controllers) {
          const verdicts = DOMAIN_JOIN_PORTS.map((port) => ({ port, ...egressVerdict(groups, controller.address, port) }));
          const blocked = verdicts.filter((v) => v.verdict === 'blocked').map((v) => v.port);
          if (blocked.length) fails.push(`the ${r.label}'s security groups (${r.securityGroupIds.join(', ')}) allow no egress to ${controller.address} on TCP ${blocked.join(', ')}`);
          for (const v of verdicts.filter((x) => x.verdict === 'unknown')) unjudged.push(`TCP ${v.port} to ${controller.address} (${v.by})`);
        }
      }
      if (fails.length) {
        push('fail', `Joining ${probe.domain} (${who}) cannot work: ${fails.join('; ')}.${couldNot.length ? ` Also, from here: ${couldNot.join('; ')}.` : ''}`);
      } else if (couldNot.length) {
        push('error', `From here, ${couldNot.join('; ')}. ${fromHere(probe)}`);
      } else if (probe.controllers.length === 0) {
        push('error', `No DNS server gave an address for ${probe.domain} from here. ${fromHere(probe)}`);
      } else {
        push(
          unjudged.length ? 'warn' : 'pass',
          `From here, ${probe.domain} resolved to ${probe.controllers.map((c) => c.address).join(', ')} and every controller accepted TCP ${DOMAIN_JOIN_PORTS.join(', ')} (${who}); ` +
            (unjudged.length ? `but the security groups' egress for ${unjudged.join(', ')} rests on rules whose members are not read: check them.` : 'the security groups allow it.'),
        );
      }
    }
    return findings;
  },
});
