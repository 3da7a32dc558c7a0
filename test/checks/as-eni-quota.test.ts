import check from '../../checks/appstream/as-eni-quota.js';
import { checkTable, failed } from '../helpers/check-table.js';

const fleetCapacity = (Name: string, Desired: number, Running: number) => ({ Name, State: 'RUNNING', FleetType: 'ON_DEMAND', ComputeCapacityStatus: { Desired, Running } });
const quota = { value: 5000, applied: true };

checkTable(check, [
  {
    name: 'catalog G3: quota 5000, 4990 in use, a fleet that would add 20 → fail',
    facts: { regionNetworkInterfaceCount: 4990, networkInterfaceQuota: quota, accountFleets: [fleetCapacity('office', 20, 0)], accountImageBuilders: [] },
    expect: [{ status: 'fail', resource: 'us-east-1', message: /4990 network interfaces in us-east-1 now, 20 more if its fleet reaches its capacity: 5010 of the quota of 5000/ }],
  },
  { name: 'catalog G3: 100 in use passes', facts: { regionNetworkInterfaceCount: 100, networkInterfaceQuota: quota, accountFleets: [fleetCapacity('office', 20, 0)], accountImageBuilders: [] }, expect: [{ status: 'pass', message: /120 of the quota of 5000 \(2%\)/ }] },
  { name: 'at 90% warns', facts: { regionNetworkInterfaceCount: 4480, networkInterfaceQuota: quota, accountFleets: [fleetCapacity('office', 30, 10)], accountImageBuilders: [] }, expect: [{ status: 'warn', message: /4500 of the quota of 5000 \(90%\)/ }] },
  {
    name: 'image builders still starting without an interface count one each',
    facts: { regionNetworkInterfaceCount: 4999, networkInterfaceQuota: quota, accountFleets: [], accountImageBuilders: [{ Name: 'ib-1', State: 'PENDING' }, { Name: 'ib-2', State: 'PENDING' }, { Name: 'ib-3', State: 'RUNNING', EniId: 'eni-1' }] },
    expect: [{ status: 'fail', message: /2 for image builders still starting: 5001/ }],
  },
  {
    name: 'an Elastic fleet counts its maximum sessions',
    facts: { regionNetworkInterfaceCount: 0, networkInterfaceQuota: { value: 50, applied: true }, accountFleets: [{ Name: 'e', State: 'RUNNING', FleetType: 'ELASTIC', MaxConcurrentSessions: 60, ComputeCapacityStatus: { Desired: 0, Running: 0 } }], accountImageBuilders: [] },
    expect: [{ status: 'fail' }],
  },
  {
    name: 'only the AWS default readable: said so',
    facts: { regionNetworkInterfaceCount: 10, networkInterfaceQuota: { value: 5000, applied: false }, accountFleets: [], accountImageBuilders: [] },
    expect: [{ status: 'pass', message: /the AWS default: the applied value was not available/ }],
  },
  {
    name: 'image builders that could not be listed are said, the rest still judged',
    facts: { regionNetworkInterfaceCount: 10, networkInterfaceQuota: quota, accountFleets: [], accountImageBuilders: failed({ kind: 'denied', iamAction: 'appstream:DescribeImageBuilders', message: 'access denied: the caller lacks the IAM permission appstream:DescribeImageBuilders' }) },
    expect: [{ status: 'pass', message: /image builders could not be counted: access denied/ }],
  },
  {
    name: 'the quota denied: error naming the action',
    facts: { regionNetworkInterfaceCount: 10, networkInterfaceQuota: failed({ kind: 'denied', iamAction: 'servicequotas:GetServiceQuota', message: 'access denied: the caller lacks the IAM permission servicequotas:GetServiceQuota' }), accountFleets: [] },
    expect: [{ status: 'error', message: /servicequotas:GetServiceQuota/ }],
  },
]);
