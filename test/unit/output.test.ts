// --output is never half-written: the report goes to a temporary file beside the target and is renamed over it.
// Proven the hard way: a process writing a large report is killed (SIGKILL, nothing can clean up) mid-write,
// and the target still holds the previous complete file.
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const OUTPUT_MODULE = fileURLToPath(new URL('../../dist/src/core/files.js', import.meta.url));
const SIZE = 256 * 1024 * 1024;

describe('--output under a kill', () => {
  it('a write killed half-way leaves the old file whole', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wsdoctor-atomic-'));
    const target = join(dir, 'report.json');
    await writeFile(target, '{"previous": "complete"}\n');
    const script = `import { writeFileAtomic } from ${JSON.stringify(OUTPUT_MODULE)};
      await writeFileAtomic(${JSON.stringify(target)}, 'x'.repeat(${SIZE}));`;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: 'ignore' });
    let running = true;
    const exited = new Promise((resolve) => child.on('exit', (code) => { running = false; resolve(code); }));

    // Kill it once some file in the directory (wherever the writer puts the bytes) is part-written. Polled until the
    // writer ends, not for a fixed count: on a loaded machine node alone can take seconds to start.
    let partial = 0;
    const giveUp = Date.now() + 60_000;
    while (running && partial === 0 && Date.now() < giveUp) {
      for (const file of await readdir(dir)) {
        const size = (await stat(join(dir, file)).catch(() => undefined))?.size ?? 0;
        if (size > 1024 && size < SIZE) partial = size;
      }
      if (partial === 0) await new Promise((r) => setTimeout(r, 2));
    }
    child.kill('SIGKILL');
    await exited;
    expect(partial, 'caught the write half-way').toBeGreaterThan(0);
    expect(await readFile(target, 'utf8')).toBe('{"previous": "complete"}\n');
  }, 90_000);
});
