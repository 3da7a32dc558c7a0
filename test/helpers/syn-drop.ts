// A TCP port that silently drops connection attempts, as a firewall discarding SYNs does: connect() neither
// succeeds nor fails until something gives up. On loopback this is a listener with a backlog of 0 that never
// accepts, its one queue slot taken by a filler connection: Linux then drops every further SYN. Node's net.Server
// always accepts, so the listener is a few lines of Python (python3 is on every machine that has moto_server).
import { spawn } from 'node:child_process';
import { connect, type Socket } from 'node:net';
import { createInterface } from 'node:readline';

const LISTENER = `
import socket, sys
s = socket.socket()
s.bind((sys.argv[1], int(sys.argv[2])))
s.listen(0)
print(s.getsockname()[1], flush=True)
sys.stdin.read()
`;

export interface SynDropPort {
  host: string;
  port: number;
  close(): Promise<void>;
}

export async function startSynDropPort(host = '127.0.0.1', port = 0): Promise<SynDropPort> {
  const child = spawn('python3', ['-c', LISTENER, host, String(port)], { stdio: ['pipe', 'pipe', 'inherit'] });
  const line = await new Promise<string>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the SYN-dropping listener exited (${code})`)));
    createInterface({ input: child.stdout! }).once('line', resolve);
  });
  const bound = Number(line);
  const filler: Socket = await new Promise((resolve, reject) => {
    const socket = connect({ host, port: bound }, () => resolve(socket));
    socket.once('error', reject);
  });
  return {
    host,
    port: bound,
    close: async () => {
      filler.destroy();
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.stdin!.end();
      await exited;
    },
  };
}
