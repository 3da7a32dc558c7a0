import check from '../../checks/appstream/as-stack-fleet-running.js';
import { checkTable, failed } from '../helpers/check-table.js';
import { fleet } from '../helpers/appstream-values.js';

const stack = { Name: 'office-stack', Arn: 'arn:aws:appstream:us-east-1:123456789012:stack/office-stack', StackErrors: [] };

checkTable(check, [
  { name: 'catalog H10: the fleet STOPPED → fail', facts: { stack, stackFleetNames: ['office'], fleets: [fleet({ State: 'STOPPED' })] }, expect: [{ status: 'fail', resource: 'office-stack', message: /No fleet of stack office-stack is RUNNING \(office \(STOPPED\)\)/ }] },
  { name: 'a RUNNING fleet passes', facts: { stack, stackFleetNames: ['office'], fleets: [fleet()] }, expect: [{ status: 'pass', message: /office is RUNNING/ }] },
  { name: 'no fleet associated fails', facts: { stack, stackFleetNames: [], fleets: [] }, expect: [{ status: 'fail', message: /has no fleet associated/ }] },
  {
    name: 'one running among several is enough',
    facts: { stack, stackFleetNames: ['office', 'labs'], fleets: [fleet({ State: 'STARTING' }), fleet({ Name: 'labs' })] },
    expect: [{ status: 'pass', message: /labs is RUNNING \(office \(STARTING\), labs \(RUNNING\)\)/ }],
  },
  {
    name: 'a running fleet beside stack errors warns',
    facts: { stack: { ...stack, StackErrors: [{ ErrorCode: 'STORAGE_CONNECTOR_ERROR', ErrorMessage: 'home folders' }] }, stackFleetNames: ['office'], fleets: [fleet()] },
    expect: [{ status: 'warn', message: /STORAGE_CONNECTOR_ERROR: home folders/ }],
  },
  {
    name: 'ListAssociatedFleets denied: error naming the action',
    facts: { stack, stackFleetNames: failed({ kind: 'denied', iamAction: 'appstream:ListAssociatedFleets', message: 'access denied: the caller lacks the IAM permission appstream:ListAssociatedFleets' }), fleets: [] },
    expect: [{ status: 'error', message: /appstream:ListAssociatedFleets/ }],
  },
]);

// --fleet: the stacks the fleet is associated with, each its own finding naming the fleet it was reached from.
const viaFleet = (stacks: { name: string; fleets: { Name: string; State?: string }[]; errors?: { ErrorCode: string; ErrorMessage?: string }[] }[]) => ({
  fleet: 'office',
  stacks: stacks.map((s) => ({ stack: { Name: s.name, StackErrors: s.errors ?? [] }, fleets: s.fleets })),
});

checkTable(check, [
  {
    name: 'catalog H10 for --fleet: its stack\'s only fleet (itself) STOPPED → fail naming the stack and the fleet',
    facts: { fleets: [fleet({ State: 'STOPPED' })], fleetStacks: viaFleet([{ name: 'office-stack', fleets: [{ Name: 'office', State: 'STOPPED' }] }]) },
    expect: [{ status: 'fail', resource: 'office-stack', message: 'No fleet of stack office-stack (associated with fleet office) is RUNNING (office (STOPPED)): the stack cannot be used for streaming sessions.' }],
  },
  {
    name: 'each stack of the fleet is judged on its own: one streams through another fleet, one cannot',
    facts: {
      fleetStacks: viaFleet([
        { name: 'sales', fleets: [{ Name: 'office', State: 'STOPPED' }, { Name: 'labs', State: 'RUNNING' }] },
        { name: 'finance', fleets: [{ Name: 'office', State: 'STOPPED' }] },
      ]),
    },
    expect: [
      { status: 'pass', resource: 'sales', message: 'Stack sales (associated with fleet office) can stream: labs is RUNNING (office (STOPPED), labs (RUNNING)).' },
      { status: 'fail', resource: 'finance', message: /No fleet of stack finance \(associated with fleet office\)/ },
    ],
  },
  {
    name: 'a fleet in no stack: warn, no user can stream from it',
    facts: { fleetStacks: viaFleet([]) },
    expect: [{ status: 'warn', resource: 'office', message: /Fleet office is associated with no stack: no user can stream from it/ }],
  },
  {
    name: 'stack errors beside the running fleet warn, naming the stack',
    facts: { fleetStacks: viaFleet([{ name: 'office-stack', fleets: [{ Name: 'office', State: 'RUNNING' }], errors: [{ ErrorCode: 'STORAGE_CONNECTOR_ERROR' }] }]) },
    expect: [{ status: 'warn', message: /^Stack office-stack \(associated with fleet office\) can stream from office, but reports errors: STORAGE_CONNECTOR_ERROR\.$/ }],
  },
  {
    name: '--stack and --fleet together: the stack once, then the fleet\'s other stacks',
    facts: {
      stack,
      stackFleetNames: ['office'],
      fleets: [fleet()],
      fleetStacks: viaFleet([{ name: 'office-stack', fleets: [{ Name: 'office', State: 'RUNNING' }] }, { name: 'labs-stack', fleets: [{ Name: 'office', State: 'RUNNING' }] }]),
    },
    expect: [
      { status: 'pass', resource: 'office-stack', message: /^Stack office-stack can stream/ },
      { status: 'pass', resource: 'labs-stack', message: /^Stack labs-stack \(associated with fleet office\) can stream/ },
    ],
  },
  {
    name: 'ListAssociatedStacks denied: error naming the action, never "in no stack"',
    facts: {
      fleets: [fleet()],
      fleetStacks: failed({ kind: 'denied', iamAction: 'appstream:ListAssociatedStacks', message: 'access denied: the caller lacks the IAM permission appstream:ListAssociatedStacks' }),
    },
    expect: [{ status: 'error', resource: 'stacks of the fleet', message: /appstream:ListAssociatedStacks/ }],
  },
  {
    name: 'a --fleet run does not error on the fleets fact it does not need',
    facts: { fleets: failed({ kind: 'denied', iamAction: 'appstream:DescribeFleets', message: 'denied' }), fleetStacks: viaFleet([{ name: 's', fleets: [{ Name: 'office', State: 'RUNNING' }] }]) },
    expect: [{ status: 'pass', resource: 's' }],
  },
]);
