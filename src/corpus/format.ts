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

/** Parses one decoded file with the parser its extension and content call for. */
export function parseArticleText(file: string, text: string): ParsedFile {
  const extension = path.extname(file).toLowerCase();
  if (extension === '.html' || extension === '.htm' || looksLikeHtml(text)) return parseHtml(text);
  if (extension === '.md' || extension === '.markdown') return parseMarkdown(text);
  if (extension === '.json') return parseJson(text);
  if (extension === '.jsonl' || extension === '.ndjson') return parseJsonLines(text);
  return looksLikePageDump(text) ? parsePageDump(text) : parsePlainText(text);
}
