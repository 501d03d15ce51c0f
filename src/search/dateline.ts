/**
 * News time in a question: a year or a month it names ("Who did Fidan meet in March 2025?")
 * prefers articles published then. A news report rarely repeats its own month and year: "met on
 * Saturday" is dated by the article alone, so without its dateline such a question matched every
 * report of the same meeting alike, whatever its date. The date only orders reports: it is no
 * evidence that the coverage answers (a dated question about an absent topic stays unanswered).
 */
import { fold } from './analyzer.ts';
import type { Retrieval } from './article-index.ts';
import type { Question } from './question.ts';

/** A year or a month (1 to 12) a question names. */
export interface Calendar {
  unit: 'year' | 'month';
  value: number;
}

/** Month names as a question writes them; "May" is left out, a modal verb far more often than a month. */
const MONTHS = ['january', 'february', 'march', 'april', '', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const WEEKDAYS: ReadonlySet<string> = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);

/**
 * Whether a word names a day of the week or a month ("Monday", "March"): capitalised, yet most
 * often nobody's name (a Theresa May or an August Landmesser aside).
 */
export function namesDayOrMonth(word: string): boolean {
  const folded = fold(word);
  return WEEKDAYS.has(folded) || folded === 'may' || (folded !== '' && MONTHS.includes(folded));
}

/** Years read as dates: a four-digit number in this range is a year far more often than a count. */
const EARLIEST_YEAR = 1800;
const LATEST_YEAR = 2100;
/** For a question naming a year or month: how many more candidate articles are retrieved, so that one published then can be among them. */
const DATED_WIDENING = 3;
/**
 * How much an article published in the year and month asked about is preferred, in retrieval and
 * in the score of its sentences: a tie-breaker between reports that match the question alike, as
 * a report also recalls earlier events and a Sunday's event is reported on Monday, the next month.
 */
const DATED_BOOST = 0.2;

/**
 * The year or month the question word at `start..end` of `text` names, or null: a four-digit
 * year, or a month name written with a capital or followed by a year ("march 2025"), so that
 * "Why did they march?" names no month. A day without a year names an event more often than a
 * month to search ("the October 7 attack"), and no month either.
 */
export function calendarOf(text: string, start: number, end: number): Calendar | null {
  const written = text.slice(start, end);
  if (/^\d{4}$/u.test(written)) {
    const year = Number(written);
    return year >= EARLIEST_YEAR && year <= LATEST_YEAR ? { unit: 'year', value: year } : null;
  }
  const month = MONTHS.indexOf(fold(written));
  if (month < 0) return null;
  const after = text.slice(end);
  if (/^\s+\d{1,2}(?:st|nd|rd|th)?\b(?!,?\s+\d{4})/u.test(after)) return null;
  return /^\p{Lu}/u.test(written) || /^\s+(?:\d{1,2},?\s+)?\d{4}\b/u.test(after) ? { unit: 'month', value: month + 1 } : null;
}

/** Whether the question names a year or a month. */
function isDated(question: Question): boolean {
  return question.terms.some((t) => t.calendar !== null);
}

/**
 * The question's year and month terms (by index) that an article published on `published` (an
 * ISO date) meets. A month is met only in the year asked, when one is.
 */
export function datesMet(question: Question, published: string | null): Set<number> {
  const met = new Set<number>();
  const year = published ? Number(published.slice(0, 4)) : Number.NaN;
  const month = published ? Number(published.slice(5, 7)) : Number.NaN;
  if (!Number.isInteger(year)) return met;
  const yearsAsked = question.terms.flatMap((t) => (t.calendar?.unit === 'year' ? [t.calendar.value] : []));
  const inYearAsked = yearsAsked.length === 0 || yearsAsked.includes(year);
  question.terms.forEach(({ calendar }, q) => {
    if (calendar !== null && (calendar.unit === 'year' ? calendar.value === year : inYearAsked && calendar.value === month)) met.add(q);
  });
  return met;
}

/** How much an article's date raises its sentences' scores for the question: 1, up to `1 + DATED_BOOST` when it meets every year and month asked. */
export function datedFactor(question: Question, published: string | null): number {
  const asked = question.terms.reduce((sum, t) => sum + (t.calendar ? t.weight : 0), 0);
  if (asked === 0) return 1;
  let met = 0;
  for (const q of datesMet(question, published)) met += question.terms[q]?.weight ?? 0;
  return 1 + (DATED_BOOST * met) / asked;
}

/** How many candidate articles to retrieve for the question (more when it names a year or month, see `preferDated`). */
export function candidateCount(question: Question, wanted: number): number {
  return isDated(question) ? wanted * DATED_WIDENING : wanted;
}

/**
 * The best `wanted` of the retrieved articles, ordered with those published in the year or month
 * the question names raised by `datedFactor`. Their scores stay the retrieval's: the
 * answerability evidence judges the match, not the date.
 */
export function preferDated(retrieved: readonly Retrieval[], question: Question, wanted: number): Retrieval[] {
  if (!isDated(question)) return retrieved.slice(0, wanted);
  return retrieved
    .map((r) => ({ r, key: r.score * datedFactor(question, r.article.published) }))
    .sort((a, b) => b.key - a.key)
    .slice(0, wanted)
    .map(({ r }) => r);
}
