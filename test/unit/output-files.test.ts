// Report files are written whole or not at all, as a set: if one cannot be written, none appears and no
// temporary file is left behind.
import { describe, expect, it } from 'vitest';
import { execFileSync, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { lstat, mkdtemp, readFile, readdir, readlink, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkOutputPaths } from '../../src/cli/output.js';
import { outputTarget, writeFilesAtomic } from '../../src/core/files.js';
import { UsageError } from '../../src/core/errors.js';
import { runCli } from '../helpers/cli.js';

const EXAMPLE = new URL('../../examples/healthy.json', import.meta.url).pathname;

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

  it('a FIFO is written to, not replaced by a file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wsdoctor-fifo-'));
    const fifo = join(dir, 'report.pipe');
    execFileSync('mkfifo', [fifo]);
    const reader = spawn('cat', [fifo]);
    let read = '';
    reader.stdout.on('data', (c) => (read += String(c)));
    const done = new Promise((resolve) => reader.on('close', resolve));
    await writeFilesAtomic([{ path: fifo, content: 'through the pipe\n' }]);
    await done;
    expect(read).toBe('through the pipe\n');
    expect((await lstat(fifo)).isFIFO()).toBe(true);
    expect(await readdir(dir)).toEqual(['report.pipe']);
  });

  it('a character device (a node like /dev/null, made here) stays a device', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wsdoctor-chr-'));
    const device = join(dir, 'null');
    execFileSync('mknod', [device, 'c', '1', '3']); // the major and minor numbers of /dev/null
    await writeFilesAtomic([{ path: device, content: 'discarded' }]);
    expect((await lstat(device)).isCharacterDevice()).toBe(true);
    expect(await outputTarget('/dev/null')).toEqual({ how: 'stream', path: '/dev/null' });
  });

  it('/dev/stdout, /dev/fd/N and /proc/self/fd/N are this process\'s descriptors, written as the shell opened them', async () => {
    expect(await outputTarget('/dev/stdout')).toEqual({ how: 'descriptor', path: '/dev/stdout', fd: 1 });
    expect(await outputTarget('/dev/fd/3')).toMatchObject({ how: 'descriptor', fd: 3 });
    expect(await outputTarget(`/proc/${process.pid}/fd/2`)).toMatchObject({ how: 'descriptor', fd: 2 });
    expect(await outputTarget('/proc/self/fd/1')).toMatchObject({ how: 'descriptor', fd: 1 });
    const other = await outputTarget('/proc/1/fd/1').catch(() => undefined); // another process's: not ours as fd 1
    expect(other?.how).not.toBe('descriptor');
  });

  it('a symbolic link stays a link: the file it names is replaced', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wsdoctor-link-'));
    await writeFile(join(dir, 'real.json'), 'old');
    await symlink('real.json', join(dir, 'link.json'));
    await writeFilesAtomic([{ path: join(dir, 'link.json'), content: 'new' }]);
    expect(await readlink(join(dir, 'link.json'))).toBe('real.json');
    expect(await readFile(join(dir, 'real.json'), 'utf8')).toBe('new');
  });

  it('a socket is refused before the run (exit 2), naming the flag', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wsdoctor-sock-'));
    const path = join(dir, 'report.sock');
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(path, resolve));
    try {
      await expect(checkOutputPaths([{ flag: '--output', path }])).rejects.toThrow(`--output: ${path} is a socket`);
    } finally {
      server.close();
    }
  });

  it('the CLI: --output onto a device node and --report onto a FIFO keep both what they are', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wsdoctor-cli-dev-'));
    const device = join(dir, 'null');
    const fifo = join(dir, 'junit.pipe');
    execFileSync('mknod', [device, 'c', '1', '3']);
    execFileSync('mkfifo', [fifo]);
    const reader = spawn('cat', [fifo]);
    let junit = '';
    reader.stdout.on('data', (c) => (junit += String(c)));
    const readerDone = new Promise((resolve) => reader.on('close', resolve));
    const result = await runCli(['check', '--bundle', EXAMPLE, '--output', device, '--report', `junit=${fifo}`]);
    expect(result).toMatchObject({ code: 0, stdout: '', stderr: '' });
    await readerDone;
    expect(junit).toMatch(/^<\?xml/);
    expect((await lstat(device)).isCharacterDevice()).toBe(true);
    expect((await lstat(fifo)).isFIFO()).toBe(true);
    expect((await readdir(dir)).sort()).toEqual(['junit.pipe', 'null']);
  });
});
