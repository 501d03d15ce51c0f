import { z } from 'zod';
import { decodeArticleBytes } from '../decoding.ts';
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
  warnings?: Issue[];
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
    ...(dateWarning ? { warnings: [{ record, reason: dateWarning }] } : {}),
  };
}

function collect(outcomes: readonly RecordOutcome[], extraRejections: readonly Issue[] = []): ParsedFile {
  return {
    drafts: outcomes.flatMap((outcome) => (outcome.draft ? [outcome.draft] : [])),
    rejected: [...extraRejections, ...outcomes.flatMap((outcome) => (outcome.rejection ? [outcome.rejection] : []))].sort(
      (a, b) => (a.record ?? 0) - (b.record ?? 0),
    ),
    warnings: outcomes.flatMap((outcome) => outcome.warnings ?? []),
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

/** One record's bytes, cut from a JSON Lines file or a JSON array by a `RecordSplitter`. */
export interface RecordText {
  /** 1-based: the Nth non-blank line, or the Nth array element. */
  record: number;
  /** The 1-based line of a JSON Lines record, null for an array element. */
  line: number | null;
  bytes: Uint8Array;
}

/** "line 7: " before a JSON Lines record's reasons, so a moderator can open the file at the bad line. */
export function linePrefix(line: number | null): string {
  return line === null ? '' : `line ${line}: `;
}

/** Decodes, parses and validates one record; its problems name its line when it has one. */
function recordTextOutcome({ record, line, bytes }: RecordText): RecordOutcome {
  const where = linePrefix(line);
  const decoded = decodeArticleBytes(bytes);
  if ('rejection' in decoded) return { rejection: { record, reason: `${where}${decoded.rejection}` } };
  let value: unknown;
  try {
    value = JSON.parse(decoded.text);
  } catch (error) {
    return { rejection: { record, reason: `${where}unparseable JSON: ${(error as Error).message}` } };
  }
  const outcome = recordDraft(value, record);
  const warnings = [...decoded.warnings.map((reason) => ({ record, reason })), ...(outcome.warnings ?? [])];
  return {
    ...outcome,
    ...(outcome.rejection ? { rejection: { record, reason: `${where}${outcome.rejection.reason}` } } : {}),
    warnings: warnings.map((warning) => ({ record, reason: `${where}${warning.reason}` })),
  };
}

/** Articles of records cut from a record file; a bad record is rejected alone. */
export function parseRecordTexts(records: readonly RecordText[]): ParsedFile {
  return collect(records.map(recordTextOutcome));
}

/** What a splitter cut from the bytes it was given: whole records, and records it refused. */
export interface RecordCuts {
  records: RecordText[];
  rejected: Issue[];
}

/** Cuts a record file read in chunks into records, holding at most one record's bytes at a time. */
export interface RecordSplitter {
  /** The records completed by this chunk. */
  push(chunk: Uint8Array): RecordCuts;
  /** The last record, once the file has ended. */
  end(): RecordCuts;
}

/** Says why a record of this many bytes is refused. */
export type OversizeReason = (bytes: number) => string;

const NEWLINE = 0x0a;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;

function isJsonSpace(byte: number): boolean {
  return byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d;
}

/**
 * The bytes of the record being cut. Past the size limit it keeps only the count, so one huge
 * record costs no memory and is refused with its size.
 */
class RecordBuffer {
  #parts: Uint8Array[] = [];
  #size = 0;

  constructor(private readonly maxBytes: number) {}

  get size(): number {
    return this.#size;
  }

  get oversize(): boolean {
    return this.#size > this.maxBytes;
  }

  append(bytes: Uint8Array): void {
    this.#size += bytes.length;
    if (this.oversize) this.#parts = [];
    else if (bytes.length > 0) this.#parts.push(bytes);
  }

  /** The record's bytes in a buffer of their own (a view of a read buffer would send the whole buffer to a worker). */
  take(): Uint8Array {
    const bytes = new Uint8Array(this.#size);
    let offset = 0;
    for (const part of this.#parts) {
      bytes.set(part, offset);
      offset += part.length;
    }
    this.#parts = [];
    this.#size = 0;
    return bytes;
  }

  /** Forgets the record, for one that was refused. */
  drop(): void {
    this.#parts = [];
    this.#size = 0;
  }

  isBlank(): boolean {
    return this.#parts.every((part) => part.every(isJsonSpace));
  }
}

/** Cuts JSON Lines into one record per non-blank line; a line over the limit is refused with its number. */
export class JsonLinesSplitter implements RecordSplitter {
  readonly #buffer: RecordBuffer;
  #line = 0;
  #record = 0;

  constructor(maxRecordBytes: number, private readonly oversizeReason: OversizeReason) {
    this.#buffer = new RecordBuffer(maxRecordBytes);
  }

  push(chunk: Uint8Array): RecordCuts {
    const cuts: RecordCuts = { records: [], rejected: [] };
    let start = 0;
    for (let newline = chunk.indexOf(NEWLINE); newline !== -1; newline = chunk.indexOf(NEWLINE, start)) {
      this.#buffer.append(chunk.subarray(start, newline));
      this.#finishLine(cuts);
      start = newline + 1;
    }
    this.#buffer.append(chunk.subarray(start));
    return cuts;
  }

  end(): RecordCuts {
    const cuts: RecordCuts = { records: [], rejected: [] };
    this.#finishLine(cuts);
    return cuts;
  }

  #finishLine(cuts: RecordCuts): void {
    this.#line += 1;
    if (!this.#buffer.oversize && this.#buffer.isBlank()) {
      this.#buffer.drop();
      return;
    }
    this.#record += 1;
    if (this.#buffer.oversize) {
      cuts.rejected.push({ record: this.#record, reason: `${linePrefix(this.#line)}${this.oversizeReason(this.#buffer.size)}` });
      this.#buffer.drop();
    } else {
      cuts.records.push({ record: this.#record, line: this.#line, bytes: this.#buffer.take() });
    }
  }
}

/**
 * Cuts a JSON array into its elements without parsing them: it only follows strings and bracket
 * depth to find the commas between top-level elements, so a 100 MB array is read in constant
 * memory and each element is parsed (and size-checked) alone.
 */
export class JsonArraySplitter implements RecordSplitter {
  readonly #buffer: RecordBuffer;
  #record = 0;
  #depth = 0;
  #inString = false;
  #escaped = false;
  #inElement = false;
  #closed = false;

  constructor(maxRecordBytes: number, private readonly oversizeReason: OversizeReason) {
    this.#buffer = new RecordBuffer(maxRecordBytes);
  }

  push(chunk: Uint8Array): RecordCuts {
    const cuts: RecordCuts = { records: [], rejected: [] };
    let elementStart = this.#inElement ? 0 : -1;
    for (let i = 0; i < chunk.length && !this.#closed; i += 1) {
      const byte = chunk[i] as number;
      if (this.#inString) {
        if (this.#escaped) this.#escaped = false;
        else if (byte === BACKSLASH) this.#escaped = true;
        else if (byte === QUOTE) this.#inString = false;
        continue;
      }
      // Before the array opens there is only a byte-order mark and space.
      if (this.#depth === 0) {
        if (byte === OPEN_BRACKET) this.#depth = 1;
        continue;
      }
      if (this.#depth === 1 && (byte === COMMA || byte === CLOSE_BRACKET)) {
        if (this.#inElement) {
          this.#buffer.append(chunk.subarray(elementStart, i));
          this.#finishElement(cuts);
        }
        elementStart = -1;
        if (byte === CLOSE_BRACKET) this.#closed = true;
        continue;
      }
      if (!this.#inElement) {
        if (isJsonSpace(byte)) continue;
        this.#inElement = true;
        elementStart = i;
      }
      if (byte === QUOTE) this.#inString = true;
      else if (byte === OPEN_BRACKET || byte === OPEN_BRACE) this.#depth += 1;
      else if (byte === CLOSE_BRACKET || byte === CLOSE_BRACE) this.#depth -= 1;
    }
    if (this.#inElement && elementStart !== -1) this.#buffer.append(chunk.subarray(elementStart));
    return cuts;
  }

  end(): RecordCuts {
    const cuts: RecordCuts = { records: [], rejected: [] };
    if (this.#closed) return cuts;
    if (this.#inElement) this.#finishElement(cuts);
    cuts.rejected.push({ record: null, reason: 'the JSON array is not closed: the file ends early' });
    return cuts;
  }

  #finishElement(cuts: RecordCuts): void {
    this.#inElement = false;
    this.#record += 1;
    if (this.#buffer.oversize) {
      cuts.rejected.push({ record: this.#record, reason: this.oversizeReason(this.#buffer.size) });
      this.#buffer.drop();
    } else {
      cuts.records.push({ record: this.#record, line: null, bytes: this.#buffer.take() });
    }
  }
}

/** Why a record file yields nothing at all. */
export const NO_RECORDS_REASON = 'no records in the file';

/** Articles of a JSON Lines file, one record per non-blank line; a bad line is rejected alone. */
export function parseJsonLines(text: string): ParsedFile {
  const splitter = new JsonLinesSplitter(Number.POSITIVE_INFINITY, () => 'record too large');
  const pushed = splitter.push(new TextEncoder().encode(text));
  const ended = splitter.end();
  const records = [...pushed.records, ...ended.records];
  if (records.length === 0) return rejectedFile(NO_RECORDS_REASON);
  return parseRecordTexts(records);
}
