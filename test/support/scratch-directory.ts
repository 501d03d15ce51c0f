/**
 * Vitest global setup: one temporary directory for the whole run, handed to the test workers and
 * the processes they start as TMPDIR (Node's `os.tmpdir()` reads it), and removed after the run,
 * so the throwaway corpora, stores and sockets tests make (about seventy a run) do not pile up in /tmp.
 * Listed after the PostgreSQL setup, which keeps the system temp directory: its cluster runs as
 * another user, who could not enter this one.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default async function scratchDirectory(): Promise<() => Promise<void>> {
  const dir = await mkdtemp(join(tmpdir(), 'newsdesk-tests-'));
  process.env.TMPDIR = dir;
  return () => rm(dir, { recursive: true, force: true });
}
