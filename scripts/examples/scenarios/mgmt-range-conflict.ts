import { directoryIn, type Scenario } from '../lab.js';

const scenario: Scenario = {
  shows:
    'Ticket: the directory cannot be registered and WorkSpaces cannot launch. Its VPC in eu-west-2 uses ' +
    "198.19.0.0/16, the Region's only management interface range.",
  region: 'eu-west-2',
  async build(lab) {
    const seeded = await directoryIn(lab, '198.19.0.0/16');
    return ['--directory', seeded.directoryId];
  },
  expect: { 'mgmt-cidr-conflict': 'fail' },
};

export default scenario;
