import check from '../../checks/directory/dns-srv-records.js';
import { checkTable, failed } from '../helpers/check-table.js';
import { lookup, probe, server } from '../helpers/directory-dns.js';

checkTable(check, [
  {
    name: 'both records on both servers pass, one finding per server and record',
    facts: { directoryDns: probe(server('10.0.0.10'), server('10.0.1.10')) },
    expect: [
      { status: 'pass', resource: '10.0.0.10:53', message: /_ldap\._tcp\.corp\.example\.com: dc1\.corp\.example\.com:389/ },
      { status: 'pass', resource: '10.0.0.10:53', message: /_kerberos\._tcp\.corp\.example\.com: dc1\.corp\.example\.com:88/ },
      { status: 'pass', resource: '10.0.1.10:53' },
      { status: 'pass', resource: '10.0.1.10:53' },
    ],
  },
  {
    name: 'catalog C5: LDAP found, Kerberos ENODATA → fail naming Kerberos and the server',
    facts: { directoryDns: probe(server('10.0.0.10', { kerberos: lookup('kerberos', 'missing', 'ENODATA') })) },
    expect: [
      { status: 'pass' },
      { status: 'fail', message: /^SRV record for Kerberos does not exist for IP: 10\.0\.0\.10\..*no SRV record/ },
    ],
  },
  {
    name: 'NXDOMAIN for LDAP on the second server only',
    facts: { directoryDns: probe(server('10.0.0.10'), server('10.0.1.10', { ldap: lookup('ldap', 'missing', 'ENOTFOUND') })) },
    expect: [
      { status: 'pass' },
      { status: 'pass' },
      { status: 'fail', resource: '10.0.1.10:53', message: /SRV record for LDAP does not exist for IP: 10\.0\.1\.10.*NXDOMAIN/ },
      { status: 'pass' },
    ],
  },
  {
    name: 'SERVFAIL: AD Connector cannot obtain the record either',
    facts: { directoryDns: probe(server('10.0.0.10', { ldap: lookup('ldap', 'servfail', 'ESERVFAIL') })) },
    expect: [{ status: 'fail', message: /SERVFAIL/ }, { status: 'pass' }],
  },
  {
    name: 'a timeout is unknown, not missing: error saying where to run from',
    facts: {
      directoryDns: probe(server('10.0.0.10', { ldap: lookup('ldap', 'timeout', 'ETIMEOUT'), kerberos: lookup('kerberos', 'timeout', 'ECANCELLED') })),
    },
    expect: [
      { status: 'error', message: /did not answer.*within 2000 ms.*unknown.*AD Connector's subnets \(subnet-a, subnet-b/ },
      { status: 'error' },
    ],
  },
  {
    name: 'a refusing server: error pointing at adc-dns-reachable',
    facts: {
      directoryDns: probe(server('10.0.0.10', { ldap: lookup('ldap', 'refused', 'ECONNREFUSED'), kerberos: lookup('kerberos', 'refused', 'ECONNREFUSED') })),
    },
    expect: [{ status: 'error', message: /refused \(ECONNREFUSED\).*adc-dns-reachable/ }, { status: 'error' }],
  },
  {
    name: 'REFUSED for Kerberos from a server that answered the LDAP query: the record cannot be had from it → fail',
    facts: { directoryDns: probe(server('10.0.0.10', { kerberos: lookup('kerberos', 'refused', 'EREFUSED') })) },
    expect: [
      { status: 'pass' },
      { status: 'fail', message: /^SRV record for Kerberos does not exist for IP: 10\.0\.0\.10\. .*answered REFUSED, while it answered the query for _ldap\._tcp\.corp\.example\.com/ },
    ],
  },
  {
    name: 'REFUSED for LDAP beside an NXDOMAIN for Kerberos: both fail',
    facts: { directoryDns: probe(server('10.0.0.10', { ldap: lookup('ldap', 'refused', 'EREFUSED'), kerberos: lookup('kerberos', 'missing', 'ENOTFOUND') })) },
    expect: [{ status: 'fail', message: /answered REFUSED/ }, { status: 'fail', message: /NXDOMAIN/ }],
  },
  {
    name: 'REFUSED for both: unknown (it may refuse only this machine), error',
    facts: { directoryDns: probe(server('10.0.0.10', { ldap: lookup('ldap', 'refused', 'EREFUSED'), kerberos: lookup('kerberos', 'refused', 'EREFUSED') })) },
    expect: [{ status: 'error' }, { status: 'error' }],
  },
  {
    name: 'nothing listening for one query (ECONNREFUSED) beside an answer is still unknown: error',
    facts: { directoryDns: probe(server('10.0.0.10', { kerberos: lookup('kerberos', 'refused', 'ECONNREFUSED') })) },
    expect: [{ status: 'pass' }, { status: 'error' }],
  },
  {
    name: 'any other resolver error is an error with its code',
    facts: { directoryDns: probe(server('10.0.0.10', { ldap: lookup('ldap', 'error', 'EBADRESP') })) },
    expect: [{ status: 'error', message: /EBADRESP/ }, { status: 'pass' }],
  },
  {
    name: 'not an AD Connector: skipped',
    facts: { directoryDns: failed({ kind: 'not-applicable', message: 'd-1 is a MicrosoftAD directory; the DNS probes apply to AD Connector' }) },
    expect: [{ status: 'skip' }],
  },
  {
    name: 'a denied DescribeDirectories is an error naming the IAM action',
    facts: {
      directoryDns: failed({ kind: 'denied', iamAction: 'ds:DescribeDirectories', message: 'access denied: the caller lacks the IAM permission ds:DescribeDirectories' }),
    },
    expect: [{ status: 'error', message: /ds:DescribeDirectories/ }],
  },
]);
