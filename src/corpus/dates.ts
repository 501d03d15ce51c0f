import { normalizeSpace } from './paragraphs.ts';

const MONTH_NAMES = [
  'january', 'february', 'march', 'april', 'may', 'june',
  'july', 'august', 'september', 'october', 'november', 'december',
];

interface Day {
  year: number;
  month: number;
  day: number;
  /** What follows the day in the source text: a time, or nothing. */
  rest: string;
}

/** Month number (1-12) of a month name or its abbreviation ("Mar", "Sept.", "MARCH"), null otherwise. */
function monthNumber(name: string): number | null {
  const key = name.toLowerCase().replace(/\.$/u, '');
  if (key.length < 3) return null;
  const index = MONTH_NAMES.findIndex((month) => month.startsWith(key));
  return index === -1 ? null : index + 1;
}

/**
 * Day-first, month-first and year-first shapes only: all-numeric day/month orders such as 03/04/2025
 * are ambiguous, so they are deliberately not recognised (a wrong date is worse than an unknown one).
 */
function parseDay(text: string): Day | null {
  const iso = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:T|\s|$)(.*)$/u.exec(text);
  if (iso) return { year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3]), rest: iso[4] ?? '' };
  const dayFirst = /^(\d{1,2})(?:st|nd|rd|th)?[\s-]([a-z]{3,9}\.?),?[\s-](\d{4})\b,?(.*)$/iu.exec(text);
  const dayFirstMonth = dayFirst ? monthNumber(dayFirst[2] ?? '') : null;
  if (dayFirst && dayFirstMonth) {
    return { year: Number(dayFirst[3]), month: dayFirstMonth, day: Number(dayFirst[1]), rest: dayFirst[4] ?? '' };
  }
  const monthFirst = /^([a-z]{3,9}\.?)\s(\d{1,2})(?:st|nd|rd|th)?,?\s(\d{4})\b,?(.*)$/iu.exec(text);
  const monthFirstMonth = monthFirst ? monthNumber(monthFirst[1] ?? '') : null;
  if (monthFirst && monthFirstMonth) {
    return { year: Number(monthFirst[3]), month: monthFirstMonth, day: Number(monthFirst[2]), rest: monthFirst[4] ?? '' };
  }
  return null;
}

function isRealDay({ year, month, day }: Day): boolean {
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return year >= 1000 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth;
}

const pad = (value: number): string => String(value).padStart(2, '0');

/** The UTC designators become `Z` and numeric offsets get their colon; named zones other than UTC/GMT are ambiguous (CST, IST) and not accepted. */
function isoOffset(zone: string | undefined): string | null {
  if (zone === undefined) return '';
  if (/^(z|utc|gmt)$/iu.test(zone)) return 'Z';
  const offset = /^([+-])(\d{2}):?(\d{2})$/u.exec(zone);
  return offset ? `${offset[1]}${offset[2]}:${offset[3]}` : null;
}

/** `THH:MM[:SS[.fff]][offset]` for a time of day, '' for no time, null for something that is not a time. */
function isoTime(rest: string): string | null {
  const text = rest.trim().replace(/^(at\s+|-\s*)/iu, '');
  if (text === '') return '';
  const time = /^(\d{1,2}):(\d{2})(?::(\d{2})(\.\d+)?)?\s*(?:([ap])\.?m\.?)?\s*(z|utc|gmt|[+-]\d{2}:?\d{2})?$/iu.exec(text);
  if (!time) return null;
  const [, hourText, minute, second, fraction, meridiem, zone] = time;
  let hour = Number(hourText);
  if (meridiem) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (meridiem.toLowerCase() === 'p' ? 12 : 0);
  }
  const offset = isoOffset(zone);
  if (hour > 23 || Number(minute) > 59 || (second !== undefined && Number(second) > 59) || offset === null) return null;
  const seconds = second === undefined ? '' : `:${second}${fraction ?? ''}`;
  return `T${pad(hour)}:${minute}${seconds}${offset}`;
}

/**
 * Normalises a date as the source wrote it to ISO 8601 (`YYYY-MM-DD`, plus `THH:MM` and any seconds or
 * offset the source gives), or null when the text is not an unambiguous, real date.
 */
export function normalizeDate(raw: string): string | null {
  const text = normalizeSpace(raw).replace(/^(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+/iu, '');
  const day = parseDay(text);
  if (!day || !isRealDay(day)) return null;
  const time = isoTime(day.rest);
  if (time === null) return null;
  return `${day.year}-${pad(day.month)}-${pad(day.day)}${time}`;
}

/** The warning recorded when a source gives a date newsdesk cannot read: the article keeps an unknown date. */
export function unreadableDateReason(raw: string): string {
  return `date "${normalizeSpace(raw).slice(0, 60)}" is not a recognisable date; published left unknown`;
}
