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
 * index, the vocabulary and the sentence ranker all agree on what a term is. MiniSearch stores no
 * field: the articles are kept once, here, and what filters read (outlet, day) sits in arrays by
 * article number beside them.
 */
import type { Options, Query } from 'minisearch';
import type { Article } from '../corpus/article.ts';
import type { Filters } from './results.ts';
import { outletKey } from './filters.ts';
import { analyseInBatches, fieldRanges, grown, wordsAdded, type AnalysedBatch, type AnalysisPlace } from './article-analysis.ts';
import { ParagraphTerms } from './passages.ts';
import { CountedMiniSearch, PostingsBuilder, type BoostedTerms, type PostingsParts, type ScoredDocument } from './postings.ts';
import { TitleIndex } from './title-index.ts';
import type { StoredBodies } from './stored-bodies.ts';
import { Vocabulary, type TermVariant, type VocabularyParts } from './vocabulary.ts';

/** An article prepared for a reload's change to the live index: its terms per field, its distinct terms, the words they stem from, and its paragraph filters. */
export interface AnalysedArticle {
  article: Article;
  /** Term → occurrences in the title. */
  title: Map<string, number>;
  /** Term → occurrences in the body. */
  body: Map<string, number>;
  /** The distinct terms of title and body. */
  terms: string[];
  /** The folded words met first in this article among those analysed with it, each with its term (the vocabulary keeps the first). */
  words: [word: string, term: string][];
  passages: ParagraphTerms;
}

/** One retrieved article, its BM25 score, and which of its paragraphs may hold which terms. */
export interface Retrieval {
  article: Article;
  score: number;
  passages?: ParagraphTerms;
}

/** A question term and the index terms that stand for it. */
export interface TermGroup {
  variants: TermVariant[];
}

/** What a snapshot stores of an index (see `ArticleIndex.fromParts`); a removed article's place holds null. */
export interface IndexParts {
  documents: (Article | null)[];
  passages: (Uint32Array | null)[];
  /** The MiniSearch index's postings and document table. */
  postings: PostingsParts;
  vocabulary: VocabularyParts;
}

/** The changes a reload applies: new versions to index, old versions to drop (both analysed beforehand). */
export interface IndexChanges {
  upserts: AnalysedArticle[];
  removals: AnalysedArticle[];
}

const TITLE_BOOST = 2;
/** The fields MiniSearch indexes, in the order `addCounted` is given their terms. */
interface IndexDocument {
  id: string;
  title: string;
  body: string;
}

// Documents arrive as counted terms (`addCounted`), never as text; a query's terms are already analysed.
const MINISEARCH_OPTIONS: Options<IndexDocument> = {
  fields: ['title', 'body'],
  searchOptions: { boost: { title: TITLE_BOOST }, tokenize: (text) => [text], processTerm: (term) => term },
};

/** Analyses articles for a reload's change to the live index, yielding to the event loop as it goes (`analyseInBatches`). */
export async function analyseArticles(articles: readonly Article[]): Promise<AnalysedArticle[]> {
  const analysed: AnalysedArticle[] = [];
  await analyseInBatches(articles, (batch, terms, batchArticles) => {
    batchArticles.forEach((article, a) => analysed.push(unpackedArticle(batch, terms, a, article)));
  });
  return analysed;
}

/** Article `a` of a batch as maps and lists of strings: a reload changes few articles, each added to MiniSearch's maps as they are. */
function unpackedArticle(batch: AnalysedBatch, terms: readonly string[], a: number, article: Article): AnalysedArticle {
  const counts = (start: number, end: number): Map<string, number> => {
    const found = new Map<string, number>();
    for (let i = start; i < end; i += 1) found.set(terms[batch.entryTerms[i] ?? 0] ?? '', batch.entryCounts[i] ?? 0);
    return found;
  };
  const { start, titleEnd, end } = fieldRanges(batch, a);
  const title = counts(start, titleEnd);
  const body = counts(titleEnd, end);
  const distinct = [...body.keys()];
  for (const term of title.keys()) if (!body.has(term)) distinct.push(term);
  return { article, title, body, terms: distinct, words: [...wordsAdded(batch, terms, a)], passages: passagesOf(batch, a) };
}

/** Article `a`'s paragraph filters, a view into the batch's. */
function passagesOf(batch: AnalysedBatch, a: number): ParagraphTerms {
  return new ParagraphTerms(batch.passageWords.subarray(batch.passageOffsets[a], batch.passageOffsets[a + 1]));
}

/**
 * Document frequencies by the postings' term numbers, and the words the terms come from, gathered
 * batch by batch for a full build's vocabulary: counting by number spares a string lookup per
 * term of every article.
 */
class VocabularyCounts {
  /** Learns the words as batches bring them, so a build never holds the event loop to learn them all at once. */
  private readonly vocabulary = new Vocabulary();
  private frequencies: Int32Array = new Int32Array(1 << 16);
  /** The last document counted for each term: a term in both title and body counts once. */
  private lastDocument: Int32Array = new Int32Array(1 << 16);
  private documents = 0;

  /** Counts one document, given its terms by number (a number may repeat). */
  countDocument(terms: ArrayLike<number>): void {
    this.documents += 1;
    for (let i = 0; i < terms.length; i += 1) {
      const t = terms[i] ?? 0;
      this.frequencies = grown(this.frequencies, t, 0);
      this.lastDocument = grown(this.lastDocument, t, 0);
      if (this.lastDocument[t] === this.documents) continue;
      this.lastDocument[t] = this.documents;
      this.frequencies[t] = (this.frequencies[t] ?? 0) + 1;
    }
  }

  /** Learns a word and its term, unless a word met before. */
  learn(word: string, term: string): void {
    this.vocabulary.learn(word, term);
  }

  /** The vocabulary counted, given the terms by number. */
  async counted(terms: readonly string[]): Promise<Vocabulary> {
    const frequencies = this.frequencies;
    function* counts(): Generator<[string, number]> {
      for (const [t, term] of terms.entries()) yield [term, frequencies[t] ?? 0];
    }
    await this.vocabulary.addCounted(this.documents, counts());
    return this.vocabulary;
  }
}

/**
 * The searchable state of one corpus: replaced whole by a full reload, patched by a small one.
 * Articles are numbered in load order; arrays indexed by that number hold what retrieval and its
 * filters read, so no field is stored twice.
 */
export class ArticleIndex {
  private readonly documents: (Article | undefined)[] = [];
  private readonly passages: (ParagraphTerms | undefined)[] = [];
  /** Lowercased, for case-insensitive outlet filters. */
  private readonly outlets: (string | null)[] = [];
  /** `YYYY-MM-DD`, for day-granular date filters. */
  private readonly days: (string | null)[] = [];
  private readonly numbers = new Map<string, number>();
  /**
   * The postings a build filled MiniSearch from, until a change: a snapshot written right after
   * the build stores them as they are, where copying MiniSearch's back out of its radix tree held
   * the event loop for seconds at 100,000 articles. The arrays are never written to (changes go
   * beside them, `packed-postings.ts`), so they stay true until `apply` drops them.
   */
  private builtPostings: PostingsParts | null = null;

  private constructor(
    private readonly miniSearch: CountedMiniSearch<IndexDocument>,
    readonly vocabulary: Vocabulary,
    readonly titles: TitleIndex,
  ) {}

  /**
   * Builds an index, yielding to the event loop while it works: articles are analysed in batches
   * (in the parse pool's threads for a large corpus, or where `place` says; `article-analysis.ts`)
   * and their postings gathered in order, then MiniSearch is filled term by term (`postings.ts`).
   */
  static async build(articles: readonly Article[], place: AnalysisPlace = 'by size'): Promise<ArticleIndex> {
    const postings = new PostingsBuilder(MINISEARCH_OPTIONS.fields.length);
    const vocabulary = new VocabularyCounts();
    const documents: Article[] = [];
    const passages: ParagraphTerms[] = [];
    // Per numbering, each of its term numbers as the postings number it (-1 until met): mapped as
    // entries meet them, so the postings number terms in the order documents meet them.
    const postingsNumbers = new Map<string, Int32Array>();
    await analyseInBatches(articles, (batch, terms, batchArticles) => {
      const numbers = grown(postingsNumbers.get(batch.numbering) ?? new Int32Array(1024).fill(-1), terms.length, -1);
      postingsNumbers.set(batch.numbering, numbers);
      const entryTerms = batch.entryTerms.map((t) => {
        const known = numbers[t] ?? -1;
        return known >= 0 ? known : (numbers[t] = postings.termNumber(terms[t] ?? ''));
      });
      batchArticles.forEach((article, a) => {
        const { start, titleEnd, end } = fieldRanges(batch, a);
        postings.add(article.id, [
          { terms: entryTerms.subarray(start, titleEnd), counts: batch.entryCounts.subarray(start, titleEnd) },
          { terms: entryTerms.subarray(titleEnd, end), counts: batch.entryCounts.subarray(titleEnd, end) },
        ]);
        vocabulary.countDocument(entryTerms.subarray(start, end));
        for (const [word, term] of wordsAdded(batch, terms, a)) vocabulary.learn(word, term);
        documents.push(article);
        passages.push(passagesOf(batch, a));
      });
    }, place);
    const parts = await postings.parts();
    const index = ArticleIndex.assembled(await CountedMiniSearch.restore(parts, MINISEARCH_OPTIONS), await vocabulary.counted(parts.terms), documents, passages);
    index.builtPostings = parts;
    await index.fillTitles();
    return index;
  }

  /** Everything the index holds but its title index (rebuilt from the titles), for a snapshot. */
  parts(): IndexParts {
    return {
      documents: this.documents.map((article) => article ?? null),
      passages: this.passages.map((passages) => passages?.words ?? null),
      postings: this.builtPostings ?? this.miniSearch.postings(),
      vocabulary: this.vocabulary.parts(),
    };
  }

  /** An index read back from `parts`; its title autocomplete is empty until `fillTitles`, as a snapshot may yet fail its checks. */
  static async fromParts(parts: IndexParts): Promise<ArticleIndex> {
    if (parts.passages.length !== parts.documents.length) throw new Error('snapshot parts do not describe one index');
    return ArticleIndex.assembled(
      await CountedMiniSearch.restore(parts.postings, MINISEARCH_OPTIONS),
      Vocabulary.fromParts(parts.vocabulary),
      parts.documents,
      parts.passages.map((words) => (words ? new ParagraphTerms(words) : undefined)),
    );
  }

  /** An index over a filled MiniSearch: articles numbered as MiniSearch numbered them (a removed one's place holds null). */
  private static assembled(
    miniSearch: CountedMiniSearch<IndexDocument>,
    vocabulary: Vocabulary,
    documents: readonly (Article | null)[],
    passages: readonly (ParagraphTerms | undefined)[],
  ): ArticleIndex {
    const index = new ArticleIndex(miniSearch, vocabulary, new TitleIndex());
    let live = 0;
    documents.forEach((article, n) => {
      if (article) {
        index.place(article, passages[n]);
        live += 1;
      } else {
        index.documents.push(undefined);
        index.passages.push(undefined);
        index.outlets.push(null);
        index.days.push(null);
      }
    });
    if (miniSearch.documentCount !== live) throw new Error('the index and its articles disagree');
    return index;
  }

  /**
   * Fills title autocomplete from the articles (`TitleIndex.fill`): the first titles at once, the
   * rest between turns of the event loop, so a restart serves answers while it fills. Settles when
   * every title is in.
   */
  fillTitles(): Promise<void> {
    return this.titles.fill([...this.all()]);
  }

  /**
   * Reads the articles' paragraphs from the bodies of the snapshot just written from this index,
   * as a restart does, instead of holding them as text: at 100,000 real-length articles the text
   * was most of a 1.8 GB heap, whose collection put pauses of tens of milliseconds into answers.
   * The article objects stay the same, so reloads and the loader's cache still know them.
   */
  readBodiesFrom(bodies: StoredBodies): void {
    this.documents.forEach((article, n) => {
      if (article) bodies.article(article, n);
    });
  }

  /** Number of articles. */
  get size(): number {
    return this.numbers.size;
  }

  /** The article with this id. */
  article(id: string): Article | undefined {
    const n = this.numbers.get(id);
    return n === undefined ? undefined : this.documents[n];
  }

  /** Every article, in load order. */
  *all(): IterableIterator<Article> {
    for (const n of this.numbers.values()) {
      const article = this.documents[n];
      if (article) yield article;
    }
  }

  /** Every article within the filters (outlet case-insensitively, dates by inclusive day), in load order. */
  *within(filters: Filters): IterableIterator<Article> {
    for (const n of this.numbers.values()) {
      const article = this.documents[n];
      if (article && passesFilters(this.outlets[n] ?? null, this.days[n] ?? null, filters)) yield article;
    }
  }

  /**
   * Applies a reload's changes in one synchronous step, so no query ever sees half of them.
   * Only for small change sets: the event loop is held for the whole step.
   */
  apply(changes: IndexChanges): void {
    this.builtPostings = null;
    for (const old of changes.removals) {
      const n = this.numbers.get(old.article.id);
      if (n === undefined || this.documents[n] !== old.article) continue;
      this.vocabulary.remove(old.terms);
      this.miniSearch.discard(old.article.id);
      this.titles.discard(old.article.id);
      this.documents[n] = undefined;
      this.passages[n] = undefined;
      this.numbers.delete(old.article.id);
    }
    for (const analysed of changes.upserts) {
      this.insert(analysed);
      this.titles.add(analysed.article);
    }
  }

  /** Articles matching the term groups (any, or all of them), best first, within the filters. */
  retrieve(groups: TermGroup[], filters: Filters, mode: 'any' | 'all', limit = Infinity): Retrieval[] {
    const usable = groups.filter((group) => group.variants.length > 0);
    if (usable.length === 0 || (mode === 'all' && usable.length < groups.length)) return [];
    const served = (id: string) => {
      const n = this.numbers.get(id);
      return n !== undefined && this.documents[n] !== undefined && (!hasFilters(filters) || passesFilters(this.outlets[n] ?? null, this.days[n] ?? null, filters));
    };
    const found = mode === 'any' ? this.miniSearch.bestOfAny(usable.map(boostedTerms), served, limit) : this.allOf(usable, served, limit);
    return found.flatMap(({ id, score }) => {
      const n = this.numbers.get(id) ?? -1;
      const article = this.documents[n];
      return article ? [{ article, score, passages: this.passages[n] }] : [];
    });
  }

  /** Articles holding a term of every group, as MiniSearch's AND query scores and orders them. */
  private allOf(groups: TermGroup[], served: (id: string) => boolean, limit: number): ScoredDocument[] {
    const query: Query = {
      combineWith: 'AND',
      queries: groups.map((group) => {
        const terms = boostedTerms(group);
        return { combineWith: 'OR', queries: terms.map(({ term }) => term), boostTerm: (term: string) => terms.find((t) => t.term === term)?.boost ?? 1 };
      }),
    };
    return this.miniSearch.search(query, { filter: (result) => served(result.id as string) }).slice(0, limit).map(({ id, score }) => ({ id: id as string, score }));
  }

  private insert(analysed: AnalysedArticle): void {
    this.place(analysed.article, analysed.passages);
    this.miniSearch.addCounted(analysed.article.id, [analysed.title, analysed.body]);
    this.vocabulary.add(analysed.terms, analysed.words);
  }

  /** Numbers an article next and keeps what retrieval and its filters read of it. */
  private place(article: Article, passages: ParagraphTerms | undefined): void {
    this.numbers.set(article.id, this.documents.length);
    this.documents.push(article);
    this.passages.push(passages);
    this.outlets.push(outletKey(article.outlet));
    this.days.push(article.published?.slice(0, 10) ?? null);
  }
}

/** A group's terms with the boost MiniSearch's `boostTerm` gives each: the weight of the first variant naming it. */
function boostedTerms(group: TermGroup): BoostedTerms {
  return group.variants.map(({ term }) => ({ term, boost: group.variants.find((variant) => variant.term === term)?.weight ?? 1 }));
}

/** Whether an article passes the filters: outlet case-insensitively, dates by inclusive day. */
function passesFilters(outlet: string | null, day: string | null, filters: Filters): boolean {
  if (filters.outlet !== undefined && outlet !== outletKey(filters.outlet)) return false;
  if (filters.since === undefined && filters.until === undefined) return true;
  if (day === null) return false;
  if (filters.since !== undefined && day < filters.since) return false;
  return filters.until === undefined || day <= filters.until;
}

function hasFilters(filters: Filters): boolean {
  return filters.outlet !== undefined || filters.since !== undefined || filters.until !== undefined;
}
