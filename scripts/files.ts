/**
 * The scripts' own files. Reading one they are given (a plan, a shard's report, the history): within a size
 * limit, and a folder, a missing file or one too large is a `CannotRead` with the reason in a few words.
 *
 * Writing a report or the history, the one way the scripts do it: into a temporary file beside the target, then renamed
 * over it, so a reader (the nightly merge, the next generation) sees the old file or the new one whole, never a
 * truncated one, whatever stops the write (a full disk, a kill). A target that is not a regular file (a device
 * such as /dev/stdout, a pipe) is written straight to: renaming over it would replace the device.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** A report or history file that could not be written, with the file and the system's reason (ENOSPC, ...). */
export class WriteFailed extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`could not write ${file} (${reason})`);
    this.name = 'WriteFailed';
  }
}

const reasonOf = (error: unknown): string => {
  const e = error as NodeJS.ErrnoException;
  return e.code ? `${e.code}: ${e.message.replace(/^[A-Z]+: /, '').replace(/, \w+( '.*')?$/, '')}` : String(e.message);
};

function isSpecial(file: string): boolean {
  try {
    const stat = statSync(file);
    return !stat.isFile() && !stat.isDirectory();
  } catch {
    return false;
  }
}

/** Writes `text` to `file` atomically (its folder made if missing); a `WriteFailed` names the file otherwise. */
export function writeAtomically(file: string, text: string): void {
  if (isSpecial(file)) {
    try {
      writeFileSync(file, text);
      return;
    } catch (error) {
      throw new WriteFailed(file, reasonOf(error));
    }
  }
  const temporary = join(dirname(file), `.${basename(file)}.partial-${process.pid}`);
  try {
    mkdirSync(dirname(file), { recursive: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new WriteFailed(
      file,
      code === 'EEXIST' || code === 'ENOTDIR' ? 'ENOTDIR: a folder on its path is a file' : reasonOf(error),
    );
  }
  try {
    writeFileSync(temporary, text);
    renameSync(temporary, file);
  } catch (error) {
    try {
      rmSync(temporary, { force: true });
    } catch {
      // never made (its folder is missing or is a file): nothing to remove
    }
    throw new WriteFailed(file, reasonOf(error));
  }
}

/** A file the scripts were given that they cannot read; `why` is a few words ("it is a folder"). */
export class CannotRead extends Error {
  constructor(
    readonly file: string,
    readonly why: string,
  ) {
    super(`${file}: ${why}`);
    this.name = 'CannotRead';
  }
}

/** The text of `file`, refused unread when it holds more than `maxBytes` (`what` says what it should be). */
export function readWithin(file: string, maxBytes: number, what: string): string {
  try {
    const size = statSync(file).size;
    if (statSync(file).isFile() && size > maxBytes) {
      const n = (x: number) => x.toLocaleString('en-GB');
      throw new CannotRead(file, `it holds ${n(size)} bytes, more than the ${n(maxBytes)} ${what} takes`);
    }
    return readFileSync(file, 'utf8');
  } catch (error) {
    if (error instanceof CannotRead) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'there is no such file'
        : code === 'EISDIR'
          ? 'it is a folder'
          : code === 'ERR_STRING_TOO_LONG'
            ? 'it is too large to read'
            : `cannot read it (${code ?? (error as Error).message})`;
    throw new CannotRead(file, why);
  }
}
