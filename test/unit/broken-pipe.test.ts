// `wsdoctor --help | head -1`: a reader that stops early must not turn into a stack trace.
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { BIN, testEnv } from '../helpers/cli.js';

describe('broken pipe', () => {
  it.each([[['--help']], [['list']]])('%j exits quietly when stdout closes early', async (args) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: testEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c) => (stderr += String(c)));
    // Read the first chunk, then close our end, as `head -1` does.
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(stderr).not.toMatch(/EPIPE|\n\s+at /);
    expect(code).toBe(0);
  });
});
