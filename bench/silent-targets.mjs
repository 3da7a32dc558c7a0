// Probe targets on loopback that never answer, for the probe fan-out benchmark:
//  - TCP: a listener that never accepts, its accept queue filled (listen backlog 0 plus one queued connection),
//    so the kernel drops every further SYN: connect() neither succeeds nor is refused, it waits;
//  - UDP: a bound socket that reads and never replies (bound, so no ICMP port-unreachable comes back either).
// Node accepts connections on its own, so the never-accepting TCP listener is a small python3 process.
// Every address must be in 127.0.0.0/8; each target is proven silent before it is handed out.
import { spawn } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { connect } from 'node:net';

const LISTENER = `
import socket, sys
held = []
while True:
    line = sys.stdin.readline().strip()
    if not line:
        break
    host, port = line.rsplit(':', 1)
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind((host, int(port)))
    s.listen(0)
    held.append(s)
    print(s.getsockname()[1], flush=True)
sys.stdin.read()
`;

const LOOPBACK = /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;

/** A TCP connection to host:port if one completes within `ms` (refused counts as answering), else null. */
function connectWithin(host, port, ms) {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.on('error', () => {});
    const timer = setTimeout(() => {
      socket.destroy();
      resolve(null);
    }, ms);
    socket.once('connect', () => {
      clearTimeout(timer);
      resolve(socket);
    });
    socket.once('error', () => {
      clearTimeout(timer);
      resolve(socket);
    });
  });
}

/**
 * Starts silent targets. `targets` is a list of { host, port, protocol: 'tcp' | 'udp' } (port 0: any free port,
 * reported back). Returns the targets with their ports and `stop()`.
 */
export async function startSilentTargets(targets) {
  for (const t of targets) if (!LOOPBACK.test(t.host)) throw new Error(`silent targets are loopback only, not ${t.host}`);
  const udpSockets = [];
  const fillers = [];
  const started = [];
  for (const t of targets.filter((x) => x.protocol === 'udp')) {
    const socket = createSocket('udp4');
    socket.on('message', () => {}); // read, never answer
    await new Promise((resolve, reject) => {
      socket.once('error', reject);
      socket.bind(t.port, t.host, resolve);
    });
    udpSockets.push(socket);
    started.push({ ...t, port: socket.address().port });
  }

  const tcp = targets.filter((x) => x.protocol === 'tcp');
  let listener;
  if (tcp.length > 0) {
    listener = spawn('python3', ['-c', LISTENER], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    listener.stderr.on('data', (c) => (stderr += c));
    const ports = [];
    const ready = new Promise((resolve, reject) => {
      let buffer = '';
      listener.stdout.on('data', (c) => {
        buffer += c;
        const lines = buffer.split('\n').filter(Boolean);
        if (lines.length >= tcp.length) resolve(lines.map(Number));
      });
      listener.once('exit', (code) => reject(new Error(`the silent TCP listener exited ${code}: ${stderr}`)));
    });
    listener.stdin.write(`${tcp.map((t) => `${t.host}:${t.port}`).join('\n')}\n\n`);
    ports.push(...(await ready));
    const silenced = await Promise.all(
      tcp.map(async (t, i) => {
        const target = { ...t, port: ports[i] };
        // Fill the accept queue: connections complete (and are held) until it is full, then SYNs are dropped.
        for (let n = 0; n < 8; n++) {
          const filler = await connectWithin(target.host, target.port, 250);
          if (!filler) break;
          fillers.push(filler);
        }
        const answered = await connectWithin(target.host, target.port, 300);
        if (answered) {
          answered.destroy();
          throw new Error(`${target.host}:${target.port}/tcp still answers after filling its accept queue`);
        }
        return target;
      }),
    );
    started.push(...silenced);
  }

  return {
    targets: started,
    async stop() {
      for (const socket of fillers) socket.destroy();
      for (const socket of udpSockets) socket.close();
      if (listener && listener.exitCode === null) {
        const exited = new Promise((r) => listener.once('exit', r));
        listener.kill('SIGTERM');
        await exited;
      }
    },
  };
}
