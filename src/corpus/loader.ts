import type { FileHandle } from 'node:fs/promises';
import { Pacer } from '../pacing.ts';
import { type Article, ArticleSchema, type Corpus, type Duplicate, type Rejection } from './article.ts';
import { CorpusCache, type FileStamp, type PreparedFile } from './cache.ts';
import { decodeArticleBytes } from './decoding.ts';
import { type ArticleDraft, type Issue, type ParsedFile, rejectedFile } from './draft.ts';
import { type StreamedRecordFormat, streamedRecordFormat } from './format.ts';
import {
  JsonArraySplitter,
  JsonLinesSplitter,
  linePrefix,
  NO_RECORDS_REASON,
  type RecordCuts,
  type RecordSplitter,
  type RecordText,
} from './formats/json-records.ts';
import { bodyHash, normalizeSpace } from './paragraphs.ts';
import { ParsePool, ParseTimeoutError, sharedParsePool } from './parse-pool.ts';
import type { ParseTask } from './parse-worker.ts';
import { closeQuietly, describeBytes, MAX_WHOLE_FILE_MB, openRegularFile, readBytes } from './regular-files.ts';
import { type SourceDefaults, readSources, sourceDefaults } from './sources.ts';
import { type CorpusEntry, listCorpusFiles } from './walk.ts';

export { CorpusCache } from './cache.ts';
export { CorpusDirectoryError } from './walk.ts';

/**
 * Version of what the loader makes of a file. A snapshot keeps articles as loaded, so one written
 * by a loader that read files differently is stale:
 * 2: hard-wrapped lines of an HTML paragraph are one paragraph, not one each.
 * 3: HTML captions and credits marked by class are left out, as <figcaption> is.
 * 4: an HTML page's publication time marked on an element (`itemprop="datePublished"`) or opening
 *    its first paragraph as a dateline is read.
 * 5: a caption or credit class is left out only beside an image.
 * 6: an HTML block that is a link, nine tenths of its letters, is left out, but for headings and
 *    table cells.
 * 7: an embedded video's, picture's or comment's `datePublished` is not the page's, and the
 *    story's own comes first; a site name given as an address ("http://www.tmz.com") is the
 *    site's ("tmz.com").
 * 8: a page dump's outlet is never a skip link or an empty search box, and a copyright line's
 *    holder is read past a span of years and a comma, whole ("Folha de S.Paulo").
 * 9: a text file's `Source:` or `Author:` line that is a sentence opens the story: no outlet or
 *    author is a sentence.
 * 10: a page dump's masthead may open with a digit or "¡" ("9to5Mac"), and only "skip/jump to"
 *    the content or a menu is a skip link; a copyright holder ends at a bar written without spaces.
 * 11: a copyright holder ends at a spaced dash, slash or middle dot, and at a comma before "all
 *    rights reserved"; a text file's lone `Source:` line opens the story only when it reads as a
 *    sentence in lowercase ("Source: a local fisherman who..."), never a name ending in a stop.
 * 12: a copyright holder is read past "© Copyright", a span like "2024/25" and a dash, up to a
 *    bullet or a French, German or Spanish rights notice; skip links are read more widely.
 * 13: a span of years ends in a later year ("© 2024 - 19th News" names "19th News"), and a rights
 *    notice in any of those languages is no holder; a lone `Source:` line telling what someone
 *    said opens the story, whatever its length.
 * 14: a page dump's date is no longer taken from a sentence of its story ("The plan was first
 *    proposed on March 3, 2019, ..."), only from a line above it or a dateline opening it; a text
 *    file's lone `Link:` line holding words, not an address, opens the story; front matter keeps
 *    numbers as written (`title: 0x1F`, not 31); a markdown body's named character references
 *    ("&rsquo;", "&amp;") are read as the characters markdown shows.
 * 15: a text file's header lines with the story right under them, no blank line between, are
 *    its header as far as they can be nothing else (`date 2024-03-02 Title`, then the first
 *    paragraph; not "By Tuesday afternoon, firefighters").
 */
export const LOADER_VERSION = 15;

/** How `loadCorpus` reads a corpus. */
export interface LoadOptions {
  /** Larger files are rejected unread (default 5 MB, at most `MAX_WHOLE_FILE_MB`); in a JSON Lines file or JSON array the limit applies to each record. */
  maxFileBytes?: number;
  /** Called after each file with the number of files done and the total. */
  onProgress?: (done: number, total: number) => void;
  /** Pass the same cache on every reload to parse only changed files. */
  cache?: CorpusCache;
  /** Called for each file actually parsed (not reused from the cache). */
  onParse?: (file: string) => void;
  /** Longest a worker may parse one file (or one batch of records) before it is rejected and the worker replaced (default 10 s). */
  parseBudgetMs?: number;
  /** Longest one open or read may wait on the disk before the file is rejected (default 10 s). */
  readTimeoutMs?: number;
  /** Aborting it stops the load: nothing more is read or parsed, and `loadCorpus` rejects with the signal's reason. */
  signal?: AbortSignal;
  /** The worker threads that parse (default: the process's pool, one thread per CPU). */
  pool?: ParsePool;
}

const DEFAULT_MAX_FILE_BYTES = 5 * 1024 * 1024;
const DEFAULT_PARSE_BUDGET_MS = 10_000;
const DEFAULT_READ_TIMEOUT_MS = 10_000;
/** Bytes read at a time from a record file streamed record by record. */
const STREAM_CHUNK_BYTES = 256 * 1024;
/** Records of a streamed file sent to a worker together: small enough to return quickly, large enough to amortise the hand-over. */
const RECORD_BATCH_BYTES = 512 * 1024;

/** The load's settings with defaults filled in. */
interface LoadContext {
  maxFileBytes: number;
  parseBudgetMs: number;
  readTimeoutMs: number;
  signal: AbortSignal | undefined;
  pool: ParsePool;
  cache: CorpusCache | undefined;
  onParse: ((file: string) => void) | undefined;
  /** The sources defaults that apply to a file (see `sourceDefaults`). */
  defaultsFor: (file: string) => SourceDefaults;
}

/** Parses one task in the pool; a task over budget, or a worker that fails, becomes a rejection of the file. */
async function parseInPool(task: ParseTask, context: LoadContext): Promise<ParsedFile> {
  try {
    return await context.pool.run(task, { budgetMs: context.parseBudgetMs, signal: context.signal });
  } catch (error) {
    if (context.signal?.aborted) throw error;
    return rejectedFile(parseFailureReason(error));
  }
}

function parseFailureReason(error: unknown): string {
  return error instanceof ParseTimeoutError ? error.message : `the parser failed: ${(error as Error).message}`;
}

/** Parses a batch of records in the pool; if the batch fails, each of its records is rejected with the reason. */
async function parseRecordBatch(records: RecordText[], context: LoadContext): Promise<ParsedFile> {
  try {
    return await context.pool.run({ kind: 'records', records }, { budgetMs: context.parseBudgetMs, signal: context.signal });
  } catch (error) {
    if (context.signal?.aborted) throw error;
    const reason = parseFailureReason(error);
    return { drafts: [], rejected: records.map(({ record, line }) => ({ record, reason: `${linePrefix(line)}${reason}` })), warnings: [] };
  }
}

/** Appends items one by one: spread into `push`, each is an argument, and a file of 130,000 rejected records overflowed the stack. */
function appendAll<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}

/** One file's result from its parts in order: the records of a streamed file come back batch by batch. */
function joinParts(parts: readonly ParsedFile[], extraRejections: readonly Issue[]): ParsedFile {
  return {
    drafts: parts.flatMap((part) => part.drafts),
    rejected: [...extraRejections, ...parts.flatMap((part) => part.rejected)].sort((a, b) => (a.record ?? 0) - (b.record ?? 0)),
    warnings: parts.flatMap((part) => part.warnings),
  };
}

/**
 * Reads a record file too large to read whole as a stream of records: the size limit applies to
 * each record, batches of records are parsed in the pool while the next bytes are read, and at
 * most one record and a few batches are held in memory besides the drafts.
 */
async function streamRecords(
  handle: FileHandle,
  size: number,
  head: Uint8Array,
  format: StreamedRecordFormat,
  context: LoadContext,
): Promise<ParsedFile> {
  const oversize = (bytes: number): string => `record is ${describeBytes(bytes)}, over the ${describeBytes(context.maxFileBytes)} limit`;
  const splitter: RecordSplitter =
    format === 'json-lines' ? new JsonLinesSplitter(context.maxFileBytes, oversize) : new JsonArraySplitter(context.maxFileBytes, oversize);
  const parts: Promise<ParsedFile>[] = [];
  const refused: Issue[] = [];
  let batch: RecordText[] = [];
  let batchBytes = 0;
  let recordCount = 0;
  const send = (): void => {
    if (batch.length === 0) return;
    const sent = parseRecordBatch(batch, context);
    sent.catch(() => undefined);
    parts.push(sent);
    batch = [];
    batchBytes = 0;
  };
  const take = (cuts: RecordCuts): void => {
    appendAll(refused, cuts.rejected);
    recordCount += cuts.records.length + cuts.rejected.length;
    for (const record of cuts.records) {
      batch.push(record);
      batchBytes += record.bytes.length;
      if (batchBytes >= RECORD_BATCH_BYTES) send();
    }
  };
  let chunk = head;
  let position = 0;
  while (chunk.length > 0) {
    context.signal?.throwIfAborted();
    take(splitter.push(chunk));
    position += chunk.length;
    // Reading waits for the workers once they have a few batches each, so memory stays bounded.
    const backlog = parts[parts.length - 2 * context.pool.threads];
    if (backlog) await backlog;
    // Only the bytes the file had when opened: an export still being appended to is read up to there, not forever.
    chunk = await readBytes(handle, position, Math.min(STREAM_CHUNK_BYTES, size - position), context.readTimeoutMs);
  }
  take(splitter.end());
  send();
  if (recordCount === 0) return rejectedFile(NO_RECORDS_REASON);
  return joinParts(await Promise.all(parts), refused);
}

function isUtf16(head: Uint8Array): boolean {
  return (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
}

/** Reads and parses an opened file: whole and in one worker task, or as a stream of records when it is a large record file. */
async function parseOpened(entry: CorpusEntry, handle: FileHandle, stamp: FileStamp, context: LoadContext): Promise<ParsedFile> {
  if (stamp.size <= context.maxFileBytes) {
    const bytes = await readBytes(handle, 0, stamp.size, context.readTimeoutMs);
    return parseInPool({ kind: 'file', file: entry.file, bytes }, context);
  }
  const head = await readBytes(handle, 0, Math.min(STREAM_CHUNK_BYTES, stamp.size), context.readTimeoutMs);
  const format = streamedRecordFormat(entry.file, head);
  if (format === null) return rejectedFile(`file is ${describeBytes(stamp.size)}, over the ${describeBytes(context.maxFileBytes)} limit`);
  // A binary file named .jsonl would otherwise be reported line by line.
  const sniffed = decodeArticleBytes(head);
  if ('rejection' in sniffed) return rejectedFile(sniffed.rejection);
  // Records are cut at newline and bracket bytes, which UTF-16 spreads over two bytes.
  if (isUtf16(head)) return rejectedFile(`a UTF-16 record file over the ${describeBytes(context.maxFileBytes)} limit cannot be read record by record: save it as UTF-8`);
  return streamRecords(handle, stamp.size, head, format, context);
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

/** Runs `step` on each item, yielding to the event loop every few milliseconds: a streamed record file can hold 100,000 items. */
async function forEachYielding<T>(items: Iterable<T>, step: (item: T) => void): Promise<void> {
  const pacer = new Pacer();
  for (const item of items) {
    step(item);
    if (pacer.due()) await pacer.rest();
  }
}

/** Turns a file's drafts into checked, hashed articles and attaches the file name to its problems. */
async function prepareFile(file: string, parsed: ParsedFile, defaults: SourceDefaults): Promise<PreparedFile> {
  const prepared: PreparedFile = {
    articles: [],
    rejected: parsed.rejected.map((issue) => ({ file, ...issue })),
    warnings: parsed.warnings.map((issue) => ({ file, ...issue })),
  };
  await forEachYielding(parsed.drafts, (draft) => {
    const article = toArticle(file, draft, defaults);
    const checked = ArticleSchema.safeParse(article);
    if (checked.success) {
      prepared.articles.push(article);
      return;
    }
    const reason = article.paragraphs.length === 0 ? 'no body paragraphs after cleaning' : checked.error.issues[0]?.message;
    prepared.rejected.push({ file, record: draft.record, reason: reason ?? 'invalid article' });
  });
  return prepared;
}

/** Reads, parses and prepares one file, reusing the cached result when the file and its sources defaults are unchanged. */
async function loadFile(entry: CorpusEntry, context: LoadContext): Promise<PreparedFile> {
  const defaults = context.defaultsFor(entry.file);
  const unreadable = (reason: string): Promise<PreparedFile> => prepareFile(entry.file, rejectedFile(reason), defaults);
  const opened = await openRegularFile(entry.absolutePath, context.readTimeoutMs);
  if ('rejection' in opened) return unreadable(opened.rejection);
  const { handle, stamp } = opened;
  const defaultsKey = JSON.stringify(defaults);
  try {
    const cached = context.cache?.get(entry.file, stamp, defaultsKey);
    if (cached) return cached;
    context.onParse?.(entry.file);
    const prepared = await prepareFile(entry.file, await parseOpened(entry, handle, stamp, context), defaults);
    context.cache?.set(entry.file, stamp, defaultsKey, prepared);
    return prepared;
  } catch (error) {
    if (context.signal?.aborted) throw error;
    return unreadable(`cannot read file: ${(error as Error).message}`);
  } finally {
    closeQuietly(handle);
  }
}

/** Collects files' results in corpus order, keeping the first copy of each text and listing the others as duplicates. */
class CorpusAssembly {
  readonly articles: Article[] = [];
  readonly rejected: Rejection[] = [];
  readonly duplicates: Duplicate[] = [];
  readonly warnings: Rejection[] = [];
  readonly #idByHash = new Map<string, string>();
  readonly #ids = new Set<string>();

  /** Adds one file's articles; which copy of a text is first depends on the order, so this runs on every load, cached or not. */
  async add(prepared: PreparedFile): Promise<void> {
    appendAll(this.rejected, prepared.rejected);
    appendAll(this.warnings, prepared.warnings);
    await forEachYielding(prepared.articles, (article) => {
      // A file named "export.json#1" is given the id of the first record of export.json, read before it.
      if (this.#ids.has(article.id)) {
        this.rejected.push({ file: article.file, record: null, reason: `its id ${article.id} is already a record's of another file: rename it` });
        return;
      }
      this.#ids.add(article.id);
      const original = this.#idByHash.get(article.hash);
      if (original) {
        this.duplicates.push({ id: article.id, duplicateOf: original });
        return;
      }
      this.#idByHash.set(article.hash, article.id);
      this.articles.push(article);
    });
  }
}

/**
 * Loads every article file under `dir`: bad files are reported in `rejected` and never stop the
 * others. Files are parsed in worker threads, several at a time, and assembled in corpus order.
 * Throws `CorpusDirectoryError` only when `dir` itself cannot be read, and the signal's reason
 * when `options.signal` aborts.
 */
export async function loadCorpus(dir: string, options: LoadOptions = {}): Promise<Corpus> {
  const listing = await listCorpusFiles(dir);
  const readTimeoutMs = options.readTimeoutMs ?? DEFAULT_READ_TIMEOUT_MS;
  const { sources, rejected: sourceRejections, warnings: sourceWarnings } = await readSources(listing.root, readTimeoutMs);
  const assembly = new CorpusAssembly();
  appendAll(assembly.rejected, [...sourceRejections, ...listing.rejected]);
  appendAll(assembly.warnings, sourceWarnings);
  const context: LoadContext = {
    maxFileBytes: Math.min(options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES, MAX_WHOLE_FILE_MB * 1024 * 1024),
    parseBudgetMs: options.parseBudgetMs ?? DEFAULT_PARSE_BUDGET_MS,
    readTimeoutMs,
    signal: options.signal,
    pool: options.pool ?? sharedParsePool(),
    cache: options.cache,
    onParse: options.onParse,
    defaultsFor: sourceDefaults(sources),
  };
  // Two files per worker in flight: one parsing while the next is read from disk.
  const window = 2 * context.pool.threads;
  const inFlight: Array<Promise<PreparedFile>> = [];
  let done = 0;
  const settleOldest = async (): Promise<void> => {
    const oldest = inFlight.shift();
    if (!oldest) return;
    await assembly.add(await oldest);
    done += 1;
    options.onProgress?.(done, listing.entries.length);
  };
  for (const entry of listing.entries) {
    context.signal?.throwIfAborted();
    const loaded = loadFile(entry, context);
    // Settled in order below; this only keeps an abort from counting as unhandled meanwhile.
    loaded.catch(() => undefined);
    inFlight.push(loaded);
    if (inFlight.length >= window) await settleOldest();
  }
  while (inFlight.length > 0) await settleOldest();
  context.signal?.throwIfAborted();
  options.cache?.retainOnly(new Set(listing.entries.map((entry) => entry.file)));
  return { articles: assembly.articles, rejected: assembly.rejected, duplicates: assembly.duplicates, warnings: assembly.warnings };
}
