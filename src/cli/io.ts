/**
 * The command line's only contact with the outside world, kept small so that `run` can be
 * tested in-process: tests swap `stdout` and `stderr` for buffers and keep the real files.
 */

import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { UsageError } from './usage-error';

export interface CliIo {
  /** Standard output. Commands write their result here once, after it is complete. */
  stdout(text: string): void;
  /** Standard error: the one-line reason of a usage error. */
  stderr(text: string): void;
  /**
   * The bytes of a file. Throws a UsageError when the file cannot be read, or when it is
   * larger than `maxBytes` (checked before reading, so a huge file is not loaded to be refused).
   */
  readFile(file: string, maxBytes: number): Uint8Array;
  /**
   * Replaces a file with `text` as UTF-8, atomically: a reader sees the old content or the
   * new, and a failure leaves no partial file. Throws a UsageError when it cannot.
   */
  writeFile(file: string, text: string): void;
}

export const realIo: CliIo = {
  stdout: (text) => {
    process.stdout.write(text);
  },
  stderr: (text) => {
    process.stderr.write(text);
  },
  readFile,
  writeFile: writeFileAtomically,
};

function readFile(file: string, maxBytes: number): Uint8Array {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (error) {
    throw fileProblem('cannot read', file, error);
  }
  try {
    const stats = fs.fstatSync(fd);
    if (stats.isDirectory()) throw new UsageError(`cannot read ${file}: it is a directory`);
    // The same words as decodeText's refusal, which still checks what is read (a pipe has no size).
    if (stats.isFile() && stats.size > maxBytes) {
      throw new UsageError(`${file}: file is ${stats.size} bytes, over the limit of ${maxBytes} bytes`);
    }
    return fs.readFileSync(fd);
  } catch (error) {
    throw error instanceof UsageError ? error : fileProblem('cannot read', file, error);
  } finally {
    fs.closeSync(fd);
  }
}

/** Writes a temporary file beside the target, flushes it, then renames it over the target. */
function writeFileAtomically(file: string, text: string): void {
  const temporary = path.join(
    path.dirname(file),
    `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
  );
  let created = false;
  try {
    const mode = existingMode(file);
    const fd = fs.openSync(temporary, 'wx', mode ?? 0o666);
    created = true;
    try {
      fs.writeFileSync(fd, text, 'utf8');
      // The umask applies at creation; an existing output keeps its permissions.
      if (mode !== undefined) fs.fchmodSync(fd, mode);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temporary, file);
    created = false;
  } catch (error) {
    if (created) fs.rmSync(temporary, { force: true });
    throw fileProblem('cannot write', file, error);
  }
}

function existingMode(file: string): number | undefined {
  try {
    const stats = fs.statSync(file);
    return stats.isFile() ? stats.mode & 0o7777 : undefined;
  } catch {
    return undefined;
  }
}

const PROBLEMS: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'it is a directory',
  ENOTDIR: 'a part of the path is not a directory',
  ENAMETOOLONG: 'the name is too long',
  ELOOP: 'too many levels of symbolic links',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'the disk quota is exceeded',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files',
  EBUSY: 'the file is busy',
  EEXIST: 'a file is in the way',
  ENOTEMPTY: 'it is a directory',
  EIO: 'an input/output error',
  ERR_FS_FILE_TOO_LARGE: 'the file is too large to read',
};

/**
 * An error from the file system, said as a usage error; anything else (a wrong argument, say)
 * is a bug and is thrown as it is.
 */
function fileProblem(action: string, file: string, error: unknown): unknown {
  // Not `instanceof Error`: Node's errors may come from another realm (a vm context, as in jest).
  if (typeof error !== 'object' || error === null) return error;
  const { code, syscall, message } = error as Partial<NodeJS.ErrnoException>;
  if (typeof code !== 'string') return error;
  const known = PROBLEMS[code];
  if (known !== undefined) return new UsageError(`${action} ${file}: ${known}`);
  // A system call's failure the table does not name: Node's own words, on one line.
  if (typeof syscall === 'string')
    return new UsageError(`${action} ${file}: ${String(message).split('\n')[0]}`);
  return error;
}
