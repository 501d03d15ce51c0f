import { readFile, stat } from 'node:fs/promises';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { type Article, ArticleSchema, type Corpus, type Duplicate, type Rejection } from './article.ts';
import { CorpusCache, type FileStamp } from './cache.ts';
import { decodeArticleBytes } from './decoding.ts';
import { type ArticleDraft, type ParsedFile, rejectedFile } from './draft.ts';
import { parseArticleText } from './format.ts';
import { bodyHash, normalizeSpace } from './paragraphs.ts';
import { type SourceDefaults, type Sources, defaultsFor, readSources } from './sources.ts';
import { type CorpusEntry, listCorpusFiles } from './walk.ts';

export { CorpusCache } from './cache.ts';
export { CorpusDirectoryError } from './walk.ts';

/** How `loadCorpus` reads a corpus. */
export interface LoadOptions {
  /** Larger files are rejected unread (default 5 MB). */
  maxFileBytes?: number;
  /** Called after each file with the number of files done and the total. */
  onProgress?: (done: number, total: number) => void;
  /** Pass the same cache on every reload to parse only changed files. */
  cache?: CorpusCache;
  /** Called for each file actually parsed (not reused from the cache). */
  onParse?: (file: string) => void;
}

const DEFAULT_MAX_FILE_BYTES = 5 * 1024 * 1024;
/** Longest stretch of parsing between two yields, so a gateway heartbeat sharing the event loop is never starved. */
const MAX_BUSY_MS = 10;

/** "6.2 MB", "300 bytes": sizes a moderator reads in a rejection reason. */
function describeBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1).replace(/\.0$/u, '')} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1).replace(/\.0$/u, '')} MB`;
}

function parseBytes(file: string, bytes: Uint8Array): ParsedFile {
  const decoded = decodeArticleBytes(bytes);
  if ('rejection' in decoded) return rejectedFile(decoded.rejection);
  const parsed = parseArticleText(file, decoded.text);
  const decodingNotes = decoded.warnings.map((reason) => ({ record: null, reason }));
  return { ...parsed, warnings: [...decodingNotes, ...parsed.warnings] };
}

/** Reads and parses one file, reusing the cached parse when the file is unchanged. */
async function loadFile(entry: CorpusEntry, options: LoadOptions, maxFileBytes: number): Promise<ParsedFile> {
  let stamp: FileStamp;
  try {
    const info = await stat(entry.absolutePath);
    stamp = { mtimeMs: info.mtimeMs, size: info.size };
  } catch (error) {
    return rejectedFile(`cannot read file: ${(error as Error).message}`);
  }
  if (stamp.size > maxFileBytes) {
    return rejectedFile(`file is ${describeBytes(stamp.size)}, over the ${describeBytes(maxFileBytes)} limit`);
  }
  const cached = options.cache?.get(entry.file, stamp);
  if (cached) return cached;
  let bytes: Uint8Array;
  try {
    bytes = await readFile(entry.absolutePath);
  } catch (error) {
    return rejectedFile(`cannot read file: ${(error as Error).message}`);
  }
  options.onParse?.(entry.file);
  const parsed = parseBytes(entry.file, bytes);
  options.cache?.set(entry.file, stamp, parsed);
  return parsed;
}

function presentOrNull(value: string | null | undefined): string | null {
  const text = normalizeSpace(value ?? '');
  return text === '' ? null : text;
}

/** The article a draft becomes: its id, the sources defaults for what it lacks, and its body hash. */
function toArticle(file: string, draft: ArticleDraft, defaults: SourceDefaults): Article {
  const paragraphs = draft.paragraphs.map(normalizeSpace).filter(Boolean);
  return {
    id: draft.record === null ? file : `${file}#${draft.record}`,
    file,
    title: presentOrNull(draft.title),
    outlet: presentOrNull(draft.outlet) ?? presentOrNull(defaults.outlet),
    author: presentOrNull(draft.author) ?? presentOrNull(defaults.author),
    published: draft.published,
    url: presentOrNull(draft.url) ?? presentOrNull(defaults.url),
    language: presentOrNull(draft.language) ?? presentOrNull(defaults.language),
    paragraphs,
    hash: bodyHash(paragraphs),
  };
}

/** Collects files' results in corpus order, keeping the first copy of each text and listing the others as duplicates. */
class CorpusAssembly {
  readonly articles: Article[] = [];
  readonly rejected: Rejection[] = [];
  readonly duplicates: Duplicate[] = [];
  readonly warnings: Rejection[] = [];
  readonly #idByHash = new Map<string, string>();

  constructor(private readonly sources: Sources) {}

  add(file: string, parsed: ParsedFile): void {
    this.rejected.push(...parsed.rejected.map((issue) => ({ file, ...issue })));
    this.warnings.push(...parsed.warnings.map((issue) => ({ file, ...issue })));
    for (const draft of parsed.drafts) this.#addArticle(file, draft);
  }

  #addArticle(file: string, draft: ArticleDraft): void {
    const article = toArticle(file, draft, defaultsFor(this.sources, file));
    const checked = ArticleSchema.safeParse(article);
    if (!checked.success) {
      const reason = article.paragraphs.length === 0 ? 'no body paragraphs after cleaning' : checked.error.issues[0]?.message;
      this.rejected.push({ file, record: draft.record, reason: reason ?? 'invalid article' });
      return;
    }
    const original = this.#idByHash.get(article.hash);
    if (original) {
      this.duplicates.push({ id: article.id, duplicateOf: original });
      return;
    }
    this.#idByHash.set(article.hash, article.id);
    this.articles.push(article);
  }
}

/**
 * Loads every article file under `dir`: bad files are reported in `rejected` and never stop the
 * others. Throws `CorpusDirectoryError` only when `dir` itself cannot be read.
 */
export async function loadCorpus(dir: string, options: LoadOptions = {}): Promise<Corpus> {
  const listing = await listCorpusFiles(dir);
  const { sources, rejected: sourceRejections } = await readSources(listing.root);
  const assembly = new CorpusAssembly(sources);
  assembly.rejected.push(...sourceRejections, ...listing.rejected);
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  let lastYield = performance.now();
  for (const [index, entry] of listing.entries.entries()) {
    assembly.add(entry.file, await loadFile(entry, options, maxFileBytes));
    options.onProgress?.(index + 1, listing.entries.length);
    if (performance.now() - lastYield > MAX_BUSY_MS) {
      await yieldToEventLoop();
      lastYield = performance.now();
    }
  }
  options.cache?.retainOnly(new Set(listing.entries.map((entry) => entry.file)));
  return { articles: assembly.articles, rejected: assembly.rejected, duplicates: assembly.duplicates, warnings: assembly.warnings };
}
