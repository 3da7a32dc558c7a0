import { directoryIn, workspaceIn, type Scenario } from '../lab.js';

const scenario: Scenario = {
  shows:
    'Ticket: nobody can reach their WorkSpace any more ("This device is not authorized to access the WorkSpace"). ' +
    'An IP access control group with no rules was associated with the directory, which blocks all access.',
  region: 'us-east-1',
  async build(lab) {
    const seeded = await directoryIn(lab, '10.0.0.0/16');
    await workspaceIn(lab, seeded, 0, 'heidi', 'STANDARD');
    lab.front.addIpGroups({ groupId: 'wsipg-office001', groupName: 'office', groupDesc: 'head office', userRules: [] });
    lab.front.associateIpGroups(seeded.directoryId, ['wsipg-office001']);
    return ['--directory', seeded.directoryId, '--client-ip', '81.2.69.160'];
  },
  // The directory allows PCoIP zero clients (a new directory's default): with an IP group associated they must
  // connect directly, never through PCoIP Connection Manager, which B5 says.
  expect: { 'ip-access-group-empty': 'fail', 'ip-access-group-client-allowed': 'fail', 'ip-access-group-zero-client-pcm': 'warn' },
};

export default scenario;
