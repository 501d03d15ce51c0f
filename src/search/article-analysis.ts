/**
 * Articles analysed for the index in batches, as flat arrays: the work of a full build, run in the
 * parse pool's worker threads (`analysis-worker.ts`) so both cores analyse while the main thread
 * only gathers counted terms into the index (`article-index.ts`).
 *
 * A batch describes every article by numbers: per field, its terms in order of first occurrence
 * with their counts; the words it met first; its paragraph filters. Numbers travel between threads
 * as typed arrays, where an object graph of per-article maps would be cloned entry by entry, and
 * each term and word string crosses once per thread. No per-article map or string is built: each
 * written form is analysed once per thread (news vocabulary is Zipfian) and counted by number.
 * The terms, counts, words and filters are exactly what analysing each article alone gives.
 */
import { randomUUID } from 'node:crypto';
import { threadId } from 'node:worker_threads';
import { Pacer } from '../pacing.ts';
import { sharedParsePool } from '../corpus/parse-pool.ts';
import { termsOfWord, wordsOf } from './analyzer.ts';
import { ParagraphTerms, termHash } from './passages.ts';
import { Uint32List } from './uint32-list.ts';

/** Below this much text (in characters) a build analyses on the main thread: starting the workers' analysis would cost more. */
const POOLED_MIN_CHARACTERS = 4_000_000;
/** Text per batch sent to a worker: large enough that each term string crosses once for many articles. */
const POOLED_BATCH_CHARACTERS = 1_000_000;
/** Text per batch analysed on the main thread: a few milliseconds, so queries are answered between batches. */
const THREAD_BATCH_CHARACTERS = 50_000;
/** The longest article analysed on the main thread, where it is analysed in one go: a 700 KB one held a reload's event loop 100–340 ms. */
const THREAD_ARTICLE_CHARACTERS = 200_000;
const WORKER = new URL('./analysis-worker.ts', import.meta.url);

/** Where a build analyses: in the parse pool's threads, on this thread, or by the amount of text (the default). */
export type AnalysisPlace = 'pool' | 'thread' | 'by size';

/** A batch as sent to a worker: its run (see `analyseBatch`) and its articles. */
export interface BatchTask {
  run: string;
  articles: ArticleText[];
}

/** What analysis reads of an article: all that is sent to a worker. */
export interface ArticleText {
  title: string | null;
  paragraphs: readonly string[];
}

/**
 * Articles analysed together, the articles as numbers in typed arrays. Terms are numbered by a
 * thread's numbering (see `Numbering`), and a batch names only the terms and words its numbering
 * met first in it: the batches of one numbering, read in order, name every term once.
 */
export interface AnalysedBatch {
  /** The numbering this batch's term numbers belong to. */
  numbering: string;
  /** The terms this batch added to its numbering, numbered from `firstTerm` on. */
  firstTerm: number;
  newTerms: string[];
  /** How many words its numbering held before this batch, and the folded words it added (an earlier batch of the numbering holds the rest), with their term numbers. */
  firstWord: number;
  words: string[];
  wordTerms: Uint32Array;
  /**
   * Article a's title entries are `fieldOffsets[2a] .. fieldOffsets[2a + 1]` in `entryTerms` /
   * `entryCounts`, its body's from there to `fieldOffsets[2a + 2]`; a field's distinct terms in
   * order of first occurrence, each with its count.
   */
  fieldOffsets: Uint32Array;
  entryTerms: Uint32Array;
  entryCounts: Uint32Array;
  /** Article a added `words[wordOffsets[a] .. wordOffsets[a + 1]]` to the numbering. */
  wordOffsets: Uint32Array;
  /** Article a's paragraph filters (`ParagraphTerms.words`) are `passageWords[passageOffsets[a] .. passageOffsets[a + 1]]`. */
  passageOffsets: Uint32Array;
  passageWords: Uint32Array;
}

/** Where article `a`'s entries lie in the batch's `entryTerms` / `entryCounts`: its title's from `start` to `titleEnd`, its body's from there to `end`. */
export function fieldRanges(batch: AnalysedBatch, a: number): { start: number; titleEnd: number; end: number } {
  const { fieldOffsets } = batch;
  return { start: fieldOffsets[2 * a] ?? 0, titleEnd: fieldOffsets[2 * a + 1] ?? 0, end: fieldOffsets[2 * a + 2] ?? 0 };
}

/** The words article `a` added to its numbering, each with its term (`terms`: the numbering's terms by number). */
export function* wordsAdded(batch: AnalysedBatch, terms: readonly string[], a: number): Generator<[word: string, term: string]> {
  for (let w = batch.wordOffsets[a] ?? 0; w < (batch.wordOffsets[a + 1] ?? 0); w += 1) yield [batch.words[w] ?? '', terms[batch.wordTerms[w] ?? 0] ?? ''];
}

/** `values`, or a larger copy with room for `index`, new places set to `fill`. */
export function grown(values: Int32Array, index: number, fill: number): Int32Array {
  if (index < values.length) return values;
  const larger = new Int32Array(Math.max(index + 1, values.length * 2)).fill(fill);
  larger.set(values);
  return larger;
}

/** Most written forms a numbering holds before the next batch starts a new one: bounds a thread's memory on a corpus of endless names. */
const MAX_FORMS = 1_000_000;
/** A numbering unused this long is dropped, so an idle thread does not hold a build's vocabulary. */
const NUMBERING_IDLE_MS = 5_000;

/** A batch list's chunks hold 2 ** this many numbers (64 KB): a batch gathers hundreds of thousands. */
const BATCH_CHUNK_BITS = 14;

/** A list for a batch, holding just `first` when given. */
function batchList(...first: number[]): Uint32List {
  const list = new Uint32List(BATCH_CHUNK_BITS);
  for (const value of first) list.push(value);
  return list;
}

/**
 * Written forms numbered 0, 1, ... as they are added, found by their `termHash` in an
 * open-addressing table of numbers (linear probing, at most half full). Every word of a batch is
 * looked up here with a fresh string from `wordsOf`: with a `Map<string, number>` of the forms
 * those lookups took 9.2 s of the 15-17 s analysing 20,000 real-length articles (CPU profile,
 * ~230 ns a word); analysing them on one thread took 14.4/13.1 s with the map, 9.8/9.9 s with this table.
 */
class FormTable {
  private slots = new Int32Array(1 << 12).fill(-1);
  private readonly forms: string[] = [];
  private readonly hashes: number[] = [];

  /** How many forms were added. */
  get size(): number {
    return this.forms.length;
  }

  /** The number of `form` (whose `termHash` is `hash`), or -1 when it was never added. */
  find(form: string, hash: number): number {
    const { slots, forms } = this;
    const mask = slots.length - 1;
    for (let i = hash & mask; ; i = (i + 1) & mask) {
      const f = slots[i] ?? -1;
      if (f < 0 || forms[f] === form) return f;
    }
  }

  /** Adds a form not yet added (whose `termHash` is `hash`); its number. */
  add(form: string, hash: number): number {
    const f = this.forms.length;
    this.forms.push(form);
    this.hashes.push(hash);
    if (2 * this.forms.length > this.slots.length) {
      this.slots = new Int32Array(2 * this.slots.length).fill(-1);
      this.hashes.forEach((h, g) => this.place(g, h));
    } else {
      this.place(f, hash);
    }
    return f;
  }

  private place(f: number, hash: number): void {
    const mask = this.slots.length - 1;
    let i = hash & mask;
    while ((this.slots[i] ?? -1) >= 0) i = (i + 1) & mask;
    this.slots[i] = f;
  }
}

/**
 * Term and word numbers one thread keeps across the batches of one run: each written form is
 * analysed once per thread, not once per batch (news vocabulary is Zipfian, and looking up a
 * form's terms, then each term and word, cost more than the rest of a batch together).
 */
class Numbering {
  private static count = 0;
  readonly id = `${threadId}:${(Numbering.count += 1)}`;
  readonly termNumbers = new Map<string, number>();
  readonly terms: string[] = [];
  readonly hashes: number[] = [];
  readonly knownWords = new Set<string>();
  /** Each written form (as `wordsOf` gives it) by number f: its terms are `formTerms[formOffsets[f] .. formOffsets[f + 1]]`. */
  readonly forms = new FormTable();
  readonly formOffsets: number[] = [0];
  readonly formTerms: number[] = [];
  /** The last paragraph each form was met in. */
  formParagraph: Int32Array = new Int32Array(4096).fill(-1);
  /** The last field each term was counted in, and its count there. */
  termField: Int32Array = new Int32Array(4096).fill(-1);
  termCount: Int32Array = new Int32Array(4096);
  field = 0;
  paragraph = 0;

  constructor(readonly run: string) {}
}

let numbering: Numbering | null = null;
let idleTimer: NodeJS.Timeout | undefined;

/** The thread's numbering for a run: the one it holds when it is this run's and not full, else a new one. */
function numberingFor(run: string): Numbering {
  if (numbering?.run !== run || numbering.forms.size > MAX_FORMS) numbering = new Numbering(run);
  clearTimeout(idleTimer);
  idleTimer = setTimeout(() => (numbering = null), NUMBERING_IDLE_MS).unref();
  return numbering;
}

/**
 * The analysis of one batch. Numbers stand in for strings wherever they can: a written form is
 * looked up once per occurrence and its terms are counted by number, with marks by number in
 * place of a map per field or paragraph.
 */
class BatchAnalysis {
  private readonly firstTerm: number;
  private readonly firstWord: number;
  private readonly words: string[] = [];
  private readonly wordTerms = batchList();
  private readonly fieldOffsets = batchList(0);
  private readonly entryTerms = batchList();
  private readonly entryCounts = batchList();
  private readonly wordOffsets = batchList(0);
  private readonly passageOffsets = batchList(0);
  private readonly passageWords = batchList();
  /** The current field's distinct terms, in order of first occurrence. */
  private readonly fieldTerms: number[] = [];
  /** The distinct forms of each paragraph of the current article, `paragraphForms[paragraphOffsets[p] .. paragraphOffsets[p + 1]]`: filters are sized by their number before any is filled. */
  private readonly paragraphForms: number[] = [];
  private readonly paragraphOffsets: number[] = [0];

  constructor(private readonly numbering: Numbering) {
    this.firstTerm = numbering.terms.length;
    this.firstWord = numbering.knownWords.size;
  }

  /** Analyses one article, after those before it in the batch. */
  add(article: ArticleText): void {
    const numbering = this.numbering;
    this.startField();
    for (const written of wordsOf(article.title ?? '')) this.countForm(this.formOf(written));
    this.endField();

    this.startField();
    this.paragraphForms.length = 0;
    this.paragraphOffsets.length = 1;
    for (const text of article.paragraphs) {
      const paragraph = (numbering.paragraph += 1);
      for (const written of wordsOf(text)) {
        const f = this.formOf(written);
        if (numbering.formParagraph[f] !== paragraph) {
          numbering.formParagraph[f] = paragraph;
          this.paragraphForms.push(f);
        }
        this.countForm(f);
      }
      this.paragraphOffsets.push(this.paragraphForms.length);
    }
    this.endField();
    this.wordOffsets.push(this.words.length);
    this.addFilters();
  }

  /** Everything analysed, as typed arrays. */
  result(): AnalysedBatch {
    return {
      numbering: this.numbering.id,
      firstTerm: this.firstTerm,
      firstWord: this.firstWord,
      newTerms: this.numbering.terms.slice(this.firstTerm),
      words: this.words,
      wordTerms: this.wordTerms.values(),
      fieldOffsets: this.fieldOffsets.values(),
      entryTerms: this.entryTerms.values(),
      entryCounts: this.entryCounts.values(),
      wordOffsets: this.wordOffsets.values(),
      passageOffsets: this.passageOffsets.values(),
      passageWords: this.passageWords.values(),
    };
  }

  private formOf(written: string): number {
    const numbering = this.numbering;
    const hash = termHash(written);
    const known = numbering.forms.find(written, hash);
    if (known >= 0) return known;
    for (const { term, word } of termsOfWord(written)) {
      const t = this.termNumber(term);
      numbering.formTerms.push(t);
      if (!numbering.knownWords.has(word)) {
        numbering.knownWords.add(word);
        this.words.push(word);
        this.wordTerms.push(t);
      }
    }
    const f = numbering.forms.add(written, hash);
    numbering.formOffsets.push(numbering.formTerms.length);
    numbering.formParagraph = grown(numbering.formParagraph, f, -1);
    return f;
  }

  private termNumber(term: string): number {
    const numbering = this.numbering;
    const known = numbering.termNumbers.get(term);
    if (known !== undefined) return known;
    const t = numbering.terms.length;
    numbering.termNumbers.set(term, t);
    numbering.terms.push(term);
    numbering.hashes.push(termHash(term));
    numbering.termField = grown(numbering.termField, t, -1);
    numbering.termCount = grown(numbering.termCount, t, 0);
    return t;
  }

  private startField(): void {
    this.numbering.field += 1;
    this.fieldTerms.length = 0;
  }

  /** One more occurrence of each term of form `f` in the current field. */
  private countForm(f: number): void {
    const { formOffsets, formTerms, termField, termCount, field } = this.numbering;
    const end = formOffsets[f + 1] ?? 0;
    for (let i = formOffsets[f] ?? 0; i < end; i += 1) {
      const t = formTerms[i] ?? 0;
      if (termField[t] === field) {
        termCount[t] = (termCount[t] ?? 0) + 1;
      } else {
        termField[t] = field;
        termCount[t] = 1;
        this.fieldTerms.push(t);
      }
    }
  }

  private endField(): void {
    const { termCount } = this.numbering;
    for (const t of this.fieldTerms) {
      this.entryTerms.push(t);
      this.entryCounts.push(termCount[t] ?? 0);
    }
    this.fieldOffsets.push(this.entryTerms.length);
  }

  /** The current article's paragraph filters, each sized by its distinct forms and holding their terms. */
  private addFilters(): void {
    const { formOffsets, formTerms, hashes } = this.numbering;
    const paragraphs = this.paragraphOffsets.length - 1;
    const filters = ParagraphTerms.sized(Array.from({ length: paragraphs }, (_, p) => (this.paragraphOffsets[p + 1] ?? 0) - (this.paragraphOffsets[p] ?? 0)));
    for (let p = 0; p < paragraphs; p += 1) {
      const end = this.paragraphOffsets[p + 1] ?? 0;
      for (let i = this.paragraphOffsets[p] ?? 0; i < end; i += 1) {
        const f = this.paragraphForms[i] ?? 0;
        const termsEnd = formOffsets[f + 1] ?? 0;
        for (let j = formOffsets[f] ?? 0; j < termsEnd; j += 1) filters.addHashed(p, hashes[formTerms[j] ?? 0] ?? 0);
      }
    }
    this.passageWords.append(filters.words);
    this.passageOffsets.push(this.passageWords.length);
  }
}

/**
 * Analyses articles together, in the thread's numbering for `run` (the batches of one run, read
 * in order, name each term once); the same analysis, term for term, as `analyzer.ts` gives each word.
 */
export function analyseBatch(articles: readonly ArticleText[], run: string): AnalysedBatch {
  const analysis = new BatchAnalysis(numberingFor(run));
  for (const article of articles) analysis.add(article);
  return analysis.result();
}

/** Every numbering's terms by number, and how many words it has named, as its batches come. */
class BatchTerms {
  private readonly numberings = new Map<string, { terms: string[]; words: number }>();

  /** The terms of the batch's numbering, those it adds included; null when a batch of its numbering was skipped or comes out of order. */
  of(batch: AnalysedBatch): readonly string[] | null {
    let named = this.numberings.get(batch.numbering);
    if (!named) {
      named = { terms: [], words: 0 };
      this.numberings.set(batch.numbering, named);
    }
    if (named.terms.length !== batch.firstTerm || named.words !== batch.firstWord) return null;
    for (const term of batch.newTerms) named.terms.push(term);
    named.words += batch.words.length;
    return named.terms;
  }
}

/** A batch analysed, its numbering's terms, and its articles, as `analyseInBatches` hands them on. */
export type AnalysedBatchHandler<A> = (batch: AnalysedBatch, terms: readonly string[], articles: readonly A[]) => void;

function characters(article: ArticleText): number {
  return (article.title?.length ?? 0) + article.paragraphs.reduce((sum, paragraph) => sum + paragraph.length, 0);
}

/**
 * Whether the articles hold `POOLED_MIN_CHARACTERS` of text, or one holds over
 * `THREAD_ARTICLE_CHARACTERS`, reading each once and no further than that: an article restored
 * from a snapshot decodes its body when read, and batching reads them all again.
 */
function worthPooling(articles: readonly ArticleText[]): boolean {
  let held = 0;
  for (const article of articles) {
    const length = characters(article);
    held += length;
    if (held >= POOLED_MIN_CHARACTERS || length > THREAD_ARTICLE_CHARACTERS) return true;
  }
  return false;
}

/** Consecutive runs of articles holding about `size` characters of text each. */
function* batches<A extends ArticleText>(articles: readonly A[], size: number): Generator<A[]> {
  let batch: A[] = [];
  let held = 0;
  for (const article of articles) {
    batch.push(article);
    held += characters(article);
    if (held >= size) {
      yield batch;
      batch = [];
      held = 0;
    }
  }
  if (batch.length > 0) yield batch;
}

/**
 * Analyses articles batch by batch, handing each batch with its articles to `each` in order: in
 * the parse pool's threads when there is much text or a long article (a few batches per thread in
 * flight, so the threads analyse while this one gathers), else on this thread, yielding to the
 * event loop between batches.
 */
export async function analyseInBatches<A extends ArticleText>(articles: readonly A[], each: AnalysedBatchHandler<A>, place: AnalysisPlace = 'by size'): Promise<void> {
  const run = randomUUID();
  const batchTerms = new BatchTerms();
  // A batch read out of its numbering's order (the pool hands tasks out first in, first out, so
  // it should not happen) is analysed again here, in this thread's own numbering.
  const hand = (batch: AnalysedBatch, articles: readonly A[]): void => {
    const terms = batchTerms.of(batch);
    if (terms) return each(batch, terms, articles);
    const again = analyseBatch(articles, `${run} again`);
    each(again, batchTerms.of(again) ?? [], articles);
  };
  const pooled = place === 'pool' || (place === 'by size' && worthPooling(articles));
  if (!pooled) {
    const pacer = new Pacer();
    for (const batch of batches(articles, THREAD_BATCH_CHARACTERS)) {
      hand(analyseBatch(batch, run), batch);
      if (pacer.due()) await pacer.rest();
    }
    return;
  }
  const pool = sharedParsePool();
  const inFlight: { articles: A[]; analysed: Promise<AnalysedBatch> }[] = [];
  const handOldest = async (): Promise<void> => {
    const oldest = inFlight.shift();
    if (oldest) hand(await oldest.analysed, oldest.articles);
  };
  for (const batch of batches(articles, POOLED_BATCH_CHARACTERS)) {
    const task: BatchTask = { run, articles: batch.map(({ title, paragraphs }) => ({ title, paragraphs })) };
    const analysed = pool.runModule<BatchTask, AnalysedBatch>(WORKER, task);
    // Handed on in order below; this only keeps a failure from counting as unhandled meanwhile.
    analysed.catch(() => undefined);
    inFlight.push({ articles: batch, analysed });
    if (inFlight.length > 2 * pool.threads) await handOldest();
  }
  while (inFlight.length > 0) await handOldest();
}
