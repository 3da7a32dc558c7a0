import check from '../../checks/appstream/as-delete-preflight.js';
import { checkTable, failed } from '../helpers/check-table.js';
import { fleet } from '../helpers/appstream-values.js';

const stack = { Name: 'office-stack' };
const na = (message: string) => failed({ kind: 'not-applicable', message });
const noStack = { stack: na('needs --stack'), stackFleetNames: na('needs --stack') };

checkTable(check, [
  { name: 'catalog H6: deleting a RUNNING fleet fails', facts: { fleet: fleet(), ...noStack, fleets: [fleet()] }, options: { before: 'delete' }, expect: [{ status: 'fail', resource: 'office', message: /RUNNING: a fleet can be deleted only once it is STOPPED \(stop it first\)/ }] },
  { name: 'a STOPPING fleet: wait', facts: { fleet: fleet({ State: 'STOPPING' }), ...noStack, fleets: [] }, expect: [{ status: 'fail', message: /\(wait for it\)/ }] },
  { name: 'a STOPPED fleet can be deleted', facts: { fleet: fleet({ State: 'STOPPED' }), ...noStack, fleets: [] }, expect: [{ status: 'pass', message: /can be deleted/ }] },
  {
    name: 'a stack with fleets still associated fails, saying the order',
    facts: { fleet: na('needs --fleet'), stack, stackFleetNames: ['office', 'labs'], fleets: [fleet(), fleet({ Name: 'labs', State: 'STOPPED' })] },
    expect: [{ status: 'fail', resource: 'office-stack', message: /still has 2 fleets associated \(office, labs\): stop office \(RUNNING\), then delete them before deleting the stack/ }],
  },
  { name: 'a stack without fleets can be deleted', facts: { fleet: na('needs --fleet'), stack, stackFleetNames: [], fleets: [] }, expect: [{ status: 'pass', message: /no fleet associated/ }] },
  {
    name: 'a stack whose fleets could not be read is an error, never a pass',
    facts: { fleet: na('needs --fleet'), stack, stackFleetNames: ['office'], fleets: failed({ kind: 'denied', iamAction: 'appstream:DescribeFleets', message: 'access denied: the caller lacks the IAM permission appstream:DescribeFleets' }) },
    expect: [{ status: 'error', message: /appstream:DescribeFleets/ }],
  },
]);
