import type { Article, Rejection } from './article.ts';

/** What identifies one version of a file without reading it. */
export interface FileStamp {
  mtimeMs: number;
  size: number;
}

/** One file's articles, checked and hashed, and its problems: what a reload reuses while the file is unchanged. */
export interface PreparedFile {
  articles: Article[];
  rejected: Rejection[];
  warnings: Rejection[];
}

interface CacheEntry extends FileStamp {
  defaults: string;
  prepared: PreparedFile;
}

/**
 * Prepared files kept between loads, keyed by path relative to the corpus directory. A reload that
 * passes the same cache reads and prepares only files whose mtime or size changed, or whose
 * sources defaults did; the cached articles are the very objects the index serves, so the cache
 * costs little memory of its own.
 */
export class CorpusCache {
  readonly #entries = new Map<string, CacheEntry>();

  /** The prepared `file` if it was prepared at exactly this mtime and size with these sources defaults (serialised). */
  get(file: string, stamp: FileStamp, defaults: string): PreparedFile | undefined {
    const entry = this.#entries.get(file);
    return entry && entry.mtimeMs === stamp.mtimeMs && entry.size === stamp.size && entry.defaults === defaults ? entry.prepared : undefined;
  }

  /** Remembers this version of `file`, prepared with these sources defaults. */
  set(file: string, stamp: FileStamp, defaults: string, prepared: PreparedFile): void {
    this.#entries.set(file, { ...stamp, defaults, prepared });
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
