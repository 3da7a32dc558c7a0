/**
 * H10 as-stack-fleet-running: can the stack stream? A stack is listed Active as soon as it exists, but "cannot be used
 * for streaming sessions until the stack fleet is in Running status" (004 line 300).
 * - FAIL: no fleet is associated with the stack, or none of its fleets is RUNNING (each fleet's state named).
 * - WARN: a fleet is RUNNING, but the stack reports errors (StackErrors: a storage connector, say) [derived].
 * - PASS: at least one associated fleet is RUNNING.
 */
import { GUIDES } from '../../src/data/sources.js';
import { defineCheck } from '../../src/engine/types.js';
import fleets from '../../src/facts/appstream/fleets.js';
import stack from '../../src/facts/appstream/stack.js';
import stackFleetNames from '../../src/facts/appstream/stack-fleet-names.js';

export default defineCheck({
  meta: {
    id: 'as-stack-fleet-running',
    catalogId: 'H10',
    title: 'The stack has a running fleet to stream from',
    scope: 'stack',
    severity: 'critical',
    tags: ['appstream', 'stack', 'fleet', 'state'],
    description: 'Lists the fleets associated with the stack (ListAssociatedFleets) and reads the state of each.',
    rationale:
      'A stack is listed Active when it is available to work with in the console, but it cannot be used for streaming ' +
      'sessions until its fleet is Running: streaming URLs for it do not work, and users see no applications.',
    finds: 'the stack has no associated fleet, or none of its fleets is RUNNING (fail); stack errors beside a running fleet (warn)',
    facts: [stack, stackFleetNames, fleets],
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

  analyze({ stack, stackFleetNames, fleets }) {
    const resource = stack.Name ?? 'stack';
    const associated = fleets.filter((f) => stackFleetNames.includes(f.Name ?? ''));
    const states = associated.map((f) => ({ fleet: f.Name, state: f.State }));
    const stackErrors = stack.StackErrors ?? [];
    const evidence = { stack: resource, fleets: states, stackErrors };
    if (associated.length === 0) {
      return [{ status: 'fail', resource, message: `Stack ${resource} has no fleet associated with it: it cannot be used for streaming sessions.`, evidence }];
    }
    const running = associated.filter((f) => f.State === 'RUNNING').map((f) => f.Name);
    const list = states.map((s) => `${s.fleet} (${s.state ?? 'state unknown'})`).join(', ');
    if (running.length === 0) {
      return [{ status: 'fail', resource, message: `No fleet of stack ${resource} is RUNNING (${list}): the stack cannot be used for streaming sessions.`, evidence }];
    }
    if (stackErrors.length > 0) {
      const errors = stackErrors.map((e) => `${e.ErrorCode ?? 'error'}${e.ErrorMessage ? `: ${e.ErrorMessage}` : ''}`).join('; ');
      return [{ status: 'warn', resource, message: `Stack ${resource} can stream from ${running.join(', ')}, but reports errors: ${errors}.`, evidence }];
    }
    return [{ status: 'pass', resource, message: `Stack ${resource} can stream: ${running.join(', ')} ${running.length === 1 ? 'is' : 'are'} RUNNING (${list}).`, evidence }];
  },
});
