import { createHash } from 'node:crypto';

/** Whitespace `normalizeSpace` would change: a run, any space but a plain one, an end, or an invisible filler. */
const UNNORMALISED_SPACE = /\s\s|[^\S ]|^\s|\s$|[\u200b\u2060\ufeff]/u;

/**
 * Collapses every run of whitespace (including non-breaking spaces) to one space and trims. Zero-width
 * spaces, word joiners and stray byte-order marks go too: pages use them as invisible fillers, and a
 * paragraph of nothing else is empty. (The zero-width joiner stays: emoji and scripts need it.) Text
 * already normalised is returned as it is, not copied: the loader normalises each paragraph at
 * several steps, and copies of a large corpus's text would each stay alive (in its cache and in
 * its articles).
 */
export function normalizeSpace(text: string): string {
  return UNNORMALISED_SPACE.test(text) ? text.replace(/[\u200b\u2060\ufeff]/gu, '').replace(/\s+/gu, ' ').trim() : text;
}

/** Splits text into blocks of consecutive non-blank lines: a blank line ends a paragraph in every plain format. */
export function splitBlocks(text: string): string[][] {
  const blocks: string[][] = [];
  let current: string[] = [];
  for (const line of text.split(/\r\n|\r|\n/u)) {
    if (line.trim() === '') {
      if (current.length > 0) blocks.push(current);
      current = [];
    } else {
      current.push(line);
    }
  }
  if (current.length > 0) blocks.push(current);
  return blocks;
}

/** Joins the lines of a hard-wrapped block into one paragraph. */
export function joinLines(lines: readonly string[]): string {
  return normalizeSpace(lines.join(' '));
}

/**
 * sha256 (hex) of the body's paragraphs joined by one space, so re-wrapped copies of one text hash
 * alike. The paragraphs must be normalised and none empty, as an article's are (`toArticle`): their
 * join is then normalised too, so they are hashed one by one, where joining and normalising them
 * again copied every body and scanned the text once more (seconds of a 100,000-article load).
 */
export function bodyHash(paragraphs: readonly string[]): string {
  const hash = createHash('sha256');
  paragraphs.forEach((paragraph, n) => {
    if (n > 0) hash.update(' ');
    hash.update(paragraph);
  });
  return hash.digest('hex');
}
