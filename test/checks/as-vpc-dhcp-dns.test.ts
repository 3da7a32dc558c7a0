import check from '../../checks/appstream/as-vpc-dhcp-dns.js';
import { checkTable } from '../helpers/check-table.js';
import { fleet, SUBNETS } from '../helpers/appstream-values.js';

const na = { kind: 'not-applicable' as const, message: 'needs --image-builder', __failed: true as const };
const joined = fleet({ DomainJoinInfo: { DirectoryName: 'corp.example.com', OrganizationalUnitDistinguishedName: 'OU=AppStream,DC=corp,DC=example,DC=com' } });
const vpcs = [{ VpcId: 'vpc-1', DhcpOptionsId: 'dopt-1' }];
const dhcp = (...servers: string[]) => [{ DhcpOptionsId: 'dopt-1', DhcpConfigurations: [{ Key: 'domain-name-servers', Values: servers.map((Value) => ({ Value })) }] }];
const directory = { DirectoryId: 'd-1234567890', Name: 'corp.example.com', DnsIpAddrs: ['10.0.0.10', '10.0.1.10'] };
const probe = (servers: { address: string; result: string; addresses?: string[]; code?: string }[]) => [
  { domain: 'corp.example.com', resources: ['fleet office'], subnetIds: ['subnet-a', 'subnet-b'], vpcIds: ['vpc-1'], amazonDnsVpcs: [], timeoutMs: 2000, servers: servers.map((s) => ({ sources: ['dhcp:dopt-1'], ...s })), controllers: [] },
];
const base = { fleets: [joined], imageBuilder: na, appstreamSubnets: SUBNETS, appstreamVpcs: vpcs };

checkTable(check, [
  { name: "catalog G5: DHCP ['AmazonProvidedDNS'] → warn", facts: { ...base, appstreamDhcpOptions: dhcp('AmazonProvidedDNS'), domainDirectories: [directory], domainJoinProbe: [] }, expect: [{ status: 'warn', message: /gives AmazonProvidedDNS: the domain resolves only if Route 53 Resolver forwards it.*Directory Service gives 10\.0\.0\.10, 10\.0\.1\.10/ }] },
  {
    name: "catalog G5: DHCP ['10.0.0.10','10.0.1.10'] and the resolver answers → pass",
    facts: { ...base, appstreamDhcpOptions: dhcp('10.0.0.10', '10.0.1.10'), domainDirectories: [directory], domainJoinProbe: probe([{ address: '10.0.0.10', result: 'found', addresses: ['10.0.0.10'] }]) },
    expect: [{ status: 'pass', resource: 'office (vpc-1)', message: /the directory's DNS addresses, and 10\.0\.0\.10 resolved it from here/ }],
  },
  {
    name: 'a server that answers NXDOMAIN for the domain fails (NO_SUCH_DOMAIN)',
    facts: { ...base, appstreamDhcpOptions: dhcp('10.0.9.9'), domainDirectories: [], domainJoinProbe: probe([{ address: '10.0.9.9', result: 'missing', code: 'ENOTFOUND' }]) },
    expect: [{ status: 'fail', message: /10\.0\.9\.9 answered that it does not exist.*DOMAIN_JOIN_ERROR_NO_SUCH_DOMAIN/ }],
  },
  {
    name: "servers that are not the directory's, silent from here: warn",
    facts: { ...base, appstreamDhcpOptions: dhcp('10.0.9.9'), domainDirectories: [directory], domainJoinProbe: probe([{ address: '10.0.9.9', result: 'timeout' }]) },
    expect: [{ status: 'warn', message: /none of the directory's DNS addresses/ }],
  },
  {
    name: 'custom servers, no directory to compare with, silent from here: error, saying where to run from',
    facts: { ...base, appstreamDhcpOptions: dhcp('10.0.9.9'), domainDirectories: [], domainJoinProbe: probe([{ address: '10.0.9.9', result: 'timeout' }]) },
    expect: [{ status: 'error', message: /could not be verified\. Run wsdoctor on an instance in subnet-a, subnet-b/ }],
  },
  { name: 'a VPC with the default option set', facts: { ...base, appstreamVpcs: [{ VpcId: 'vpc-1', DhcpOptionsId: 'default' }], appstreamDhcpOptions: [], domainDirectories: [], domainJoinProbe: [] }, expect: [{ status: 'warn', message: /no domain name servers \(AmazonProvidedDNS\)/ }] },
  { name: 'not domain-joined: skip', facts: { ...base, fleets: [fleet()], appstreamDhcpOptions: dhcp('AmazonProvidedDNS'), domainDirectories: [], domainJoinProbe: [] }, expect: [{ status: 'skip' }] },
]);
