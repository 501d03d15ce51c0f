import { z } from 'zod';
import { normalizeDate, unreadableDateReason } from '../dates.ts';
import type { ArticleDraft } from '../draft.ts';

/** A scalar field; YAML and JSON exporters write years, ids and dates as numbers too. */
const Text = z.union([z.string(), z.number()]).transform(String);
/** Several authors may come as a list. */
const Names = z.union([Text, z.array(Text).transform((names) => names.join(', '))]);
/** News APIs often give the outlet as `{ name }`. */
const Outlet = z.union([Text, z.object({ name: Text }).transform((outlet) => outlet.name)]);

/**
 * Exporters write a field they have no value for as `null` (JSON) or leave it empty (YAML `date:`):
 * that is an absent field, not a malformed record, so the article still loads with it unknown.
 */
function absentWhenEmpty(value: unknown): unknown {
  return value === null || (typeof value === 'string' && value.trim() === '') ? undefined : value;
}

/** A metadata field that may be missing, null or empty. */
function optionalField<T extends z.ZodType>(schema: T) {
  return z.preprocess(absentWhenEmpty, schema.optional());
}

/**
 * The metadata fields of a front-matter block or JSON record, under the names exporters use.
 * Unknown keys are allowed: exports carry ids, tags and scores newsdesk does not need.
 */
export const RecordFieldsSchema = z.looseObject({
  title: optionalField(Text),
  headline: optionalField(Text),
  outlet: optionalField(Outlet),
  source: optionalField(Outlet),
  site: optionalField(Outlet),
  publication: optionalField(Outlet),
  author: optionalField(Names),
  byline: optionalField(Names),
  published: optionalField(Text),
  date: optionalField(Text),
  url: optionalField(Text),
  link: optionalField(Text),
  language: optionalField(Text),
  lang: optionalField(Text),
});
export type RecordFields = z.infer<typeof RecordFieldsSchema>;

/** The article metadata a record gives, and the warning when its date cannot be read. */
export interface RecordMetadata {
  metadata: Omit<ArticleDraft, 'record' | 'paragraphs'>;
  dateWarning: string | null;
}

/**
 * Maps a record's fields to article metadata. An unreadable date leaves the article with an unknown
 * date and a warning rather than rejecting it: the text and its outlet are still worth quoting, and
 * the warning tells a moderator which record to fix.
 */
export function recordMetadata(fields: RecordFields): RecordMetadata {
  const rawDate = fields.published ?? fields.date;
  const published = rawDate === undefined ? null : normalizeDate(rawDate);
  return {
    metadata: {
      title: fields.title ?? fields.headline ?? null,
      outlet: fields.outlet ?? fields.source ?? fields.site ?? fields.publication ?? null,
      author: fields.author ?? fields.byline ?? null,
      published,
      url: fields.url ?? fields.link ?? null,
      language: fields.language ?? fields.lang ?? null,
    },
    dateWarning: rawDate !== undefined && published === null ? unreadableDateReason(rawDate) : null,
  };
}

/** The first schema issue as one line: `title: expected string`. */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.join('.') || 'record'}: ${issue.message}` : 'invalid record';
}
