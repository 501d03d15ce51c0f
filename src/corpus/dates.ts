import { normalizeSpace } from './paragraphs.ts';

/** Month names in the languages of the corpus (English, French, German, Spanish, Portuguese, Italian, Dutch), by month. */
const MONTH_NAMES: readonly string[][] = [
  ['january', 'janvier', 'januar', 'enero', 'janeiro', 'gennaio', 'januari', 'jänner'],
  ['february', 'février', 'fevrier', 'februar', 'febrero', 'fevereiro', 'febbraio', 'februari'],
  ['march', 'mars', 'märz', 'marzo', 'março', 'maart'],
  ['april', 'avril', 'abril', 'aprile'],
  ['may', 'mai', 'mayo', 'maio', 'maggio', 'mei'],
  ['june', 'juin', 'juni', 'junio', 'junho', 'giugno'],
  ['july', 'juillet', 'juli', 'julio', 'julho', 'luglio'],
  ['august', 'août', 'aout', 'agosto', 'augustus'],
  ['september', 'septembre', 'septiembre', 'setembro', 'settembre'],
  ['october', 'octobre', 'oktober', 'octubre', 'outubro', 'ottobre'],
  ['november', 'novembre', 'noviembre', 'novembro'],
  ['december', 'décembre', 'decembre', 'dezember', 'diciembre', 'dezembro', 'dicembre'],
];

/** A month name or abbreviation as pages print it: "Mar", "Sept.", "MARCH", "avril", "dez.". */
const MONTH = '(\\p{L}{3,10}\\.?)';
const WEEKDAY = '(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?,?\\s+)?';

/**
 * The date shapes pages show, each with the order of its captured year, month and day. All-numeric
 * day/month orders such as 03/04/2025 are deliberately absent: they are ambiguous, and a wrong date
 * is worse than an unknown one.
 */
const DAY_SHAPES: { pattern: string; order: ['year' | 'month' | 'day', 'year' | 'month' | 'day', 'year' | 'month' | 'day'] }[] = [
  // 2019-11-19, 2019/11/19, 2019-11-19T07:47
  { pattern: '(\\d{4})[-/](\\d{1,2})[-/](\\d{1,2})(?=T|\\b)', order: ['year', 'month', 'day'] },
  // 19 Nov 2019, 19th November, 2019, 26-FEB-1987, 21.dez.2018, 1. November 2021, 21 de dezembro de 2018
  { pattern: `(\\d{1,2})(?:st|nd|rd|th|er|\\.)?[\\s.-]\\s*(?:de\\s+)?${MONTH},?[\\s.-]\\s*(?:de\\s+)?(\\d{4})\\b`, order: ['day', 'month', 'year'] },
  // November 19, 2019 · Nov. 19 2019 (the JavaScript Date shape "Tue Nov 19 2019 03:05:46 GMT+0000")
  { pattern: `${MONTH}\\s(\\d{1,2})(?:st|nd|rd|th)?,?\\s(\\d{4})\\b`, order: ['month', 'day', 'year'] },
];

/** Zone names with one meaning in news pages, and those with several (kept as a plain local time). */
const ZONE_NAMES = 'est|edt|cdt|mst|mdt|pst|pdt|et|ct|mt|pt|bst|cet|cest|eet|eest|jst|aest|aedt|cst|ist';

/** A time of day after the date: "07:47 PM EST", "at 6:34 am", "T03:05:46.000Z", "7 p.m. ET", "03:05:46 GMT+0000". */
const TIME =
  '(?:,?\\s*(?:at\\s+|à\\s+|às\\s+|um\\s+|-\\s*|\\|\\s*|T)?' +
  '(\\d{1,2})(?=[:h.]\\d{2}|\\s*[ap]\\.?\\s?m\\b)(?:[:h.](\\d{2})(?::(\\d{2})(\\.\\d+)?)?)?' +
  '(?:\\s*([ap])\\.?\\s?m\\b\\.?)?' +
  `(?:\\s*(z\\b|[+-]\\d{2}:?\\d{2}|(?:utc|gmt)(?:\\s*[+-]\\d{1,2}(?::?\\d{2})?)?|(?:${ZONE_NAMES})\\b))?)?`;

/**
 * Named zones with one meaning in news pages. A US zone name without S/D ("ET") follows daylight
 * saving, so it is resolved through the IANA zone for that date. Names with several meanings (CST:
 * US Central or China; IST: India, Ireland or Israel) are not here: their time is kept without an offset.
 */
const ZONES: Record<string, string> = {
  z: 'Z', utc: 'Z', gmt: 'Z',
  est: '-05:00', edt: '-04:00', cdt: '-05:00', mst: '-07:00', mdt: '-06:00', pst: '-08:00', pdt: '-07:00',
  et: 'America/New_York', ct: 'America/Chicago', mt: 'America/Denver', pt: 'America/Los_Angeles',
  bst: '+01:00', cet: '+01:00', cest: '+02:00', eet: '+02:00', eest: '+03:00', jst: '+09:00', aest: '+10:00', aedt: '+11:00',
};

interface Found {
  /** `YYYY-MM-DD` plus the time and offset the source gives, or null when the shape matched but is not a real date. */
  iso: string | null;
  /** Where the date starts and ends in the text. */
  start: number;
  end: number;
}

/** The month a name or abbreviation names, null when it names none or could be either of two. */
function monthNumber(name: string): number | null {
  const key = name.toLowerCase().replace(/\.$/u, '');
  if (key.length < 3) return null;
  const months = MONTH_NAMES.flatMap((names, index) => (names.some((month) => month.startsWith(key)) ? [index + 1] : []));
  return months.length === 1 ? (months[0] ?? null) : null;
}

const pad = (value: number): string => String(value).padStart(2, '0');

/** True when the day is on the calendar (2025-02-30 is not), in a year written with four digits. */
export function isRealDay(year: number, month: number, day: number): boolean {
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return year >= 1000 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth;
}

/** The UTC offset an IANA zone has at that local date and time, as `+HH:MM`. */
function zoneOffset(zone: string, year: number, month: number, day: number, hour: number, minute: number): string {
  const utcGuess = Date.UTC(year, month - 1, day, hour, minute);
  const name = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
    .formatToParts(utcGuess)
    .find((part) => part.type === 'timeZoneName')?.value;
  const offset = /GMT([+-]\d{2}:\d{2})/u.exec(name ?? '')?.[1];
  return offset ?? 'Z';
}

/** The ISO offset of a zone as written; '' for a zone name with several meanings. */
function isoOffset(zone: string, date: [number, number, number], hour: number, minute: number): string {
  const key = zone.toLowerCase().replace(/\s+/gu, '');
  const numeric = /^(?:utc|gmt)?([+-])(\d{1,2}):?(\d{2})?$/u.exec(key);
  if (numeric) {
    const [hours, minutes] = [Number(numeric[2]), numeric[3] ?? '00'];
    return hours === 0 && minutes === '00' ? 'Z' : `${numeric[1]}${pad(hours)}:${minutes}`;
  }
  const named = ZONES[key];
  if (named === undefined) return '';
  return named.includes('/') ? zoneOffset(named, ...date, hour, minute) : named;
}

/** `THH:MM[:SS[.fff]][offset]`, '' when no time follows, null when what follows is not a real time. */
function isoTime(parts: (string | undefined)[], date: [number, number, number]): string | null {
  const [hourText, minute, second, fraction, meridiem, zone] = parts;
  if (hourText === undefined) return '';
  let hour = Number(hourText);
  if (meridiem) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (meridiem.toLowerCase() === 'p' ? 12 : 0);
  }
  if (hour > 23 || Number(minute ?? 0) > 59 || Number(second ?? 0) > 59) return null;
  const offset = zone === undefined ? '' : isoOffset(zone, date, hour, Number(minute ?? 0));
  const seconds = second === undefined ? '' : `:${second}${fraction ?? ''}`;
  return `T${pad(hour)}:${minute ?? '00'}${seconds}${offset}`;
}

function dateAt(match: RegExpExecArray, order: (typeof DAY_SHAPES)[number]['order']): Found {
  const values: Record<string, number | null> = {};
  order.forEach((field, index) => {
    const text = match[index + 1] ?? '';
    values[field] = field === 'month' && /\D/u.test(text) ? monthNumber(text) : Number(text);
  });
  const { year, month, day } = values;
  const start = match.index;
  if (!year || !month || !day || !isRealDay(year, month, day)) return { iso: null, start, end: start + match[0].length };
  const time = isoTime(match.slice(4, 10), [year, month, day]);
  return { iso: time === null ? null : `${year}-${pad(month)}-${pad(day)}${time}`, start, end: start + match[0].length };
}

/** Each shape compiled once: anchored at the start of the text (a whole-field date) and free (a date inside a line). */
const SHAPE_REGEXES = DAY_SHAPES.map(({ pattern, order }) => ({
  order,
  anchored: new RegExp(`^${WEEKDAY}${pattern}${TIME}`, 'iu'),
  free: new RegExp(`(?<![\\w-])${WEEKDAY}${pattern}${TIME}`, 'giu'),
}));

/** Every date shape in the text, in order of position (overlapping shapes: the first to start wins). */
function findDates(text: string, anchored: boolean): Found[] {
  const found: Found[] = [];
  // A date needs a four-digit year: most lines have none and are passed over at once.
  if (!/\d{4}/u.test(text)) return found;
  for (const shape of SHAPE_REGEXES) {
    const { order } = shape;
    const regex = anchored ? shape.anchored : shape.free;
    regex.lastIndex = 0;
    for (let match = regex.exec(text); match; match = anchored ? null : regex.exec(text)) {
      found.push({ ...dateAt(match, order), start: match.index });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/**
 * Normalises a date as the source wrote it to ISO 8601 (`YYYY-MM-DD`, plus `THH:MM` and any seconds or
 * offset the source gives), or null when the whole text is not one unambiguous, real date.
 */
export function normalizeDate(raw: string): string | null {
  const text = normalizeSpace(raw).replace(/\s*\([^()]*\)$/u, '');
  const whole = findDates(text, true).find((date) => date.end === text.length);
  return whole?.iso ?? null;
}

/** The first real date written anywhere in a line of text ("By Jo Roe | November 19, 2019, 07:47 PM EST"), null when there is none. */
export function findDate(text: string): string | null {
  return findDates(normalizeSpace(text), false).find((date) => date.iso !== null)?.iso ?? null;
}

/** The warning recorded when a source gives a date newsdesk cannot read: the article keeps an unknown date. */
export function unreadableDateReason(raw: string): string {
  return `date "${normalizeSpace(raw).slice(0, 60)}" is not a recognisable date; published left unknown`;
}

/** Which publication dates come first when articles are put in date order. */
export type DateOrder = 'newest' | 'oldest';

/** Compares two publication dates (ISO, so comparable as text) for `order`, an undated article last either way. */
export function byPublished(a: string | null, b: string | null, order: DateOrder): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return order === 'newest' ? b.localeCompare(a) : a.localeCompare(b);
}
