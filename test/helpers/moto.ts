// moto_server on a loopback port of its own, for the end-to-end suite. Where moto_server is missing the suite says so
// loudly and skips, unless WSDOCTOR_E2E=required (CI), where a missing emulator fails the run.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

export interface Moto {
  endpoint: string;
  reset(): Promise<void>;
  stop(): Promise<void>;
}

export function motoAvailable(): boolean {
  const found = spawnSync('moto_server', ['--help'], { stdio: 'ignore' }).status === 0;
  if (!found) {
    if (process.env.WSDOCTOR_E2E === 'required') {
      throw new Error('WSDOCTOR_E2E=required but moto_server is not on PATH: the end-to-end suite cannot run');
    }
    process.stderr.write(
      '\n*** moto_server not found: SKIPPING the end-to-end suite (set WSDOCTOR_E2E=required to make this fail) ***\n\n',
    );
  }
  return found;
}

/** A loopback port nothing listens on at the time of the call: for a dead endpoint, not for a server to bind later. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export async function startMoto(): Promise<Moto> {
  // Port 0: moto_server binds a port the OS picks and announces it. Picking a free port here and handing it over
  // would leave a gap in which another test file's moto_server could take it, and this file would then talk to that
  // server (its own exiting on the bind error unnoticed) — the announced port is the one this child bound.
  const child: ChildProcess = spawn('moto_server', ['-H', '127.0.0.1', '-p', '0'], {
    stdio: ['ignore', 'ignore', 'pipe'],
    // AWS's managed policies exist in every real account (the guides attach AmazonWorkSpacesServiceAccess and the
    // like); moto has them only when told.
    env: { ...process.env, MOTO_IAM_LOAD_MANAGED_POLICIES: 'true' },
  });
  let stderr = '';
  child.stderr?.on('data', (chunk) => (stderr += String(chunk)));
  const answers = (url: string) =>
    fetch(`${url}/moto-api/data.json`).then(
      (response) => response.ok,
      () => false, // not answering yet
    );
  const deadline = Date.now() + 30_000;
  let endpoint: string | undefined;
  while (!endpoint || !(await answers(endpoint))) {
    if (child.exitCode !== null) throw new Error(`moto_server exited: ${stderr.slice(-500)}`);
    if (Date.now() > deadline) throw new Error(`moto_server did not start: ${stderr.slice(-500)}`);
    await new Promise((r) => setTimeout(r, 100));
    endpoint ??= /Running on (http:\/\/127\.0\.0\.1:\d+)/.exec(stderr)?.[1];
  }
  return {
    endpoint,
    async reset() {
      await fetch(`${endpoint}/moto-api/reset`, { method: 'POST' });
    },
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
