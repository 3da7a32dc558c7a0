// Ports between WorkSpaces and their directory: catalog tables T4 and T10, transcribed from the Administration Guide
// ("Primary Interface Ports", 002_73aec366670b46ed.txt lines 1357-1379) and the troubleshooting guide (AD Connector
// to the on-premises DNS servers and domain controllers, 001_abe0b5f7dee26d25.txt lines 422-444).
import { GUIDES, type RowSource } from './sources.js';

export interface DirectoryPort {
  transport: 'tcp' | 'udp';
  from: number;
  to: number;
  purpose: string;
  source: RowSource;
}

const admin = (lines: string): RowSource => ({ guide: GUIDES.adminGuide, lines });
const port = (transport: 'tcp' | 'udp', from: number, to: number, purpose: string, source: RowSource): DirectoryPort => ({ transport, from, to, purpose, source });

/** "To communicate with the directory controllers, the following ports must be open between your WorkSpaces VPC
 *  and your directory controllers" (T4). */
export const WORKSPACES_TO_CONTROLLERS: readonly DirectoryPort[] = [
  port('tcp', 53, 53, 'DNS', admin('1369')),
  port('udp', 53, 53, 'DNS', admin('1369')),
  port('tcp', 88, 88, 'Kerberos authentication', admin('1370')),
  port('udp', 88, 88, 'Kerberos authentication', admin('1370')),
  port('udp', 123, 123, 'NTP', admin('1371')),
  port('tcp', 135, 135, 'RPC', admin('1372')),
  port('udp', 137, 138, 'Netlogon', admin('1373')),
  port('tcp', 139, 139, 'Netlogon', admin('1374')),
  port('tcp', 389, 389, 'LDAP', admin('1375')),
  port('udp', 389, 389, 'LDAP', admin('1375')),
  port('tcp', 445, 445, 'SMB', admin('1376')),
  port('udp', 445, 445, 'SMB', admin('1376')),
  port('tcp', 1024, 65535, 'Dynamic ports for RPC', admin('1377')),
];

const troubleshooting = (lines: string): RowSource => ({ guide: GUIDES.troubleshooting, lines });

/** AD Connector to the on-premises DNS servers (TCP and UDP 53) and domain controllers (TCP and UDP 88 and 389). */
export const AD_CONNECTOR_TO_DOMAIN: readonly DirectoryPort[] = [
  port('tcp', 53, 53, 'DNS', troubleshooting('430')),
  port('udp', 53, 53, 'DNS', troubleshooting('430')),
  port('tcp', 88, 88, 'Kerberos', troubleshooting('442-443')),
  port('udp', 88, 88, 'Kerberos', troubleshooting('442-443')),
  port('tcp', 389, 389, 'LDAP', troubleshooting('442-444')),
  port('udp', 389, 389, 'LDAP', troubleshooting('442-444')),
];

/** The default RADIUS port the on-premises network must accept from AD Connector (002 lines 2671-2673). UDP is the
 *  RADIUS transport [not in guides: RFC 2865]. */
export const RADIUS_DEFAULT_PORT = 1812;

export function describePort(p: Pick<DirectoryPort, 'transport' | 'from' | 'to'>): string {
  return `${p.transport} ${p.from === p.to ? p.from : `${p.from}-${p.to}`}`;
}
