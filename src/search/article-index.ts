/**
 * The article index: one MiniSearch document per article (title boosted over body), plus the
 * vocabulary of document frequencies and the articles themselves.
 *
 * Why articles and not sentences or paragraphs: retrieval only has to find the few articles worth
 * reading; the sentences of those are then ranked at query time (as Lucene's unified highlighter
 * picks passages). At 100,000 articles a sentence index would hold ~20x more documents and
 * postings for the same text, and BM25 over 25-word documents is a poor judge anyway; ranking a
 * few hundred candidate sentences per question takes well under a millisecond.
 *
 * Text is analysed once, by `analyzer.ts`, and handed to MiniSearch as space-joined terms, so the
 * index, the vocabulary and the sentence ranker all agree on what a term is.
 */
import MiniSearch, { type Query, type SearchResult } from 'minisearch';
import type { Article } from '../corpus/article.ts';
import type { Filters } from './results.ts';
import { tokenize } from './analyzer.ts';
import { TitleIndex } from './title-index.ts';
import { Vocabulary, type TermVariant } from './vocabulary.ts';

interface IndexDocument {
  id: string;
  title: string;
  body: string;
  /** Lowercased, for case-insensitive outlet filters. */
  outlet: string | null;
  /** `YYYY-MM-DD`, for day-granular date filters. */
  day: string | null;
}

/** An article prepared for indexing: its MiniSearch document, its distinct terms and the words they stem from. */
export interface AnalysedArticle {
  article: Article;
  document: IndexDocument;
  terms: string[];
  words: Map<string, string>;
}

/** One retrieved article and its BM25 score. */
export interface Retrieval {
  article: Article;
  score: number;
}

/** A question term and the index terms that stand for it. */
export interface TermGroup {
  variants: TermVariant[];
}

/** The changes a reload applies: new versions to index, old versions to drop (both analysed beforehand). */
export interface IndexChanges {
  upserts: AnalysedArticle[];
  removals: AnalysedArticle[];
}

const TITLE_BOOST = 2;
const BUILD_CHUNK = 500;

/** Analyses one article for the index. */
export function analyseArticle(article: Article): AnalysedArticle {
  const titleTokens = tokenize(article.title ?? '');
  const bodyTokens = tokenize(article.paragraphs.join('\n'));
  const title = titleTokens.map((t) => t.term);
  const body = bodyTokens.map((t) => t.term);
  const words = new Map<string, string>();
  for (const token of [...titleTokens, ...bodyTokens]) words.set(token.word, token.term);
  return {
    article,
    document: {
      id: article.id,
      title: title.join(' '),
      body: body.join(' '),
      outlet: article.outlet?.toLowerCase() ?? null,
      day: article.published?.slice(0, 10) ?? null,
    },
    terms: [...new Set([...title, ...body])],
    words,
  };
}

function createMiniSearch(): MiniSearch<IndexDocument> {
  return new MiniSearch<IndexDocument>({
    fields: ['title', 'body'],
    storeFields: ['outlet', 'day'],
    tokenize: (text) => (text === '' ? [] : text.split(' ')),
    processTerm: (term) => term,
    searchOptions: { boost: { title: TITLE_BOOST }, tokenize: (text) => [text], processTerm: (term) => term },
  });
}

/** The searchable state of one corpus: replaced whole by a full reload, patched by a small one. */
export class ArticleIndex {
  private constructor(
    private readonly miniSearch: MiniSearch<IndexDocument>,
    readonly vocabulary: Vocabulary,
    readonly titles: TitleIndex,
    private readonly articles: Map<string, Article>,
  ) {}

  /** Builds an index, yielding to the event loop between chunks of articles. */
  static async build(articles: readonly Article[]): Promise<ArticleIndex> {
    const index = new ArticleIndex(createMiniSearch(), new Vocabulary(), new TitleIndex(), new Map());
    for (let start = 0; start < articles.length; start += BUILD_CHUNK) {
      const chunk = articles.slice(start, start + BUILD_CHUNK).map(analyseArticle);
      for (const analysed of chunk) index.remember(analysed);
      await index.miniSearch.addAllAsync(
        chunk.map((analysed) => analysed.document),
        { chunkSize: 100 },
      );
    }
    await index.titles.addAll(articles);
    return index;
  }

  /** Number of articles. */
  get size(): number {
    return this.articles.size;
  }

  /** The article with this id. */
  article(id: string): Article | undefined {
    return this.articles.get(id);
  }

  /** Every article, in load order. */
  all(): IterableIterator<Article> {
    return this.articles.values();
  }

  /**
   * Applies a reload's changes in one synchronous step, so no query ever sees half of them.
   * Only for small change sets: the event loop is held for the whole step.
   */
  apply(changes: IndexChanges): void {
    for (const old of changes.removals) {
      if (this.articles.get(old.article.id) !== old.article) continue;
      this.vocabulary.remove(old.terms);
      this.miniSearch.discard(old.article.id);
      this.titles.discard(old.article.id);
      this.articles.delete(old.article.id);
    }
    for (const analysed of changes.upserts) {
      this.remember(analysed);
      this.miniSearch.add(analysed.document);
      this.titles.add(analysed.article);
    }
  }

  /** Articles matching the term groups (any, or all of them), best first, within the filters. */
  retrieve(groups: TermGroup[], filters: Filters, mode: 'any' | 'all', limit = Infinity): Retrieval[] {
    const usable = groups.filter((group) => group.variants.length > 0);
    if (usable.length === 0 || (mode === 'all' && usable.length < groups.length)) return [];
    const query: Query = {
      combineWith: mode === 'all' ? 'AND' : 'OR',
      queries: usable.map((group) => ({
        combineWith: 'OR',
        queries: group.variants.map((variant) => variant.term),
        boostTerm: (term: string) => group.variants.find((variant) => variant.term === term)?.weight ?? 1,
      })),
    };
    const accept = filterFor(filters);
    const results = this.miniSearch.search(query, accept ? { filter: accept } : {});
    const found: Retrieval[] = [];
    for (const result of results) {
      const article = this.articles.get(result.id as string);
      if (article) found.push({ article, score: result.score });
      if (found.length >= limit) break;
    }
    return found;
  }

  private remember(analysed: AnalysedArticle): void {
    this.articles.set(analysed.article.id, analysed.article);
    this.vocabulary.add(analysed.terms, analysed.words);
  }
}

/** Whether an article passes the filters: outlet case-insensitively, dates by inclusive day. */
function passesFilters(outlet: string | null, day: string | null, filters: Filters): boolean {
  if (filters.outlet !== undefined && outlet !== filters.outlet.toLowerCase()) return false;
  if (filters.since === undefined && filters.until === undefined) return true;
  if (day === null) return false;
  if (filters.since !== undefined && day < filters.since) return false;
  return filters.until === undefined || day <= filters.until;
}

function filterFor(filters: Filters): ((result: SearchResult) => boolean) | undefined {
  if (filters.outlet === undefined && filters.since === undefined && filters.until === undefined) {
    return undefined;
  }
  return (result) =>
    passesFilters((result.outlet as string | null) ?? null, (result.day as string | null) ?? null, filters);
}
