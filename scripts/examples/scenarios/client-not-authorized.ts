import { DescribeWorkspaceDirectoriesCommand, WorkSpacesClient } from '@aws-sdk/client-workspaces';
import { startClientLab } from '../../../test/helpers/client-lab.js';
import { sdkConfig } from '../../../test/helpers/seed.js';
import { directoryIn, type Scenario } from '../lab.js';

const scenario: Scenario = {
  shows:
    'Ticket: a user working from home gets "This device is not authorized to access the WorkSpace". The help desk ' +
    'asked them to run `wsdoctor collect --client --registration-code <their code> -o wsdoctor-client.json` and send ' +
    'the file. Their network reaches every WorkSpaces endpoint and streaming port, but their public IP (81.2.69.160) ' +
    "is in no rule of the directory's IP access control group, which allows only the office (198.51.100.0/24). The " +
    "registration code is in the bundle only as [redacted]. (The user's network is a lab on loopback: the Region's " +
    'real host names, resolved by a test DNS server to loopback servers with a test CA.)',
  region: 'us-east-1',
  async build(lab) {
    const seeded = await directoryIn(lab, '10.0.0.0/16');
    lab.front.addIpGroups({ groupId: 'wsipg-office001', groupName: 'office', groupDesc: 'head office', userRules: [{ ipRule: '198.51.100.0/24' }] });
    lab.front.associateIpGroups(seeded.directoryId, ['wsipg-office001']);
    const out = await new WorkSpacesClient(sdkConfig(lab.moto, lab.region)).send(
      new DescribeWorkspaceDirectoriesCommand({ DirectoryIds: [seeded.directoryId] }),
    );
    const code = out.Directories?.[0]?.RegistrationCode;
    if (!code) throw new Error('moto gave the directory no registration code');
    const client = await startClientLab(lab.region, { publicIp: '81.2.69.160' });
    lab.onReset(() => client.close());
    Object.assign(lab.env, client.env());
    return [...client.args(), '--registration-code', code];
  },
  // Two answers depend on the machine building the example, not on the scenario: the MTU probe needs the OS's ping
  // (without one it is inconclusive, a warning), and on a loaded machine the RTT check says the load shows.
  expect: { 'client-registration-code': 'fail', 'client-vpn-mtu': ['pass', 'warn'], 'client-rtt': ['pass', 'warn'] },
};

export default scenario;
