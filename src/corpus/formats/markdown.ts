import type { Issue, ParsedFile } from '../draft.ts';
import { rejectedFile } from '../draft.ts';
import { joinLines, splitBlocks } from '../paragraphs.ts';
import { readFrontMatter } from './front-matter.ts';
import { RecordFieldsSchema, describeIssue, recordMetadata } from './record-fields.ts';

/** Inline markdown → plain text: images go, links keep their text, emphasis and code markers go. */
function inlineText(line: string): string {
  return line
    .replace(/!\[[^\]]*\]\([^)]*\)/gu, '')
    .replace(/\[([^\]]+)\](?:\([^)]*\)|\[[^\]]*\])/gu, '$1')
    .replace(/<(https?:[^>]+)>/gu, '$1')
    .replace(/<\/?[a-z][^>]*>/giu, '')
    .replace(/(\*\*|__|~~)(?=\S)(.+?)(?<=\S)\1/gu, '$2')
    .replace(/(?<![\w*])([*_])(?=\S)(.+?)(?<=\S)\1(?![\w*])/gu, '$2')
    .replace(/`([^`]+)`/gu, '$1');
}

/** Line prefixes that are markdown syntax, not words: headings, quotes, list markers. */
function withoutBlockSyntax(line: string): string {
  return line
    .replace(/^\s{0,3}#{1,6}\s+/u, '')
    .replace(/\s+#+\s*$/u, '')
    .replace(/^\s*(>\s?)+/u, '')
    .replace(/^\s*([-*+]|\d+[.)])\s+/u, '');
}

/** Lines that carry no text: rules, setext underlines, code fences, link reference definitions. */
function isSyntaxOnly(line: string): boolean {
  return /^\s*([-*_=]\s*){3,}$/u.test(line) || /^\s*(```|~~~)/u.test(line) || /^\s*\[[^\]]+\]:\s+\S+/u.test(line);
}

/** List items are paragraphs of their own; other blocks are hard-wrapped paragraphs. */
function blockParagraphs(block: readonly string[]): string[] {
  const lines = block.filter((line) => !isSyntaxOnly(line));
  const isList = lines.length > 1 && lines.every((line) => /^\s*([-*+]|\d+[.)])\s+/u.test(line));
  const cleaned = lines.map((line) => inlineText(withoutBlockSyntax(line)));
  return (isList ? cleaned.map((line) => joinLines([line])) : [joinLines(cleaned)]).filter(Boolean);
}

/** Extracts an article from markdown with YAML front matter; the front matter gives its metadata. */
export function parseMarkdown(text: string): ParsedFile {
  const file = readFrontMatter(text);
  if (!file.ok) return rejectedFile(file.reason);
  const fields = RecordFieldsSchema.safeParse(file.data);
  if (!fields.success) return rejectedFile(`invalid front matter: ${describeIssue(fields.error)}`);
  const { metadata, dateWarning } = recordMetadata(fields.data);
  const paragraphs = splitBlocks(file.content).flatMap(blockParagraphs);
  if (paragraphs.length === 0) return rejectedFile('no body paragraphs after the front matter');
  const warnings: Issue[] = dateWarning ? [{ record: null, reason: dateWarning }] : [];
  return { drafts: [{ ...metadata, record: null, paragraphs }], rejected: [], warnings };
}
