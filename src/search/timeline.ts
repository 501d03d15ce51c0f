/**
 * How a story developed: the articles on a topic in date order, oldest first, undated last, each
 * with its most relevant sentence. Only the shown page's sentences are ranked, so a topic with
 * thousands of articles costs a sort, not thousands of sentence rankings.
 */
import { z } from 'zod';
import { byPublished } from '../corpus/dates.ts';
import type { Retrieval } from './article-index.ts';
import { articleRef } from './answer.ts';
import { bestSentence } from './compare.ts';
import type { Question } from './question.ts';
import { ArticleRefSchema, PAGE_SIZE } from './results.ts';
import { rankSentences, type SentenceCache } from './sentence-ranking.ts';

/** One article on the timeline and its most relevant sentence, verbatim. */
export const TimelineEntrySchema = ArticleRefSchema.extend({
  /** Null only when no sentence of the article holds a topic word (a title-only match). */
  sentence: z.string().nullable(),
});
export type TimelineEntry = z.infer<typeof TimelineEntrySchema>;

/** One page of `/timeline`. */
export const TimelineSchema = z.object({
  topic: z.string(),
  /** 1-based. */
  page: z.number().int().positive(),
  pageCount: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  /** Earliest and latest publication dates among all matching articles (not just this page). */
  first: z.string().nullable(),
  last: z.string().nullable(),
  /** Matching articles without a date, listed after the dated ones. */
  undated: z.number().int().nonnegative(),
  entries: z.array(TimelineEntrySchema).max(PAGE_SIZE),
  notice: z.string().nullable(),
  tookMs: z.number().nonnegative(),
});
export type Timeline = z.infer<typeof TimelineSchema>;

/** The matching articles oldest first, undated last; among the same date, the most relevant first. */
export function inDateOrder(retrieved: readonly Retrieval[]): Retrieval[] {
  return [...retrieved].sort((a, b) => byPublished(a.article.published, b.article.published, 'oldest') || b.score - a.score);
}

/** A page's entries: each article with its best sentence for the topic. */
export function timelineEntries(question: Question, page: readonly Retrieval[], cache: SentenceCache): TimelineEntry[] {
  return page.map((retrieval) => ({
    ...articleRef(retrieval.article),
    sentence: bestSentence(rankSentences(question, [retrieval], cache))?.sentence.text ?? null,
  }));
}
