import check from '../../checks/client/client-health-check-dns.js';
import { checkTable } from '../helpers/check-table.js';
import type { HealthCheckDns } from '../../src/facts/probes/health-check-dns.js';
import type { ResolveOutcome } from '../../src/net/resolve.js';

const HOST = 'drp-iad.amazonworkspaces.com';
const dns = (lookup: Partial<ResolveOutcome>): HealthCheckDns => ({
  region: 'us-east-1',
  hostname: HOST,
  lookup: { name: HOST, result: 'resolved', addresses: [], elapsedMs: 3, ...lookup },
});

checkTable(check, [
  {
    name: 'resolves to a documented address: pass (catalog I3 test)',
    facts: { healthCheckDns: dns({ addresses: ['3.209.215.252'] }) },
    expect: [{ status: 'pass', resource: HOST, message: /resolves to 3\.209\.215\.252, all listed by the Administration Guide for us-east-1/ }],
  },
  {
    name: 'resolves to an address the guide does not list: warn (catalog I3 test)',
    facts: { healthCheckDns: dns({ addresses: ['3.209.215.252', '1.2.3.4'] }) },
    expect: [{ status: 'warn', message: /1\.2\.3\.4 is not among the addresses the Administration Guide lists for us-east-1/ }],
  },
  {
    name: 'NXDOMAIN fails',
    facts: { healthCheckDns: dns({ result: 'nxdomain', code: 'ENOTFOUND' }) },
    expect: [{ status: 'fail', message: /does not resolve from this machine: the name does not exist \(NXDOMAIN\)/ }],
  },
  {
    name: 'no DNS answer in time fails, saying port 53 may be blocked',
    facts: { healthCheckDns: dns({ result: 'timeout', code: 'ETIMEOUT' }) },
    expect: [{ status: 'fail', message: /no DNS answer in time \(is UDP\/TCP 53 blocked\?\)/ }],
  },
  {
    name: 'SERVFAIL fails',
    facts: { healthCheckDns: dns({ result: 'servfail', code: 'ESERVFAIL' }) },
    expect: [{ status: 'fail', message: /SERVFAIL/ }],
  },
]);
