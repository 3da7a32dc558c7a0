import check from '../../checks/directory/ws-custom-sg-drift.js';
import { checkTable } from '../helpers/check-table.js';
import { dir, ws } from '../helpers/directory-fixtures.js';

const eni = (id: string, ip: string, groups: string[], subnet = 'subnet-a') => ({
  NetworkInterfaceId: id,
  SubnetId: subnet,
  PrivateIpAddress: ip,
  PrivateIpAddresses: [{ PrivateIpAddress: ip }],
  Groups: groups.map((GroupId) => ({ GroupId })),
});
const custom = dir({ WorkspaceCreationProperties: { CustomSecurityGroupId: 'sg-c' } });

checkTable(check, [
  {
    name: 'catalog A12: custom sg-c, ENI groups [sg-members] → warn',
    facts: { workspacesDirectory: custom, workspaces: [ws('ws-00000001')], networkInterfaces: [eni('eni-1', '10.0.1.20', ['sg-members'])] },
    expect: [{ status: 'warn', resource: 'ws-00000001', message: /eni-1 has sg-members, not the directory's custom group sg-c/ }],
  },
  {
    name: 'catalog A12: [sg-members, sg-c] → pass',
    facts: { workspacesDirectory: custom, workspaces: [ws('ws-00000001')], networkInterfaces: [eni('eni-1', '10.0.1.20', ['sg-members', 'sg-c'])] },
    expect: [{ status: 'pass', message: /All 1 WorkSpace/ }],
  },
  { name: 'catalog A12: no custom group → skip', facts: { workspacesDirectory: dir(), workspaces: [ws('ws-00000001')], networkInterfaces: [] }, expect: [{ status: 'skip' }] },
  {
    name: 'the interface is matched by address within the WorkSpace\'s subnet',
    facts: {
      workspacesDirectory: custom,
      workspaces: [ws('ws-00000001')],
      networkInterfaces: [eni('eni-other', '10.0.1.20', ['sg-c'], 'subnet-b'), eni('eni-1', '10.0.1.20', ['sg-members'])],
    },
    expect: [{ status: 'warn', message: /eni-1/ }],
  },
  {
    name: 'a WorkSpace whose interface is gone → error (never pass), the others still judged',
    facts: { workspacesDirectory: custom, workspaces: [ws('ws-00000001'), ws('ws-00000002', { IpAddress: '10.0.1.30' })], networkInterfaces: [eni('eni-1', '10.0.1.20', ['sg-members'])] },
    expect: [{ status: 'warn', resource: 'ws-00000001' }, { status: 'error', message: /ws-00000002/ }],
  },
  { name: 'no WorkSpaces yet → pass', facts: { workspacesDirectory: custom, workspaces: [], networkInterfaces: [] }, expect: [{ status: 'pass', message: /no WorkSpaces yet/ }] },
]);
