import check from '../../checks/directory/ip-access-group-client-allowed.js';
import { checkTable, failed } from '../helpers/check-table.js';
import { deniedIpGroups, directory, group } from '../helpers/ip-groups.js';
import { endpointProbe } from '../helpers/client-facts.js';
import type { ClientPublicIp } from '../../src/facts/probes/client-public-ip.js';

/** What --client's probes saw: the echo answering `ip` twice. */
const seenFrom = (ip: string): ClientPublicIp => ({
  echo: { host: 'checkip.amazonaws.com', samples: [{ probe: endpointProbe('checkip.amazonaws.com'), ip }, { probe: endpointProbe('checkip.amazonaws.com'), ip }] },
  stun: { host: 'stun.cloudflare.com', port: 3478, outcome: { address: '162.159.207.0', port: 3478, result: 'no-reply', elapsedMs: 3000 } },
});

const office = group('wsipg-office01', 'office', '198.51.100.0/24');
const vpn = group('wsipg-vpn00001', 'vpn', '192.0.2.44');
const facts = { workspacesDirectory: directory(office, vpn), ipGroups: [office, vpn] };

checkTable(check, [
  {
    name: 'catalog B3: 198.51.100.7 inside 198.51.100.0/24 passes, naming the rule and group',
    facts,
    options: { clientIp: '198.51.100.7' },
    expect: [{ status: 'pass', resource: '198.51.100.7', message: /rule 198\.51\.100\.0\/24 of wsipg-office01 \("office"\)/ }],
  },
  {
    name: 'a rule written as a bare address matches that address',
    facts,
    options: { clientIp: '192.0.2.44' },
    expect: [{ status: 'pass', message: /wsipg-vpn00001/ }],
  },
  {
    name: 'catalog B3: 203.0.113.9 in no rule fails, naming the IP, the groups, and the client error',
    facts,
    options: { clientIp: '203.0.113.9' },
    expect: [
      {
        status: 'fail',
        resource: '203.0.113.9',
        message:
          /203\.0\.113\.9 is in no rule.*wsipg-office01 \("office"\): 198\.51\.100\.0\/24; wsipg-vpn00001 \("vpn"\): 192\.0\.2\.44.*"This device is not authorized to access the WorkSpace\. Please contact your administrator for assistance\."/,
      },
    ],
  },
  {
    name: 'an empty group admits no one',
    facts: { workspacesDirectory: directory(group('wsipg-empty001', 'empty')), ipGroups: [group('wsipg-empty001', 'empty')] },
    options: { clientIp: '198.51.100.7' },
    expect: [{ status: 'fail', message: /no rules/ }],
  },
  {
    name: 'no group associated: the default group allows everyone',
    facts: { workspacesDirectory: directory(), ipGroups: [] },
    options: { clientIp: '203.0.113.9' },
    expect: [{ status: 'pass', message: /default group allows all traffic/ }],
  },
  {
    name: 'an IPv6 client is not matched by IPv4 rules',
    facts,
    options: { clientIp: '2001:db8::7' },
    expect: [{ status: 'fail' }],
  },
  {
    name: 'a private client address warns: WorkSpaces sees the public one',
    facts,
    options: { clientIp: '192.168.1.20' },
    expect: [{ status: 'warn', message: /not a public address \(it is private \(RFC 1918\)\)/ }],
  },
  {
    name: 'without --client-ip there is nothing to test',
    facts,
    expect: [{ status: 'skip', message: /--client-ip/ }],
  },
  {
    name: 'with --client and no --client-ip, the public IP this machine was seen from is tested',
    facts: { ...facts, clientPublicIp: seenFrom('203.0.113.9') },
    expect: [{ status: 'fail', resource: '203.0.113.9', message: /203\.0\.113\.9 is in no rule/ }],
  },
  {
    name: '--client-ip wins over the address --client saw',
    facts: { ...facts, clientPublicIp: seenFrom('203.0.113.9') },
    options: { clientIp: '198.51.100.7' },
    expect: [{ status: 'pass', resource: '198.51.100.7' }],
  },
  {
    name: 'the echo gave two addresses: none is taken for the user, nothing to test',
    facts: {
      ...facts,
      clientPublicIp: { ...seenFrom('203.0.113.9'), echo: { ...seenFrom('203.0.113.9').echo, samples: [seenFrom('203.0.113.9').echo.samples[0]!, { ...seenFrom('203.0.113.9').echo.samples[1]!, ip: '203.0.113.10' }] } },
    },
    expect: [{ status: 'skip', message: /run with --client on the user's machine/ }],
  },
  {
    name: 'a denied DescribeIpGroups is an error naming the IAM action',
    facts: { workspacesDirectory: directory(office), ipGroups: failed(deniedIpGroups) },
    options: { clientIp: '198.51.100.7' },
    expect: [{ status: 'error', message: /workspaces:DescribeIpGroups/ }],
  },
]);
