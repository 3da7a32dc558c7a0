import { directoryIn, workspaceIn, LDAP, KERBEROS, DOMAIN, type Scenario } from '../lab.js';

const scenario: Scenario = {
  shows:
    'Ticket: AD Connector reports "SRV record for Kerberos does not exist". One of its two DNS servers answers ' +
    `for _ldap._tcp.${DOMAIN} but has no _kerberos._tcp.${DOMAIN} record.`,
  region: 'us-east-1',
  async build(lab) {
    const dnsIps = [await lab.dns({ srv: LDAP }), await lab.dns({ srv: { ...LDAP, ...KERBEROS } })];
    const seeded = await directoryIn(lab, '10.0.0.0/16', dnsIps);
    await workspaceIn(lab, seeded, 0, 'grace', 'STANDARD');
    return ['--directory', seeded.directoryId];
  },
  expect: { 'dns-srv-records': 'fail' },
};

export default scenario;
