import { z } from 'zod';
import { isRealDay } from '../corpus/dates.ts';

/** An outlet as the outlet filter matches it, and as /compare and /coverage group it: case aside ("Reuters", "REUTERS"); null for none named. */
export function outletKey(outlet: string): string;
export function outletKey(outlet: string | null): string | null;
export function outletKey(outlet: string | null): string | null {
  return outlet?.toLowerCase() ?? null;
}

/** The filter fields, in the order a user meets them. */
export const FILTER_FIELDS = ['outlet', 'since', 'until'] as const;
export type FilterField = (typeof FILTER_FIELDS)[number];

/** Why a day filter was refused; the zod issue message carries it so the reader needs no text matching. */
const DAY_FORMAT = 'day-format';
const NOT_A_DAY = 'not-a-day';
const DAYS_REVERSED = 'days-reversed';

/** True when `text` is a day written YYYY-MM-DD that the calendar holds. */
function isCalendarDay(text: string): boolean {
  const [year, month, day] = text.split('-').map(Number);
  return isRealDay(year ?? 0, month ?? 0, day ?? 0);
}

const FilterDaySchema = z.string().superRefine((day, context) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) context.addIssue({ code: 'custom', message: DAY_FORMAT });
  else if (!isCalendarDay(day)) context.addIssue({ code: 'custom', message: NOT_A_DAY });
});

/**
 * Narrows answers and searches; every field is optional. The one statement of the filter rules:
 * an outlet is a name, since and until are real days written YYYY-MM-DD, and since ≤ until.
 */
export const FiltersSchema = z
  .object({
    /** Outlet name, matched case-insensitively. */
    outlet: z.string().min(1).optional(),
    /** Earliest publication day, inclusive. */
    since: FilterDaySchema.optional(),
    /** Latest publication day, inclusive. */
    until: FilterDaySchema.optional(),
  })
  .refine(({ since, until }) => since === undefined || until === undefined || since <= until, { message: DAYS_REVERSED, path: ['since'] });
export type Filters = z.infer<typeof FiltersSchema>;

/** A filter the rules refuse, with the value at fault, so each front end can name the field its own way. */
export type FilterProblem =
  | { kind: 'empty-outlet' }
  | { kind: 'day-format'; field: 'since' | 'until' }
  | { kind: 'not-a-day'; field: 'since' | 'until'; day: string }
  | { kind: 'days-reversed' };

/** Filter values as a front end read them: absent ones undefined. */
export type RawFilters = { [field in FilterField]?: string | undefined };

/** The filters when the rules accept them all, else the first problem found. */
export function readFilters(raw: RawFilters): { filters: Filters } | { problem: FilterProblem } {
  const given = Object.fromEntries(FILTER_FIELDS.flatMap((field) => (raw[field] === undefined ? [] : [[field, raw[field]]])));
  const parsed = FiltersSchema.safeParse(given);
  if (parsed.success) return { filters: parsed.data };
  const issue = parsed.error.issues[0];
  const field = issue?.path[0];
  if (issue?.message === DAYS_REVERSED) return { problem: { kind: 'days-reversed' } };
  if (field === 'since' || field === 'until') {
    return { problem: issue?.message === NOT_A_DAY ? { kind: 'not-a-day', field, day: String(given[field]) } : { kind: 'day-format', field } };
  }
  return { problem: { kind: 'empty-outlet' } };
}

/** What the user is told about a refused filter; `named` writes a field as the front end shows it (`since`, --since). */
export function describeFilterProblem(problem: FilterProblem, named: (field: FilterField) => string): string {
  switch (problem.kind) {
    case 'empty-outlet':
      return `${named('outlet')} must name an outlet.`;
    case 'day-format':
      return `${named(problem.field)} must be a day written as YYYY-MM-DD, for example 2025-03-23.`;
    case 'not-a-day':
      return `${named(problem.field)}: ${problem.day} is not a real day.`;
    case 'days-reversed':
      return `${named('since')} must not be later than ${named('until')}.`;
  }
}

/**
 * The filters the rules accept, field by field: the engine's own policy for a caller that passed
 * unchecked filters, where a bad field is ignored rather than failing the query. Days in the wrong
 * order are kept, and simply match nothing.
 */
export function acceptedFilters(filters: RawFilters): Filters {
  const accepted: Filters = {};
  for (const field of FILTER_FIELDS) {
    const checked = FiltersSchema.shape[field].safeParse(filters[field]);
    if (checked.success && checked.data !== undefined) accepted[field] = checked.data;
  }
  return accepted;
}
