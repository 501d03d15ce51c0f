import { z } from 'zod';
import type { ArticleDraft, Issue, ParsedFile } from '../draft.ts';
import { rejectedFile } from '../draft.ts';
import { joinLines, normalizeSpace } from '../paragraphs.ts';
import { RecordFieldsSchema, describeIssue, recordMetadata } from './record-fields.ts';

/** The body of a record: one string, or a list of paragraphs. */
const BodySchema = z.union([z.string(), z.array(z.string())]);

/** A JSON article record: the shared metadata fields plus a body under one of its usual names. */
const ArticleRecordSchema = RecordFieldsSchema.extend({
  body: BodySchema.optional(),
  text: BodySchema.optional(),
  paragraphs: BodySchema.optional(),
});

/**
 * Paragraphs of a string body: blank lines separate them, and so does an indented first line,
 * which is how wire copy (Reuters, AP) marks paragraphs without blank lines.
 */
function bodyParagraphs(body: string | string[]): string[] {
  if (Array.isArray(body)) return body.map(normalizeSpace).filter(Boolean);
  return body
    .split(/\n\s*\n|\n(?=[ \t]+\S)/u)
    .map((paragraph) => joinLines(paragraph.split('\n')))
    .filter(Boolean);
}

interface RecordOutcome {
  draft?: ArticleDraft;
  rejection?: Issue;
  warning?: Issue;
}

/** Validates one record and turns it into a draft, or says why it cannot be an article. */
function recordDraft(value: unknown, record: number): RecordOutcome {
  const parsed = ArticleRecordSchema.safeParse(value);
  if (!parsed.success) return { rejection: { record, reason: `invalid record: ${describeIssue(parsed.error)}` } };
  const body = parsed.data.body ?? parsed.data.text ?? parsed.data.paragraphs;
  if (body === undefined) return { rejection: { record, reason: 'record has no body (expected "body", "text" or "paragraphs")' } };
  const paragraphs = bodyParagraphs(body);
  if (paragraphs.length === 0) return { rejection: { record, reason: 'record body is empty' } };
  const { metadata, dateWarning } = recordMetadata(parsed.data);
  return {
    draft: { ...metadata, record, paragraphs },
    ...(dateWarning ? { warning: { record, reason: dateWarning } } : {}),
  };
}

function collect(outcomes: readonly RecordOutcome[], extraRejections: readonly Issue[] = []): ParsedFile {
  return {
    drafts: outcomes.flatMap((outcome) => (outcome.draft ? [outcome.draft] : [])),
    rejected: [...extraRejections, ...outcomes.flatMap((outcome) => (outcome.rejection ? [outcome.rejection] : []))].sort(
      (a, b) => (a.record ?? 0) - (b.record ?? 0),
    ),
    warnings: outcomes.flatMap((outcome) => (outcome.warning ? [outcome.warning] : [])),
  };
}

/** Articles of a JSON file holding one record or an array of records (record N is the Nth, from 1). */
export function parseJson(text: string): ParsedFile {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return rejectedFile(`unparseable JSON: ${(error as Error).message}`);
  }
  const records = Array.isArray(data) ? data : [data];
  return collect(records.map((value, index) => recordDraft(value, index + 1)));
}

/** Articles of a JSON Lines file, one record per non-blank line; a bad line is rejected alone. */
export function parseJsonLines(text: string): ParsedFile {
  const outcomes: RecordOutcome[] = [];
  const unparseable: Issue[] = [];
  let record = 0;
  for (const [index, line] of text.split('\n').entries()) {
    if (line.trim() === '') continue;
    record += 1;
    try {
      outcomes.push(recordDraft(JSON.parse(line), record));
    } catch (error) {
      unparseable.push({ record, reason: `line ${index + 1}: unparseable JSON: ${(error as Error).message}` });
    }
  }
  if (record === 0) return rejectedFile('no records in the JSON Lines file');
  return collect(outcomes, unparseable);
}
