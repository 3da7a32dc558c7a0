/**
 * Finds the WorkSpaces directory a registration code (--registration-code) belongs to — in the Region the code
 * names and in the run's Region — and, when there is one, whether this machine's public IP may reach it through
 * the directory's IP access control groups. The code itself is never shown.
 * - PASS: a REGISTERED directory has the code, in the run's Region; this machine's public IP is allowed.
 * - WARN: the directory is in another Region than --region (probe that Region's endpoints instead), or the code
 *   matches only when letter case is ignored; the public IP is not a public address (a lab, or a proxy).
 * - FAIL: no directory has the code, or its directory is not REGISTERED ("Device can't connect to the
 *   registration service"); the public IP is in no rule of the directory's IP access control groups.
 * - ERROR: a Region could not be searched (denied, throttled, unreachable) and the code was not found elsewhere.
 * - SKIP: no --registration-code.
 */
import { defineCheck, type FindingDraft } from '../../src/engine/types.js';
import { GUIDES } from '../../src/data/sources.js';
import { cidrContains, nonPublicRangeOf, toCidr } from '../../src/net/cidr.js';
import { ipGroupLabel } from '../../src/facts/views.js';
import registrationCodeDirectory, { type RegistrationCodeDirectory } from '../../src/facts/workspaces/registration-code-directory.js';
import clientPublicIp, { observedPublicIp } from '../../src/facts/probes/client-public-ip.js';

const REGISTRATION_ERROR = "Device can't connect to the registration service. Check your network settings.";
const NOT_AUTHORIZED = 'This device is not authorized to access the WorkSpace. Please contact your administrator for assistance.';

export default defineCheck({
  meta: {
    id: 'client-registration-code',
    catalogId: 'I11',
    title: 'The registration code belongs to a registered directory this device may reach',
    scope: 'client',
    severity: 'high',
    tags: ['client', 'registration', 'ip-groups', 'access-control'],
    description:
      'With --registration-code (and AWS credentials for the directory\'s account): lists the WorkSpaces directories of ' +
      "the Region the code names and of the run's Region, compares their registration codes with it (in wsdoctor, never " +
      "sent anywhere), and tests this machine's public IP against the IP access control groups of the directory found.",
    rationale:
      'A code whose directory was deleted or deregistered makes the client say "' + REGISTRATION_ERROR + '"; a device ' +
      'whose public IP no IP access control group allows gets "' + NOT_AUTHORIZED + '"',
    finds:
      'with --registration-code, the directory it belongs to: none, or not REGISTERED, fails; and this machine\'s public IP against that directory\'s IP access control groups',
    facts: [registrationCodeDirectory],
    optionalFacts: [clientPublicIp],
    remediation: {
      summary:
        'Give users the registration code of a directory that is registered with WorkSpaces (Directories in the WorkSpaces console shows it), and allow their public IP in its IP access control groups.',
      steps: [
        'This error occurs when the WorkSpaces client application can\'t reach the registration service. Typically, this happens when the WorkSpaces directory has been deleted.',
        'Make sure that the registration code is valid and corresponds to a running directory in the AWS Cloud: in the WorkSpaces console, Directories lists each registered directory with its registration code.',
        'If the directory is in another Region than the one checked, run wsdoctor again with --region set to it: the client connects to that Region\'s endpoints and gateways.',
        'If users connect through a NAT gateway or VPN, the directory\'s IP access control groups must allow the NAT\'s or VPN\'s public IP address.',
      ],
      source: {
        guide: GUIDES.adminGuide,
        section: 'My WorkSpace users see the following error message: "Device can\'t connect to the registration service.',
        lines: '8302-8311',
      },
      alsoSee: [
        { guide: GUIDES.troubleshooting, section: 'My WorkSpace users see the following error message', lines: '348-352' },
        { guide: GUIDES.adminGuide, section: 'IP Access Control Groups for Your WorkSpaces', lines: '1651-1671' },
      ],
      docsUrl: 'https://docs.aws.amazon.com/workspaces/latest/adminguide/amazon-workspaces-troubleshooting.html#registration_service_failure',
    },
  },

  analyze({ registrationCodeDirectory, clientPublicIp }, { region, unavailable }) {
    const found = registrationVerdict(registrationCodeDirectory, region);
    const match = registrationCodeDirectory.match;
    if (!match || found.status === 'fail') return [found];
    const ip = clientPublicIp ? observedPublicIp(clientPublicIp) : undefined;
    const directoryId = match.directory.DirectoryId ?? 'the directory';
    if (!ip) {
      const why = unavailable.clientPublicIp?.message ?? 'the public IP echo gave no single address (client-public-ip says why)';
      return [found, { status: 'skip', resource: directoryId, message: `This machine's public IP is not known (${why}): its access to ${directoryId} through IP access control groups was not tested.` }];
    }
    return [found, accessVerdict(match, ip)];
  },
});

function registrationVerdict(fact: RegistrationCodeDirectory, region: string): FindingDraft {
  const searched = fact.searched.map((s) => `${s.region}${s.result === 'error' ? ` (could not search: ${s.failure?.message})` : s.result === 'absent' ? ` (${s.directories} director${s.directories === 1 ? 'y' : 'ies'}, none with this code)` : ''}`);
  const evidence = {
    codeRegion: fact.codeRegion ?? null,
    searched: fact.searched,
    ...(fact.match ? { directoryId: fact.match.directory.DirectoryId, region: fact.match.region, state: fact.match.directory.State } : {}),
  };
  const resource = 'registration code';
  const { match } = fact;
  if (!match) {
    const errors = fact.searched.filter((s) => s.result === 'error');
    if (errors.length) {
      return { status: 'error', resource, message: `The registration code is in no directory of the Regions wsdoctor could search, and some could not be searched: ${searched.join('; ')}.`, evidence };
    }
    return {
      status: 'fail',
      resource,
      message:
        `No WorkSpaces directory has this registration code in ${searched.join(' or ')}. Its directory was probably deleted or deregistered (or the code is mistyped): ` +
        `users get "${REGISTRATION_ERROR}"`,
      evidence,
    };
  }
  const id = match.directory.DirectoryId ?? 'a directory';
  const name = match.directory.DirectoryName ? ` (${match.directory.DirectoryName})` : '';
  if (match.directory.State !== 'REGISTERED') {
    return {
      status: 'fail',
      resource,
      message: `The registration code belongs to ${id}${name} in ${match.region}, which is ${match.directory.State ?? 'in an unknown state'}, not REGISTERED: users get "${REGISTRATION_ERROR}"`,
      evidence,
    };
  }
  const notes = [
    match.region !== region
      ? `it is in ${match.region}, not ${region}: run wsdoctor again with --region ${match.region} to probe the endpoints and gateways this device will use`
      : '',
    match.caseDiffers ? 'the code matches only when letter case is ignored: give users the code exactly as the console shows it' : '',
  ].filter(Boolean);
  if (notes.length) {
    return { status: 'warn', resource, message: `The registration code belongs to ${id}${name}, REGISTERED in ${match.region}; but ${notes.join('; and ')}.`, evidence };
  }
  return { status: 'pass', resource, message: `The registration code belongs to ${id}${name}, REGISTERED in ${match.region}.`, evidence };
}

function accessVerdict(match: NonNullable<RegistrationCodeDirectory['match']>, ip: string): FindingDraft {
  const directoryId = match.directory.DirectoryId ?? 'the directory';
  if ('failure' in match.ipGroups) {
    return { status: 'error', resource: ip, message: `Could not read the IP access control groups of ${directoryId}: ${match.ipGroups.failure.message}`, evidence: { directoryId, clientIp: ip } };
  }
  const groups = match.ipGroups;
  const rules = groups.flatMap((group) => (group.userRules ?? []).map((rule) => ({ group, rule: rule.ipRule ?? '', cidr: toCidr(rule.ipRule ?? '') })));
  const matching = rules.filter((r) => r.cidr && cidrContains(r.cidr, ip));
  const evidence = {
    directoryId,
    clientIp: ip,
    groups: groups.map((g) => ({ groupId: g.groupId, groupName: g.groupName, rules: (g.userRules ?? []).map((r) => r.ipRule) })),
    matchingRules: matching.map((r) => ({ groupId: r.group.groupId, rule: r.rule })),
  };
  const nonPublic = nonPublicRangeOf(ip);
  if (nonPublic) {
    return {
      status: 'warn',
      resource: ip,
      message: `This machine was seen from ${ip}, which is not a public address (${nonPublic}): WorkSpaces will see the public address of the NAT or proxy in front of it instead, so ${directoryId}'s IP access control groups could not be tested.`,
      evidence,
    };
  }
  if (groups.length === 0) {
    return { status: 'pass', resource: ip, message: `${directoryId} has no IP access control group: its default group allows every address, this machine's public IP ${ip} included.`, evidence };
  }
  if (matching.length) {
    return { status: 'pass', resource: ip, message: `This machine's public IP ${ip} is allowed to reach ${directoryId} by ${matching.map((r) => `rule ${r.rule} of ${ipGroupLabel(r.group)}`).join(', ')}.`, evidence };
  }
  return {
    status: 'fail',
    resource: ip,
    message: `This machine's public IP ${ip} is in no rule of ${directoryId}'s IP access control groups (${groups.map((g) => ipGroupLabel(g)).join(', ')}): from here users get "${NOT_AUTHORIZED}"`,
    evidence,
  };
}
