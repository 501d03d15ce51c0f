import { normalizeSpace } from '../paragraphs.ts';
import { isBullet, stripBullet } from './line-shape.ts';

/** One logical line of a text dump: a paragraph, heading or list item, with hard wraps undone. */
export interface DumpLine {
  /** The text, whitespace collapsed, list marker removed. */
  text: string;
  /** True when the line was a list item. */
  bullet: boolean;
  /** True when a blank line (or the start of the page) comes before it. */
  opensBlock: boolean;
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
  const lengths = rawLines.map((line) => line.trimEnd().length).filter((length) => length >= 30);
  if (lengths.length < 10) return null;
  const sorted = [...lengths].sort((a, b) => a - b);
  const edge = sorted[Math.floor(sorted.length * 0.99)] ?? 0;
  if (edge > 200) return null;
  const nearEdge = lengths.filter((length) => length >= edge - 20 && length <= edge).length;
  return nearEdge >= lengths.length * 0.3 ? edge : null;
}

/** True when `next` continues `line`: its first word would not have fitted on `line` at the wrap width. */
function continues(line: string, next: string, width: number): boolean {
  if (LIST_MARKER.test(next)) return false;
  if (next.length - next.trimStart().length !== textIndent(line)) return false;
  const firstWord = next.trim().split(/\s/u)[0] ?? '';
  return line.trimEnd().length + 1 + firstWord.length > width;
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
  let previousRaw: string | null = null;
  for (const raw of rawLines) {
    if (raw.trim() === '') {
      opensBlock = true;
      previousRaw = null;
      continue;
    }
    const last = lines.at(-1);
    if (width !== null && last && previousRaw !== null && continues(previousRaw, raw, width)) {
      last.text = normalizeSpace(`${last.text} ${raw}`);
    } else {
      lines.push({ text: normalizeSpace(stripBullet(raw)), bullet: isBullet(raw), opensBlock });
    }
    opensBlock = false;
    previousRaw = raw;
  }
  return lines.filter((line) => line.text !== '');
}
