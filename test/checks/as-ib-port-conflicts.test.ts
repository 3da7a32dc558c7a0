import check from '../../checks/local/as-ib-port-conflicts.js';
import { checkTable, failed } from '../helpers/check-table.js';
import type { TcpListener, TcpListeners } from '../../src/facts/local/tcp-listeners.js';

const windows = (...listeners: TcpListener[]): { tcpListeners: TcpListeners } => ({ tcpListeners: { platform: 'win32', listeners } });
const linux = (...listeners: TcpListener[]): { tcpListeners: TcpListeners } => ({ tcpListeners: { platform: 'linux', listeners } });
const dcv: TcpListener = { address: '0.0.0.0', port: 8300, pid: 2100, process: 'dcvserver.exe', services: ['DcvServer'] };
const photon: TcpListener = { address: '0.0.0.0', port: 8443, pid: 2200, process: 'node.exe', services: ['PhotonAgentWebServer'] };
const photonAgent: TcpListener = { address: '0.0.0.0', port: 8000, pid: 2300, process: 'PhotonAgent.exe', services: ['PhotonAgent'] };

checkTable(check, [
  {
    name: "a healthy builder: each port held by the builder's own service passes",
    facts: windows(dcv, photon, { ...photon, address: '::' }, photonAgent),
    expect: [
      { status: 'pass', resource: '8300/tcp', message: /held by dcvserver\.exe \(pid 2100, services DcvServer\)/ },
      { status: 'pass', resource: '8000/tcp' },
      { status: 'pass', resource: '8443/tcp', message: /node\.exe \(pid 2200, services PhotonAgentWebServer\) on 0\.0\.0\.0:8443, \[::\]:8443/ },
    ],
  },
  { name: 'nothing listening passes: no installed application holds the ports', facts: windows(), expect: [{ status: 'pass', message: /Nothing listens on TCP 8300/ }, { status: 'pass' }, { status: 'pass' }] },
  {
    name: '8443 owned by tomcat9.exe fails naming the process (catalog G12 test)',
    facts: windows(dcv, { address: '0.0.0.0', port: 8443, pid: 4321, process: 'tomcat9.exe', services: ['Tomcat9'] }),
    expect: [{ status: 'pass' }, { status: 'pass' }, { status: 'fail', resource: '8443/tcp', message: /TCP 8443 .* is held by tomcat9\.exe \(pid 4321, services Tomcat9\) on 0\.0\.0\.0:8443, not by PhotonAgentWebServer/ }],
  },
  {
    name: '8300 held by another process beside DcvServer fails',
    facts: windows(dcv, { address: '127.0.0.1', port: 8300, pid: 77, process: 'streamer.exe', services: [] }),
    expect: [{ status: 'fail', message: /streamer\.exe \(pid 77\) on 127\.0\.0\.1:8300, not by DcvServer/ }, { status: 'pass' }, { status: 'pass' }],
  },
  {
    name: '8000 held by a process that is not one of the builder services warns: the guide names no owner for 8000',
    facts: windows({ address: '0.0.0.0', port: 8000, pid: 900, process: 'python.exe', services: [] }),
    expect: [{ status: 'pass' }, { status: 'warn', message: /held by python\.exe \(pid 900\).*guide names no owner for 8000/ }, { status: 'pass' }],
  },
  {
    name: 'Linux: a process name cut to 15 characters still matches its service',
    facts: linux({ address: '0.0.0.0', port: 8443, pid: 55, process: 'PhotonAgentWebS', uid: 0 }),
    expect: [{ status: 'pass' }, { status: 'pass' }, { status: 'pass', message: /PhotonAgentWebS \(pid 55\)/ }],
  },
  {
    name: 'Linux: a port held by a process this user cannot see is an error naming root, never a pass',
    facts: linux({ address: '::', port: 8443, uid: 0 }),
    expect: [{ status: 'pass' }, { status: 'pass' }, { status: 'error', message: /held \(\[::\]:8443 \(uid 0\)\) by a process this user cannot see: run wsdoctor as root/ }],
  },
  {
    name: 'Windows: an unseen owner asks for an Administrator',
    facts: windows({ address: '0.0.0.0', port: 8300 }),
    expect: [{ status: 'error', message: /as an Administrator/ }, { status: 'pass' }, { status: 'pass' }],
  },
  {
    name: 'not Windows or Linux: not applicable',
    facts: { tcpListeners: failed({ kind: 'not-applicable', message: 'this is a darwin machine; image builders run Windows or Linux' }) },
    expect: [{ status: 'skip', message: /darwin/ }],
  },
  {
    name: 'netstat failing is an error with the reason',
    facts: { tcpListeners: failed({ kind: 'error', message: 'Command failed: netstat -ano' }) },
    expect: [{ status: 'error', message: /netstat -ano/ }],
  },
]);
