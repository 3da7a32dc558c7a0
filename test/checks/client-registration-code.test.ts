import check from '../../checks/client/client-registration-code.js';
import { checkTable, failed } from '../helpers/check-table.js';
import type { RegistrationCodeDirectory } from '../../src/facts/workspaces/registration-code-directory.js';
import type { ClientPublicIp } from '../../src/facts/probes/client-public-ip.js';
import { endpointProbe } from '../helpers/client-facts.js';

const found = (extra: Partial<NonNullable<RegistrationCodeDirectory['match']>> = {}, directory: Record<string, unknown> = {}): RegistrationCodeDirectory => ({
  codeRegion: 'us-east-1',
  searched: [{ region: 'us-east-1', result: 'found', directories: 3 }],
  match: {
    region: 'us-east-1',
    caseDiffers: false,
    directory: { DirectoryId: 'd-1234567890', DirectoryName: 'corp.example.com', State: 'REGISTERED', ...directory },
    ipGroups: [],
    ...extra,
  },
});
const publicIp = (ip: string): ClientPublicIp => ({
  echo: { host: 'checkip.amazonaws.com', samples: [{ probe: endpointProbe('checkip.amazonaws.com'), ip }, { probe: endpointProbe('checkip.amazonaws.com'), ip }] },
  stun: { host: 'stun.cloudflare.com', port: 3478, outcome: { address: '162.159.207.0', port: 3478, result: 'reply', mappedAddress: ip, mappedPort: 5000, elapsedMs: 20 } },
});
const office = { groupId: 'wsipg-office001', groupName: 'office', userRules: [{ ipRule: '81.2.69.0/24' }] };

checkTable(check, [
  {
    name: 'the code of a REGISTERED directory in this Region, no IP groups: pass, pass (catalog I11 test)',
    facts: { registrationCodeDirectory: found(), clientPublicIp: publicIp('81.2.69.160') },
    expect: [
      { status: 'pass', resource: 'registration code', message: 'The registration code belongs to d-1234567890 (corp.example.com), REGISTERED in us-east-1.' },
      { status: 'pass', resource: '81.2.69.160', message: /d-1234567890 has no IP access control group: its default group allows every address/ },
    ],
  },
  {
    name: 'no directory has the code: fail with the client\'s words (catalog I11 test)',
    facts: {
      registrationCodeDirectory: { codeRegion: 'us-east-1', searched: [{ region: 'us-east-1', result: 'absent', directories: 2 }, { region: 'eu-west-2', result: 'absent', directories: 0 }] },
      clientPublicIp: publicIp('81.2.69.160'),
    },
    region: 'eu-west-2',
    expect: [{ status: 'fail', message: /No WorkSpaces directory has this registration code in us-east-1 \(2 directories, none with this code\) or eu-west-2 \(0 directories.*"Device can't connect to the registration service\. Check your network settings\."/ }],
  },
  {
    name: 'the directory is DEREGISTERED: fail',
    facts: { registrationCodeDirectory: found({}, { State: 'DEREGISTERED' }), clientPublicIp: publicIp('81.2.69.160') },
    expect: [{ status: 'fail', message: /d-1234567890 \(corp\.example\.com\) in us-east-1, which is DEREGISTERED, not REGISTERED/ }],
  },
  {
    name: 'found in another Region than --region: warn, saying which Region to probe',
    facts: { registrationCodeDirectory: found(), clientPublicIp: publicIp('81.2.69.160') },
    region: 'eu-west-2',
    expect: [{ status: 'warn', message: /it is in us-east-1, not eu-west-2: run wsdoctor again with --region us-east-1/ }, { status: 'pass' }],
  },
  {
    name: 'matches only ignoring case: warn',
    facts: { registrationCodeDirectory: found({ caseDiffers: true }), clientPublicIp: publicIp('81.2.69.160') },
    expect: [{ status: 'warn', message: /matches only when letter case is ignored/ }, { status: 'pass' }],
  },
  {
    name: 'this machine\'s IP is in a rule of the directory\'s group: pass, naming it',
    facts: { registrationCodeDirectory: found({ ipGroups: [office] }), clientPublicIp: publicIp('81.2.69.160') },
    expect: [{ status: 'pass' }, { status: 'pass', message: /81\.2\.69\.160 is allowed to reach d-1234567890 by rule 81\.2\.69\.0\/24 of wsipg-office001 \("office"\)/ }],
  },
  {
    name: 'this machine\'s IP is in no rule: fail with "not authorized"',
    facts: { registrationCodeDirectory: found({ ipGroups: [office] }), clientPublicIp: publicIp('198.51.100.9') },
    expect: [{ status: 'pass' }, { status: 'fail', resource: '198.51.100.9', message: /in no rule of d-1234567890's IP access control groups \(wsipg-office001 \("office"\)\).*"This device is not authorized/ }],
  },
  {
    name: 'the address seen is not public: warn, not tested',
    facts: { registrationCodeDirectory: found({ ipGroups: [office] }), clientPublicIp: publicIp('10.1.2.3') },
    expect: [{ status: 'pass' }, { status: 'warn', message: /10\.1\.2\.3, which is not a public address/ }],
  },
  {
    name: 'the groups could not be read: error for that part',
    facts: { registrationCodeDirectory: found({ ipGroups: { failure: { kind: 'denied', message: 'access denied: the caller lacks the IAM permission workspaces:DescribeIpGroups' } } }), clientPublicIp: publicIp('81.2.69.160') },
    expect: [{ status: 'pass' }, { status: 'error', message: /workspaces:DescribeIpGroups/ }],
  },
  {
    name: 'no public IP seen: the access part is skipped, saying why',
    facts: { registrationCodeDirectory: found({ ipGroups: [office] }), clientPublicIp: failed({ kind: 'error', message: 'boom' }) },
    expect: [{ status: 'pass' }, { status: 'skip', message: /public IP is not known \(boom\)/ }],
  },
  {
    name: 'one Region could not be searched and the code is elsewhere nowhere: error, not "no directory"',
    facts: {
      registrationCodeDirectory: {
        codeRegion: 'us-east-1',
        searched: [{ region: 'us-east-1', result: 'error', failure: { kind: 'throttled', message: 'throttled on workspaces:DescribeWorkspaceDirectories' } }, { region: 'eu-west-2', result: 'absent', directories: 1 }],
      },
    },
    region: 'eu-west-2',
    expect: [{ status: 'error', message: /some could not be searched: us-east-1 \(could not search: throttled/ }],
  },
  {
    name: 'a denied search everywhere fails the fact: error naming the IAM action',
    facts: { registrationCodeDirectory: failed({ kind: 'denied', iamAction: 'workspaces:DescribeWorkspaceDirectories', message: 'access denied: the caller lacks the IAM permission workspaces:DescribeWorkspaceDirectories' }) },
    expect: [{ status: 'error', message: /workspaces:DescribeWorkspaceDirectories/ }],
  },
  {
    name: 'no --registration-code: skip',
    facts: { registrationCodeDirectory: failed({ kind: 'not-applicable', message: 'needs --registration-code' }) },
    expect: [{ status: 'skip', message: 'Not applicable: needs --registration-code.' }],
  },
]);
