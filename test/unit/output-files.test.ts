// Report files are written whole or not at all, as a set: if one cannot be written, none appears and no
// temporary file is left behind.
import { describe, expect, it } from 'vitest';
import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkOutputPaths } from '../../src/cli/output.js';
import { writeFilesAtomic } from '../../src/core/files.js';
import { UsageError } from '../../src/core/errors.js';

// A directory no one creates: a fixed path such as /nonexistent is made by tools that use it as a home.
const absent = join(tmpdir(), `wsdoctor-absent-${process.pid}-${Date.now()}`, 'x.xml');

describe('report files', () => {
  it('writes every file whole', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wsdoctor-files-'));
    await writeFilesAtomic([
      { path: join(dir, 'a.xml'), content: '<a/>' },
      { path: join(dir, 'b.json'), content: '{}' },
    ]);
    expect((await readdir(dir)).sort()).toEqual(['a.xml', 'b.json']);
    expect(await readFile(join(dir, 'a.xml'), 'utf8')).toBe('<a/>');
  });

  it('writes none when one cannot be written, and leaves no temporary file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wsdoctor-files-'));
    const attempt = writeFilesAtomic([
      { path: join(dir, 'a.xml'), content: '<a/>' },
      { path: join(dir, 'missing', 'b.json'), content: '{}' },
    ]);
    await expect(attempt).rejects.toThrow(UsageError);
    await expect(attempt).rejects.toThrow(/cannot write .*missing\/b\.json: no such directory/);
    expect(await readdir(dir)).toEqual([]);
  });

  it.each([
    [[{ flag: '--output', path: 'r.json' }, { flag: '--report json=./r.json', path: './r.json' }], /--output and --report json=\.\/r\.json both write/],
    [[{ flag: `--report junit=${absent}`, path: absent }], /cannot write .*wsdoctor-absent-.*\/x\.xml: no such directory/],
    [[{ flag: '--output', path: '/tmp' }], /\/tmp is a directory/],
  ])('rejects bad destinations before the run: %j', async (paths, message) => {
    await expect(checkOutputPaths(paths)).rejects.toThrow(message);
  });
});
