/**
 * H10 as-stack-fleet-running: can the stack stream? A stack is listed Active as soon as it exists, but "cannot be used
 * for streaming sessions until the stack fleet is in Running status" (004 line 300). With --stack, its own stack; with
 * --fleet, every stack the fleet is associated with (ListAssociatedStacks), each named in its finding.
 * - FAIL: no fleet is associated with the stack, or none of its fleets is RUNNING (each fleet's state named).
 * - WARN: a fleet is RUNNING, but the stack reports errors (StackErrors: a storage connector, say) [derived]; or the
 *   --fleet is associated with no stack at all, so no user can stream from it [derived: users stream through a stack].
 * - PASS: at least one associated fleet is RUNNING.
 */
import { GUIDES } from '../../src/data/sources.js';
import { defineCheck, type FindingDraft } from '../../src/engine/types.js';
import fleetStacks from '../../src/facts/appstream/fleet-stacks.js';
import fleets from '../../src/facts/appstream/fleets.js';
import { couldNotLook } from '../../src/facts/appstream/resources.js';
import stack from '../../src/facts/appstream/stack.js';
import stackFleetNames from '../../src/facts/appstream/stack-fleet-names.js';

type StackErrors = { ErrorCode?: string; ErrorMessage?: string }[];

/** One stack's finding: `viaFleet` when it was reached from a --fleet. */
function judgeStack(name: string, stackErrors: StackErrors, associated: { Name?: string; State?: string }[], viaFleet?: string): FindingDraft {
  const states = associated.map((f) => ({ fleet: f.Name, state: f.State }));
  const evidence = { stack: name, ...(viaFleet ? { reachedFrom: `fleet ${viaFleet}` } : {}), fleets: states, stackErrors };
  const label = viaFleet ? `Stack ${name} (associated with fleet ${viaFleet})` : `Stack ${name}`;
  if (associated.length === 0) {
    return { status: 'fail', resource: name, message: `${label} has no fleet associated with it: it cannot be used for streaming sessions.`, evidence };
  }
  const running = associated.filter((f) => f.State === 'RUNNING').map((f) => f.Name);
  const list = states.map((s) => `${s.fleet} (${s.state ?? 'state unknown'})`).join(', ');
  if (running.length === 0) {
    const of = viaFleet ? `of stack ${name} (associated with fleet ${viaFleet})` : `of stack ${name}`;
    return { status: 'fail', resource: name, message: `No fleet ${of} is RUNNING (${list}): the stack cannot be used for streaming sessions.`, evidence };
  }
  if (stackErrors.length > 0) {
    const errors = stackErrors.map((e) => `${e.ErrorCode ?? 'error'}${e.ErrorMessage ? `: ${e.ErrorMessage}` : ''}`).join('; ');
    return { status: 'warn', resource: name, message: `${label} can stream from ${running.join(', ')}, but reports errors: ${errors}.`, evidence };
  }
  return { status: 'pass', resource: name, message: `${label} can stream: ${running.join(', ')} ${running.length === 1 ? 'is' : 'are'} RUNNING (${list}).`, evidence };
}

export default defineCheck({
  meta: {
    id: 'as-stack-fleet-running',
    catalogId: 'H10',
    title: 'The stack has a running fleet to stream from',
    scope: 'stack',
    alsoFor: ['fleet'],
    severity: 'critical',
    tags: ['appstream', 'stack', 'fleet', 'state'],
    description:
      'Lists the fleets associated with the stack (ListAssociatedFleets) and reads the state of each; for a --fleet, does ' +
      'the same for every stack the fleet is associated with (ListAssociatedStacks).',
    rationale:
      'A stack is listed Active when it is available to work with in the console, but it cannot be used for streaming ' +
      'sessions until its fleet is Running: streaming URLs for it do not work, and users see no applications.',
    finds: 'the stack (or a stack of the fleet) has no associated fleet, or none of its fleets is RUNNING (fail); stack errors beside a running fleet, or a fleet in no stack (warn)',
    facts: [],
    optionalFacts: [stack, stackFleetNames, fleets, fleetStacks],
    remediation: {
      summary: 'Associate a fleet with the stack and start it; create streaming URLs only once the fleet is Running.',
      steps: [
        'Your new stack is listed as Active when it is available to work with from the console, but cannot be used for streaming sessions until the stack fleet is in Running status.',
        'In the navigation pane, choose Stacks, select the stack, check that the fleet status is Running, and then choose Actions, Create Streaming URL.',
        'A stack with no fleet: associate one (Stacks, Actions, Associate Fleet). A stopped fleet: start it (Fleets, Actions, Start), then wait for Running (up to 25 minutes).',
      ],
      source: { guide: GUIDES.appStream, section: 'Step 1: Set Up a Sample Stack', lines: '276-300' },
      alsoSee: [{ guide: GUIDES.appStream, section: 'Step 2: Provide Access to Users', lines: '302-312' }],
      docsUrl: 'https://docs.aws.amazon.com/appstream2/latest/developerguide/set-up-stacks-fleets.html',
    },
  },

  analyze({ stack, stackFleetNames, fleets, fleetStacks }, { unavailable }) {
    // The fleets' states matter here only for a --stack: a --fleet's stacks carry their own.
    const forStack = stack !== undefined || (unavailable.stack !== undefined && unavailable.stack.kind !== 'not-applicable');
    const names = { stack: 'stack', stackFleetNames: 'stack', ...(forStack ? { fleets: 'fleets' } : {}), fleetStacks: 'stacks of the fleet' };
    const findings: FindingDraft[] = couldNotLook(unavailable, names).map((m) => ({ status: 'error', ...m }));
    if (stack && stackFleetNames && fleets) {
      const name = stack.Name ?? 'stack';
      findings.push(judgeStack(name, stack.StackErrors ?? [], fleets.filter((f) => stackFleetNames.includes(f.Name ?? '')), undefined));
    }
    if (fleetStacks) {
      const others = fleetStacks.stacks.filter((s) => s.stack.Name !== stack?.Name);
      if (fleetStacks.stacks.length === 0) {
        findings.push({
          status: 'warn',
          resource: fleetStacks.fleet,
          message: `Fleet ${fleetStacks.fleet} is associated with no stack: no user can stream from it until a stack is associated with it (Stacks, Actions, Associate Fleet).`,
          evidence: { fleet: fleetStacks.fleet, stacks: [] },
        });
      }
      for (const s of others) findings.push(judgeStack(s.stack.Name ?? 'stack', s.stack.StackErrors ?? [], s.fleets, fleetStacks.fleet));
    }
    if (findings.length === 0) return [{ status: 'skip', resource: 'stack', message: 'Give --stack or --fleet: there is no stack to judge.' }];
    return findings;
  },
});
