/**
 * C6 adc-subnet-route-to-dns: from every directory subnet, the route to each DNS server stays on a private path.
 * For each subnet (the AD Connector's own and the ones WorkSpaces uses) and each DNS server address, the subnet's
 * longest-prefix route (src/net/route-path.ts):
 * - PASS: local (the server is in the VPC), or a virtual private gateway, transit gateway, peering connection,
 *   appliance or other private target: the way to an on-premises network.
 * - FAIL: the only match is the default route to an internet or NAT gateway (private on-premises addresses would
 *   go to the internet), no route at all, or a blackhole route. The catalog made a blackhole a WARN; it drops the
 *   traffic as surely as no route, so it fails here.
 * Prefix-list routes are not expanded; when a table has some and the match is not private, the finding says so.
 */
import { GUIDES } from '../../src/data/sources.js';
import { defineCheck, type FindingDraft } from '../../src/engine/types.js';
import { describeTarget, pathTo } from '../../src/net/route-path.js';
import { isIpAddress } from '../../src/net/cidr.js';
import { directoryControllerAddresses } from '../../src/facts/directory-network.js';
import dsDirectory from '../../src/facts/ds/ds-directory.js';
import routeTables from '../../src/facts/ec2/route-tables.js';
import vpc from '../../src/facts/ec2/vpc.js';
import workspacesDirectory from '../../src/facts/workspaces/workspaces-directory.js';

const PUBLIC_TARGETS = ['internet-gateway', 'nat-gateway', 'egress-only-internet-gateway', 'carrier-gateway'];

export default defineCheck({
  meta: {
    id: 'adc-subnet-route-to-dns',
    catalogId: 'C6',
    title: 'Every directory subnet routes to the DNS servers privately',
    scope: 'directory',
    severity: 'high',
    tags: ['network', 'routing', 'ad-connector', 'directory'],
    description:
      "For each directory subnet (the AD Connector's and WorkSpaces') and each of the directory's DNS servers, finds the " +
      "subnet's longest-prefix route to the server's address and its target.",
    rationale:
      'The DNS servers and domain controllers "must be accessible from each subnet": an AD Connector VPC reaches them ' +
      'through a VPN connection or AWS Direct Connect, and a subnet that sends their private addresses to the internet ' +
      '(or nowhere) makes launches in it fail.',
    finds: 'a directory subnet whose route to a DNS server is the internet or NAT gateway default route, missing, or a blackhole (fail)',
    facts: [workspacesDirectory, vpc, routeTables],
    optionalFacts: [dsDirectory],
    remediation: {
      summary: "Route the on-premises DNS servers' addresses from every directory subnet through the VPN (virtual private gateway), Direct Connect or transit gateway.",
      steps: [
        'The VPC must be connected to your on-premises network through a virtual private network (VPN) connection or AWS Direct Connect.',
        'Verify that the two DNS servers or domain controllers in your on-premises directory are accessible from each of the subnets that you specified when you connected to your directory. You can verify this connectivity by launching an Amazon EC2 instance in each subnet and joining the instance to your directory using the IP addresses of the two DNS servers.',
        '[not in guides] In each subnet\'s route table, add a route for the on-premises range that holds the DNS servers to the virtual private gateway or transit gateway (or enable route propagation from the VPN).',
      ],
      source: { guide: GUIDES.troubleshooting, section: 'Launching WorkSpaces in my connected directory often fails', lines: '196-198' },
      alsoSee: [{ guide: GUIDES.adminGuide, section: 'Launch a WorkSpace Using AD Connector', lines: '3955-3982' }],
      docsUrl: 'https://docs.aws.amazon.com/workspaces/latest/adminguide/launch-workspace-ad-connector.html',
    },
  },

  analyze({ workspacesDirectory: directory, vpc: theVpc, routeTables: tables, dsDirectory: ds }) {
    const id = directory.DirectoryId ?? 'directory';
    const servers = directoryControllerAddresses(directory, ds).filter(isIpAddress);
    const subnetIds = [...new Set([...(ds?.ConnectSettings?.SubnetIds ?? []), ...(directory.SubnetIds ?? [])])];
    if (servers.length === 0) {
      return [{ status: 'error', resource: id, message: `Neither WorkSpaces nor Directory Service reports a DNS server address for ${id}: there is no route to look for.`, evidence: { directoryId: id } }];
    }
    const findings: FindingDraft[] = [];
    const fine: string[] = [];
    for (const subnetId of subnetIds) {
      for (const server of servers) {
        const path = pathTo(server, { subnetId, ...(theVpc.VpcId ? { vpcId: theVpc.VpcId } : {}), routeTables: tables });
        const match = path.match;
        const table = path.routeTableId ? `route table ${path.routeTableId}` : 'its route table';
        const evidence = { subnetId, dnsServer: server, routeTableId: path.routeTableId, route: match?.destination, target: match?.target, blackhole: match?.blackhole };
        const prefixNote = path.prefixListRoutes.length ? ` (${table} also routes prefix lists, which wsdoctor does not expand.)` : '';
        if (!match) {
          findings.push({ status: 'fail', resource: subnetId, message: `${table} of ${subnetId} has no route to DNS server ${server}: the directory cannot be reached from there.${prefixNote}`, evidence });
        } else if (match.blackhole) {
          findings.push({ status: 'fail', resource: subnetId, message: `${table} of ${subnetId} sends ${server} to a blackhole route (${match.destination} → ${describeTarget(match.target)}): the DNS server cannot be reached from there.`, evidence });
        } else if (PUBLIC_TARGETS.includes(match.target.kind)) {
          findings.push({
            status: 'fail',
            resource: subnetId,
            message: `${table} of ${subnetId} sends DNS server ${server} to ${describeTarget(match.target)} (route ${match.destination}): a private on-premises address would go to the internet, not through the VPN or Direct Connect.${prefixNote}`,
            evidence,
          });
        } else {
          fine.push(`${subnetId} → ${server} via ${describeTarget(match.target)} (${match.destination})`);
        }
      }
    }
    if (findings.length) return findings;
    return [{ status: 'pass', resource: id, message: `Every directory subnet routes its DNS servers privately: ${fine.join('; ')}.`, evidence: { directoryId: id, routes: fine } }];
  },
});
