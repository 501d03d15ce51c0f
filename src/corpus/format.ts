import path from 'node:path';
import type { ParsedFile } from './draft.ts';
import { parseHtml } from './formats/html.ts';
import { parseJson, parseJsonLines } from './formats/json-records.ts';
import { parseMarkdown } from './formats/markdown.ts';
import { looksLikePageDump, parsePageDump } from './formats/page-dump.ts';
import { parsePlainText } from './formats/plain-text.ts';

/** HTML is recognised by content too, because scrapers often save pages as .txt or without extension. */
function looksLikeHtml(text: string): boolean {
  return /^\s*<(!doctype\s+html|html[\s>])/iu.test(text);
}

/** How a record file too large to read whole is read instead: as a stream of records, each size-checked alone. */
export type StreamedRecordFormat = 'json-lines' | 'json-array';

/**
 * The record format a file's extension and first bytes call for, or null when the file is not a
 * stream of records (a JSON file holding one object is one record, read whole).
 */
export function streamedRecordFormat(file: string, head: Uint8Array): StreamedRecordFormat | null {
  const extension = path.extname(file).toLowerCase();
  if (extension === '.jsonl' || extension === '.ndjson') return 'json-lines';
  if (extension !== '.json') return null;
  // TextDecoder drops a byte-order mark; a cut character at the end of the sample does not matter here.
  const start = new TextDecoder().decode(head.subarray(0, 4096)).trimStart();
  return start.startsWith('[') ? 'json-array' : null;
}

/** Parses one decoded file with the parser its extension and content call for. */
export function parseArticleText(file: string, text: string): ParsedFile {
  const extension = path.extname(file).toLowerCase();
  if (extension === '.html' || extension === '.htm' || looksLikeHtml(text)) return parseHtml(text);
  if (extension === '.md' || extension === '.markdown') return parseMarkdown(text);
  if (extension === '.json') return parseJson(text);
  if (extension === '.jsonl' || extension === '.ndjson') return parseJsonLines(text);
  return looksLikePageDump(text) ? parsePageDump(text) : parsePlainText(text);
}
