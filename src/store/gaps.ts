import { z } from 'zod';
import { groupQuestions } from '../search/question-groups.ts';
import type { SqlConnection } from './connection.ts';
import { mostCitedArticles, unansweredQuestions, unhelpfulAnswers } from './sql.ts';

/** The longest window a report looks back over: ten years, well past any retention, and a date JavaScript can still write. */
export const MAX_GAPS_DAYS = 3650;

/** A report's window: whole days, from 1 to `MAX_GAPS_DAYS`. */
const GapsWindowSchema = z.number().int().positive().max(MAX_GAPS_DAYS);

/** Whether a report can look back over `days`. */
export function isGapsWindow(days: number): boolean {
  return GapsWindowSchema.safeParse(days).success;
}

/** Rows of each list in a report. */
const LIST_LENGTH = 10;
/** Distinct unanswered texts read for grouping: the most asked, so grouping stays quick. */
const UNANSWERED_READ = 2000;

/** What readers could not find, for `/gaps` and `newsdesk gaps --json`. */
export const GapsReportSchema = z.object({
  /** The window, in days back from `until`. */
  days: GapsWindowSchema,
  since: z.string(),
  until: z.string(),
  /** The guild reported on; null for every guild (the command line). */
  guildId: z.string().nullable(),
  /** Most asked questions the coverage did not answer, wordings of the same question grouped. */
  unanswered: z.array(z.object({ question: z.string(), count: z.number().int().positive(), otherWordings: z.array(z.string()) })).max(LIST_LENGTH),
  /** Answered questions most often marked "Not helpful". */
  notHelpful: z.array(z.object({ question: z.string(), notHelpful: z.number().int().positive(), helpful: z.number().int().nonnegative() })).max(LIST_LENGTH),
  /** Articles most cited in answers. */
  mostCited: z.array(z.object({ id: z.string(), title: z.string().nullable(), count: z.number().int().positive() })).max(LIST_LENGTH),
});
export type GapsReport = z.infer<typeof GapsReportSchema>;

/** The report over the last `days` days before `now`, for one guild or (null) all. */
export async function readGaps(connection: SqlConnection, days: number, guildId: string | null, now: number): Promise<GapsReport> {
  const sinceMs = now - days * 86_400_000;
  // PostgreSQL returns COUNT and SUM as strings (bigint): every number is read through Number().
  const [unanswered, unhelpful, cited] = await Promise.all([
    connection.rows<{ question: string; n: number | string }>(unansweredQuestions(sinceMs, guildId, UNANSWERED_READ)),
    connection.rows<{ question: string; not_helpful: number | string; helpful: number | string | null }>(unhelpfulAnswers(sinceMs, guildId, LIST_LENGTH)),
    connection.rows<{ article_id: string; title: string | null; n: number | string }>(mostCitedArticles(sinceMs, guildId, LIST_LENGTH)),
  ]);
  return {
    days,
    since: new Date(sinceMs).toISOString(),
    until: new Date(now).toISOString(),
    guildId,
    unanswered: groupQuestions(unanswered.map((row) => ({ question: row.question, count: Number(row.n) }))).slice(0, LIST_LENGTH),
    notHelpful: unhelpful.map((row) => ({ question: row.question, notHelpful: Number(row.not_helpful), helpful: Number(row.helpful ?? 0) })),
    mostCited: cited.map((row) => ({ id: row.article_id, title: row.title, count: Number(row.n) })),
  };
}
