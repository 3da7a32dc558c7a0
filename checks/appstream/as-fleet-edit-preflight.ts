/**
 * H5 as-fleet-edit-preflight (`--before edit`, with `--changing <settings>`): can these settings be edited in the
 * fleet's current state?
 * Two sources disagree on RUNNING fleets (catalog Part IV, X18): the 2017 guide allows only the display name and
 * desired capacity; the current UpdateFleet API reference [not in guides] also allows the image and the timeouts (for
 * Elastic fleets: the timeouts, maximum sessions, session scripts and USB filters). The check follows the API
 * reference, which is what the service enforces now, and says where the guide is stricter.
 * - FAIL: the fleet is STARTING or STOPPING (no setting can be edited); a setting in --changing the state does not
 *   allow (stop the fleet first).
 * - PASS: every setting in --changing can be edited now; without --changing, what can be edited now is listed.
 */
import {
  FLEET_EDIT_2017,
  FLEET_EDIT_2017_COVERS,
  FLEET_EDIT_2017_SOURCE,
  FLEET_EDIT_NOW_SOURCE,
  FLEET_EDIT_RUNNING_NOW,
} from '../../src/data/appstream-resources.js';
import { GUIDES } from '../../src/data/sources.js';
import { defineCheck, type FindingDraft } from '../../src/engine/types.js';
import fleets from '../../src/facts/appstream/fleets.js';
import changing, { FLEET_SETTINGS } from '../../src/options/changing.js';

export default defineCheck({
  meta: {
    id: 'as-fleet-edit-preflight',
    catalogId: 'H5',
    title: "Before editing a fleet: its state allows the settings you will change",
    scope: 'fleet',
    alsoFor: ['stack'],
    before: ['edit'],
    severity: 'medium',
    tags: ['appstream', 'fleet', 'preflight'],
    description:
      "With --before edit: the fleet's state and type against the settings --changing names (or, without it, what its " +
      'state lets you edit), by the guide\'s table and the current UpdateFleet reference.',
    rationale:
      'Which fleet settings can be edited depends on its state: none while it is starting or stopping, and the subnets, ' +
      'instance type and most others only once it is stopped. An edit the state does not allow is refused.',
    finds: 'with `--before edit`: the fleet is STARTING or STOPPING, or a setting in `--changing` cannot be edited in its state (fail)',
    facts: [fleets],
    options: [changing],
    remediation: {
      summary: 'Stop the fleet before changing its subnets, instance type or other settings a running fleet does not allow; wait while it is starting or stopping.',
      steps: [
        'The parameters available for editing depend on the current status of the fleet: RUNNING: Display Name, Desired Capacity (the current API also allows the image and the disconnect timeouts); STOPPED: every setting, including Subnets, Image, Disconnect Timeout and Instance Type; STARTING and STOPPING: none.',
        'To change a setting a running fleet does not allow: stop the fleet (Fleets, Actions, Stop), wait for Stopped, edit it, then start it again (users cannot stream from it meanwhile).',
      ],
      source: { guide: GUIDES.appStream, section: 'Edit', lines: '642-652' },
      docsUrl: 'https://docs.aws.amazon.com/appstream2/latest/developerguide/set-up-stacks-fleets.html',
    },
  },

  analyze({ fleets }, { option }) {
    const wanted = option(changing);
    return fleets.map((fleet): FindingDraft => {
      const resource = fleet.Name ?? 'fleet';
      const state = fleet.State ?? 'UNKNOWN';
      const type = (fleet.FleetType ?? 'ON_DEMAND') as keyof typeof FLEET_EDIT_RUNNING_NOW;
      const allowedNow: readonly string[] =
        state === 'STOPPED' ? FLEET_SETTINGS : state === 'RUNNING' ? (FLEET_EDIT_RUNNING_NOW[type] ?? FLEET_EDIT_RUNNING_NOW.ON_DEMAND) : [];
      const guide2017 = FLEET_EDIT_2017[state];
      const evidence = { state, fleetType: type, changing: wanted, allowedNow, guide2017: guide2017 ?? null, sources: [FLEET_EDIT_2017_SOURCE, FLEET_EDIT_NOW_SOURCE] };
      if (allowedNow.length === 0) {
        return { status: 'fail', resource, message: `Fleet ${resource} is ${state}: no setting can be edited until it is RUNNING or STOPPED.`, evidence };
      }
      if (!wanted?.length) {
        return {
          status: 'pass',
          resource,
          message: `Fleet ${resource} (${state}${state === 'RUNNING' ? `, ${type}` : ''}) can be edited now: ${state === 'STOPPED' ? 'every setting but its name' : allowedNow.join(', ')}. Pass --changing <settings> to judge the ones you will change.`,
          evidence,
        };
      }
      const refused = wanted.filter((s) => !allowedNow.includes(s));
      if (refused.length) {
        return {
          status: 'fail',
          resource,
          message: `Fleet ${resource} is ${state}: ${refused.join(', ')} cannot be edited until it is STOPPED (a running ${type} fleet allows ${allowedNow.join(', ')}). Stop it first.`,
          evidence,
        };
      }
      // Allowed today, but not by the 2017 guide's table: say so, the guide being what many runbooks follow.
      const stricter = guide2017 ? wanted.filter((s) => FLEET_EDIT_2017_COVERS.includes(s) && !guide2017.includes(s)) : [];
      return {
        status: 'pass',
        resource,
        message:
          `Fleet ${resource} (${state}) allows editing ${wanted.join(', ')} now.` +
          (stricter.length ? ` (The 2017 guide allowed only ${guide2017!.join(' and ')} on a ${state} fleet; the current UpdateFleet reference also allows ${stricter.join(', ')}.)` : ''),
        evidence,
      };
    });
  },
});
