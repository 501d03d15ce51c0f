import { normalizeDate, unreadableDateReason } from '../dates.ts';
import { type ArticleDraft, type Issue, type ParsedFile, rejectedFile, unknownMetadata } from '../draft.ts';
import { joinLines, normalizeSpace, splitBlocks } from '../paragraphs.ts';
import { bylineName, isProse } from './line-shape.ts';
import { FIELD_NAMES, RECORD_FIELDS, type RecordField } from './record-fields.ts';

type Metadata = Omit<ArticleDraft, 'record' | 'paragraphs'>;
type Field = keyof Metadata;

/**
 * Header keys people write at the top of clean text files: the names records use, and `by`, which
 * only a text header means as the author (in a JSON record it is often the submitter, as in
 * Hacker News items).
 */
const HEADER_KEYS = new Map<string, RecordField>([
  ...RECORD_FIELDS.flatMap((field) => FIELD_NAMES[field].map((name): [string, RecordField] => [name, field])),
  ['by', 'author'],
]);

/** Verbs of saying: a name holds none, a sentence citing its source often does ("The ministry said 40 people died."). */
const SAYING = /\b(?:said|says|told|tells|reported|reports|according)\b/iu;

/**
 * Whether a `Source:` or `Author:` value is a sentence, which opens the story rather than naming
 * anyone: it ends as a sentence does and opens in lowercase (past a quote mark: "a local fisherman
 * who asked not to be named.") or tells what someone said. Its length says nothing: names run long
 * and end in a stop ("Centers for Disease Control and Prevention, Atlanta, Ga.").
 */
function readsAsSentence(value: string): boolean {
  return isProse(value) && (/^[\p{Pi}\p{Ps}"']*\p{Ll}/u.test(value) || SAYING.test(value));
}

/** Header fields whose value is a name, never a sentence. */
const NAMES: ReadonlySet<Field> = new Set(['outlet', 'author']);

/** One header value; a date comes already normalized as `published`, or as `unreadableDate` with its raw text. */
interface HeaderField {
  field: Field | 'unreadableDate';
  value: string;
}

function dateField(raw: string): HeaderField {
  const published = normalizeDate(raw);
  return published ? { field: 'published', value: published } : { field: 'unreadableDate', value: raw };
}

/**
 * One header line, or null when the line is text: ` date 2025-11-21 Title` (date then title on one
 * line), `By Name`, or `Key: value` with a known key; `alone` when the line is a block of its own,
 * where a sentence in lowercase after an outlet's or author's key, or words after a link's key, are
 * the story's first paragraph.
 */
function headerField(line: string, alone: boolean): HeaderField[] | null {
  const text = normalizeSpace(line);
  const dated = /^date\s+(\S+)\s+(\S.*)$/iu.exec(text);
  const datedDay = dated?.[1] ? normalizeDate(dated[1]) : null;
  if (datedDay && dated?.[2]) {
    return [{ field: 'published', value: datedDay }, { field: 'title', value: dated[2] }];
  }
  const author = bylineName(text);
  if (author) return [{ field: 'author', value: author }];
  const keyed = /^([a-z]+)\s*:\s*(\S.*)$/iu.exec(text);
  const field = keyed?.[1] ? HEADER_KEYS.get(keyed[1].toLowerCase()) : undefined;
  if (!field || !keyed?.[2]) return null;
  if (alone && NAMES.has(field) && readsAsSentence(keyed[2])) return null;
  // "Link: the missing bridge between the two towns is being built." opens the story; "Link: https://... (archived copy)" is an address.
  if (alone && field === 'url' && /\s/u.test(keyed[2]) && !/^(?:[a-z][a-z\d+.-]*:\/\/|www\.)\S/iu.test(keyed[2])) return null;
  return [field === 'published' ? dateField(keyed[2]) : { field, value: keyed[2] }];
}

/** The header fields of a block made only of header lines, null when the block is text. */
function headerBlock(block: readonly string[]): HeaderField[] | null {
  const fields = block.map((line) => headerField(line, block.length === 1));
  return fields.every((field) => field !== null) ? fields.flat() : null;
}

/** A name as a byline right above the story may give it: up to four capitalised words ("Jane Doe"), nothing prose opens with ("By 2030, the state...", "By Sunday night, residents..."). */
const BYLINE_NAME = /^\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3}$/u;
/** A day or a month, which a byline's name never is ("By Sunday", over the story's next words). */
const CALENDAR_WORD = /\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|january|february|march|april|june|july|august|september|october|november|december)\b/iu;

/**
 * Whether a header line's fields can only be a header's: a date and title (` date 2025-11-21
 * Title`), a title, a readable date, an address, or an author named as a name is; never an outlet's
 * or an author's key, which prose may open with ("Source: officials familiar with...").
 */
function isPlainlyHeader(line: string, fields: readonly HeaderField[]): boolean {
  const byline = /^\s*by\s/iu.test(line);
  return fields.every(({ field, value }) => field === 'title' || field === 'published' || field === 'url' || (byline && field === 'author' && BYLINE_NAME.test(value) && !CALENDAR_WORD.test(value)));
}

/**
 * The header lines opening a block with the story right under them, no blank line between
 * (`date 2024-03-02 Title`, then the first paragraph), each read as a lone header line is: only
 * lines that plainly are one, up to a line the next continues in lowercase (a title wrapped).
 */
function headerLines(block: readonly string[]): { fields: HeaderField[]; lines: number } {
  const fields: HeaderField[] = [];
  let lines = 0;
  for (const [n, line] of block.entries()) {
    const read = headerField(line, true);
    if (!read || !isPlainlyHeader(line, read) || /^\s*\p{Ll}/u.test(block[n + 1] ?? '')) break;
    fields.push(...read);
    lines += 1;
  }
  return { fields, lines };
}

/** Extracts a clean article whose first lines may carry metadata; the rest is the body, one paragraph per block. */
export function parsePlainText(text: string): ParsedFile {
  const blocks = splitBlocks(text);
  const metadata: Metadata = { ...unknownMetadata };
  const warnings: Issue[] = [];
  let bodyStart = 0;
  let opening: readonly string[] | null = null;
  for (const [n, block] of blocks.entries()) {
    const whole = headerBlock(block);
    // Only the first block may hold both: a later one follows a blank line, which ends the header.
    const head = whole ? { fields: whole, lines: block.length } : n === 0 ? headerLines(block) : { fields: [], lines: 0 };
    if (head.lines === 0) break;
    bodyStart += 1;
    for (const { field, value } of head.fields) {
      if (field === 'unreadableDate') warnings.push({ record: null, reason: unreadableDateReason(value) });
      else metadata[field] = value;
    }
    if (head.lines < block.length) {
      opening = block.slice(head.lines);
      break;
    }
  }
  const paragraphs = [...(opening ? [opening] : []), ...blocks.slice(bodyStart)].map(joinLines);
  if (paragraphs.length === 0) return rejectedFile('no body paragraphs after the header lines');
  return { drafts: [{ ...metadata, record: null, paragraphs }], rejected: [], warnings };
}
