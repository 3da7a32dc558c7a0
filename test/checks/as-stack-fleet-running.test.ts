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
