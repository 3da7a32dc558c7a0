import { directoryIn, type Scenario } from '../lab.js';

const scenario: Scenario = {
  shows:
    'Ticket: a new account registers its directory with the API (not the console\'s Quick Setup) and WorkSpaces ' +
    'cannot be launched: the account has no workspaces_DefaultRole, the role WorkSpaces assumes to create their ' +
    'network interfaces. The directory and its VPC are otherwise as the guide builds them.',
  region: 'us-east-1',
  async build(lab) {
    const seeded = await directoryIn(lab, '10.0.0.0/16', undefined, { defaultRole: false });
    return ['--directory', seeded.directoryId];
  },
  expect: { 'ws-default-role': 'fail' },
};

export default scenario;
