import { z } from 'zod';

/** One clean, attributed article: what every other part of newsdesk reads. */
/** How a field the source does not give is shown to people: said as unknown, never guessed. */
export const UNKNOWN = 'unknown';
/** How an article without a title is named to people. */
export const UNTITLED = 'Untitled article';

export const ArticleSchema = z.object({
  /** Stable id: the file's path relative to the corpus directory, plus `#N` for the Nth record of a JSON file. */
  id: z.string().min(1),
  /** The file's path relative to the corpus directory (forward slashes). */
  file: z.string().min(1),
  title: z.string().min(1).nullable(),
  /** The publication (site or newspaper) that published the article. */
  outlet: z.string().min(1).nullable(),
  /** The byline as the source gives it. */
  author: z.string().min(1).nullable(),
  /** ISO 8601: `YYYY-MM-DD`, or `YYYY-MM-DDTHH:MM` (with seconds/offset when given) when the source gives a time. */
  published: z.string().min(10).nullable(),
  url: z.string().min(1).nullable(),
  /** BCP 47 language tag when the source gives one. */
  language: z.string().min(1).nullable(),
  /** The article body, one clean paragraph per entry, in reading order. */
  paragraphs: z.array(z.string().min(1)).min(1),
  /** sha256 (hex) of the body text with whitespace normalised: equal hashes mean the same text. */
  hash: z.string().length(64),
});
export type Article = z.infer<typeof ArticleSchema>;

/** A file (or one record of it) that could not become an article, and why. */
export const RejectionSchema = z.object({
  file: z.string(),
  /** 1-based record number inside a JSON / JSON Lines file, null for whole files. */
  record: z.number().int().positive().nullable(),
  /** One line a moderator can act on. */
  reason: z.string(),
});
export type Rejection = z.infer<typeof RejectionSchema>;

/** An article whose text was already loaded from another file. */
export const DuplicateSchema = z.object({
  id: z.string(),
  duplicateOf: z.string(),
});
export type Duplicate = z.infer<typeof DuplicateSchema>;

/** What `loadCorpus` returns. */
export const CorpusSchema = z.object({
  articles: z.array(ArticleSchema),
  rejected: z.array(RejectionSchema),
  duplicates: z.array(DuplicateSchema),
  /** Notes that did not stop a file from loading (e.g. decoded as Windows-1252, BOM removed). */
  warnings: z.array(RejectionSchema),
});
export type Corpus = z.infer<typeof CorpusSchema>;
