import check from '../../checks/appstream/as-domain-join-ports.js';
import { checkTable } from '../helpers/check-table.js';
import { ALL_EGRESS, fleet, securityGroup } from '../helpers/appstream-values.js';

const na = { kind: 'not-applicable' as const, message: 'needs --image-builder', __failed: true as const };
const joined = fleet({ DomainJoinInfo: { DirectoryName: 'corp.example.com' } });
const ports = (r389: string, r88 = 'open', r53 = 'open') => [
  { port: 389, result: r389 },
  { port: 88, result: r88 },
  { port: 53, result: r53 },
];
const probe = (over: Record<string, unknown> = {}) => ({
  domain: 'corp.example.com',
  resources: ['fleet office'],
  subnetIds: ['subnet-a', 'subnet-b'],
  vpcIds: ['vpc-1'],
  amazonDnsVpcs: [],
  timeoutMs: 2000,
  servers: [{ address: '10.0.0.10', sources: ['dhcp:dopt-1'], result: 'found', addresses: ['10.0.0.10'] }],
  controllers: [{ address: '10.0.0.10', ports: ports('open') }],
  ...over,
});

checkTable(check, [
  { name: 'catalog G6: all succeed → pass', facts: { fleets: [joined], imageBuilder: na, domainJoinProbe: [probe()], appstreamSecurityGroups: ALL_EGRESS }, expect: [{ status: 'pass', resource: 'corp.example.com', message: /From here, corp\.example\.com resolved to 10\.0\.0\.10 and every controller accepted TCP 389, 88, 53/ }] },
  {
    name: 'catalog G6: TCP 88 times out → error, saying what "from here" means',
    facts: { fleets: [joined], imageBuilder: na, domainJoinProbe: [probe({ controllers: [{ address: '10.0.0.10', ports: ports('open', 'timeout') }] })], appstreamSecurityGroups: ALL_EGRESS },
    expect: [{ status: 'error', message: /did not answer on TCP 88 \(timeout\)\. That may only mean this machine \(where wsdoctor runs\) has no route to it: the instances ask from subnet-a, subnet-b in vpc-1/ }],
  },
  {
    name: 'a refused port fails: the controller said no',
    facts: { fleets: [joined], imageBuilder: na, domainJoinProbe: [probe({ controllers: [{ address: '10.0.0.10', ports: ports('refused') }] })], appstreamSecurityGroups: ALL_EGRESS },
    expect: [{ status: 'fail', message: /domain controller 10\.0\.0\.10 refused TCP 389/ }],
  },
  {
    name: 'the domain does not exist on the DNS server: fail',
    facts: { fleets: [joined], imageBuilder: na, domainJoinProbe: [probe({ servers: [{ address: '10.0.0.10', sources: ['dhcp:dopt-1'], result: 'missing', code: 'ENOTFOUND' }], controllers: [] })], appstreamSecurityGroups: ALL_EGRESS },
    expect: [{ status: 'fail', message: /10\.0\.0\.10 answered that corp\.example\.com does not exist/ }],
  },
  {
    name: "security groups that allow only 443 out block the join, wherever wsdoctor runs",
    facts: { fleets: [joined], imageBuilder: na, domainJoinProbe: [probe()], appstreamSecurityGroups: [securityGroup('sg-1', [{ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }])] },
    expect: [{ status: 'fail', message: /security groups \(sg-1\) allow no egress to 10\.0\.0\.10 on TCP 389, 88, 53/ }],
  },
  {
    name: 'egress allowed only toward a prefix list is not called allowed',
    facts: { fleets: [joined], imageBuilder: na, domainJoinProbe: [probe()], appstreamSecurityGroups: [securityGroup('sg-1', [{ IpProtocol: '-1', PrefixListIds: [{ PrefixListId: 'pl-dcs' }] }])] },
    expect: [{ status: 'warn', message: /rests on rules whose members are not read/ }],
  },
  {
    name: 'no server answered from here: error',
    facts: { fleets: [joined], imageBuilder: na, domainJoinProbe: [probe({ servers: [{ address: '10.0.0.10', sources: ['dhcp:dopt-1'], result: 'timeout', code: 'ETIMEOUT' }], controllers: [] })], appstreamSecurityGroups: ALL_EGRESS },
    expect: [{ status: 'error', message: /10\.0\.0\.10 \(ETIMEOUT\) gave no answer/ }],
  },
  {
    name: 'AmazonProvidedDNS only and no directory: nothing to ask from here (skip, with the guide\'s test)',
    facts: { fleets: [joined], imageBuilder: na, domainJoinProbe: [probe({ servers: [], controllers: [], amazonDnsVpcs: ['vpc-1'] })], appstreamSecurityGroups: ALL_EGRESS },
    expect: [{ status: 'skip', message: /vpc-1 uses AmazonProvidedDNS.*Resolve-DnsName -Name corp\.example\.com/ }],
  },
  { name: 'not domain-joined: skip', facts: { fleets: [fleet()], imageBuilder: na, domainJoinProbe: [], appstreamSecurityGroups: ALL_EGRESS }, expect: [{ status: 'skip' }] },
]);
