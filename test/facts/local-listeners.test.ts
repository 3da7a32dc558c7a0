// Who holds a TCP port: the pure parsers on recorded OS output, and the live Linux reading of this machine.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseProcNetTcp } from '../../src/facts/local/proc-net-tcp.js';
import { parseNetstatListeners, parseTasklistServices } from '../../src/facts/local/windows-netstat.js';
import { AwsClients } from '../../src/aws/clients.js';
import { loopbackAddress, tcpListener } from '../helpers/listeners.js';
import { liveStore } from '../helpers/fact-store.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');

describe('/proc/net/tcp (recorded on Linux x86_64 with listeners on 127.0.0.1:8443, [::]:8300 and [::1]:8000)', () => {
  it('keeps only listening sockets and decodes host-order addresses and ports', () => {
    expect(parseProcNetTcp(fixture('proc-net-tcp.txt'))).toEqual([
      { address: '0.0.0.0', port: 2024, uid: 0, inode: '1060' },
      { address: '127.0.0.1', port: 8443, uid: 0, inode: '152656' },
    ]);
  });

  it('decodes IPv6 words the same way', () => {
    expect(parseProcNetTcp(fixture('proc-net-tcp6.txt'))).toEqual([
      { address: '::1', port: 8000, uid: 0, inode: '152658' },
      { address: '::', port: 8300, uid: 0, inode: '152657' },
    ]);
  });

  it('reads words in network order on a big-endian machine', () => {
    const line = '   0: 7F000001:20FB 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 42 1 0 100 0 0 10 0';
    expect(parseProcNetTcp(`header\n${line}\n`, false)).toEqual([{ address: '127.0.0.1', port: 8443, uid: 1000, inode: '42' }]);
  });
});

// Windows output in the documented formats (written by hand: no Windows machine records them here), with the
// CRLF line ends, an IPv6 scope id, UDP rows, and a state word from German Windows.
describe('netstat -ano and tasklist /svc', () => {
  it('finds listeners by their foreign port 0, whatever the language of the State column', () => {
    expect(parseNetstatListeners(fixture('windows-netstat-ano.txt'))).toEqual([
      { address: '0.0.0.0', port: 135, pid: 948 },
      { address: '0.0.0.0', port: 8300, pid: 2100 },
      { address: '0.0.0.0', port: 8443, pid: 4321 },
      { address: '127.0.0.1', port: 8000, pid: 2300 },
      { address: '::', port: 8443, pid: 4321 },
      { address: 'fe80::8d4:2cff:fe11:1%6', port: 8300, pid: 2100 },
    ]);
  });

  it('maps each PID to its image name and the services it hosts', () => {
    const processes = parseTasklistServices(fixture('windows-tasklist-svc.csv'));
    expect(processes.get(948)).toEqual({ process: 'svchost.exe', services: ['RpcEptMapper', 'RpcSs'] });
    expect(processes.get(4321)).toEqual({ process: 'tomcat9.exe', services: ['Tomcat9'] });
    expect(processes.get(0)).toEqual({ process: 'System Idle Process', services: [] });
    expect(processes.get(5000)).toEqual({ process: 'My "Quoted" App.exe', services: [] });
  });
});

describe.runIf(process.platform === 'linux')('the tcpListeners fact on this Linux machine', () => {
  it('finds a listener this process opened, with this process as its owner', async () => {
    const host = await loopbackAddress();
    const listener = await tcpListener(host);
    try {
      const aws = new AwsClients({ region: 'us-east-1', timeoutMs: 1000, maxAttempts: 1 });
      const outcome = await liveStore({ local: true }, { aws, timeoutMs: 5000 }).settle('tcpListeners');
      expect(outcome.ok).toBe(true);
      if (!outcome.ok) return;
      expect(outcome.value.platform).toBe('linux');
      expect(outcome.value.listeners).toContainEqual(
        expect.objectContaining({ address: host, port: listener.port, pid: process.pid, uid: process.getuid!() }),
      );
    } finally {
      await listener.close();
    }
  });
});
