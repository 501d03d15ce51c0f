/**
 * News time in a question: a year or a month it names ("Who did Fidan meet in March 2025?") is
 * met by the dateline of an article published then, as well as by its text. A news report rarely
 * repeats its own month and year: "met on Saturday" is dated by the article alone, so without its
 * dateline such a question matched every report of the same meeting alike, whatever its date.
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
/** Years read as dates: a four-digit number in this range is a year far more often than a count. */
const EARLIEST_YEAR = 1800;
const LATEST_YEAR = 2100;
/**
 * How much an article's dateline counts for a question's year or month that a sentence does not
 * write: less than the sentence writing it, as a report also recalls earlier events.
 */
export const DATELINE_WEIGHT = 0.7;
/** For a question naming a year or month: how many more candidate articles are retrieved, so that one published then can be among them. */
const DATED_WIDENING = 3;
/** How much an article published in the year or month asked about gains in retrieval, for all of them met. */
const DATED_BOOST = 0.5;

/**
 * The year or month the question word at `start..end` of `text` names, or null: a four-digit
 * year, or a month name written with a capital or followed by a number ("march 23", "march
 * 2025"), so that "Why did they march?" names no month.
 */
export function calendarOf(text: string, start: number, end: number): Calendar | null {
  const written = text.slice(start, end);
  if (/^\d{4}$/u.test(written)) {
    const year = Number(written);
    return year >= EARLIEST_YEAR && year <= LATEST_YEAR ? { unit: 'year', value: year } : null;
  }
  const month = MONTHS.indexOf(fold(written));
  if (month < 0) return null;
  return /^\p{Lu}/u.test(written) || /^\s+\d/u.test(text.slice(end)) ? { unit: 'month', value: month + 1 } : null;
}

/** Whether the question names a year or a month. */
export function isDated(question: Question): boolean {
  return question.terms.some((t) => t.calendar !== null);
}

/**
 * The question's years and months that an article published on `published` (an ISO date) meets,
 * each with `DATELINE_WEIGHT`, by question term. A month is met only in the year asked, when one is.
 */
export function datelineMatches(question: Question, published: string | null): Map<number, number> {
  const met = new Map<number, number>();
  const year = published ? Number(published.slice(0, 4)) : Number.NaN;
  const month = published ? Number(published.slice(5, 7)) : Number.NaN;
  if (!Number.isInteger(year)) return met;
  const yearsAsked = question.terms.flatMap((t) => (t.calendar?.unit === 'year' ? [t.calendar.value] : []));
  const inYearAsked = yearsAsked.length === 0 || yearsAsked.includes(year);
  question.terms.forEach(({ calendar }, q) => {
    if (calendar === null) return;
    if (calendar.unit === 'year' ? calendar.value === year : inYearAsked && calendar.value === month) met.set(q, DATELINE_WEIGHT);
  });
  return met;
}

/** How many candidate articles to retrieve for the question (more when it names a year or month, see `preferDated`). */
export function candidateCount(question: Question, wanted: number): number {
  return isDated(question) ? wanted * DATED_WIDENING : wanted;
}

/**
 * The best `wanted` of the retrieved articles, those published in the year or month the question
 * names raised by `DATED_BOOST` for the share of its calendar weight their dateline meets; their
 * score is the raised one, so the sentences ranked after weigh articles as retrieval ordered them.
 */
export function preferDated(retrieved: readonly Retrieval[], question: Question, wanted: number): Retrieval[] {
  if (!isDated(question)) return retrieved.slice(0, wanted);
  const asked = question.terms.reduce((sum, t) => sum + (t.calendar ? t.weight : 0), 0);
  return retrieved
    .map((r) => {
      let met = 0;
      for (const q of datelineMatches(question, r.article.published).keys()) met += question.terms[q]?.weight ?? 0;
      return { ...r, score: r.score * (1 + (DATED_BOOST * met) / asked) };
    })
    .sort((a, b) => b.score - a.score)
    .slice(0, wanted);
}
