// Output files are written whole or not at all: each is written to a temporary file beside its target, and only
// when every one of them is written are they renamed into place, so a run never leaves half a report set.
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { UsageError } from './errors.js';

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
    throw new UsageError(`cannot write ${current}: ${fileErrorReason(error)}`);
  }
}

/** A file system error in words. */
export function fileErrorReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such directory';
  if (code === 'ENOTDIR') return 'not a directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return (error as Error).message;
}
