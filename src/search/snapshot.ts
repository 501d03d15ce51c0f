/**
 * Index snapshots: the built index and its articles in one file, so a restart or a new replica
 * serves in seconds instead of parsing and indexing the whole corpus again.
 *
 * A snapshot is keyed by the corpus's fingerprint: the path, size and mtime of every file (as the
 * loader's cache keys a file) plus the `sources` files, the loader's file-size limit and version
 * (articles another loader made differ) and the analysis version (terms from another analysis
 * would not meet the questions'). A
 * snapshot whose fingerprint differs is stale; one whose bytes fail their sha256s (or whose format
 * is not this one) is corrupt. Either is never served: the corpus is loaded and indexed, and the
 * snapshot written again.
 *
 * The index is its postings as typed arrays beside a JSON list of its terms and one of its
 * documents (`postings.ts`); the articles' metadata JSON one a line; their bodies one JSON array of
 * paragraphs each, end to end with their offsets beside them, read back only when an article's
 * paragraphs are (`stored-bodies.ts`).
 *
 * Layout: sections one after another (each padded to 4 bytes, so typed arrays read in place), then
 * a JSON trailer naming each section's offset, length and the sha256 of each stretch of it, then
 * the trailer's length and a magic word. The trailer is written last so the articles (most of the file) stream out in chunks
 * instead of being held as one buffer. Written to a temporary file and renamed, so a crash while
 * writing never leaves a half snapshot under the real name.
 */
import { createHash } from 'node:crypto';
import { open, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { ArticleSchema, type Article } from '../corpus/article.ts';
import { LOADER_VERSION } from '../corpus/loader.ts';
import { closeQuietly, openRegularFile, readBytes } from '../corpus/regular-files.ts';
import { listCorpusFiles, SOURCES_FILES } from '../corpus/walk.ts';
import { ANALYSIS_VERSION } from './analyzer.ts';
import { ArticleIndex, type IndexParts } from './article-index.ts';
import type { PostingsParts } from './postings.ts';
import { StoredBodies, type ArticleMetadata } from './stored-bodies.ts';
import type { VocabularyParts } from './vocabulary.ts';

const MAGIC = 'NDS1';
/**
 * 2: MiniSearch's postings as typed arrays instead of its `toJSON`. 3: bodies apart from the
 * articles' metadata; the vocabulary as string lists and typed arrays. 4: the magic word opens
 * the file too, so a snapshot cut short is still known for one (see `assertReplaceable`).
 */
const FORMAT_VERSION = 4;
const LINES_PER_CHUNK = 1000;
/** Longest the snapshot's file may take to open, and its opening bytes to read where it is checked before being replaced: a dead mount must not hold the start. */
const OPEN_TIMEOUT_MS = 10_000;

interface SectionEntry {
  name: string;
  offset: number;
  length: number;
  /** One per `stretchBytes` of the section, the last one for what is left. */
  sha256: string[];
}

interface Trailer {
  version: number;
  littleEndian: boolean;
  fingerprint: string;
  stretchBytes: number;
  sections: SectionEntry[];
}

/** Why a snapshot was not served, for logs and the bench. */
export type SnapshotMiss = 'missing' | 'stale' | 'corrupt';

/** A restored index, or why there is none. */
export type SnapshotRead = { index: ArticleIndex } | { index: null; miss: SnapshotMiss; detail: string };

const littleEndian = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/**
 * The corpus's fingerprint: every file's path, size and mtime, the sources files' too, and the
 * options that change what loads. Statting is cheap next to parsing: 100,000 files in a second or two.
 */
export async function corpusFingerprint(dir: string, maxFileBytes: number | undefined): Promise<string> {
  const listing = await listCorpusFiles(dir);
  const hash = createHash('sha256').update(`v${FORMAT_VERSION} loader ${LOADER_VERSION} analysis ${ANALYSIS_VERSION} max ${maxFileBytes ?? 'default'}\n`);
  const files = [...listing.entries.map((entry) => ({ file: entry.file, at: entry.absolutePath }))];
  for (const name of SOURCES_FILES) files.push({ file: name, at: path.join(listing.root, name) });
  for (const { file, at } of files) {
    const info = await stat(at).catch(() => null);
    // Whole milliseconds: what every filesystem and `utimes` keep alike.
    hash.update(`${file}\t${info ? `${info.size}\t${Math.floor(info.mtimeMs)}` : 'absent'}\n`);
  }
  return hash.digest('hex');
}

/** A typed array's bytes, without copying. */
function bytesOf(array: Uint32Array | Float64Array): Buffer {
  return Buffer.from(array.buffer, array.byteOffset, array.byteLength);
}

/** Bytes of a section hashed apart: a reader checks each stretch on another thread as soon as it is read. */
const STRETCH_BYTES = 32 * 1024 * 1024;

/** The sha256 of each `STRETCH_BYTES` of a section, however its chunks fall. */
class StretchHashes {
  private readonly digests: string[] = [];
  private hash = createHash('sha256');
  private filled = 0;

  /** Hashes the next chunk of the section. */
  update(chunk: Buffer): void {
    for (let at = 0; at < chunk.length; ) {
      const taken = Math.min(STRETCH_BYTES - this.filled, chunk.length - at);
      this.hash.update(chunk.subarray(at, at + taken));
      this.filled += taken;
      at += taken;
      if (this.filled === STRETCH_BYTES) this.close();
    }
  }

  /** The stretches' digests, the last one cut where the section ends. */
  finish(): string[] {
    if (this.filled > 0) this.close();
    return this.digests;
  }

  private close(): void {
    this.digests.push(this.hash.digest('hex'));
    this.hash = createHash('sha256');
    this.filled = 0;
  }
}

/** Writes sections in order, remembering where each went and its stretches' sha256s. */
class SectionWriter {
  readonly sections: SectionEntry[] = [];
  private offset = 0;

  constructor(private readonly file: Awaited<ReturnType<typeof open>>) {}

  /** Writes the magic word that opens the file; four bytes, so sections stay aligned for typed arrays. */
  async start(): Promise<void> {
    await this.file.write(Buffer.from(MAGIC, 'latin1'));
    this.offset = MAGIC.length;
  }

  /** Writes one section from its chunks. */
  async section(name: string, chunks: Iterable<Buffer>): Promise<void> {
    const hashes = new StretchHashes();
    let length = 0;
    // One write in flight while the next chunk is made and hashed: the disk and the CPU overlap.
    let writing: Promise<unknown> = Promise.resolve();
    for (const chunk of chunks) {
      hashes.update(chunk);
      await writing;
      writing = this.file.write(chunk);
      // Awaited above or below; this only keeps a failed write from counting as unhandled if
      // making the next chunk throws first.
      writing.catch(() => undefined);
      length += chunk.length;
    }
    await writing;
    this.sections.push({ name, offset: this.offset, length, sha256: hashes.finish() });
    this.offset += length;
    const padding = (4 - (length % 4)) % 4;
    if (padding > 0) {
      await this.file.write(Buffer.alloc(padding));
      this.offset += padding;
    }
  }

  /** Writes the trailer, its length and the magic word. */
  async finish(trailer: Omit<Trailer, 'sections' | 'stretchBytes'>): Promise<void> {
    const json = Buffer.from(JSON.stringify({ ...trailer, stretchBytes: STRETCH_BYTES, sections: this.sections }));
    const footer = Buffer.alloc(8);
    footer.writeUInt32LE(json.length, 0);
    footer.write(MAGIC, 4, 'latin1');
    await this.file.write(json);
    await this.file.write(footer);
  }
}

/** Values as JSON Lines in chunks: a whole section as one string would pass V8's string length limit at scale. */
function* jsonLineChunks(values: readonly unknown[]): Generator<Buffer> {
  for (let start = 0; start < values.length; start += LINES_PER_CHUNK) {
    const lines = values.slice(start, start + LINES_PER_CHUNK).map((value) => `${JSON.stringify(value)}\n`);
    yield Buffer.from(lines.join(''));
  }
}

/** Strings as JSON arrays of `LINES_PER_CHUNK` a line: one parse per string made a restart's millions of terms and words slow. */
function* stringListChunks(values: readonly string[]): Generator<Buffer> {
  for (let start = 0; start < values.length; start += LINES_PER_CHUNK) {
    yield Buffer.from(`${JSON.stringify(values.slice(start, start + LINES_PER_CHUNK))}\n`);
  }
}

/** Every field of the article schema but the body: a field added to the schema is stored without a change here. */
const METADATA_FIELDS = ArticleSchema.keyof().options.filter((field) => field !== 'paragraphs');

function metadataOf(article: Article | null): ArticleMetadata | null {
  return article && (Object.fromEntries(METADATA_FIELDS.map((field) => [field, article[field]])) as ArticleMetadata);
}

/** Bytes of bodies a chunk holds, unless one body alone is larger. */
const BODY_CHUNK_BYTES = 32 * 1024 * 1024;

/**
 * Each article's paragraphs as one JSON array, in chunks, noting where each starts in `offsets`
 * (`documents.length + 1` of them). A body is written into its chunk as soon as it is made, so
 * it dies young: a thousand bodies held while their chunk was sized outlived young collections,
 * and the old generation they filled was marked whole every second and a half at 100,000 articles.
 */
function* bodyChunks(documents: readonly (Article | null)[], offsets: Float64Array): Generator<Buffer> {
  // Shared memory, as a restart reads the section into: the index goes on reading its bodies from
  // these chunks, and kept as ordinary buffers they counted as memory V8 must collect, so every
  // 64 MB of them brought on a full collection of the whole heap (4 s more to write at 100,000).
  let chunk = Buffer.from(new SharedArrayBuffer(BODY_CHUNK_BYTES));
  let used = 0;
  let length = 0;
  for (const [n, article] of documents.entries()) {
    const body = article ? JSON.stringify(article.paragraphs) : '';
    const size = Buffer.byteLength(body);
    if (used + size > chunk.length) {
      if (used > 0) yield chunk.subarray(0, used);
      chunk = Buffer.from(new SharedArrayBuffer(Math.max(BODY_CHUNK_BYTES, size)));
      used = 0;
    }
    used += chunk.write(body, used);
    length += size;
    offsets[n + 1] = length;
  }
  if (used > 0) yield chunk.subarray(0, used);
}

/** The chunks as they pass, each also pushed onto `into`. */
function* kept(chunks: Iterable<Buffer>, into: Buffer[]): Generator<Buffer> {
  for (const chunk of chunks) {
    into.push(chunk);
    yield chunk;
  }
}

function passageOffsets(passages: readonly (Uint32Array | null)[]): Uint32Array {
  const offsets = new Uint32Array(passages.length + 1);
  passages.forEach((words, n) => {
    offsets[n + 1] = (offsets[n] ?? 0) + (words?.length ?? 0);
  });
  return offsets;
}

/**
 * Writes the index as a snapshot for this fingerprint, replacing any snapshot at `file`. Returns
 * the bodies as written, by article number as in `index.parts()`, for the index to read its
 * articles' paragraphs from instead of holding them as text (`ArticleIndex.readBodiesFrom`).
 */
export async function writeSnapshot(file: string, index: ArticleIndex, fingerprint: string): Promise<StoredBodies> {
  await assertReplaceable(file);
  const parts = index.parts();
  const temporary = `${file}.${process.pid}.tmp`;
  const handle = await open(temporary, 'w');
  try {
    const writer = new SectionWriter(handle);
    await writer.start();
    await writer.section('articles', jsonLineChunks(parts.documents.map(metadataOf)));
    const bodyOffsets = new Float64Array(parts.documents.length + 1);
    const bodies: Buffer[] = [];
    await writer.section('bodies', kept(bodyChunks(parts.documents, bodyOffsets), bodies));
    await writer.section('bodyOffsets', [bytesOf(bodyOffsets)]);
    await writer.section('passageOffsets', [bytesOf(passageOffsets(parts.passages))]);
    await writer.section('passages', parts.passages.flatMap((words) => (words ? [bytesOf(words)] : [])));
    const { terms, documents, counts, averageFieldLength } = parts.postings;
    await writer.section('index.terms', stringListChunks(terms));
    await writer.section('index.documents', jsonLineChunks(documents));
    await writer.section('index.counts', [Buffer.from(JSON.stringify({ ...counts, averageFieldLength }))]);
    await writer.section('index.fieldLengths', [bytesOf(parts.postings.fieldLengths)]);
    await writer.section('index.postingsPerField', [bytesOf(parts.postings.postingsPerField)]);
    await writer.section('index.postingDocuments', [bytesOf(parts.postings.postingDocuments)]);
    await writer.section('index.postingCounts', [bytesOf(parts.postings.postingCounts)]);
    const vocabulary = parts.vocabulary;
    await writer.section('vocabulary.documents', [Buffer.from(JSON.stringify(vocabulary.documents))]);
    await writer.section('vocabulary.terms', stringListChunks(vocabulary.terms));
    await writer.section('vocabulary.frequencies', [bytesOf(vocabulary.frequencies)]);
    await writer.section('vocabulary.words', stringListChunks(vocabulary.words));
    await writer.section('vocabulary.wordTerms', [bytesOf(vocabulary.wordTerms)]);
    await writer.finish({ version: FORMAT_VERSION, littleEndian, fingerprint });
    await handle.close();
    await rename(temporary, file);
    return new StoredBodies(bodies, bodyOffsets);
  } catch (error) {
    await handle.close().catch(() => undefined);
    await rm(temporary, { force: true });
    throw error;
  }
}

/**
 * Throws unless `file` is absent, empty or a snapshot: one opening with the magic word, or an
 * older one ending with a trailer that reads back. A snapshot path mistaken for another (the
 * feedback database, a device such as /dev/null) must not be renamed over; a file that is no
 * snapshot is left for a person to remove.
 */
async function assertReplaceable(file: string): Promise<void> {
  const opened = await openRegularFile(file, OPEN_TIMEOUT_MS);
  if ('rejection' in opened) {
    if (opened.absent) return;
    throw new Error(`${file}: ${opened.rejection}: not replaced`);
  }
  const { handle, stamp } = opened;
  try {
    if (stamp.size === 0) return;
    const opening = await readBytes(handle, 0, MAGIC.length, OPEN_TIMEOUT_MS);
    if (Buffer.from(opening).toString('latin1') === MAGIC) return;
    if (await readTrailer(handle, stamp.size).then(({ version }) => typeof version === 'number', () => false)) return;
    throw new Error(`${file} holds something other than a newsdesk snapshot: not replaced (remove it to have one written there)`);
  } finally {
    closeQuietly(handle);
  }
}

type SnapshotHandle = Awaited<ReturnType<typeof open>>;

/** A snapshot that cannot be used; the message says why. */
class CorruptSnapshotError extends Error {}

async function readTrailer(handle: SnapshotHandle, size: number): Promise<Trailer> {
  if (size < 8) throw new CorruptSnapshotError('too short to be a snapshot');
  const footer = Buffer.alloc(8);
  await handle.read(footer, 0, 8, size - 8);
  if (footer.toString('latin1', 4, 8) !== MAGIC) throw new CorruptSnapshotError('not a newsdesk snapshot (no magic word)');
  const length = footer.readUInt32LE(0);
  if (length > size - 8) throw new CorruptSnapshotError('trailer length out of range');
  const json = Buffer.alloc(length);
  await handle.read(json, 0, length, size - 8 - length);
  let trailer: unknown;
  try {
    trailer = JSON.parse(json.toString('utf8'));
  } catch {
    throw new CorruptSnapshotError('unreadable trailer');
  }
  if (typeof trailer !== 'object' || trailer === null) throw new CorruptSnapshotError('unreadable trailer');
  return trailer as Trailer;
}

/** Why a stretch fails its sha256, or null when it passes. */
type StretchCheck = Promise<string | null>;

/**
 * The checking thread's code: plain JavaScript, so the thread starts without the TypeScript loader.
 * It hashes stretches of shared memory in place and answers with their digests.
 */
const CHECKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { createHash } = require('node:crypto');
parentPort.on('message', ({ id, memory, start, length }) => {
  parentPort.postMessage({ id, digest: createHash('sha256').update(new Uint8Array(memory, start, length)).digest('hex') });
});
`;

/**
 * Checks stretches on a thread of its own while the main thread reads and parses on: hashing
 * 1.4 GB on the main thread took an eighth of a 100,000-article restart, and WebCrypto's digest,
 * though it hashes on libuv's threads, copies its input on the main thread first, which cost more.
 */
class StretchChecker {
  private readonly worker = new Worker(CHECKER_SOURCE, { eval: true });
  private readonly waiting = new Map<number, (digest: string | null) => void>();
  private nextId = 0;

  constructor() {
    this.worker.on('message', ({ id, digest }: { id: number; digest: string }) => this.settle(id, digest));
    // A thread that fails or stops fails the checks it has not answered, so a restart never waits on it forever.
    const failWaiting = () => {
      for (const id of [...this.waiting.keys()]) this.settle(id, null);
    };
    this.worker.on('error', failWaiting);
    this.worker.on('exit', failWaiting);
  }

  /** Whether a stretch of a section's shared bytes has the expected digest. */
  check(bytes: Buffer, expected: string | undefined, name: string): StretchCheck {
    const id = this.nextId++;
    const failure = `section ${name} fails its checksum`;
    const checked = new Promise<string | null>((resolve) => this.waiting.set(id, (digest) => resolve(digest === expected ? null : failure)));
    this.worker.postMessage({ id, memory: bytes.buffer, start: bytes.byteOffset, length: bytes.length });
    return checked;
  }

  /** Stops the thread; checks not yet answered fail. */
  async close(): Promise<void> {
    await this.worker.terminate();
  }

  private settle(id: number, digest: string | null): void {
    this.waiting.get(id)?.(digest);
    this.waiting.delete(id);
  }
}

/** Reads `bytes.length` bytes from `position`, however many reads that takes. */
async function readFully(handle: SnapshotHandle, bytes: Buffer, position: number, name: string): Promise<void> {
  for (let from = 0; from < bytes.length; ) {
    const { bytesRead } = await handle.read(bytes, from, bytes.length - from, position + from);
    if (bytesRead === 0) throw new CorruptSnapshotError(`section ${name} is cut short`);
    from += bytesRead;
  }
}

/** Reads a section into its own shared buffer (aligned for typed arrays), its stretches' checks started as each is read. */
async function readSection(handle: SnapshotHandle, section: SectionEntry, stretchBytes: number, checker: StretchChecker, checks: StretchCheck[]): Promise<Buffer> {
  if (!Array.isArray(section.sha256) || section.sha256.length !== Math.ceil(section.length / stretchBytes)) {
    throw new CorruptSnapshotError(`section ${section.name} has not one checksum per stretch`);
  }
  const bytes = Buffer.from(new SharedArrayBuffer(section.length));
  for (let n = 0; n * stretchBytes < section.length; n += 1) {
    const stretch = bytes.subarray(n * stretchBytes, Math.min((n + 1) * stretchBytes, section.length));
    await readFully(handle, stretch, section.offset + n * stretchBytes, section.name);
    checks.push(checker.check(stretch, section.sha256[n], section.name));
  }
  return bytes;
}

/** Reads every section; `checks` receives each stretch's check, to be awaited before anything read is served. */
async function readSections(handle: SnapshotHandle, trailer: Trailer, end: number, checker: StretchChecker, checks: StretchCheck[]): Promise<Map<string, Buffer>> {
  if (!Number.isInteger(trailer.stretchBytes) || trailer.stretchBytes <= 0) throw new CorruptSnapshotError('no stretch length');
  const sections = new Map<string, Buffer>();
  for (const section of trailer.sections) {
    if (section.offset + section.length > end) throw new CorruptSnapshotError(`section ${section.name} runs past the end`);
    sections.set(section.name, await readSection(handle, section, trailer.stretchBytes, checker, checks));
  }
  return sections;
}

function section(sections: Map<string, Buffer>, name: string): Buffer {
  const bytes = sections.get(name);
  if (!bytes) throw new CorruptSnapshotError(`section ${name} is missing`);
  return bytes;
}

function words(bytes: Buffer): Uint32Array {
  if (bytes.length % 4 !== 0) throw new CorruptSnapshotError('a word section has a partial word');
  return new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.length / 4);
}

/** A list written by `stringListChunks`. */
function stringList(bytes: Buffer): string[] {
  const strings: string[] = [];
  for (const line of jsonLines(bytes)) {
    if (!Array.isArray(line)) throw new CorruptSnapshotError('a list of strings holds something else');
    for (const value of line) strings.push(String(value));
  }
  return strings;
}

/** The bodies of `count` articles, their offsets checked to run in order through all of the bodies' bytes. */
function storedBodies(sections: Map<string, Buffer>, count: number): StoredBodies {
  const bytes = section(sections, 'bodies');
  const offsetBytes = section(sections, 'bodyOffsets');
  if (offsetBytes.length !== (count + 1) * 8) throw new CorruptSnapshotError('body offsets do not match the articles');
  const offsets = new Float64Array(offsetBytes.buffer, offsetBytes.byteOffset, count + 1);
  if (offsets[0] !== 0 || offsets[count] !== bytes.length || offsets.some((offset, n) => n > 0 && offset < (offsets[n - 1] ?? 0))) {
    throw new CorruptSnapshotError('body offsets out of order');
  }
  return new StoredBodies([bytes], offsets);
}

/** One JSON value per line, each decoded from its own slice, so no string ever holds the whole section. */
function jsonLines(bytes: Buffer): unknown[] {
  const values: unknown[] = [];
  let start = 0;
  while (start < bytes.length) {
    const end = bytes.indexOf(10, start);
    const stop = end === -1 ? bytes.length : end;
    values.push(JSON.parse(bytes.toString('utf8', start, stop)));
    start = stop + 1;
  }
  return values;
}

function indexParts(sections: Map<string, Buffer>): IndexParts {
  const metadata = jsonLines(section(sections, 'articles')) as (ArticleMetadata | null)[];
  const bodies = storedBodies(sections, metadata.length);
  const documents = metadata.map((article, n) => article && bodies.article(article, n));
  const offsets = words(section(sections, 'passageOffsets'));
  const passageWords = words(section(sections, 'passages'));
  if (offsets.length !== documents.length + 1 || offsets[documents.length] !== passageWords.length) {
    throw new CorruptSnapshotError('paragraph filters do not match the articles');
  }
  const passages = documents.map((_, n) => {
    const from = offsets[n] ?? 0;
    const to = offsets[n + 1] ?? 0;
    return to > from ? passageWords.subarray(from, to) : null;
  });
  const { averageFieldLength, ...counts } = JSON.parse(section(sections, 'index.counts').toString('utf8')) as PostingsParts['counts'] & {
    averageFieldLength: number[];
  };
  const postings: PostingsParts = {
    counts,
    averageFieldLength,
    documents: jsonLines(section(sections, 'index.documents')) as PostingsParts['documents'],
    fieldLengths: words(section(sections, 'index.fieldLengths')),
    terms: stringList(section(sections, 'index.terms')),
    postingsPerField: words(section(sections, 'index.postingsPerField')),
    postingDocuments: words(section(sections, 'index.postingDocuments')),
    postingCounts: words(section(sections, 'index.postingCounts')),
  };
  const vocabulary: VocabularyParts = {
    documents: Number(JSON.parse(section(sections, 'vocabulary.documents').toString('utf8'))),
    terms: stringList(section(sections, 'vocabulary.terms')),
    frequencies: words(section(sections, 'vocabulary.frequencies')),
    words: stringList(section(sections, 'vocabulary.words')),
    wordTerms: words(section(sections, 'vocabulary.wordTerms')),
  };
  return { documents, passages, postings, vocabulary };
}

/** The index stored at `file` if it was written for this fingerprint and reads back intact. */
export async function readSnapshot(file: string, fingerprint: string): Promise<SnapshotRead> {
  // Opened as a regular file only: a FIFO would wait for a writer forever, and a device may read without end.
  const opened = await openRegularFile(file, OPEN_TIMEOUT_MS);
  if ('rejection' in opened) return opened.absent ? { index: null, miss: 'missing', detail: `no snapshot at ${file}` } : { index: null, miss: 'corrupt', detail: `${file}: ${opened.rejection}` };
  const { handle, stamp } = opened;
  try {
    const { size } = stamp;
    const trailer = await readTrailer(handle, size);
    if (trailer.version !== FORMAT_VERSION || trailer.littleEndian !== littleEndian) {
      throw new CorruptSnapshotError('written by another version or machine');
    }
    if (trailer.fingerprint !== fingerprint) {
      return { index: null, miss: 'stale', detail: 'the corpus changed since the snapshot was written' };
    }
    // Parsed while the checks run; nothing is served until every stretch has passed.
    const checker = new StretchChecker();
    try {
      const checks: StretchCheck[] = [];
      const sections = await readSections(handle, trailer, size, checker, checks);
      const index = await ArticleIndex.fromParts(indexParts(sections));
      const failure = (await Promise.all(checks)).find((check) => check !== null);
      if (failure) throw new CorruptSnapshotError(failure);
      return { index };
    } finally {
      await checker.close();
    }
  } catch (error) {
    return { index: null, miss: 'corrupt', detail: (error as Error).message };
  } finally {
    await handle.close();
  }
}
