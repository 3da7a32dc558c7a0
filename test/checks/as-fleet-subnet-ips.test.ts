import check from '../../checks/appstream/as-fleet-subnet-ips.js';
import { checkTable } from '../helpers/check-table.js';
import { fleet, subnet } from '../helpers/appstream-values.js';

const two = (a: number, b: number) => [subnet('subnet-a', 'us-east-1a', a), subnet('subnet-b', 'us-east-1b', b)];

checkTable(check, [
  {
    name: 'catalog H2: free 10, desired 50, running 0 → fail',
    facts: { fleets: [fleet({ State: 'STOPPED', ComputeCapacityStatus: { Desired: 50, Running: 0 } })], appstreamSubnets: two(5, 5) },
    expect: [{ status: 'fail', message: /10 free IP addresses \(subnet-a: 5, subnet-b: 5\), fewer than the 50 instances it still has to start \(desired capacity of 50, 0 running\)/ }],
  },
  {
    name: 'running instances hold their addresses already',
    facts: { fleets: [fleet({ ComputeCapacityStatus: { Desired: 50, Running: 45 } })], appstreamSubnets: two(3, 3) },
    expect: [{ status: 'pass', message: /for the 5 instances it may still start/ }],
  },
  {
    name: 'an Elastic fleet counts its maximum concurrent sessions',
    facts: { fleets: [fleet({ FleetType: 'ELASTIC', MaxConcurrentSessions: 100, ComputeCapacityStatus: { Desired: 0, Running: 0 } })], appstreamSubnets: two(40, 40) },
    expect: [{ status: 'fail', message: /maximum of 100 concurrent sessions/ }],
  },
  { name: 'a full subnet beside a roomy one warns', facts: { fleets: [fleet({ ComputeCapacityStatus: { Desired: 10, Running: 2 } })], appstreamSubnets: two(0, 50) }, expect: [{ status: 'warn', message: /subnet-a has no free IP address/ }] },
  { name: 'enough room passes, and says what it did not read', facts: { fleets: [fleet()], appstreamSubnets: two(100, 100) }, expect: [{ status: 'pass', message: /scaling policy's maximum is not read/ }] },
  { name: 'no count from EC2: error', facts: { fleets: [fleet()], appstreamSubnets: [{ SubnetId: 'subnet-a', VpcId: 'vpc-1' }, subnet('subnet-b', 'us-east-1b')] }, expect: [{ status: 'error', message: /did not say how many addresses are free in subnet-a/ }] },
  { name: 'subnets gone: skip (as-fleet-subnets-ha reports it)', facts: { fleets: [fleet()], appstreamSubnets: [] }, expect: [{ status: 'skip', message: /as-fleet-subnets-ha/ }] },
]);
