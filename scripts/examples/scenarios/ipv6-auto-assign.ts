import { enableIpv6AutoAssign } from '../../../test/helpers/seed.js';
import { directoryIn, workspaceIn, type Scenario } from '../lab.js';

const scenario: Scenario = {
  shows:
    'Ticket: launching a Graphics WorkSpace fails with an internal error. The subnet it is in auto-assigns IPv6 ' +
    'addresses (an Amazon-provided IPv6 block on the VPC, "Modify auto-assign IP settings" turned on).',
  region: 'us-east-1',
  async build(lab) {
    const seeded = await directoryIn(lab, '10.0.0.0/16');
    await enableIpv6AutoAssign(lab.moto, lab.region, seeded.vpcId, seeded.subnetIds[0]);
    await workspaceIn(lab, seeded, 0, 'alice', 'GRAPHICS');
    return ['--directory', seeded.directoryId];
  },
  expect: { 'ipv6-auto-assign': 'fail' },
};

export default scenario;
