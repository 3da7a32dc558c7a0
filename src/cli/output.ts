// Output paths are checked before anything runs, so a typo in a path is an input error (exit 2) that costs no AWS
// call. Writing them (whole or not at all) is src/core/files.ts.
import { access, constants, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { UsageError } from '../core/errors.js';
import { fileErrorReason, outputTarget, type OutputTarget } from '../core/files.js';

/** Each path names a distinct file, in a directory that exists and can be written, or a stream that can be. */
export async function checkOutputPaths(paths: readonly { flag: string; path: string }[]): Promise<void> {
  const seen = new Map<string, string>();
  for (const { flag, path } of paths) {
    const absolute = resolve(path);
    const earlier = seen.get(absolute);
    if (earlier) throw new UsageError(`${earlier} and ${flag} both write ${path}: give each report its own file`);
    seen.set(absolute, flag);
    let target: OutputTarget;
    try {
      target = await outputTarget(absolute);
    } catch (error) {
      if (error instanceof UsageError) throw new UsageError(`${flag}: ${error.message.replace(absolute, path)}`);
      throw new UsageError(`${flag}: cannot write ${path}: ${fileErrorReason(error)}`);
    }
    // An open descriptor (/dev/stdout) is written as the shell opened it.
    if (target.how === 'descriptor') continue;
    // A terminal, /dev/null or a pipe is written where it is: its own permission counts, not its directory's.
    const mustWrite = target.how === 'stream' ? target.path : dirname(target.path);
    try {
      if (target.how === 'replace' && !(await stat(mustWrite)).isDirectory()) throw Object.assign(new Error(), { code: 'ENOTDIR' });
      await access(mustWrite, constants.W_OK);
    } catch (error) {
      throw new UsageError(`${flag}: cannot write ${path}: ${fileErrorReason(error)}`);
    }
  }
}
