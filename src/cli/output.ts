// Output files are written whole or not at all: each is written to a temporary file beside its target, and only
// when every one of them is written are they renamed into place, so a run never leaves half a report set.
import { access, constants, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from '../engine/errors.js';

export interface OutputFile {
  path: string;
  content: string;
}

export async function writeFileAtomic(path: string, content: string): Promise<void> {
  await writeFilesAtomic([{ path, content }]);
}

export async function writeFilesAtomic(files: readonly OutputFile[]): Promise<void> {
  const staged: { temporary: string; path: string }[] = [];
  let current = '';
  try {
    for (const { path, content } of files) {
      current = path;
      const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
      staged.push({ temporary, path });
      await writeFile(temporary, content, { flag: 'wx' });
    }
    for (const { temporary, path } of staged) {
      current = path;
      await rename(temporary, path);
    }
  } catch (error) {
    await Promise.all(staged.map(({ temporary }) => rm(temporary, { force: true })));
    throw new UsageError(`cannot write ${current}: ${reason(error)}`);
  }
}

/**
 * Checks output paths before anything runs, so a typo in a path is an input error (exit 2) that costs no AWS
 * call: each names a distinct file, in a directory that exists and can be written.
 */
export async function checkOutputPaths(paths: readonly { flag: string; path: string }[]): Promise<void> {
  const seen = new Map<string, string>();
  for (const { flag, path } of paths) {
    const absolute = resolve(path);
    const earlier = seen.get(absolute);
    if (earlier) throw new UsageError(`${earlier} and ${flag} both write ${path}: give each report its own file`);
    seen.set(absolute, flag);
    const directory = dirname(absolute);
    try {
      if (!(await stat(directory)).isDirectory()) throw Object.assign(new Error(), { code: 'ENOTDIR' });
      await access(directory, constants.W_OK);
    } catch (error) {
      throw new UsageError(`${flag}: cannot write ${path}: ${reason(error)}`);
    }
    const existing = await stat(absolute).catch(() => undefined);
    if (existing?.isDirectory()) throw new UsageError(`${flag}: ${path} is a directory`);
  }
}

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such directory';
  if (code === 'ENOTDIR') return 'not a directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return (error as Error).message;
}
