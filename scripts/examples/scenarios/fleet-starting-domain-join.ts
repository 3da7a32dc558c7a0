import { addFleet, addImages, addStack, createAppstreamServiceRole, seedAppstreamNetwork } from '../../../test/helpers/appstream-seed.js';
import type { Scenario } from '../lab.js';

const DOMAIN = 'corp.example.com';
const OU = 'OU=AppStream,DC=corp,DC=example,DC=com';

const scenario: Scenario = {
  shows:
    'Ticket: a domain-joined WorkSpaces Applications fleet has been STARTING for 40 minutes since it was started, and ' +
    'users cannot stream. Its only clue is a fleet error, DOMAIN_JOIN_ERROR_NO_SUCH_DOMAIN: the DHCP option set of its ' +
    'VPC gives a DNS server that does not know corp.example.com. Its stack has no other fleet, so the stack cannot stream.',
  region: 'eu-west-1',
  async build(lab) {
    // A DNS server that answers, and knows nothing of the domain (NXDOMAIN), as the VPC's domain name server.
    const wrongDns = await lab.dns({});
    const network = await seedAppstreamNetwork(lab.moto, lab.region, { dnsServers: [wrongDns] });
    await createAppstreamServiceRole(lab.moto);
    const image = addImages(lab.appstream, lab.region);
    lab.appstream.directoryConfigs.set(DOMAIN, {
      DirectoryName: DOMAIN,
      OrganizationalUnitDistinguishedNames: [OU],
      ServiceAccountCredentials: { AccountName: 'svc-appstream' },
    });
    addFleet(lab.appstream, network, 'office-fleet', image, {
      State: 'STARTING',
      minutesOld: 60 * 24 * 120,
      ComputeCapacityStatus: { Desired: 2, Running: 0, InUse: 0, Available: 0 },
      DomainJoinInfo: { DirectoryName: DOMAIN, OrganizationalUnitDistinguishedName: OU },
      FleetErrors: [{ ErrorCode: 'DOMAIN_JOIN_ERROR_NO_SUCH_DOMAIN', ErrorMessage: 'The specified domain either does not exist or could not be contacted.' }],
    });
    addStack(lab.appstream, lab.region, 'office-stack', ['office-fleet']);
    lab.cloudtrail.events.push({ EventName: 'StartFleet', EventTime: Math.floor(Date.now() / 1000) - 40 * 60, ResourceName: 'office-fleet' });
    return ['--fleet', 'office-fleet'];
  },
  expect: {
    'as-fleet-starting-timeout': 'fail',
    'as-domain-join-errors': 'fail',
    'as-vpc-dhcp-dns': 'fail',
    'as-domain-join-ports': 'fail',
    'as-stack-fleet-running': 'fail',
  },
};

export default scenario;
