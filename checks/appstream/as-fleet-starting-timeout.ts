/**
 * H4 as-fleet-starting-timeout: is the fleet stuck starting, or reporting errors?
 * - FAIL: FleetErrors is not empty (each code explained, with its fix); or the fleet has been STARTING for more than
 *   the 25 minutes instances take to become available (000 line 6), measured from its last StartFleet in CloudTrail
 *   when the history has it, else from its creation (said so: a fleet started again lately may just be slow).
 * - WARN: STARTING within 25 minutes (when it would be stuck is given); RUNNING with fewer running instances than
 *   desired more than 25 minutes after it was started [derived from the same 25 minutes].
 * - PASS: otherwise (RUNNING at capacity, STOPPED, STOPPING).
 * - ERROR: STARTING with no creation time or start event to measure from.
 */
import { explainError } from '../../src/data/appstream-errors.js';
import { STARTING_LIMIT_MINUTES, STARTING_LIMIT_SOURCE } from '../../src/data/appstream-resources.js';
import { GUIDES } from '../../src/data/sources.js';
import { defineCheck, type FindingDraft } from '../../src/engine/types.js';
import fleets from '../../src/facts/appstream/fleets.js';
import fleetStarts from '../../src/facts/cloudtrail/fleet-starts.js';

export default defineCheck({
  meta: {
    id: 'as-fleet-starting-timeout',
    catalogId: 'H4',
    title: 'Fleet is not stuck starting and reports no errors',
    scope: 'fleet',
    alsoFor: ['stack'],
    severity: 'high',
    tags: ['appstream', 'fleet', 'state'],
    description:
      "Reads each fleet's state, capacity (desired and running instances) and FleetErrors, and measures how long a " +
      'STARTING fleet has been starting against the 25 minutes the guide allows, from its last StartFleet in CloudTrail ' +
      'when the event history has one.',
    rationale:
      'Fleet instances take up to 25 minutes to become available. A fleet still STARTING after that is stuck, and the ' +
      "cause is usually only in its FleetErrors: a domain join that failed, the account's network interface limit, " +
      'subnets out of IP addresses, a missing service role or image.',
    finds:
      'FleetErrors on the fleet, each code explained with its fix (fail); STARTING for more than 25 minutes (fail) or within them (warn); RUNNING below its desired capacity 25 minutes after starting (warn)',
    facts: [fleets],
    optionalFacts: [fleetStarts],
    remediation: {
      summary:
        'Fix the cause the fleet errors name (domain join, network interfaces, subnet addresses, service role, image), then stop and start the fleet.',
      steps: [
        'It takes up to 25 minutes for fleet instances to become available and change to a Running state; only after that is a starting fleet stuck.',
        "Read the fleet's errors (the console's fleet Notifications, or `aws appstream describe-fleets --names <fleet>`): wsdoctor explains each code and names the check that looks at its cause.",
        'For domain join errors check the VPC, subnets, security groups and the DHCP option set DNS servers (DOMAIN_JOIN_ERROR_NO_SUCH_DOMAIN), and the Directory Config and its OU (DOMAIN_JOIN_ERROR_FILE_NOT_FOUND).',
        'Check that the account has not reached the network interface limit of the Region and that the subnets have enough free IP addresses for the fleet\'s maximum capacity.',
      ],
      source: {
        guide: GUIDES.imageBuilderPending,
        section: "How do I troubleshoot a WorkSpaces Applications image builder that's stuck in Pending state?",
        lines: '2-6',
      },
      alsoSee: [
        { guide: GUIDES.imageBuilderPending, section: 'Notification codes (Domain-joined image builders)', lines: '66-78' },
        { guide: GUIDES.appStream, section: 'Fleets', lines: '472-479' },
      ],
      docsUrl: 'https://docs.aws.amazon.com/appstream2/latest/developerguide/troubleshooting-notification-codes.html',
    },
  },

  analyze({ fleets, fleetStarts }, { collectedAt, unavailable }) {
    return fleets.map((fleet): FindingDraft => {
      const resource = fleet.Name ?? 'fleet';
      const state = fleet.State ?? 'UNKNOWN';
      const capacity = fleet.ComputeCapacityStatus;
      const errors = fleet.FleetErrors ?? [];
      const start = fleetStarts?.find((s) => s.fleet === resource)?.event;
      const since = start ? { from: `its last ${start.name} (CloudTrail, ${start.time})`, time: start.time } : fleet.CreatedTime ? { from: `its creation (${fleet.CreatedTime})`, time: fleet.CreatedTime } : undefined;
      const minutes = since ? Math.max(0, Math.floor((Date.parse(collectedAt) - Date.parse(since.time)) / 60_000)) : undefined;
      const evidence = {
        state,
        fleetType: fleet.FleetType,
        desired: capacity?.Desired,
        running: capacity?.Running,
        createdTime: fleet.CreatedTime,
        ...(start ? { lastStart: start } : {}),
        ...(minutes !== undefined ? { minutesSince: minutes, measuredFrom: since!.time, measuredAt: collectedAt } : {}),
        errors,
        limitMinutes: STARTING_LIMIT_MINUTES,
        limitSource: STARTING_LIMIT_SOURCE,
      };
      const draft = (status: FindingDraft['status'], message: string): FindingDraft => ({ status, resource, message, evidence });
      // Without the event history a long-lived fleet's age says little about this start: the finding says so.
      const caveat =
        !start && state === 'STARTING'
          ? ` (Measured from its creation: ${unavailable.fleetStarts ? `CloudTrail could not be read: ${unavailable.fleetStarts.message}` : 'CloudTrail has no StartFleet for it'}; if you started it again less than ${STARTING_LIMIT_MINUTES} minutes ago, wait.)`
          : '';

      if (errors.length > 0) {
        const stuck = state === 'STARTING' && minutes !== undefined && minutes > STARTING_LIMIT_MINUTES ? `, STARTING for ${minutes} minutes since ${since!.from},` : ` (${state})`;
        return draft(
          'fail',
          `Fleet ${resource}${stuck} reports ${errors.length} error${errors.length === 1 ? '' : 's'}: ` +
            errors.map((e) => explainError({ ...(e.ErrorCode ? { code: e.ErrorCode } : {}), ...(e.ErrorMessage ? { message: e.ErrorMessage } : {}) })).join(' | '),
        );
      }
      if (state === 'STARTING') {
        if (minutes === undefined) return draft('error', `Fleet ${resource} is STARTING, but neither the API nor CloudTrail gives a time to measure from.`);
        if (minutes > STARTING_LIMIT_MINUTES) {
          return draft(
            'fail',
            `Fleet ${resource} has been STARTING for ${minutes} minutes since ${since!.from}, past the ${STARTING_LIMIT_MINUTES} minutes ` +
              `instances take to become available, and reports no error: look at its instances' subnets, network interfaces and image.${caveat}`,
          );
        }
        const at = new Date(Date.parse(since!.time) + (STARTING_LIMIT_MINUTES + 1) * 60_000).toISOString();
        return draft('warn', `Fleet ${resource} has been STARTING for ${minutes} minutes since ${since!.from}, within the ${STARTING_LIMIT_MINUTES} minutes it can take; if it is still STARTING at ${at}, it is stuck.`);
      }
      if (state === 'RUNNING' && fleet.FleetType !== 'ELASTIC' && capacity && typeof capacity.Running === 'number' && capacity.Running < capacity.Desired!) {
        if (minutes !== undefined && minutes > STARTING_LIMIT_MINUTES) {
          return draft(
            'warn',
            `Fleet ${resource} is RUNNING with ${capacity.Running} of ${capacity.Desired} desired instances, ${minutes} minutes after ${since!.from}: ` +
              'instances are not coming up (network interface limit, subnet addresses or the instance type quota).',
          );
        }
      }
      return draft('pass', `Fleet ${resource} is ${state}${capacity && state === 'RUNNING' ? ` (${capacity.Running ?? '?'} of ${capacity.Desired} desired instances running)` : ''} and reports no error.`);
    });
  },
});
