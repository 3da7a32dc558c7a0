// Output paths are checked before anything runs, so a typo in a path is an input error (exit 2) that costs no AWS
// call. Writing them (whole or not at all) is src/core/files.ts.
import { access, constants, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { UsageError } from '../core/errors.js';
import { fileErrorReason } from '../core/files.js';

/** Each path names a distinct file, in a directory that exists and can be written. */
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
      throw new UsageError(`${flag}: cannot write ${path}: ${fileErrorReason(error)}`);
    }
    const existing = await stat(absolute).catch(() => undefined);
    if (existing?.isDirectory()) throw new UsageError(`${flag}: ${path} is a directory`);
  }
}
