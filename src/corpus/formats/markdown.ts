import { decodeHTMLStrict } from 'entities';
import { Lexer } from 'marked';
import type { Issue, ParsedFile } from '../draft.ts';
import { rejectedFile } from '../draft.ts';
import { normalizeSpace } from '../paragraphs.ts';
import { readFrontMatter } from './front-matter.ts';
import { RecordFieldsSchema, describeIssue, recordMetadata } from './record-fields.ts';

/** A token of marked's lexer, as far as reading its text needs. */
interface MarkdownToken {
  type: string;
  raw?: string;
  text?: string;
  tokens?: MarkdownToken[];
  items?: MarkdownToken[];
}

/**
 * The words of inline markdown: link and emphasis text kept, images and raw HTML dropped, and
 * character references ("&rsquo;", "&amp;") read as the characters markdown shows; marked reads only
 * the numeric ones. Code spans, autolinks and backslash escapes stay as written, as markdown shows them.
 */
function inlineText(tokens: readonly MarkdownToken[]): string {
  return tokens
    .map((token) => {
      if (token.type === 'image' || token.type === 'html') return '';
      if (token.type === 'br') return ' ';
      // An autolink ("<https://...>" or a bare address) shows its address as written.
      if (token.type === 'link' && (token.raw === token.text || token.raw === `<${token.text}>`)) return token.text ?? '';
      if (token.tokens) return inlineText(token.tokens);
      return token.type === 'text' ? decodeHTMLStrict(token.text ?? '') : (token.text ?? '');
    })
    .join('');
}

/**
 * The paragraphs of block tokens: paragraphs, headings, quotes and list items are text; code blocks,
 * tables, raw HTML and rules are not prose, so they are never quoted as an answer.
 */
function blockParagraphs(tokens: readonly MarkdownToken[]): string[] {
  return tokens.flatMap((token): string[] => {
    switch (token.type) {
      case 'paragraph':
      case 'heading':
      case 'text':
        return [normalizeSpace(inlineText(token.tokens ?? []))].filter(Boolean);
      case 'blockquote':
      case 'list_item':
        return blockParagraphs(token.tokens ?? []);
      case 'list':
        return (token.items ?? []).flatMap((item) => blockParagraphs([item]));
      default:
        return [];
    }
  });
}

/** Extracts an article from markdown with YAML front matter; the front matter gives its metadata. */
export function parseMarkdown(text: string): ParsedFile {
  const file = readFrontMatter(text);
  if (!file.ok) return rejectedFile(file.reason);
  const fields = RecordFieldsSchema.safeParse(file.data);
  if (!fields.success) return rejectedFile(`invalid front matter: ${describeIssue(fields.error)}`);
  const { metadata, dateWarning } = recordMetadata(fields.data);
  const paragraphs = blockParagraphs(new Lexer().lex(file.content) as MarkdownToken[]);
  if (paragraphs.length === 0) return rejectedFile('no body paragraphs after the front matter');
  const warnings: Issue[] = dateWarning ? [{ record: null, reason: dateWarning }] : [];
  return { drafts: [{ ...metadata, record: null, paragraphs }], rejected: [], warnings };
}
