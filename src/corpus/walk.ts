import type { Dirent } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Rejection } from './article.ts';

/** A corpus file: its path relative to the corpus directory (forward slashes) and on disk. */
export interface CorpusEntry {
  file: string;
  absolutePath: string;
}

/** The files of a corpus directory, and the entries that could not be used. */
export interface CorpusListing {
  root: string;
  entries: CorpusEntry[];
  rejected: Rejection[];
}

/** Files at the corpus root that describe the corpus instead of being articles. */
export const SOURCES_FILES = ['sources.json', 'sources.yaml', 'sources.yml'];

/** Thrown when the corpus directory itself cannot be read: nothing can be loaded at all. */
export class CorpusDirectoryError extends Error {
  override readonly name = 'CorpusDirectoryError';
}

function isInside(root: string, target: string): boolean {
  const relative = path.relative(root, target);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

async function openRoot(dir: string): Promise<string> {
  try {
    const root = await realpath(dir);
    if (!(await stat(root)).isDirectory()) throw new Error('not a directory');
    await readdir(root);
    return root;
  } catch (error) {
    throw new CorpusDirectoryError(`cannot read corpus directory ${dir}: ${(error as Error).message}`);
  }
}

/** What a directory entry is once symlinks are resolved; links leading out of the corpus are refused. */
async function resolveEntry(root: string, full: string, dirent: Dirent): Promise<'file' | 'directory' | string> {
  if (!dirent.isSymbolicLink()) return dirent.isDirectory() ? 'directory' : dirent.isFile() ? 'file' : 'not a regular file';
  let target: string;
  try {
    target = await realpath(full);
  } catch {
    return 'broken symlink';
  }
  if (!isInside(root, target)) return 'symlink leads outside the corpus directory; not followed';
  try {
    const info = await stat(target);
    return info.isDirectory() ? 'directory' : info.isFile() ? 'file' : 'not a regular file';
  } catch (error) {
    return `cannot read: ${(error as Error).message}`;
  }
}

/** Two names in UTF-16 code unit order, the same on every machine and locale. */
function inCodeUnitOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Lists every article file under `dir` recursively, sorted by relative path so loads are reproducible.
 * Dotfiles and the root sources file are skipped; an unreadable sub-directory is reported, not fatal.
 */
export async function listCorpusFiles(dir: string): Promise<CorpusListing> {
  const root = await openRoot(dir);
  const entries: CorpusEntry[] = [];
  const rejected: Rejection[] = [];
  const relativeOf = (full: string): string => path.relative(root, full).split(path.sep).join('/');
  // Symlinked directories inside the corpus are followed once, so a link to an ancestor cannot loop,
  // and only after every real directory is listed: a folder's files are read under its own path,
  // which the sources file names, never under a link's that happened to come first.
  const visited = new Set<string>();
  const links: string[] = [];
  async function walk(directory: string): Promise<void> {
    let dirents: Dirent[];
    try {
      // A path past the system's limit (ENAMETOOLONG) fails here as readdir would: the directory is reported, the rest still listed.
      const real = await realpath(directory);
      if (visited.has(real)) return;
      visited.add(real);
      dirents = (await readdir(directory, { withFileTypes: true })).sort((a, b) => inCodeUnitOrder(a.name, b.name));
    } catch (error) {
      rejected.push({ file: relativeOf(directory), record: null, reason: `cannot read directory: ${(error as Error).message}` });
      return;
    }
    for (const dirent of dirents) {
      const full = path.join(directory, dirent.name);
      if (dirent.name.startsWith('.') || (directory === root && SOURCES_FILES.includes(dirent.name))) continue;
      const kind = await resolveEntry(root, full, dirent);
      if (kind === 'directory') {
        if (dirent.isSymbolicLink()) links.push(full);
        else await walk(full);
      } else if (kind === 'file') entries.push({ file: relativeOf(full), absolutePath: full });
      else rejected.push({ file: relativeOf(full), record: null, reason: kind });
    }
  }
  await walk(root);
  for (let next = links.shift(); next !== undefined; next = links.shift()) await walk(next);
  const byFile = (a: { file: string }, b: { file: string }): number => inCodeUnitOrder(a.file, b.file);
  return { root, entries: entries.sort(byFile), rejected: rejected.sort(byFile) };
}
