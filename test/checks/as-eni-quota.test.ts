import check from '../../checks/appstream/as-eni-quota.js';
import { checkTable, failed } from '../helpers/check-table.js';

const fleetCapacity = (Name: string, Desired: number, Running: number) => ({ Name, State: 'RUNNING', FleetType: 'ON_DEMAND', ComputeCapacityStatus: { Desired, Running } });
const quota = { value: 5000, applied: true };
const scaling = (fleet: string, maxCapacity: number, minCapacity = 1) => ({ fleet, minCapacity, maxCapacity });

checkTable(check, [
  {
    name: 'catalog G3: quota 5000, 4990 in use, a fleet that scales to a maximum of 20 (2 running) → fail',
    facts: { regionNetworkInterfaceCount: 4990, networkInterfaceQuota: quota, accountFleets: [fleetCapacity('office', 2, 2)], fleetScalableTargets: [scaling('office', 20)], accountImageBuilders: [] },
    expect: [{ status: 'fail', resource: 'us-east-1', message: /^4990 network interfaces in us-east-1 now, 18 more if its fleet scales to its maximum: 5008 of the quota of 5000 \(100%\): image builders stay Pending/ }],
  },
  {
    name: 'catalog G3: 100 in use passes',
    facts: { regionNetworkInterfaceCount: 100, networkInterfaceQuota: quota, accountFleets: [fleetCapacity('office', 2, 0)], fleetScalableTargets: [scaling('office', 20)], accountImageBuilders: [] },
    expect: [{ status: 'pass', message: /^100 network interfaces in us-east-1 now, 20 more if its fleet scales to its maximum: 120 of the quota of 5000 \(2%\)\.$/ }],
  },
  {
    name: 'the desired capacity alone would pass; the scaling maximum fails (what the review found missing)',
    facts: { regionNetworkInterfaceCount: 4950, networkInterfaceQuota: quota, accountFleets: [fleetCapacity('office', 10, 10)], fleetScalableTargets: [scaling('office', 200, 10)], accountImageBuilders: [] },
    expect: [{ status: 'fail', message: /190 more if its fleet scales to its maximum: 5140 of the quota of 5000/ }],
  },
  {
    name: 'a fleet with no scalable target counts its desired capacity, and the finding names it',
    facts: { regionNetworkInterfaceCount: 4480, networkInterfaceQuota: quota, accountFleets: [fleetCapacity('office', 30, 10), fleetCapacity('labs', 4, 4)], fleetScalableTargets: [scaling('labs', 4)], accountImageBuilders: [] },
    expect: [{ status: 'warn', message: /4500 of the quota of 5000 \(90%\): close to the quota.* Fleet office has no Application Auto Scaling target: counted at its desired capacity\.$/ }],
  },
  {
    name: 'a desired capacity set above the scaling maximum still counts in full',
    facts: { regionNetworkInterfaceCount: 0, networkInterfaceQuota: { value: 100, applied: true }, accountFleets: [fleetCapacity('office', 120, 0)], fleetScalableTargets: [scaling('office', 50)], accountImageBuilders: [] },
    expect: [{ status: 'fail', message: /120 more if its fleet scales to its maximum: 120 of the quota of 100/ }],
  },
  {
    name: 'targets of other fleets, and fleets that are gone, change nothing',
    facts: { regionNetworkInterfaceCount: 10, networkInterfaceQuota: quota, accountFleets: [fleetCapacity('office', 2, 2)], fleetScalableTargets: [scaling('deleted-fleet', 4000)], accountImageBuilders: [] },
    expect: [{ status: 'pass', message: /^10 network interfaces in us-east-1 now, 0 more if its fleet scales to its maximum: 10 of the quota of 5000 \(0%\)\. Fleet office has no Application Auto Scaling target/ }],
  },
  {
    name: 'the scalable targets denied: error naming the action, never a count from the desired capacity',
    facts: {
      regionNetworkInterfaceCount: 10,
      networkInterfaceQuota: quota,
      accountFleets: [fleetCapacity('office', 2, 2)],
      fleetScalableTargets: failed({ kind: 'denied', iamAction: 'application-autoscaling:DescribeScalableTargets', message: 'access denied: the caller lacks the IAM permission application-autoscaling:DescribeScalableTargets' }),
      accountImageBuilders: [],
    },
    expect: [{ status: 'error', message: /application-autoscaling:DescribeScalableTargets/ }],
  },
  {
    name: 'image builders still starting without an interface count one each',
    facts: { regionNetworkInterfaceCount: 4999, networkInterfaceQuota: quota, accountFleets: [], fleetScalableTargets: [], accountImageBuilders: [{ Name: 'ib-1', State: 'PENDING' }, { Name: 'ib-2', State: 'PENDING' }, { Name: 'ib-3', State: 'RUNNING', EniId: 'eni-1' }] },
    expect: [{ status: 'fail', message: /2 for image builders still starting: 5001/ }],
  },
  {
    name: 'an Elastic fleet counts its maximum sessions',
    facts: { regionNetworkInterfaceCount: 0, networkInterfaceQuota: { value: 50, applied: true }, accountFleets: [{ Name: 'e', State: 'RUNNING', FleetType: 'ELASTIC', MaxConcurrentSessions: 60, ComputeCapacityStatus: { Desired: 0, Running: 0 } }], fleetScalableTargets: [], accountImageBuilders: [] },
    expect: [{ status: 'fail', message: /60 more if its fleet scales to its maximum: 60 of the quota of 50 \(120%\): image builders stay Pending and fleet instances fail to start once the quota is reached\.$/ }],
  },
  {
    name: 'only the AWS default readable: said so',
    facts: { regionNetworkInterfaceCount: 10, networkInterfaceQuota: { value: 5000, applied: false }, accountFleets: [], fleetScalableTargets: [], accountImageBuilders: [] },
    expect: [{ status: 'pass', message: /the AWS default: the applied value was not available/ }],
  },
  {
    name: 'image builders that could not be listed are said, the rest still judged',
    facts: { regionNetworkInterfaceCount: 10, networkInterfaceQuota: quota, accountFleets: [], fleetScalableTargets: [], accountImageBuilders: failed({ kind: 'denied', iamAction: 'appstream:DescribeImageBuilders', message: 'access denied: the caller lacks the IAM permission appstream:DescribeImageBuilders' }) },
    expect: [{ status: 'pass', message: /image builders could not be counted: access denied/ }],
  },
  {
    name: 'the quota denied: error naming the action',
    facts: { regionNetworkInterfaceCount: 10, networkInterfaceQuota: failed({ kind: 'denied', iamAction: 'servicequotas:GetServiceQuota', message: 'access denied: the caller lacks the IAM permission servicequotas:GetServiceQuota' }), accountFleets: [], fleetScalableTargets: [] },
    expect: [{ status: 'error', message: /servicequotas:GetServiceQuota/ }],
  },
]);
