import check from '../../checks/appstream/as-fleet-edit-preflight.js';
import { checkTable } from '../helpers/check-table.js';
import { fleet } from '../helpers/appstream-values.js';

checkTable(check, [
  {
    name: 'catalog H5: changing the instance type of a RUNNING fleet fails (both the guide and the API refuse it)',
    facts: { fleets: [fleet()] },
    options: { changingSettings: ['instance-type'] },
    expect: [{ status: 'fail', resource: 'office', message: /RUNNING: instance-type cannot be edited until it is STOPPED/ }],
  },
  {
    name: "the image of a RUNNING fleet: the API allows it, the 2017 guide did not (X18) — pass, saying so",
    facts: { fleets: [fleet()] },
    options: { changingSettings: ['image'] },
    expect: [{ status: 'pass', message: /allows editing image now\. \(The 2017 guide allowed only display-name and desired-capacity on a RUNNING fleet/ }],
  },
  { name: 'desired capacity of a RUNNING fleet passes', facts: { fleets: [fleet()] }, options: { changingSettings: ['desired-capacity'] }, expect: [{ status: 'pass' }] },
  { name: 'subnets of a STOPPED fleet pass', facts: { fleets: [fleet({ State: 'STOPPED' })] }, options: { changingSettings: ['subnets', 'instance-type'] }, expect: [{ status: 'pass' }] },
  { name: 'nothing while STARTING', facts: { fleets: [fleet({ State: 'STARTING' })] }, options: { changingSettings: ['display-name'] }, expect: [{ status: 'fail', message: /STARTING: no setting can be edited/ }] },
  { name: 'nothing while STOPPING, even without --changing', facts: { fleets: [fleet({ State: 'STOPPING' })] }, expect: [{ status: 'fail' }] },
  {
    name: 'a RUNNING Elastic fleet allows its session limits but not desired capacity',
    facts: { fleets: [fleet({ FleetType: 'ELASTIC' })] },
    options: { changingSettings: ['max-concurrent-sessions', 'desired-capacity'] },
    expect: [{ status: 'fail', message: /desired-capacity cannot be edited/ }],
  },
  { name: 'without --changing, what can be edited now is listed', facts: { fleets: [fleet()] }, expect: [{ status: 'pass', message: /can be edited now: display-name, desired-capacity, image.*Pass --changing/ }] },
]);
