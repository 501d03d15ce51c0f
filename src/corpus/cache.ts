import type { ParsedFile } from './draft.ts';

/** What identifies one version of a file without reading it. */
export interface FileStamp {
  mtimeMs: number;
  size: number;
}

interface CacheEntry extends FileStamp {
  parsed: ParsedFile;
}

/**
 * Parsed files kept between loads, keyed by path relative to the corpus directory. A reload that
 * passes the same cache parses only files whose mtime or size changed.
 */
export class CorpusCache {
  readonly #entries = new Map<string, CacheEntry>();

  /** The parse of `file` if it was parsed at exactly this mtime and size. */
  get(file: string, stamp: FileStamp): ParsedFile | undefined {
    const entry = this.#entries.get(file);
    return entry && entry.mtimeMs === stamp.mtimeMs && entry.size === stamp.size ? entry.parsed : undefined;
  }

  /** Remembers the parse of this version of `file`. */
  set(file: string, stamp: FileStamp, parsed: ParsedFile): void {
    this.#entries.set(file, { ...stamp, parsed });
  }

  /** Forgets files no longer in the corpus, so a long-running bot does not keep deleted articles in memory. */
  retainOnly(files: ReadonlySet<string>): void {
    for (const file of this.#entries.keys()) if (!files.has(file)) this.#entries.delete(file);
  }

  /** How many files are cached. */
  get size(): number {
    return this.#entries.size;
  }
}
