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
 * The names people and exporters give each article field, preferred name first: a record holding
 * two of them takes the first; a text header takes the last it meets. Read by record files and
 * by the header lines of clean text files alike.
 */
export const FIELD_NAMES = {
  title: ['title', 'headline'],
  outlet: ['outlet', 'source', 'site', 'publication'],
  author: ['author', 'byline'],
  published: ['published', 'date'],
  url: ['url', 'link'],
  language: ['language', 'lang'],
} as const;
export type RecordField = keyof typeof FIELD_NAMES;

/** How each field's value may be written in a record. */
const FIELD_VALUES: Record<RecordField, typeof Text | typeof Outlet | typeof Names> = { title: Text, outlet: Outlet, author: Names, published: Text, url: Text, language: Text };

/** The article fields a record or header may give. */
export const RECORD_FIELDS = Object.keys(FIELD_NAMES) as RecordField[];

/**
 * The metadata fields of a front-matter block or JSON record, under the names exporters use.
 * Unknown keys are allowed: exports carry ids, tags and scores newsdesk does not need.
 */
export const RecordFieldsSchema = z.looseObject(
  Object.fromEntries(RECORD_FIELDS.flatMap((field) => FIELD_NAMES[field].map((name) => [name, optionalField(FIELD_VALUES[field])]))),
);
export type RecordFields = z.infer<typeof RecordFieldsSchema>;

/** The article metadata a record gives, and the warning when its date cannot be read. */
export interface RecordMetadata {
  metadata: Omit<ArticleDraft, 'record' | 'paragraphs'>;
  dateWarning: string | null;
}

/** A field's value under the first of its names the record uses. */
function fieldValue(fields: RecordFields, field: RecordField): string | undefined {
  const value = FIELD_NAMES[field].map((name) => fields[name]).find((given) => given !== undefined);
  return typeof value === 'string' ? value : undefined;
}

/**
 * Maps a record's fields to article metadata. An unreadable date leaves the article with an unknown
 * date and a warning rather than rejecting it: the text and its outlet are still worth quoting, and
 * the warning tells a moderator which record to fix.
 */
export function recordMetadata(fields: RecordFields): RecordMetadata {
  const rawDate = fieldValue(fields, 'published');
  const published = rawDate === undefined ? null : normalizeDate(rawDate);
  return {
    metadata: {
      title: fieldValue(fields, 'title') ?? null,
      outlet: fieldValue(fields, 'outlet') ?? null,
      author: fieldValue(fields, 'author') ?? null,
      published,
      url: fieldValue(fields, 'url') ?? null,
      language: fieldValue(fields, 'language') ?? null,
    },
    dateWarning: rawDate !== undefined && published === null ? unreadableDateReason(rawDate) : null,
  };
}

/** The first schema issue as one line: `title: expected string`. */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.join('.') || 'record'}: ${issue.message}` : 'invalid record';
}
