/**
 * H6 as-delete-preflight (`--before delete`): can the fleet or stack be deleted now?
 * - FAIL: the --fleet is not STOPPED ("This action cannot be performed on a running fleet"; a starting or stopping
 *   fleet is not stopped either); the --stack still has fleets associated (stop the running ones, delete them, then
 *   the stack), naming each with its state.
 * - PASS: the fleet is STOPPED; the stack has no fleet left.
 * Deleting an image builder is as-ib-action-preflight's (it must be STOPPED). Deleting an image is not covered: no
 * target names one.
 */
import { DELETE_SOURCES } from '../../src/data/appstream-resources.js';
import { GUIDES } from '../../src/data/sources.js';
import { defineCheck, type FindingDraft } from '../../src/engine/types.js';
import fleet from '../../src/facts/appstream/fleet.js';
import fleets from '../../src/facts/appstream/fleets.js';
import { couldNotLook } from '../../src/facts/appstream/resources.js';
import stack from '../../src/facts/appstream/stack.js';
import stackFleetNames from '../../src/facts/appstream/stack-fleet-names.js';

export default defineCheck({
  meta: {
    id: 'as-delete-preflight',
    catalogId: 'H6',
    title: 'Before deleting: the fleet is stopped, the stack has no fleets left',
    scope: 'stack',
    alsoFor: ['fleet'],
    before: ['delete'],
    severity: 'medium',
    tags: ['appstream', 'fleet', 'stack', 'preflight'],
    description: "With --before delete: the --fleet's state, and the fleets still associated with the --stack and their states.",
    rationale:
      'A running fleet cannot be deleted, and a stack can be deleted only once every fleet associated with it is ' +
      'deleted: the deletion fails until the fleets are stopped and deleted, in that order.',
    finds: 'with `--before delete`: the fleet is not STOPPED, or the stack still has fleets (fail)',
    facts: [],
    optionalFacts: [fleet, stack, stackFleetNames, fleets],
    remediation: {
      summary: 'Stop the running fleets, delete every fleet associated with the stack, then delete the stack.',
      steps: [
        'A fleet: stop it (Fleets, Actions, Stop) and wait for Stopped; deleting cannot be performed on a running fleet.',
        'A stack that you no longer use can be deleted, but only if all fleets associated with it are deleted first: stop the running fleets associated with the stack, delete all the fleets associated with the stack, and then delete the stack.',
        'A private image cannot be deleted while active fleets use it: stop all associated fleets before deleting the image.',
      ],
      source: { guide: GUIDES.appStream, section: 'Delete', lines: '662-666' },
      alsoSee: [{ guide: GUIDES.appStream, section: 'Images', lines: '623-632' }],
      docsUrl: 'https://docs.aws.amazon.com/appstream2/latest/developerguide/set-up-stacks-fleets.html',
    },
  },

  analyze({ fleet, stack, stackFleetNames, fleets }, { unavailable }) {
    const findings: FindingDraft[] = couldNotLook(unavailable, { fleet: 'fleet', stack: 'stack', stackFleetNames: 'stack', fleets: 'fleets' }).map((m) => ({
      status: 'error',
      ...m,
    }));
    if (fleet) {
      const name = fleet.Name ?? 'fleet';
      const evidence = { fleet: name, state: fleet.State, source: DELETE_SOURCES.fleet };
      findings.push(
        fleet.State === 'STOPPED'
          ? { status: 'pass', resource: name, message: `Fleet ${name} is STOPPED: it can be deleted.`, evidence }
          : {
              status: 'fail',
              resource: name,
              message: `Fleet ${name} is ${fleet.State ?? 'in an unknown state'}: a fleet can be deleted only once it is STOPPED${fleet.State === 'STOPPING' ? ' (wait for it)' : ' (stop it first)'}.`,
              evidence,
            },
      );
    }
    if (stack && stackFleetNames && !unavailable.fleets) {
      const name = stack.Name ?? 'stack';
      const associated = (fleets ?? []).filter((f) => stackFleetNames.includes(f.Name ?? ''));
      const evidence = { stack: name, fleets: associated.map((f) => ({ fleet: f.Name, state: f.State })), source: DELETE_SOURCES.stack };
      if (associated.length === 0) {
        findings.push({ status: 'pass', resource: name, message: `Stack ${name} has no fleet associated with it: it can be deleted.`, evidence });
      } else {
        const running = associated.filter((f) => f.State !== 'STOPPED').map((f) => `${f.Name} (${f.State})`);
        findings.push({
          status: 'fail',
          resource: name,
          message:
            `Stack ${name} still has ${associated.length} fleet${associated.length === 1 ? '' : 's'} associated (${associated.map((f) => f.Name).join(', ')}): ` +
            `${running.length ? `stop ${running.join(', ')}, then ` : ''}delete ${associated.length === 1 ? 'it' : 'them'} before deleting the stack.`,
          evidence,
        });
      }
    }
    return findings;
  },
});
