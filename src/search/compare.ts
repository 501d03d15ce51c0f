/**
 * Who reported what: for each outlet that covered a topic, its single best verbatim sentence.
 *
 * Each outlet is represented by its most relevant article (BM25 over title and body), and quoted by
 * that article's best sentence (the ranking /ask uses). Outlets are listed by the date of that
 * article, newest first, undated last, and only the shown page's articles have their sentences
 * ranked: splitting and analysing an unseen article's sentences costs milliseconds, so ranking every
 * outlet's articles for a common topic over 40 outlets took most of a second.
 * Articles that name no outlet are one honest group, "outlet unknown", never folded into a named one.
 */
import { z } from 'zod';
import { byPublished } from '../corpus/dates.ts';
import type { Retrieval } from './article-index.ts';
import { articleRef } from './answer.ts';
import type { Question } from './question.ts';
import { outletKey } from './filters.ts';
import { ArticleRefSchema, PAGE_SIZE } from './results.ts';
import { rankSentences, type RankedSentence, type SentenceCache } from './sentence-ranking.ts';
import { states } from './sentences.ts';

/** One outlet's best sentence on the topic, verbatim, with the article it comes from. */
export const OutletQuoteSchema = z.object({
  /** Null for the articles that name no outlet, shown as "outlet unknown". */
  outlet: z.string().nullable(),
  /** How many of this outlet's articles match the topic. */
  articleCount: z.number().int().positive(),
  /** Null when the topic is only in the article's title, not in any sentence of its text. */
  sentence: z.string().min(1).nullable(),
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

/** The best sentence of ranked ones: a question in the text ("What now?") or a heading only when nothing else matched. */
export function bestSentence(ranked: readonly RankedSentence[]): RankedSentence | undefined {
  return ranked.find((r) => states(r.sentence.text)) ?? ranked[0];
}

/** An outlet that covered the topic: how many of its articles match, and the most relevant one. */
export interface OutletCoverage {
  outlet: string | null;
  articleCount: number;
  lead: Retrieval;
}

/** The outlets among the retrieved articles, by the date of each one's most relevant article, newest first. */
export function outletsCovering(retrieved: readonly Retrieval[]): OutletCoverage[] {
  const byOutlet = new Map<string | null, OutletCoverage>();
  for (const retrieval of retrieved) {
    const { outlet } = retrieval.article;
    const key = outletKey(outlet);
    const known = byOutlet.get(key);
    if (!known) byOutlet.set(key, { outlet, articleCount: 1, lead: retrieval });
    else {
      known.articleCount += 1;
      // The outlet as its quoted article writes it: "REUTERS" and "Reuters" are one outlet, each article's own spelling its own.
      if (retrieval.score > known.lead.score) Object.assign(known, { lead: retrieval, outlet });
    }
  }
  return [...byOutlet.values()].sort((a, b) => byPublished(a.lead.article.published, b.lead.article.published, 'newest') || b.lead.score - a.lead.score);
}

/** The quotes of some outlets: each one's lead article and its best sentence on the topic. */
export function quoteOutlets(question: Question, outlets: readonly OutletCoverage[], cache: SentenceCache): OutletQuote[] {
  return outlets.map(({ outlet, articleCount, lead }) => ({
    outlet,
    articleCount,
    sentence: bestSentence(rankSentences(question, [lead], cache))?.sentence.text ?? null,
    article: articleRef(lead.article),
  }));
}

