// Runs the built CLI (bin/wsdoctor.js) as a subprocess, as a user or a pipeline would.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const BIN = fileURLToPath(new URL('../../bin/wsdoctor.js', import.meta.url));

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Environment for the CLI: fake credentials, no metadata service, no profile files, nothing inherited. */
export function testEnv(extra: Record<string, string> = {}): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '',
    HOME: '/nonexistent-home',
    AWS_ACCESS_KEY_ID: 'AKIAWSDOCTORTESTKEY1',
    AWS_SECRET_ACCESS_KEY: 'wsdoctor-test-secret-key',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_CONFIG_FILE: '/nonexistent/config',
    AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/credentials',
    ...extra,
  };
}

export function runCli(args: string[], env: Record<string, string> = testEnv(), stdin?: string, cwd?: string): Promise<CliResult> {
  const { child, done } = spawnCli(args, env, cwd);
  child.stdin.end(stdin ?? '');
  return done;
}

/** Starts the CLI and hands back the child, for tests that signal it mid-run; `done` settles when it exits. */
export function spawnCli(
  args: string[],
  env: Record<string, string> = testEnv(),
  cwd?: string,
): { child: ChildProcessWithoutNullStreams; done: Promise<CliResult> } {
  const child = spawn(process.execPath, [BIN, ...args], { env, stdio: ['pipe', 'pipe', 'pipe'], ...(cwd ? { cwd } : {}) });
  const done = new Promise<CliResult>((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += String(c)));
    child.stderr.on('data', (c) => (stderr += String(c)));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
  return { child, done };
}
