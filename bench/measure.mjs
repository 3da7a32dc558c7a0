// Running a command as a user would and timing it: wall time from spawn to exit, and (through /usr/bin/time)
// the peak resident memory of the process. Every benchmark script measures with these.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const BIN = join(ROOT, 'bin', 'wsdoctor.js');
const GNU_TIME = '/usr/bin/time';

/** The environment wsdoctor and the aws CLI run with: fake credentials, no profile files, no metadata service. */
export function benchEnv(extra = {}) {
  return {
    PATH: process.env.PATH ?? '',
    HOME: '/nonexistent-home',
    AWS_ACCESS_KEY_ID: 'AKIAWSDOCTORBENCHKEY',
    AWS_SECRET_ACCESS_KEY: 'wsdoctor-bench-secret-key',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_CONFIG_FILE: '/nonexistent/config',
    AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/credentials',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    ...extra,
  };
}

/**
 * Runs `command args` to completion. Returns wall time in ms, when it started (performance.now(), the clock the
 * proxy stamps calls with), exit code, output and, with `memory: true`, the peak RSS in MB as the kernel
 * reports it for that process (GNU time's %M).
 */
export async function run(command, args, { env = benchEnv(), memory = false } = {}) {
  let argv = [command, ...args];
  let scratch;
  if (memory) {
    if (!existsSync(GNU_TIME)) throw new Error(`${GNU_TIME} is needed to measure peak memory (Debian package "time")`);
    scratch = await mkdtemp(join(tmpdir(), 'wsdoctor-bench-'));
    argv = [GNU_TIME, '-f', '%M', '-o', join(scratch, 'rss'), ...argv];
  }
  const started = performance.now();
  const result = await new Promise((resolve, reject) => {
    const child = spawn(argv[0], argv.slice(1), { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
  const ms = performance.now() - started;
  let peakRssMb;
  if (scratch) {
    peakRssMb = Number((await readFile(join(scratch, 'rss'), 'utf8')).trim().split('\n').pop()) / 1024;
    await rm(scratch, { recursive: true, force: true });
  }
  return { ...result, startedAt: started, ms, peakRssMb };
}

/** Runs `command args` and fails loudly unless it exits with one of `codes`. */
export async function runExpecting(codes, command, args, options) {
  const result = await run(command, args, options);
  if (!codes.includes(result.code)) {
    throw new Error(
      `${[command, ...args].join(' ')} exited ${result.code} (expected ${codes.join(' or ')}):\n` +
        `${result.stderr.slice(-1500)}${result.stdout.slice(-500)}`,
    );
  }
  return result;
}

export function wsdoctor(args, options) {
  return run(process.execPath, [BIN, ...args], options);
}

export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

export const ms = (value) => `${Math.round(value)} ms`;
export const seconds = (value) => `${(value / 1000).toFixed(2)} s`;
export const ratio = (value) => `${value.toFixed(2)}×`;
