// This machine's listening TCP sockets and the processes that hold them, as far as the OS tells: on Linux from
// /proc (a process of another user hides its sockets' owner unless wsdoctor runs as root), on Windows from
// `netstat -ano` and `tasklist /svc` (which also names the services a process hosts).
import { execFile } from 'node:child_process';
import { endianness } from 'node:os';
import { readFile, readdir, readlink } from 'node:fs/promises';
import { promisify } from 'node:util';
import { FactError } from '../../core/failure.js';
import { defineFact } from '../define.js';
import { parseProcNetTcp, type ProcSocket } from './proc-net-tcp.js';
import { parseNetstatListeners, parseTasklistServices } from './windows-netstat.js';

export interface TcpListener {
  address: string;
  port: number;
  /** Absent when the OS does not say who holds the socket. */
  pid?: number;
  process?: string;
  /** Windows services hosted by the process. */
  services?: string[];
  /** Linux: the socket owner's user id (known even when the process is not). */
  uid?: number;
}

export interface TcpListeners {
  platform: 'linux' | 'win32';
  listeners: TcpListener[];
}

export default defineFact({
  name: 'tcpListeners',
  description: "this machine's listening TCP sockets and the processes that hold them",
  iamActions: [],
  dependsOn: [],
  async collect({ timeoutMs }): Promise<TcpListeners> {
    if (process.platform === 'linux') return { platform: 'linux', listeners: await linuxListeners() };
    if (process.platform === 'win32') return { platform: 'win32', listeners: await windowsListeners(timeoutMs) };
    throw new FactError({
      kind: 'not-applicable',
      message: `this is a ${process.platform} machine; image builders run Windows or Linux`,
    });
  },
});

async function linuxListeners(): Promise<TcpListener[]> {
  const littleEndian = endianness() === 'LE';
  const sockets: ProcSocket[] = [];
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    const text = await readFile(table, 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT' && table.endsWith('6')) return ''; // IPv6 disabled
      throw error;
    });
    sockets.push(...parseProcNetTcp(text, littleEndian));
  }
  const owners = await socketOwners(new Set(sockets.map((s) => s.inode)));
  return sockets.map(({ address, port, uid, inode }) => ({ address, port, uid, ...owners.get(inode) }));
}

/** Which process holds each socket inode: the /proc/<pid>/fd links this user may read. */
async function socketOwners(inodes: Set<string>): Promise<Map<string, { pid: number; process?: string }>> {
  const owners = new Map<string, { pid: number; process?: string }>();
  const pids = (await readdir('/proc')).filter((name) => /^\d+$/.test(name));
  await Promise.all(
    pids.map(async (pid) => {
      const fds = await readdir(`/proc/${pid}/fd`).catch(() => []); // another user's process, or gone
      for (const fd of fds) {
        const inode = /^socket:\[(\d+)\]$/.exec(await readlink(`/proc/${pid}/fd/${fd}`).catch(() => ''))?.[1];
        if (!inode || !inodes.has(inode) || owners.has(inode)) continue;
        const comm = (await readFile(`/proc/${pid}/comm`, 'utf8').catch(() => '')).trim();
        owners.set(inode, { pid: Number(pid), ...(comm ? { process: comm } : {}) });
      }
    }),
  );
  return owners;
}

const run = promisify(execFile);

async function windowsListeners(timeoutMs: number): Promise<TcpListener[]> {
  const options = { timeout: timeoutMs, windowsHide: true, maxBuffer: 16 * 1024 * 1024 };
  const [netstat, tasklist] = await Promise.all([
    run('netstat', ['-ano'], options),
    run('tasklist', ['/svc', '/fo', 'csv', '/nh'], options),
  ]);
  const processes = parseTasklistServices(tasklist.stdout);
  return parseNetstatListeners(netstat.stdout).map((listener) => ({ ...listener, ...processes.get(listener.pid) }));
}
