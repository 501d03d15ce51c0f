/**
 * Who reported what: for each outlet that covered a topic, its single best verbatim sentence.
 *
 * Each outlet's few best-retrieved articles are ranked sentence by sentence (the ranking /ask
 * uses), so an outlet with hundreds of matching articles costs no more than one with three.
 * Articles that name no outlet are one honest group, "outlet unknown", never folded into a named
 * outlet. Outlets are listed by the date of the quoted article, newest first; undated last.
 */
import { z } from 'zod';
import type { Retrieval } from './article-index.ts';
import { articleRef } from './answer.ts';
import type { Question } from './question.ts';
import { ArticleRefSchema, PAGE_SIZE } from './results.ts';
import { rankSentences, type RankedSentence, type SentenceCache } from './sentence-ranking.ts';

/** Articles per outlet whose sentences are ranked: enough to find its best, bounded for speed. */
const CANDIDATES_PER_OUTLET = 4;

/** One outlet's best sentence on the topic, verbatim, with the article it comes from. */
export const OutletQuoteSchema = z.object({
  /** Null for the articles that name no outlet, shown as "outlet unknown". */
  outlet: z.string().nullable(),
  /** How many of this outlet's articles match the topic. */
  articleCount: z.number().int().positive(),
  sentence: z.string().min(1),
  article: ArticleRefSchema,
});
export type OutletQuote = z.infer<typeof OutletQuoteSchema>;

/** One page of `/compare`: outlets, newest quote first. */
export const ComparisonSchema = z.object({
  topic: z.string(),
  /** 1-based. */
  page: z.number().int().positive(),
  pageCount: z.number().int().nonnegative(),
  /** Outlets (the unknown group counting as one) with something on the topic. */
  total: z.number().int().nonnegative(),
  outlets: z.array(OutletQuoteSchema).max(PAGE_SIZE),
  notice: z.string().nullable(),
  tookMs: z.number().nonnegative(),
});
export type Comparison = z.infer<typeof ComparisonSchema>;

/** The best sentence of ranked ones: a question in the text ("What now?") only when nothing else matched. */
export function bestSentence(ranked: readonly RankedSentence[]): RankedSentence | undefined {
  return ranked.find((r) => !r.sentence.text.endsWith('?')) ?? ranked[0];
}

/** Every outlet's best quote on the topic, newest first; outlets whose articles hold no matching sentence are left out. */
export function quotesByOutlet(question: Question, retrieved: readonly Retrieval[], cache: SentenceCache): OutletQuote[] {
  const byOutlet = new Map<string | null, Retrieval[]>();
  for (const retrieval of retrieved) {
    const group = byOutlet.get(retrieval.article.outlet);
    if (group) group.push(retrieval);
    else byOutlet.set(retrieval.article.outlet, [retrieval]);
  }
  const quotes: Array<OutletQuote & { score: number }> = [];
  for (const [outlet, articles] of byOutlet) {
    const best = bestSentence(rankSentences(question, articles.slice(0, CANDIDATES_PER_OUTLET), cache));
    if (best) quotes.push({ outlet, articleCount: articles.length, sentence: best.sentence.text, article: articleRef(best.article), score: best.score });
  }
  return quotes
    .sort((a, b) => newestFirst(a.article.published, b.article.published) || b.score - a.score)
    .map(({ score: _score, ...quote }) => quote);
}

/** Orders ISO dates newest first, undated last. */
function newestFirst(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return b.localeCompare(a);
}
