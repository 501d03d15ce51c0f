/**
 * Files read safely, by the loader, the sources and the snapshot: a regular file only, opened
 * without waiting on a FIFO's writer, each disk operation bounded in time, and never more of it
 * read whole than one string can hold.
 */
import { constants } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';
import type { FileStamp } from './cache.ts';

/**
 * The most a file may be read whole, whatever `maxFileBytes` asks: half V8's longest string
 * (~512 MiB), so a whole file always decodes into one string. A longer one aborts the process
 * from inside the decoder, beyond any catch; larger record files are still read record by record.
 */
export const MAX_WHOLE_FILE_MB = 256;

/** "10 s", "0.5 s": a time as a moderator reads it in a rejection reason. */
export function formatSeconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(2))} s`;
}

/** "6.2 MB", "300 bytes": sizes a moderator reads in a rejection reason. */
export function describeBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1).replace(/\.0$/u, '')} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1).replace(/\.0$/u, '')} MB`;
}

/** Thrown when the disk does not answer in time: the file is rejected, the load goes on. */
class DiskTimeoutError extends Error {}

/**
 * Waits for a disk operation at most `ms`. A late result is cleaned up by `discard` (a handle
 * closed), so a read stuck on a dead mount costs one libuv thread, never the load.
 */
async function within<T>(operation: Promise<T>, ms: number, what: string, discard?: (late: T) => unknown): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DiskTimeoutError(`${what} took over ${formatSeconds(ms)}`)), ms);
  });
  try {
    return await Promise.race([operation, timeout]);
  } catch (error) {
    if (error instanceof DiskTimeoutError && discard) operation.then(discard, () => undefined);
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

/** Closes a handle, ignoring a failure: nothing is left to do with it. */
export function closeQuietly(handle: FileHandle): void {
  handle.close().catch(() => undefined);
}

/** An opened regular file and its size and mtime, or why it cannot be read (`absent` when there is no such file). */
export type OpenedFile = { handle: FileHandle; stamp: FileStamp } | { rejection: string; absent?: true };

/**
 * Opens a file (a corpus file, a sources file, the snapshot) for reading, refusing anything but a
 * regular file. O_NONBLOCK makes opening a FIFO return at once instead of waiting for a writer
 * that may never come; the type is checked on the opened handle, so a file swapped for a FIFO
 * after the directory walk is caught too.
 */
export async function openRegularFile(absolutePath: string, readTimeoutMs: number): Promise<OpenedFile> {
  let handle: FileHandle;
  try {
    handle = await within(open(absolutePath, constants.O_RDONLY | constants.O_NONBLOCK), readTimeoutMs, 'opening the file', closeQuietly);
  } catch (error) {
    const { code } = error as NodeJS.ErrnoException;
    // A Unix socket cannot be opened at all.
    if (code === 'ENXIO') return { rejection: 'not a regular file' };
    if (code === 'ENOENT' || code === 'ENOTDIR') return { rejection: `cannot read file: ${(error as Error).message}`, absent: true };
    return { rejection: `cannot read file: ${(error as Error).message}` };
  }
  try {
    const info = await within(handle.stat(), readTimeoutMs, 'reading the file type');
    if (!info.isFile()) {
      closeQuietly(handle);
      return { rejection: 'not a regular file' };
    }
    return { handle, stamp: { mtimeMs: info.mtimeMs, size: info.size } };
  } catch (error) {
    closeQuietly(handle);
    return { rejection: `cannot read file: ${(error as Error).message}` };
  }
}

/** Reads up to `length` bytes from `position`, each read bounded in time; fewer when the file ends first. */
export async function readBytes(handle: FileHandle, position: number, length: number, readTimeoutMs: number): Promise<Uint8Array> {
  const bytes = new Uint8Array(length);
  let offset = 0;
  while (offset < length) {
    const { bytesRead } = await within(handle.read(bytes, offset, length - offset, position + offset), readTimeoutMs, 'reading the file');
    if (bytesRead === 0) break;
    offset += bytesRead;
  }
  return offset === length ? bytes : bytes.slice(0, offset);
}
