import { normalizeSpace } from '../paragraphs.ts';
import { stripBullet } from './line-shape.ts';

/** One logical line of a text dump: a paragraph, heading or list item, with hard wraps undone. */
export interface DumpLine {
  /** The text, whitespace collapsed, list marker removed. */
  text: string;
  /** True when the line was a list item. */
  bullet: boolean;
  /** True when a blank line (or the start of the page) comes before it. */
  opensBlock: boolean;
  /** The column its text starts at (after any list marker): nested lists and sidebars sit deeper than the story. */
  indent: number;
  /** Gaps of two or more spaces inside the line: a table row has one between each pair of cells. */
  cellGaps: number;
}

/** The start of a list item, bulleted or numbered: a line starting so begins an item of its own. */
const LIST_MARKER = /^\s*(?:[•·▪◦‣*–+□-]|\d{1,2}[.)])\s+/u;

/** How far a line's text starts from the left edge; a list item's text starts after its marker. */
function textIndent(raw: string): number {
  return (LIST_MARKER.exec(raw)?.[0] ?? /^\s*/u.exec(raw)?.[0] ?? '').length;
}

/**
 * The column a dump was wrapped at, or null when it was not hard-wrapped. Wrapped text piles its
 * lines up against one right edge; a browser copy (one line a paragraph) has no such edge.
 */
export function wrapWidth(rawLines: readonly string[]): number | null {
  const texts = rawLines.map((line) => line.trimEnd());
  const long = texts.flatMap((line, index) => (line.length >= 30 && / \S/u.test(line.trim()) ? [{ length: line.length, followed: (texts[index + 1] ?? '') !== '' }] : []));
  if (long.length < 10) return null;
  const sorted = long.map(({ length }) => length).sort((a, b) => a - b);
  // A few over-long lines (a table, a URL run) sit past the edge, so the edge is sought below them too.
  for (const share of [0.99, 0.97, 0.95, 0.9]) {
    const edge = sorted[Math.floor(sorted.length * share)] ?? 0;
    const nearEdge = long.filter(({ length }) => length >= edge - 20 && length <= edge);
    // Many lines end near one edge (at wide wraps most paragraphs are a line or two, so a fifth is
    // enough), and most of them go on in the next line, as a wrapped paragraph does.
    const goOn = nearEdge.filter(({ followed }) => followed).length;
    if (edge <= 200 && nearEdge.length >= long.length * 0.2 && goOn >= nearEdge.length * 0.5) return edge;
  }
  return null;
}

/**
 * How far short of the edge a wrapped line may end: dumpers reserve a margin, and lynx counts the
 * bytes of a UTF-8 character (a curly quote is three) where a reader sees one.
 */
const WRAP_SLACK = 8;

/** True when `next` continues `line`: its first word would not have fitted on `line` at the wrap width. */
function continues(line: string, next: string, width: number): boolean {
  // A list item, or a form field or image token ("[          ]", "[logo]"), starts an element of its own.
  if (LIST_MARKER.test(next) || /^\s*\[/u.test(next)) return false;
  if (next.length - next.trimStart().length !== textIndent(line)) return false;
  const firstWord = next.trim().split(/\s/u)[0] ?? '';
  return line.trimEnd().length + 1 + firstWord.length > width - WRAP_SLACK;
}

const endsSentence = (text: string): boolean => /[.!?…]["'”’)\]]*$/u.test(text.trim());

/**
 * True when a last, unpunctuated line after a finished sentence is a separate element that only
 * looks wrapped ("…loom large." then "Continue reading the main story"): a paragraph's own last
 * line ends its sentence.
 */
function isTrailer(paragraph: string, line: string, after: string): boolean {
  return endsSentence(paragraph) && !endsSentence(line) && (after.trim() === '' || LIST_MARKER.test(after));
}

/** Words from which an unfinished line is a sentence that a line break (a <br>, a link) cut short rather than a heading. */
const BROKEN_SENTENCE_WORDS = 12;

/**
 * True when `next` finishes the sentence `line` left open, in a dump of any width: a long line
 * without an end, and the next starting in lowercase at the same column ("…neon technology is like
 * a" then "future—just as it did a century ago.").
 */
function isBrokenSentence(line: string, next: string): boolean {
  const open = line.trim().split(/\s+/u).length >= BROKEN_SENTENCE_WORDS && !endsSentence(line) && !/[:;,]$/u.test(line.trim());
  return open && /^\p{Ll}/u.test(next.trim()) && textIndent(next) === textIndent(line) && !LIST_MARKER.test(next);
}

/**
 * Reads a dump into logical lines: list markers noted and removed, and in a hard-wrapped dump
 * (80-column w3m or lynx output) the wrapped lines of one paragraph or item joined again.
 */
export function readDumpLines(text: string): DumpLine[] {
  const rawLines = text.replace(/\u00a0/gu, ' ').split(/\r\n|\r|\n/u);
  const width = wrapWidth(rawLines);
  const lines: DumpLine[] = [];
  let opensBlock = true;
  rawLines.forEach((raw, index) => {
    if (raw.trim() === '') {
      opensBlock = true;
      return;
    }
    const last = lines.at(-1);
    const previous = rawLines[index - 1] ?? '';
    const wrapped = width !== null && continues(previous, raw, width) && !isTrailer(last?.text ?? '', raw, rawLines[index + 1] ?? '');
    if (last && !opensBlock && (wrapped || isBrokenSentence(previous, raw))) {
      last.text = normalizeSpace(`${last.text} ${raw}`);
    } else {
      const cellGaps = (raw.trim().match(/\S {2,}(?=\S)/gu) ?? []).length;
      lines.push({ text: normalizeSpace(stripBullet(raw)), bullet: LIST_MARKER.test(raw), opensBlock, indent: textIndent(raw), cellGaps });
    }
    opensBlock = false;
  });
  return lines.filter((line) => line.text !== '');
}
