import check from '../../checks/appstream/as-fleet-starting-timeout.js';
import { checkTable, failed } from '../helpers/check-table.js';
import { fleet, minutesAgo, NOW } from '../helpers/appstream-values.js';

checkTable(check, [
  {
    name: 'catalog H4: STARTING, created 40 minutes ago, no CloudTrail start → fail, saying what it measured from',
    facts: { fleets: [fleet({ State: 'STARTING', CreatedTime: minutesAgo(40) })], fleetStarts: [{ fleet: 'office' }] },
    collectedAt: NOW,
    expect: [{ status: 'fail', resource: 'office', message: /STARTING for 40 minutes since its creation .*past the 25 minutes.*CloudTrail has no StartFleet/ }],
  },
  {
    name: 'a fleet created long ago but started 10 minutes ago (CloudTrail) is still within the window',
    facts: { fleets: [fleet({ State: 'STARTING', CreatedTime: minutesAgo(90_000) })], fleetStarts: [{ fleet: 'office', event: { name: 'StartFleet', time: minutesAgo(10) } }] },
    collectedAt: NOW,
    expect: [{ status: 'warn', message: /STARTING for 10 minutes since its last StartFleet \(CloudTrail.*still STARTING at 2026-11-20T12:16:00\.000Z/ }],
  },
  {
    name: 'started 30 minutes ago by CloudTrail: stuck',
    facts: { fleets: [fleet({ State: 'STARTING', CreatedTime: minutesAgo(90_000) })], fleetStarts: [{ fleet: 'office', event: { name: 'StartFleet', time: minutesAgo(30) } }] },
    collectedAt: NOW,
    expect: [{ status: 'fail', message: /STARTING for 30 minutes since its last StartFleet/ }],
  },
  {
    name: 'CloudTrail unreadable: measured from creation, and the finding says why',
    facts: {
      fleets: [fleet({ State: 'STARTING', CreatedTime: minutesAgo(40) })],
      fleetStarts: failed({ kind: 'denied', iamAction: 'cloudtrail:LookupEvents', message: 'access denied: the caller lacks the IAM permission cloudtrail:LookupEvents' }),
    },
    collectedAt: NOW,
    expect: [{ status: 'fail', message: /CloudTrail could not be read: access denied.*cloudtrail:LookupEvents/ }],
  },
  {
    name: 'FleetErrors fail, each code explained with its fix and the check for its cause',
    facts: {
      fleets: [
        fleet({
          State: 'STARTING',
          CreatedTime: minutesAgo(45),
          FleetErrors: [
            { ErrorCode: 'DOMAIN_JOIN_ERROR_NO_SUCH_DOMAIN', ErrorMessage: 'The specified domain either does not exist or could not be contacted.' },
            { ErrorCode: 'NETWORK_INTERFACE_LIMIT_EXCEEDED', ErrorMessage: 'limit' },
          ],
        }),
      ],
    },
    collectedAt: NOW,
    expect: [
      {
        status: 'fail',
        message:
          /STARTING for 45 minutes since its creation .* reports 2 errors: DOMAIN_JOIN_ERROR_NO_SUCH_DOMAIN \("The specified domain.*"\): The instance can't contact the Active Directory domain\..*as-vpc-dhcp-dns, as-domain-join-ports.*NETWORK_INTERFACE_LIMIT_EXCEEDED.*as-eni-quota/,
      },
    ],
  },
  {
    name: 'an error code wsdoctor does not know is still reported, with the service message',
    facts: { fleets: [fleet({ FleetErrors: [{ ErrorCode: 'SOMETHING_NEW' as never, ErrorMessage: 'new thing' }] })] },
    expect: [{ status: 'fail', message: /SOMETHING_NEW \("new thing"\): not a code wsdoctor knows/ }],
  },
  { name: 'RUNNING at capacity passes', facts: { fleets: [fleet()] }, expect: [{ status: 'pass', message: /RUNNING \(2 of 2 desired instances running\) and reports no error/ }] },
  {
    name: 'RUNNING below capacity long after starting warns',
    facts: { fleets: [fleet({ ComputeCapacityStatus: { Desired: 10, Running: 3 } })] },
    collectedAt: NOW,
    expect: [{ status: 'warn', message: /3 of 10 desired instances/ }],
  },
  {
    name: 'RUNNING below capacity just after starting passes (instances still coming)',
    facts: { fleets: [fleet({ CreatedTime: minutesAgo(5), ComputeCapacityStatus: { Desired: 10, Running: 3 } })] },
    collectedAt: NOW,
    expect: [{ status: 'pass' }],
  },
  { name: 'an Elastic fleet has no instance capacity to compare', facts: { fleets: [fleet({ FleetType: 'ELASTIC', ComputeCapacityStatus: { Desired: 0, Running: 0 } })] }, expect: [{ status: 'pass' }] },
  { name: 'STOPPED passes', facts: { fleets: [fleet({ State: 'STOPPED', ComputeCapacityStatus: { Desired: 2, Running: 0 } })] }, expect: [{ status: 'pass', message: /STOPPED/ }] },
  {
    name: 'STARTING with no time at all cannot be measured: error',
    facts: { fleets: [fleet({ State: 'STARTING', CreatedTime: undefined })] },
    expect: [{ status: 'error', message: /no .*time to measure from|neither the API nor CloudTrail/ }],
  },
  {
    name: 'a stack with two fleets: one finding each',
    facts: { fleets: [fleet(), fleet({ Name: 'labs', State: 'STOPPED' })] },
    expect: [{ status: 'pass', resource: 'office' }, { status: 'pass', resource: 'labs' }],
  },
  { name: 'no fleet (a stack without one) is nothing to check', facts: { fleets: [] }, expect: [{ status: 'skip' }] },
  {
    name: 'a denied DescribeFleets is an error naming the action',
    facts: { fleets: failed({ kind: 'denied', iamAction: 'appstream:DescribeFleets', message: 'access denied: the caller lacks the IAM permission appstream:DescribeFleets' }) },
    expect: [{ status: 'error', message: /appstream:DescribeFleets/ }],
  },
]);
