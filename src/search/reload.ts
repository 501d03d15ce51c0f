/**
 * Reloading the corpus under a live index.
 *
 * The corpus is loaded again (the loader's cache skips unchanged files), then compared with the
 * served articles by id and by every field of the article schema:
 * - a small change set (at most `INCREMENTAL_LIMIT` articles) is analysed first, between turns of
 *   the event loop, then applied to the live index in one synchronous step: MiniSearch's
 *   `discard` + `add` per article takes well under a millisecond, so 10 changed files out of
 *   100,000 cost milliseconds instead of a minute-long rebuild, and no query sees half a change;
 * - a larger one builds a new index beside the live one, in chunks so the event loop keeps
 *   turning, and is served only when complete.
 * If loading or building throws, the live index is untouched and keeps serving.
 *
 * A bad reload must not quietly shrink the coverage: an article whose file became unreadable or
 * rejected keeps its last good version (and the report says so), and a reload that would remove
 * more than `maxLoss` of the served articles (an emptied directory from a failed mount, a bad
 * sync) is refused unless confirmed.
 */
import { isDeepStrictEqual } from 'node:util';
import { ArticleSchema, type Article, type Corpus, type Rejection } from '../corpus/article.ts';
import { analyseArticles, ArticleIndex } from './article-index.ts';
import { Pacer } from '../pacing.ts';
import { DEFAULT_MAX_LOSS, type ReloadReport } from './results.ts';

/** Most changed articles a reload applies to the live index in place. */
export const INCREMENTAL_LIMIT = 500;
const DEFAULT_RELOAD_DEADLINE_MS = 10 * 60 * 1000;

/** How one reload runs. */
export interface ReloadOptions {
  /** Swap the reload in even when it removes more than the allowed share of the articles. */
  confirm?: boolean;
}

/** Thrown by `reload` when loading the corpus outlasts the deadline: the old index keeps serving and the next reload may run. */
export class ReloadDeadlineError extends Error {
  constructor(deadlineMs: number) {
    super(`The reload took over ${Math.round(deadlineMs / 1000)} s to load the corpus and was abandoned; the previous corpus is still served.`);
    this.name = 'ReloadDeadlineError';
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

/** Loads the corpus again; aborted through the signal when the reload's deadline passes. */
export type CorpusSource = (signal: AbortSignal) => Promise<Corpus>;

/** The index to serve after a reload (the live one, changed in place, or a new one) and what changed. */
export interface ReloadOutcome {
  index: ArticleIndex;
  report: ReloadReport;
}

/** Runs reloads one at a time from one corpus source, each against the index served when it starts. */
export class Reloader {
  #running = false;

  constructor(
    private readonly source: CorpusSource,
    private readonly maxLoss = DEFAULT_MAX_LOSS,
    private readonly deadlineMs = DEFAULT_RELOAD_DEADLINE_MS,
  ) {}

  /** True while a reload is running. */
  get running(): boolean {
    return this.#running;
  }

  /**
   * Loads the corpus and brings `live` up to date with it; throws `ReloadInProgressError` if a
   * reload is running, and `ReloadRefusedError` when it would remove too many articles unless
   * `confirm` is set. On any throw, `live` is as it was.
   */
  async reload(live: ArticleIndex, options: ReloadOptions = {}): Promise<ReloadOutcome> {
    if (this.#running) throw new ReloadInProgressError();
    this.#running = true;
    try {
      const started = performance.now();
      const corpus = await loadBefore(this.deadlineMs, this.source);
      const loaded = await distinctArticles(corpus.articles);
      const { added, updated, removed: missing } = await diffArticles(live, loaded);
      const { kept, removed } = lastGoodVersions(missing, corpus.rejected);
      if (!options.confirm && live.size > 0 && removed.length / live.size > this.maxLoss) {
        throw new ReloadRefusedError(live.size, removed.length, this.maxLoss);
      }
      let index = live;
      if (added.length + updated.length + removed.length <= INCREMENTAL_LIMIT) {
        const upserts = await analyseArticles([...added, ...updated]);
        const removals = await analyseArticles([...removed, ...updated.flatMap((a) => live.article(a.id) ?? [])]);
        live.apply({ upserts, removals });
      } else {
        index = await ArticleIndex.build([...loaded, ...kept.map(({ article }) => article)]);
      }
      const report = {
        added: added.map((a) => a.id),
        updated: updated.map((a) => a.id),
        removed: removed.map((a) => a.id),
        kept: kept.map(({ article, reason }) => ({ id: article.id, reason })),
        rejected: corpus.rejected,
        warnings: corpus.warnings,
        duplicates: corpus.duplicates,
        articleCount: index.size,
        tookMs: performance.now() - started,
      };
      return { index, report };
    } finally {
      this.#running = false;
    }
  }
}

/** The articles with the first of each id only: a corpus never serves two articles under one id. */
export async function distinctArticles(articles: readonly Article[]): Promise<Article[]> {
  const seen = new Set<string>();
  const distinct: Article[] = [];
  const pacer = new Pacer();
  for (const article of articles) {
    if (!seen.has(article.id)) {
      seen.add(article.id);
      distinct.push(article);
    }
    if (pacer.due()) await pacer.rest();
  }
  return distinct;
}

/**
 * Fields compared through `hash` instead of one by one: the hash covers the body (whitespace
 * normalised), and comparing 100,000 bodies paragraph by paragraph would cost a reload seconds.
 */
const HASHED_FIELDS: ReadonlySet<keyof Article> = new Set(['paragraphs']);
/** Every other field of the article schema: a field added to the schema is compared without a change here. */
const COMPARED_FIELDS = ArticleSchema.keyof().options.filter((field) => !HASHED_FIELDS.has(field));

/** Whether a reloaded article differs from the served one in any field of the article schema (the body by its hash). */
function articleChanged(old: Article, next: Article): boolean {
  return COMPARED_FIELDS.some((field) => !isDeepStrictEqual(old[field], next[field]));
}

/** What a reload changes, yielding as it goes so 100,000 articles never hold the event loop for long. */
async function diffArticles(live: ArticleIndex, articles: readonly Article[]): Promise<{ added: Article[]; updated: Article[]; removed: Article[] }> {
  const added: Article[] = [];
  const updated: Article[] = [];
  const incoming = new Set<string>();
  const pacer = new Pacer();
  for (const article of articles) {
    incoming.add(article.id);
    const old = live.article(article.id);
    if (!old) added.push(article);
    else if (articleChanged(old, article)) updated.push(article);
    if (pacer.due()) await pacer.rest();
  }
  const removed: Article[] = [];
  for (const article of live.all()) {
    if (!incoming.has(article.id)) removed.push(article);
    if (pacer.due()) await pacer.rest();
  }
  return { added, updated, removed };
}

/**
 * Loads with a deadline. On expiry the load's signal is aborted (the loader stops reading and
 * parsing) and the reload fails at once, even if some read never returns: a wedged disk must not
 * leave every later reload refused as "already running".
 */
async function loadBefore(deadlineMs: number, load: CorpusSource): Promise<Corpus> {
  const deadline = new AbortController();
  const expired = new Promise<never>((_, reject) => {
    deadline.signal.addEventListener('abort', () => reject(deadline.signal.reason), { once: true });
  });
  const timer = setTimeout(() => deadline.abort(new ReloadDeadlineError(deadlineMs)), deadlineMs);
  try {
    return await Promise.race([load(deadline.signal), expired]);
  } finally {
    clearTimeout(timer);
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
