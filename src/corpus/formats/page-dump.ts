import { type ParsedFile, rejectedFile, unknownMetadata } from '../draft.ts';
import { joinLines, normalizeSpace, splitBlocks } from '../paragraphs.ts';
import { bylineName, isBullet, isLabelValue, isProse, lineDate, stripBullet } from './line-shape.ts';

/**
 * Rules that turn a plain-text dump of a whole news page (menus, ticker, article, related links,
 * footer) into the article alone. They look at the shape and position of lines, never at the
 * names of particular sites.
 */

interface Line {
  text: string;
  bullet: boolean;
}
type Block = Line[];

/** Headings that open a block of links inside or beside an article: the headlines after them are not article text. */
const SECTION_MARKERS = new Set([
  'related', 'related news', 'related articles', 'related stories', 'related content', 'read more',
  'read also', 'also read', 'see also', 'more on this story', 'share', 'share this article', 'advertisement',
]);

/** Headings that only ever come after the article: everything from them on is page furniture. */
const END_MARKERS = new Set([
  'most read', 'most popular', 'most viewed', 'read next', 'up next', 'trending', 'trending now', 'recommended',
  'recommended for you', 'you may also like', 'tags', 'topics', 'newsletter', 'comments', 'more stories',
]);

/** Markers that announce a news ticker, whose one-line items precede the article. */
const TICKER_MARKERS = new Set(['breaking', 'breaking news', 'just in', 'latest', 'live']);

function markerKey(text: string): string {
  return text.toLowerCase().replace(/[\s:.!]+$/u, '');
}

function isEndMarker(text: string): boolean {
  const key = markerKey(text);
  return END_MARKERS.has(key) || key.startsWith('more from ') || key.includes('all rights reserved');
}

/** "Read more: <headline>" and similar one-line links to other articles. */
function isLabelledLink(text: string): boolean {
  return /^(read more|read also|also read|see also|related|watch|listen)\s*:/iu.test(text);
}

/** "3 Min Read": a reading-time badge, not text. */
function isReadingTime(text: string): boolean {
  return /^\d+\s*min(ute)?s?\s+read$/iu.test(text);
}

/** An image caption ends with its credit in parentheses, "(Reuters)", and has no sentence end before it. */
function isCaption(text: string): boolean {
  return /\([^()]{2,40}\)$/u.test(text) && !isProse(text);
}

/** A navigation line: three or more short items separated by bars, slashes or breadcrumb arrows. */
function isMenuLine(text: string): boolean {
  const items = text.split(/\s+[|›»>/]\s+/u);
  return items.length >= 3 && items.every((item) => item.split(' ').length <= 4);
}

function toBlocks(text: string): Block[] {
  return splitBlocks(text).map((lines) =>
    lines.map((raw) => ({ bullet: isBullet(raw), text: normalizeSpace(stripBullet(raw)) })),
  );
}

/** How often each line's text occurs in the page: site names, captions and menu items repeat, article text does not. */
function lineCounts(blocks: readonly Block[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const line of blocks.flat()) counts.set(line.text, (counts.get(line.text) ?? 0) + 1);
  return counts;
}

/** The ticker: a BREAKING-style marker followed by a run of one-line `Source: item` headlines. */
function tickerLines(blocks: readonly Block[]): Set<Line> {
  const ticker = new Set<Line>();
  const lines = blocks.flat();
  lines.forEach((line, index) => {
    if (!TICKER_MARKERS.has(markerKey(line.text))) return;
    ticker.add(line);
    for (const next of lines.slice(index + 1)) {
      if (!isLabelValue(next.text) || isProse(next.text)) break;
      ticker.add(next);
    }
  });
  return ticker;
}

/** Builds the test for lines that are page furniture wherever they appear. */
function chromeTest(blocks: readonly Block[]): (line: Line) => boolean {
  const counts = lineCounts(blocks);
  const ticker = tickerLines(blocks);
  return (line) =>
    ticker.has(line) ||
    line.text === '' ||
    ((counts.get(line.text) ?? 0) > 1 && !isProse(line.text)) ||
    isReadingTime(line.text) ||
    isCaption(line.text) ||
    isMenuLine(line.text) ||
    isLabelledLink(line.text);
}

function isMetaLine(line: Line): boolean {
  return bylineName(line.text) !== null || lineDate(line.text) !== null;
}

/**
 * The block that carries the byline or date. A byline is preferred because date bars also appear in
 * page headers, bylines almost never do.
 */
function metaBlockIndex(blocks: readonly Block[]): number {
  const byline = blocks.findIndex((block) => block.some((line) => bylineName(line.text) !== null));
  return byline !== -1 ? byline : blocks.findIndex((block) => block.some(isMetaLine));
}

/** Lines that may sit in the byline block besides the byline and date: "Source: ...", "Updated ...", "3 Min Read". */
function isMetaBlock(block: Block, isChrome: (line: Line) => boolean): boolean {
  return block.every(
    (line) => isMetaLine(line) || isChrome(line) || /^(last\s+)?updated\b/iu.test(line.text) || (isLabelValue(line.text) && !isProse(line.text)),
  );
}

interface Heading {
  block: number;
  text: string;
}

/**
 * The title: the nearest line before the anchor that is neither furniture nor running text (a
 * standfirst between title and byline is prose and is passed over).
 */
function findTitle(blocks: readonly Block[], anchor: number, isChrome: (line: Line) => boolean): Heading | null {
  for (let index = anchor - 1; index >= 0; index -= 1) {
    const lines = (blocks[index] ?? []).filter((line) => !isChrome(line) && !line.bullet);
    const heading = lines.findLast((line) => !isProse(line.text));
    if (heading) return { block: index, text: heading.text };
  }
  return null;
}

/** Paragraphs of one body block: list items only when they are sentences, menus (runs of short lines) never. */
function blockParagraphs(lines: readonly Line[], block: Block): string[] {
  if (block.some((line) => line.bullet)) return lines.filter((line) => isProse(line.text)).map((line) => line.text);
  if (lines.length > 1 && lines.every((line) => !isProse(line.text))) return [];
  return lines.length > 0 ? [joinLines(lines.map((line) => line.text))] : [];
}

/** A heading stays only when article text follows it; stray headings at the end are furniture. */
function dropStrayHeadings(paragraphs: readonly string[]): string[] {
  return paragraphs.filter((text, index) => isProse(text) || isProse(paragraphs[index + 1] ?? ''));
}

/**
 * Walks the body blocks: stops at the first end-of-article marker, and after a section marker
 * ("Related News") skips the headlines that follow until running text resumes.
 */
function bodyParagraphs(blocks: readonly Block[], isChrome: (line: Line) => boolean): string[] {
  const paragraphs: string[] = [];
  let skippingLinks = false;
  for (const block of blocks) {
    const first = block[0]?.text ?? '';
    if (isEndMarker(first)) break;
    if (SECTION_MARKERS.has(markerKey(first))) {
      skippingLinks = true;
      continue;
    }
    for (const text of blockParagraphs(block.filter((line) => !isChrome(line)), block)) {
      if (skippingLinks && !isProse(text)) continue;
      skippingLinks = false;
      paragraphs.push(text);
    }
  }
  return dropStrayHeadings(paragraphs);
}

/** The site name printed at the top of the page and again lower down (header and footer). */
function repeatedMasthead(blocks: readonly Block[]): string | null {
  const first = blocks[0]?.[0];
  if (!first || first.bullet || isProse(first.text) || first.text.split(' ').length > 6) return null;
  return blocks.flat().filter((line) => line.text === first.text).length > 1 ? first.text : null;
}

/** The owner named in a copyright line: "© 2024 The Harbour Gazette. All rights reserved." */
function copyrightHolder(blocks: readonly Block[]): string | null {
  for (const line of blocks.flat()) {
    const holder = /^(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}\s*)?([^.|©]+?)(?:\.|\s*\||\s+all rights reserved|$)/iu.exec(line.text);
    if (holder?.[1]) return holder[1].trim();
  }
  return null;
}

/** The meta blocks (byline, date, source) that start at `start`. */
function metaBlockEnd(blocks: readonly Block[], start: number, isChrome: (line: Line) => boolean): number {
  let end = start + 1;
  while (end < blocks.length && isMetaBlock(blocks[end] ?? [], isChrome)) end += 1;
  return end;
}

/** True when the text reads like a dumped web page rather than a clean article: it has lists, menus or boilerplate headings. */
export function looksLikePageDump(text: string): boolean {
  const blocks = toBlocks(text);
  const lines = blocks.flat();
  const bullets = lines.filter((line) => line.bullet).length;
  const markers = lines.filter((line) => isEndMarker(line.text) || SECTION_MARKERS.has(markerKey(line.text))).length;
  // `Key: value` lines are excluded because a clean file's metadata header is also a run of short lines.
  const menuRuns = blocks.filter((block) => block.length >= 4 && block.every((line) => !isProse(line.text) && !isLabelValue(line.text))).length;
  return bullets >= 3 || markers >= 2 || menuRuns > 0 || lines.some((line) => isMenuLine(line.text));
}

/** Extracts the article and its attribution from a plain-text dump of a whole news page. */
export function parsePageDump(text: string): ParsedFile {
  const blocks = toBlocks(text);
  const isChrome = chromeTest(blocks);
  const metaStart = metaBlockIndex(blocks);
  const anchor = metaStart !== -1 ? metaStart : blocks.findIndex((block) => block.some((line) => isProse(line.text)));
  if (anchor === -1) return rejectedFile('no article text found in the page dump');
  const title = findTitle(blocks, anchor, isChrome);
  const metaEnd = metaStart === -1 ? anchor : metaBlockEnd(blocks, metaStart, isChrome);
  const metaLines = blocks.slice(anchor, metaEnd).flat();
  const bodyStart = title ? title.block + 1 : anchor;
  const body = [...blocks.slice(bodyStart, metaStart === -1 ? anchor : metaStart), ...blocks.slice(metaEnd)];
  const paragraphs = bodyParagraphs(body, isChrome);
  if (paragraphs.length === 0) return rejectedFile('no article text left after removing page furniture');
  const published = metaLines.map((line) => lineDate(line.text)).find((date) => date !== null) ?? null;
  const author = metaLines.map((line) => bylineName(line.text)).find((name) => name !== null) ?? null;
  return {
    drafts: [
      {
        ...unknownMetadata,
        record: null,
        title: title?.text ?? null,
        outlet: repeatedMasthead(blocks) ?? copyrightHolder(blocks),
        author,
        published,
        paragraphs,
      },
    ],
    rejected: [],
    warnings: [],
  };
}
