import { removeWorkspaceInterface } from '../../../test/helpers/seed.js';
import { directoryIn, workspaceIn, type Scenario } from '../lab.js';

const scenario: Scenario = {
  shows:
    "Ticket: a user's WorkSpace is unreachable. Someone detached and deleted its network interface in the EC2 " +
    'console; the WorkSpace still has its IP address, but no interface carries it.',
  region: 'us-east-1',
  async build(lab) {
    const seeded = await directoryIn(lab, '10.0.0.0/16');
    const bob = await workspaceIn(lab, seeded, 1, 'bob', 'STANDARD');
    await removeWorkspaceInterface(lab.moto, lab.region, bob, { deleteIt: true });
    return ['--directory', seeded.directoryId];
  },
  expect: { 'ws-eni-present': 'fail' },
};

export default scenario;
