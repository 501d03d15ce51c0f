/**
 * The live index holder: answers, searches and suggestions over the current corpus, and reloads.
 *
 * Reload strategy. The corpus is loaded again (the loader's cache skips unchanged files), then
 * compared with the served articles by id and hash:
 * - a small change set (at most `INCREMENTAL_LIMIT` articles) is analysed first, between turns of
 *   the event loop, then applied to the live index in one synchronous step: MiniSearch's
 *   `discard` + `add` per article takes well under a millisecond, so 10 changed files out of
 *   100,000 cost milliseconds instead of a minute-long rebuild, and no query sees half a change;
 * - a larger one builds a new index beside the live one, in chunks so the event loop keeps
 *   turning, and swaps it in only when complete.
 * Queries during a reload are answered from the live index; if loading or building throws, the
 * live index is untouched and keeps serving.
 *
 * A bad reload must not quietly shrink the coverage: an article whose file became unreadable or
 * rejected keeps its last good version (and the report says so), and a reload that would remove
 * more than `maxLoss` of the served articles (an emptied directory from a failed mount, a bad
 * sync) is refused unless confirmed.
 */
// Yielding between slices lets a gateway heartbeat or a query run during a reload, as the loader does.
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { Article, Corpus, Rejection } from '../corpus/article.ts';
import { CorpusCache, loadCorpus, type LoadOptions } from '../corpus/loader.ts';
import { analyseArticles, ArticleIndex, type AnalysedArticle, type Retrieval } from './article-index.ts';
import { composeAnswer, articleRef, findCandidates, unanswered } from './answer.ts';
import { prepareQuestion, readQuestion } from './question.ts';
import {
  DEFAULT_MAX_LOSS,
  PAGE_SIZE,
  type Answer,
  type ArticleRef,
  type Coverage,
  type Filters,
  type ReloadReport,
  type SearchPage,
} from './results.ts';
import { SentenceCache } from './sentence-ranking.ts';
import { corpusFingerprint, readSnapshot, writeSnapshot, type SnapshotMiss } from './snapshot.ts';
import { snippetFor } from './snippet.ts';
import { outletsCovering, quoteOutlets, type Comparison } from './compare.ts';
import { inDateOrder, timelineEntries, type Timeline } from './timeline.ts';
import type { Question } from './question.ts';
import { fold } from './analyzer.ts';
import { acceptedFilters } from './filters.ts';

/** Results per search page. */
/** Most changed articles a reload applies to the live index in place. */
export const INCREMENTAL_LIMIT = 500;
const COMPARE_SLICE = 5000;
const DEFAULT_SUGGESTIONS = 25;

/** Loads a corpus directory (`loadCorpus` unless a test or the bench says otherwise). */
export type CorpusLoader = (corpusDir: string, options: LoadOptions) => Promise<Corpus>;

/** How a library loads its corpus: the loader's options, passed through on every load and reload. */
export interface LibraryOptions extends LoadOptions {
  load?: CorpusLoader;
  /** Share (0 to 1) of the served articles a reload may remove unless confirmed; default `DEFAULT_MAX_LOSS`. */
  maxLoss?: number;
  /** Where the index snapshot lives: served at start when the corpus is unchanged, written after a full load. */
  snapshotPath?: string;
  /** Longest a reload may spend loading the corpus before it is abandoned (default 10 minutes). */
  reloadDeadlineMs?: number;
}

/** How one reload runs. */
export interface ReloadOptions {
  /** Swap the reload in even when it removes more than the allowed share of the articles. */
  confirm?: boolean;
}

/** Where the served index came from at open: a snapshot, or the corpus (and why no snapshot was served). */
export type IndexOrigin =
  | { from: 'snapshot' }
  | { from: 'corpus'; snapshot: SnapshotMiss | 'not configured'; detail: string | null; notWritten?: string };

const DEFAULT_RELOAD_DEADLINE_MS = 10 * 60 * 1000;

/** Thrown by `reload` when loading the corpus outlasts the deadline: the old index keeps serving and the next reload may run. */
export class ReloadDeadlineError extends Error {
  constructor(deadlineMs: number) {
    super(`The reload took over ${Math.round(deadlineMs / 1000)} s to load the corpus and was abandoned; the previous corpus is still served.`);
    this.name = 'ReloadDeadlineError';
  }
}

/**
 * Loads with a deadline. On expiry the load's signal is aborted (the loader stops reading and
 * parsing) and the reload fails at once, even if some read never returns: a wedged disk must not
 * leave every later reload refused as "already running".
 */
async function loadBefore(deadlineMs: number, load: (signal: AbortSignal) => Promise<Corpus>): Promise<Corpus> {
  const deadline = new AbortController();
  const expired = new Promise<never>((_, reject) => {
    deadline.signal.addEventListener('abort', () => reject(deadline.signal.reason as Error), { once: true });
  });
  const timer = setTimeout(() => deadline.abort(new ReloadDeadlineError(deadlineMs)), deadlineMs);
  try {
    return await Promise.race([load(deadline.signal), expired]);
  } finally {
    clearTimeout(timer);
  }
}

/** Thrown by `reload` while another reload is running. */
export class ReloadInProgressError extends Error {
  constructor() {
    super('A reload is already running; try again when it has finished.');
    this.name = 'ReloadInProgressError';
  }
}

/** Thrown by `reload` when it would remove more than the allowed share of the served articles; the old index keeps serving. */
export class ReloadRefusedError extends Error {
  constructor(
    /** Articles served before the reload. */
    readonly served: number,
    /** Of those, how many the reload would remove. */
    readonly removed: number,
    /** The allowed share, 0 to 1. */
    readonly maxLoss: number,
  ) {
    super(
      `This reload would remove ${removed} of the ${served} articles served (${percent(removed / served)}), ` +
        `more than the ${percent(maxLoss)} allowed (RELOAD_MAX_LOSS); the current corpus keeps serving.`,
    );
    this.name = 'ReloadRefusedError';
  }
}

/** The corpus, indexed and answerable. */
export class Library {
  private index: ArticleIndex;
  private loadedAt = new Date();
  private coverageCache: Coverage | null = null;
  private latestCache: string[] | null = null;
  private running = false;
  private readonly sentences = new SentenceCache();

  private constructor(
    index: ArticleIndex,
    private readonly source: ((signal: AbortSignal) => Promise<Corpus>) | null,
    private readonly maxLoss = DEFAULT_MAX_LOSS,
    /** Where the index served at open came from. */
    readonly origin: IndexOrigin = { from: 'corpus', snapshot: 'not configured', detail: null },
    private readonly reloadDeadlineMs = DEFAULT_RELOAD_DEADLINE_MS,
  ) {
    this.index = index;
  }

  /**
   * Loads and indexes a corpus directory; throws a clear Error (the loader's `CorpusDirectoryError`)
   * if it cannot be read. Reloads share one loader cache, so unchanged files are not parsed again.
   */
  static async open(corpusDir: string, options: LibraryOptions = {}): Promise<Library> {
    const { load = loadCorpus, maxLoss, snapshotPath, reloadDeadlineMs, ...loadOptions } = options;
    const cache = loadOptions.cache ?? new CorpusCache();
    const source = (signal?: AbortSignal) => load(corpusDir, { ...loadOptions, cache, ...(signal ? { signal } : {}) });
    if (snapshotPath === undefined) {
      return new Library(await ArticleIndex.build(distinct((await source()).articles)), source, maxLoss, undefined, reloadDeadlineMs);
    }
    // Fingerprinted before loading: a file changed during the build makes this snapshot stale, never wrongly fresh.
    const fingerprint = await corpusFingerprint(corpusDir, loadOptions.maxFileBytes);
    const restored = await readSnapshot(snapshotPath, fingerprint);
    if (restored.index) return new Library(restored.index, source, maxLoss, { from: 'snapshot' }, reloadDeadlineMs);
    const index = await ArticleIndex.build(distinct((await source()).articles));
    // The snapshot only speeds up the next start: failing to write it (no such folder, a full disk) must not stop this one.
    const notWritten = await writeSnapshot(snapshotPath, index, fingerprint).then(
      () => undefined,
      (error: Error) => `snapshot not written: ${error.message}`,
    );
    return new Library(index, source, maxLoss, { from: 'corpus', snapshot: restored.miss, detail: restored.detail, notWritten }, reloadDeadlineMs);
  }

  /** A library over articles already in memory; `reload` calls `load` when given. */
  static async fromArticles(articles: readonly Article[], options: { load?: () => Promise<Corpus>; maxLoss?: number } = {}): Promise<Library> {
    return new Library(await ArticleIndex.build(distinct(articles)), options.load ?? null, options.maxLoss);
  }

  /** True while a reload is running. */
  get reloading(): boolean {
    return this.running;
  }

  /** Answers a question with up to three verbatim, cited sentences. */
  answer(question: string, filters: Filters = {}): Answer {
    const started = performance.now();
    const tookMs = () => performance.now() - started;
    const { terms: termsOfQuestion, notice } = readQuestion(question);
    if (notice) return { ...unanswered(question, [], 0, notice), tookMs: tookMs() };
    const outlets = this.coverage().outlets.flatMap((o) => (o.outlet === null ? [] : [o.outlet]));
    const candidates = findCandidates(this.index, this.sentences, question, termsOfQuestion, acceptedFilters(filters), outlets);
    return { ...composeAnswer(question, candidates, this.sentences), tookMs: tookMs() };
  }

  /**
   * Ranked articles, five per page. Articles holding every query word come first; when none does,
   * those holding any. A page past the end shows the last page, with a notice.
   */
  search(query: string, filters: Filters = {}, page = 1): SearchPage {
    const started = performance.now();
    const { terms: termsOfQuery, notice } = readQuestion(query);
    const empty = { query, page: 1, pageCount: 0, total: 0, hits: [] };
    if (notice) return { ...empty, notice, tookMs: performance.now() - started };
    const index = this.index;
    const prepared = prepareQuestion(termsOfQuery, index.vocabulary, true);
    const accepted = acceptedFilters(filters);
    let found = index.retrieve(prepared.terms, accepted, 'all');
    if (found.length === 0) found = index.retrieve(prepared.terms, accepted, 'any');
    const pageCount = Math.ceil(found.length / PAGE_SIZE);
    if (pageCount === 0) {
      return { ...empty, notice: 'No articles match that search.', tookMs: performance.now() - started };
    }
    const requested = Number.isInteger(page) && page >= 1 ? page : 1;
    const shown = Math.min(requested, pageCount);
    const hits = found.slice((shown - 1) * PAGE_SIZE, shown * PAGE_SIZE).map(({ article, score, passages }: Retrieval) => {
      const snippet = snippetFor(article, prepared, this.sentences, passages);
      return { ...articleRef(article), snippet: snippet.text, snippetParts: snippet.parts, score };
    });
    return {
      query,
      page: shown,
      pageCount,
      total: found.length,
      hits,
      notice: requested > pageCount ? `There are only ${pageCount} pages; this is the last.` : null,
      tookMs: performance.now() - started,
    };
  }

  /** Who reported what on a topic: each outlet's best sentence, newest first, five outlets a page (see compare.ts). */
  compare(topic: string, filters: Filters = {}, page = 1): Comparison {
    const started = performance.now();
    const matched = this.matching(topic, filters);
    const outlets = outletsCovering(matched.found);
    const shown = pageWithin(outlets.length, page);
    const onPage = outlets.slice((shown.page - 1) * PAGE_SIZE, shown.page * PAGE_SIZE);
    return {
      topic,
      ...shown,
      total: outlets.length,
      outlets: matched.notice === null ? quoteOutlets(matched.question, onPage, this.sentences) : [],
      notice: matched.notice ?? (outlets.length === 0 ? 'No outlet in the coverage reported on that.' : shown.notice),
      tookMs: performance.now() - started,
    };
  }

  /** How a story developed: the matching articles oldest first (undated last), five a page, each with its best sentence. */
  timeline(topic: string, filters: Filters = {}, page = 1): Timeline {
    const started = performance.now();
    const matched = this.matching(topic, filters);
    const ordered = inDateOrder(matched.found);
    const dated = ordered.filter((r) => r.article.published !== null);
    const shown = pageWithin(ordered.length, page);
    const entries = matched.notice === null ? timelineEntries(matched.question, ordered.slice((shown.page - 1) * PAGE_SIZE, shown.page * PAGE_SIZE), this.sentences) : [];
    return {
      topic,
      ...shown,
      total: ordered.length,
      first: dated[0]?.article.published ?? null,
      last: dated.at(-1)?.article.published ?? null,
      undated: ordered.length - dated.length,
      entries,
      notice: matched.notice ?? (ordered.length === 0 ? 'No articles in the coverage match that topic.' : shown.notice),
      tookMs: performance.now() - started,
    };
  }

  /** The article with this id. */
  article(id: string): Article | undefined {
    return this.index.article(id);
  }

  /** Articles whose titles match what was typed, for autocomplete; the latest articles when nothing was typed. */
  suggestTitles(text: string, limit = DEFAULT_SUGGESTIONS): ArticleRef[] {
    const index = this.index;
    const ids = text.trim() === '' ? this.latestIds(limit) : index.titles.suggest(text, limit);
    return ids.flatMap((id) => {
      const article = index.article(id);
      return article ? [articleRef(article)] : [];
    });
  }

  /** Outlets whose names start with (then contain) what was typed, largest first. */
  suggestOutlets(text: string, limit = DEFAULT_SUGGESTIONS): string[] {
    const typed = fold(text.trim());
    const outlets = this.coverage().outlets.flatMap((o) => (o.outlet === null ? [] : [o.outlet]));
    const starting = outlets.filter((o) => fold(o).startsWith(typed));
    const containing = outlets.filter((o) => !fold(o).startsWith(typed) && fold(o).includes(typed));
    return [...starting, ...containing].slice(0, limit);
  }

  /** What the corpus holds. */
  coverage(): Coverage {
    this.coverageCache ??= coverageOf(this.index.all(), this.loadedAt);
    return this.coverageCache;
  }

  /**
   * Loads the corpus again and serves it once indexed; throws `ReloadInProgressError` if one is
   * running, and `ReloadRefusedError` when it would remove too many articles unless `confirm` is set.
   */
  async reload(options: ReloadOptions = {}): Promise<ReloadReport> {
    if (this.running) throw new ReloadInProgressError();
    if (!this.source) throw new Error('This library was not opened from a corpus directory, so it cannot reload.');
    this.running = true;
    try {
      const started = performance.now();
      const corpus = await loadBefore(this.reloadDeadlineMs, this.source);
      const live = this.index;
      const loaded = distinct(corpus.articles);
      const { added, updated, removed: missing } = await compare(live, loaded);
      const { kept, removed } = lastGoodVersions(missing, corpus.rejected);
      const articles = [...loaded, ...kept.map(({ article }) => article)];
      if (!options.confirm && live.size > 0 && removed.length / live.size > this.maxLoss) {
        throw new ReloadRefusedError(live.size, removed.length, this.maxLoss);
      }
      const changes = added.length + updated.length + removed.length;
      if (changes <= INCREMENTAL_LIMIT) {
        const upserts = await analyseAll([...added, ...updated]);
        const removals = await analyseAll([
          ...removed,
          ...updated.flatMap((a) => live.article(a.id) ?? []),
        ]);
        live.apply({ upserts, removals });
      } else {
        this.index = await ArticleIndex.build(articles);
      }
      this.loadedAt = new Date();
      this.coverageCache = null;
      this.latestCache = null;
      return {
        added: added.map((a) => a.id),
        updated: updated.map((a) => a.id),
        removed: removed.map((a) => a.id),
        kept: kept.map(({ article, reason }) => ({ id: article.id, reason })),
        rejected: corpus.rejected,
        articleCount: this.index.size,
        tookMs: performance.now() - started,
      };
    } finally {
      this.running = false;
    }
  }

  /** Articles on a topic as /search finds them: holding every topic word, else any; or why the topic is unusable. */
  private matching(topic: string, filters: Filters): { question: Question; found: Retrieval[]; notice: null } | { found: []; notice: string } {
    const { terms, notice } = readQuestion(topic);
    if (notice) return { found: [], notice };
    const index = this.index;
    const question = prepareQuestion(terms, index.vocabulary, false);
    const accepted = acceptedFilters(filters);
    const all = index.retrieve(question.terms, accepted, 'all');
    return { question, found: all.length > 0 ? all : index.retrieve(question.terms, accepted, 'any'), notice: null };
  }

  /** Titled articles, latest first: sorted once per load, as autocomplete asks on every keystroke. */
  private latestIds(limit: number): string[] {
    this.latestCache ??= [...this.index.all()]
      .filter((a) => a.title !== null)
      .sort((a, b) => (b.published ?? '').localeCompare(a.published ?? ''))
      .map((a) => a.id);
    return this.latestCache.slice(0, limit);
  }
}

/**
 * Splits the served articles missing from a reload into those whose file is still there but could
 * not be used this time (unreadable, over the size limit, rejected as a whole or as this record, or
 * under a directory that cannot be read), whose last good version stays served so a transient fault
 * does not drop them, and those really removed (their file was deleted).
 */
function lastGoodVersions(missing: readonly Article[], rejected: readonly Rejection[]): { kept: { article: Article; reason: string }[]; removed: Article[] } {
  if (rejected.length === 0) return { kept: [], removed: [...missing] };
  const reasonByPlace = new Map(rejected.map((issue) => [issue.record === null ? issue.file : `${issue.file}#${issue.record}`, issue.reason]));
  const kept: { article: Article; reason: string }[] = [];
  const removed: Article[] = [];
  for (const article of missing) {
    const reason = reasonByPlace.get(article.id) ?? enclosingPaths(article.file).map((place) => reasonByPlace.get(place)).find((found) => found !== undefined);
    if (reason === undefined) removed.push(article);
    else kept.push({ article, reason });
  }
  return { kept, removed };
}

/** `a/b/c.txt`, then `a/b`, then `a`: the file and each directory holding it. */
function enclosingPaths(file: string): string[] {
  const parts = file.split('/');
  return parts.map((_, end) => parts.slice(0, parts.length - end).join('/'));
}

function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** The page to show of `count` results (the last one when asked past the end), and the page count. */
function pageWithin(count: number, requested: number): { page: number; pageCount: number; notice: string | null } {
  const pageCount = Math.ceil(count / PAGE_SIZE);
  const asked = Number.isInteger(requested) && requested >= 1 ? requested : 1;
  const page = Math.max(1, Math.min(asked, pageCount));
  return { page, pageCount, notice: pageCount > 0 && asked > pageCount ? `There are only ${pageCount} pages; this is the last.` : null };
}

/** What a reload changes, compared in slices so 100,000 articles never hold the event loop for long. */
async function compare(
  live: ArticleIndex,
  articles: readonly Article[],
): Promise<{ added: Article[]; updated: Article[]; removed: Article[] }> {
  const added: Article[] = [];
  const updated: Article[] = [];
  const incoming = new Set<string>();
  for (const [i, article] of articles.entries()) {
    incoming.add(article.id);
    const old = live.article(article.id);
    if (!old) added.push(article);
    else if (changed(old, article)) updated.push(article);
    if (i % COMPARE_SLICE === COMPARE_SLICE - 1) await yieldToEventLoop();
  }
  const removed: Article[] = [];
  let seen = 0;
  for (const article of live.all()) {
    if (!incoming.has(article.id)) removed.push(article);
    if (++seen % COMPARE_SLICE === 0) await yieldToEventLoop();
  }
  return { added, updated, removed };
}

/** Whether a reloaded article differs from the served one in anything a reader sees. */
function changed(old: Article, next: Article): boolean {
  return (
    old.hash !== next.hash ||
    old.title !== next.title ||
    old.outlet !== next.outlet ||
    old.author !== next.author ||
    old.published !== next.published ||
    old.url !== next.url ||
    old.language !== next.language
  );
}

function distinct(articles: readonly Article[]): Article[] {
  const seen = new Set<string>();
  return articles.filter((a) => !seen.has(a.id) && seen.add(a.id));
}

async function analyseAll(articles: readonly Article[]): Promise<AnalysedArticle[]> {
  const analysed: AnalysedArticle[] = [];
  await analyseArticles(articles, (one) => analysed.push(one));
  return analysed;
}

function coverageOf(articles: Iterable<Article>, loadedAt: Date): Coverage {
  const counts = new Map<string | null, number>();
  let articleCount = 0;
  let earliest: string | null = null;
  let latest: string | null = null;
  for (const article of articles) {
    articleCount += 1;
    counts.set(article.outlet, (counts.get(article.outlet) ?? 0) + 1);
    const day = article.published;
    if (day !== null) {
      if (earliest === null || day < earliest) earliest = day;
      if (latest === null || day > latest) latest = day;
    }
  }
  const outlets = [...counts]
    .map(([outlet, count]) => ({ outlet, count }))
    .sort((a, b) => b.count - a.count || (a.outlet ?? '').localeCompare(b.outlet ?? ''));
  return { articleCount, outlets, earliest, latest, loadedAt: loadedAt.toISOString() };
}
