import check from '../../checks/directory/adc-dns-reachable.js';
import { checkTable, failed } from '../helpers/check-table.js';
import { lookup, probe, server } from '../helpers/directory-dns.js';

const timedOut = { ldap: lookup('ldap', 'timeout', 'ETIMEOUT'), kerberos: lookup('kerberos', 'timeout', 'ECANCELLED') };
const refusedUdp = { ldap: lookup('ldap', 'refused', 'ECONNREFUSED'), kerberos: lookup('kerberos', 'refused', 'ECONNREFUSED') };

checkTable(check, [
  {
    name: 'two servers answering on UDP and TCP pass, one finding each',
    facts: { directoryDns: probe(server('10.0.0.10'), server('10.0.1.10')) },
    expect: [
      { status: 'pass', resource: '10.0.0.10:53' },
      { status: 'pass', resource: '10.0.1.10:53' },
    ],
  },
  {
    name: 'an NXDOMAIN answer still proves the server answers (the records are dns-srv-records’ business)',
    facts: {
      directoryDns: probe(server('10.0.0.10', { ldap: lookup('ldap', 'missing', 'ENOTFOUND'), kerberos: lookup('kerberos', 'servfail', 'ESERVFAIL') })),
    },
    expect: [{ status: 'pass' }],
  },
  {
    name: 'TCP 53 refused is the guide’s "DNS unavailable (TCP port 53)"',
    facts: { directoryDns: probe(server('10.0.0.10', { tcp: { result: 'refused', code: 'ECONNREFUSED' } })) },
    expect: [{ status: 'fail', resource: '10.0.0.10:53', message: /"DNS unavailable \(TCP port 53\) for IP: 10\.0\.0\.10"/ }],
  },
  {
    name: 'nothing listening on UDP 53 fails, naming UDP',
    facts: { directoryDns: probe(server('10.0.0.10', refusedUdp)) },
    expect: [{ status: 'fail', message: /refused the queries over UDP port 53 \(ECONNREFUSED/ }],
  },
  {
    name: 'a REFUSED answer fails and says the AD Connector subnets must be allowed',
    facts: {
      directoryDns: probe(server('10.0.0.10', { ldap: lookup('ldap', 'refused', 'EREFUSED'), kerberos: lookup('kerberos', 'refused', 'EREFUSED') })),
    },
    expect: [{ status: 'fail', message: /answered REFUSED.*AD Connector subnets/ }],
  },
  {
    name: 'a server that never answers is an error that says where to run from, not a failure',
    facts: { directoryDns: probe(server('10.0.0.10', { tcp: { result: 'timeout', code: 'ETIMEDOUT' }, ...timedOut })) },
    expect: [
      {
        status: 'error',
        resource: '10.0.0.10:53',
        message: /not reachable from where wsdoctor runs.*subnets \(subnet-a, subnet-b in vpc-0abc\).*EC2 instance in each subnet/,
      },
    ],
  },
  {
    name: 'UDP answered but TCP 53 timed out: error naming TCP',
    facts: { directoryDns: probe(server('10.0.0.10', { tcp: { result: 'timeout', code: 'ETIMEDOUT' } })) },
    expect: [{ status: 'error', message: /: TCP 53 got no answer in time\./ }],
  },
  {
    name: 'no route from here: c-ares’ ECONNREFUSED is a send failure, so an error, not a refusal',
    facts: { directoryDns: probe(server('10.0.0.10', { tcp: { result: 'unreachable', code: 'EHOSTUNREACH' }, ...refusedUdp })) },
    expect: [{ status: 'error', message: /UDP 53 could not be sent \(ECONNREFUSED\); TCP 53 has no route from this machine \(EHOSTUNREACH\)/ }],
  },
  {
    name: 'one server fine, one refusing: pass and fail side by side',
    facts: { directoryDns: probe(server('10.0.0.10'), server('10.0.1.10', { tcp: { result: 'refused', code: 'ECONNREFUSED' }, ...refusedUdp })) },
    expect: [{ status: 'pass' }, { status: 'fail', resource: '10.0.1.10:53', message: /TCP connection.*and refused the queries over UDP/ }],
  },
  {
    name: 'an IPv6 server is named as [address]:53',
    facts: { directoryDns: probe(server('2001:db8::53')) },
    expect: [{ status: 'pass', resource: '[2001:db8::53]:53' }],
  },
  {
    name: 'not an AD Connector: skipped',
    facts: { directoryDns: failed({ kind: 'not-applicable', message: 'd-1 is a SimpleAD directory; the DNS probes apply to AD Connector' }) },
    expect: [{ status: 'skip', message: /SimpleAD/ }],
  },
  {
    name: 'a denied DescribeDirectories is an error naming the IAM action',
    facts: {
      directoryDns: failed({ kind: 'denied', iamAction: 'ds:DescribeDirectories', message: 'access denied: the caller lacks the IAM permission ds:DescribeDirectories' }),
    },
    expect: [{ status: 'error', message: /ds:DescribeDirectories/ }],
  },
]);
