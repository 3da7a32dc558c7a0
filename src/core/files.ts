// Output files are written whole or not at all: each is written to a temporary file beside its target and flushed to
// disk, and only when every one of them is written are they renamed into place, so a run never leaves half a report
// set (nor, after a crash of the machine, an empty file where a report was). Only regular files get this: a target
// that is a stream — a terminal, /dev/null, /dev/stdout, a FIFO — is written to directly, since renaming onto it
// would replace the device node itself (as root, /dev/null) with a file; a socket or a block device is refused.
import { constants, writeFile as writeFd } from 'node:fs';
import { open, realpath, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from './errors.js';

export interface OutputFile {
  path: string;
  /** The text, whole or in pieces (a large report is rendered piece by piece, never as one string). Read once. */
  content: string | Iterable<string>;
}

/**
 * How an output path is written: `replace` (temporary file, fsync, rename), `stream` (opened and appended to), or
 * `descriptor` (one of this process's open descriptors, named as /dev/stdout, /dev/fd/N or /proc/self/fd/N: written
 * as the shell opened it, whatever it is — a file, a pipe, a terminal, a socket).
 */
export interface OutputTarget {
  how: 'replace' | 'stream' | 'descriptor';
  /** Where: a symbolic link is followed, so the link stays and the file it names is replaced. */
  path: string;
  /** For `descriptor`. */
  fd?: number;
}

export async function writeFileAtomic(path: string, content: string): Promise<void> {
  await writeFilesAtomic([{ path, content }]);
}

export async function writeFilesAtomic(files: readonly OutputFile[]): Promise<void> {
  const staged: { temporary: string; path: string }[] = [];
  let current = '';
  try {
    const targets: (OutputFile & { target: OutputTarget })[] = [];
    for (const file of files) {
      current = file.path;
      targets.push({ ...file, target: await outputTarget(file.path) });
    }
    for (const { path, content, target } of targets.filter((t) => t.target.how === 'replace')) {
      current = path;
      const temporary = join(dirname(target.path), `.${basename(target.path)}.${process.pid}.${Date.now()}.tmp`);
      staged.push({ temporary, path: target.path });
      await writeDurably(temporary, content);
    }
    for (const { path, content, target } of targets.filter((t) => t.target.how !== 'replace')) {
      current = path;
      await (target.fd === undefined ? writeStream(target.path, content) : writeDescriptor(target.fd, content));
    }
    for (const { temporary, path } of staged) {
      current = path;
      await rename(temporary, path);
    }
    // The renames themselves reach the disk with their directories.
    await Promise.all([...new Set(staged.map(({ path }) => dirname(path)))].map(syncDirectory));
  } catch (error) {
    await Promise.all(staged.map(({ temporary }) => rm(temporary, { force: true })));
    if (error instanceof UsageError) throw error;
    throw new UsageError(`cannot write ${current}: ${fileErrorReason(error)}`);
  }
}

/** /dev/stdout, /dev/stderr, /dev/fd/N, /proc/self/fd/N (or /proc/<this pid>/fd/N): the descriptor, else undefined. */
function ownDescriptor(absolute: string): number | undefined {
  const named = /^\/dev\/(stdout|stderr)$/.exec(absolute)?.[1];
  if (named) return named === 'stdout' ? 1 : 2;
  const numbered = /^\/dev\/fd\/(\d+)$/.exec(absolute) ?? /^\/proc\/(?:self|thread-self|(\d+))\/fd\/(\d+)$/.exec(absolute);
  if (!numbered) return undefined;
  if (numbered.length === 3) return numbered[1] === undefined || Number(numbered[1]) === process.pid ? Number(numbered[2]) : undefined;
  return Number(numbered[1]);
}

/** How `path` is to be written; a socket, a block device or a directory is a UsageError naming it. */
export async function outputTarget(path: string): Promise<OutputTarget> {
  const fd = ownDescriptor(resolve(path));
  if (fd !== undefined) return { how: 'descriptor', path, fd };
  const info = await stat(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (!info) return { how: 'replace', path };
  if (info.isDirectory()) throw new UsageError(`${path} is a directory`);
  if (info.isSocket()) throw new UsageError(`${path} is a socket: wsdoctor writes reports to files, terminals and pipes`);
  if (info.isBlockDevice()) throw new UsageError(`${path} is a block device: wsdoctor will not write a report onto a disk`);
  if (!info.isFile()) return { how: 'stream', path };
  return { how: 'replace', path: await realpath(path) };
}

async function writeDurably(path: string, content: OutputFile['content']): Promise<void> {
  const handle = await open(path, 'wx', 0o644);
  try {
    // Each writeFile continues where the one before it ended.
    for (const piece of batches(content)) await handle.writeFile(piece);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function writeStream(path: string, content: OutputFile['content']): Promise<void> {
  // Appending: a file behind /dev/stdout opened with `>>` keeps what was there, and a terminal or pipe does not care.
  const handle = await open(path, constants.O_WRONLY | constants.O_APPEND);
  try {
    for (const piece of batches(content)) await handle.writeFile(piece);
  } finally {
    await handle.close();
  }
}

/** Through the process's own streams for stdout and stderr (they handle a pipe that is full), directly otherwise. */
async function writeDescriptor(fd: number, content: OutputFile['content']): Promise<void> {
  const stream = fd === 1 ? process.stdout : fd === 2 ? process.stderr : undefined;
  for (const piece of batches(content)) {
    await new Promise<void>((resolveWrite, reject) => {
      const done = (error?: Error | null) => (error ? reject(error) : resolveWrite());
      if (stream) stream.write(piece, done);
      else writeFd(fd, piece, done);
    });
  }
}

/** Writes `content` to a stream (stdout) piece by piece, waiting while the stream holds more than it wants. */
export async function writeToStream(stream: NodeJS.WritableStream, content: OutputFile['content']): Promise<void> {
  for (const piece of batches(content)) {
    if (!stream.write(piece)) await new Promise((resolveDrain) => stream.once('drain', resolveDrain));
  }
}

/** Pieces of about 1 MB: few writes, and never the whole of a large text at once. */
function* batches(content: OutputFile['content'], size = 1 << 20): Generator<string> {
  if (typeof content === 'string') {
    yield content;
    return;
  }
  let pending: string[] = [];
  let length = 0;
  for (const piece of content) {
    pending.push(piece);
    length += piece.length;
    if (length >= size) {
      yield pending.join('');
      pending = [];
      length = 0;
    }
  }
  if (pending.length > 0) yield pending.join('');
}

async function syncDirectory(directory: string): Promise<void> {
  try {
    const handle = await open(directory, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Not every file system lets a directory be opened and synced (Windows): the rename happened either way.
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
