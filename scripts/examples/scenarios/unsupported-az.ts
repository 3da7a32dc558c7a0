import { directoryIn, workspaceIn, type Scenario } from '../lab.js';

const scenario: Scenario = {
  shows:
    'Ticket: WorkSpaces fail to launch in one of the directory\'s subnets. The admin created the second subnet in ' +
    'us-east-1b, which in this account is use1-az1: an Availability Zone WorkSpaces does not support (names map to ' +
    'zones differently in every account; only the AZ id tells). Otherwise the guide\'s layout: private subnets, a NAT ' +
    'gateway, a VPN gateway to the on-premises DNS servers.',
  region: 'us-east-1',
  async build(lab) {
    const seeded = await directoryIn(lab, '10.0.0.0/16', undefined, { azs: ['us-east-1a', 'us-east-1b'] });
    await workspaceIn(lab, seeded, 0, 'alice', 'STANDARD');
    return ['--directory', seeded.directoryId];
  },
  expect: { 'ws-dir-supported-az': 'fail' },
};

export default scenario;
