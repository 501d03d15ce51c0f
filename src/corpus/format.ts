import path from 'node:path';
import type { ParsedFile } from './draft.ts';
import { looksLikePageDump, parsePageDump } from './formats/page-dump.ts';
import { parsePlainText } from './formats/plain-text.ts';

/** Parses one decoded file with the parser its extension and content call for. */
export function parseArticleText(file: string, text: string): ParsedFile {
  switch (path.extname(file).toLowerCase()) {
    default:
      return looksLikePageDump(text) ? parsePageDump(text) : parsePlainText(text);
  }
}
