import { z } from 'zod';
import { DuplicateSchema, RejectionSchema } from '../corpus/article.ts';
import { STORY_FACTS } from './story-questions.ts';

/** The filters and their rules live in filters.ts; answers and pages name them from here too. */
export type { Filters } from './filters.ts';

/** How an article is cited: what a reader needs to find the source. */
export const SourceSchema = z.object({
  /** Citation number used by the `[n]` markers. */
  n: z.number().int().positive(),
  id: z.string(),
  title: z.string().nullable(),
  outlet: z.string().nullable(),
  published: z.string().nullable(),
  url: z.string().nullable(),
});
export type Source = z.infer<typeof SourceSchema>;

/** An article offered for further reading (no citation number). */
export const ArticleRefSchema = SourceSchema.omit({ n: true });
export type ArticleRef = z.infer<typeof ArticleRefSchema>;

/** A sentence copied verbatim from an article body, with the number of the source it cites. */
export const CitedSentenceSchema = z.object({
  text: z.string().min(1),
  citation: z.number().int().positive(),
  /** True when quoted only so the next sentence ("He said...", "Their...") reads clearly. */
  context: z.boolean().optional(),
});
export type CitedSentence = z.infer<typeof CitedSentenceSchema>;

/** Most sentences an answer quotes: enough to answer, few enough to read in a Discord reply. */
export const MAX_SENTENCES = 3;
/** Most articles an unanswered question suggests reading instead. */
export const MAX_RELATED = 3;
/** Longest search snippet, markers and ellipses included. */
export const MAX_SNIPPET = 200;

/** The answer to a question: also the `--json` output of `newsdesk ask`. */
export const AnswerSchema = z.object({
  question: z.string(),
  /**
   * The question as answered when its pronouns were replaced by the names they stand for ("Where
   * did Witkoff and Hayya meet before?"), and where the names came from: the member's earlier
   * questions (`follow-up`), or the story quoted, whose sentence before the quote names whom the
   * quote's opening pronoun, the question's, means (`story`); null when read as asked.
   */
  readAs: z.object({ question: z.string(), from: z.enum(['follow-up', 'story']) }).nullable(),
  /** False when nothing in the coverage answers: `sentences` is then empty and `related` names the closest articles. */
  answered: z.boolean(),
  sentences: z.array(CitedSentenceSchema).max(MAX_SENTENCES),
  sources: z.array(SourceSchema),
  related: z.array(ArticleRefSchema).max(MAX_RELATED),
  /**
   * 0..1, the chance the first quote holds the answer. Unanswered, the chance the best candidate
   * would have held it: a check may refuse one that matches well ("when" quoted with no time), so
   * a refusal can carry a high figure.
   */
  confidence: z.number().min(0).max(1),
  /**
   * Set when the question asks about a story itself ("When was the Fidan meeting story
   * published?"): the fact as the cited story's attribution gives it (a story not giving it is
   * said so in the notice, unanswered). The quote is then the story's sentence that names what
   * the question names it by, and the confidence the chance that it is the story meant.
   */
  fact: z.object({ asked: z.enum(STORY_FACTS), value: z.string(), citation: z.number().int().positive() }).nullable(),
  /** Set when the question itself could not be used (empty, only stopwords, too long), names what the coverage never mentions, or names the one outlet searched when nothing from it answers. */
  notice: z.string().nullable(),
  tookMs: z.number().nonnegative(),
});
export type Answer = z.infer<typeof AnswerSchema>;

/** A run of snippet text, verbatim from the article, and whether it matched the query. */
export const SnippetPartSchema = z.object({
  text: z.string(),
  match: z.boolean(),
});
export type SnippetPart = z.infer<typeof SnippetPartSchema>;

/** One ranked article in a search. */
export const SearchHitSchema = ArticleRefSchema.extend({
  /** A short passage (at most MAX_SNIPPET characters) around the best match; matched terms wrapped in `**`. */
  snippet: z.string().max(MAX_SNIPPET),
  /**
   * The same passage as runs of text: unambiguous even when the article itself contains `**`.
   * "…" runs (match false) mark where the passage was cut.
   */
  snippetParts: z.array(SnippetPartSchema),
  score: z.number(),
});
export type SearchHit = z.infer<typeof SearchHitSchema>;

/** Articles on one page of search results. */
export const PAGE_SIZE = 5;

/** One page of search results. */
export const SearchPageSchema = z.object({
  query: z.string(),
  /** 1-based. */
  page: z.number().int().positive(),
  pageCount: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  hits: z.array(SearchHitSchema).max(PAGE_SIZE),
  notice: z.string().nullable(),
  tookMs: z.number().nonnegative(),
});
export type SearchPage = z.infer<typeof SearchPageSchema>;

/** Share of the served articles a reload may remove without confirmation (RELOAD_MAX_LOSS's default). */
export const DEFAULT_MAX_LOSS = 0.5;

/** A served article whose file became unreadable or was rejected: its last good version stays served. */
export const KeptArticleSchema = z.object({
  id: z.string(),
  /** Why the file's new version could not be used. */
  reason: z.string(),
});
export type KeptArticle = z.infer<typeof KeptArticleSchema>;

/** What a reload changed. */
export const ReloadReportSchema = z.object({
  added: z.array(z.string()),
  updated: z.array(z.string()),
  removed: z.array(z.string()),
  /** Articles still served from their last good version. */
  kept: z.array(KeptArticleSchema),
  rejected: z.array(RejectionSchema),
  /** Files loaded with a caveat the moderator should see (stray NUL bytes removed, an unreadable date...). */
  warnings: z.array(RejectionSchema),
  /** Files not served because an earlier one (in sorted order) holds the same text. */
  duplicates: z.array(DuplicateSchema),
  articleCount: z.number().int().nonnegative(),
  tookMs: z.number().nonnegative(),
});
export type ReloadReport = z.infer<typeof ReloadReportSchema>;

/** What the corpus holds, for `/coverage`. */
export const CoverageSchema = z.object({
  articleCount: z.number().int().nonnegative(),
  /** Outlets by article count, largest first; articles without an outlet count under `null`. */
  outlets: z.array(z.object({ outlet: z.string().nullable(), count: z.number().int().positive() })),
  earliest: z.string().nullable(),
  latest: z.string().nullable(),
  /** ISO timestamp of the last completed load or reload. */
  loadedAt: z.string(),
});
export type Coverage = z.infer<typeof CoverageSchema>;
