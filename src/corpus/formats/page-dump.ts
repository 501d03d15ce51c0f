import { findDate } from '../dates.ts';
import { type ParsedFile, rejectedFile, unknownMetadata } from '../draft.ts';
import { splitBlocks } from '../paragraphs.ts';
import { type DumpLine, readDumpLines } from './dump-lines.ts';
import { bylineName, isBullet, isLabelValue, isProse, stripBullet, wordCount } from './line-shape.ts';
import { isBoilerplate, isCommentHeader, isCommentSection } from './page-furniture.ts';

/**
 * Turns a plain-text dump of a whole news page (menus, ticker, article, related links, comments,
 * footer) into the article alone. It decides by evidence over the whole page: every line is
 * classified by its shape, the article is the run of lines where long, punctuated prose is densest,
 * and the headline is the line above that run that best matches its words. No site's names are used.
 */

/** Headings that open a block of links inside or beside an article: the headlines after them are not article text. */
const SECTION_MARKERS = new Set([
  'related', 'related news', 'related articles', 'related stories', 'related content', 'read more',
  'read also', 'also read', 'see also', 'more on this story', 'share', 'share this article',
]);

/** Headings that come after an article: what follows them is page furniture unless it is running text. */
const END_MARKERS = new Set([
  'most read', 'most popular', 'most viewed', 'read next', 'up next', 'trending', 'trending now', 'recommended',
  'recommended for you', 'you may also like', 'tags', 'topics', 'newsletter', 'more stories',
  'breaking', 'breaking news', 'just in', 'latest', 'live',
]);

function markerKey(text: string): string {
  return withoutTrailing(text.toLowerCase(), /[\s:.!]/u);
}

/**
 * The text without the run of characters matching `mark` at its end. A loop from the end: a regex
 * anchored at the end (`[,;: ]+$`) retries every position of a long run, quadratic on a line of
 * 50,000 dots or commas.
 */
function withoutTrailing(text: string, mark: RegExp): string {
  let end = text.length;
  while (end > 0 && mark.test(text.charAt(end - 1))) end -= 1;
  return text.slice(0, end);
}

/** A heading that announces what comes after the story: widgets, other stories, comments. */
function isEndMarker(text: string): boolean {
  const key = markerKey(text);
  return END_MARKERS.has(key) || /^more (from|about) /u.test(key) || /^\d+\s+comments?$/u.test(key);
}

/** A heading that announces links, widgets or the end of the story rather than a part of it. */
function isMarker(text: string): boolean {
  return SECTION_MARKERS.has(markerKey(text)) || isEndMarker(text);
}

/**
 * An ad's label or a note that the story goes on past it ("Advertisement", "Story continues below
 * advertisement", "Continue reading the main story"): noise inside a story, never a sign of its end.
 */
function isAdBreak(text: string): boolean {
  return /^(?:advertisement|advertising|ad|sponsored(?: content)?|(?:story|article) continues below(?: (?:this )?(?:advertisement|ad))?|continue reading(?: the main story| below)?|scroll to continue(?: with content)?)[.:]?$/iu.test(text);
}

/** "In a Monday, Oct. 3, 2011 photo, Juan Gonzalez sorts tomatoes…": an agency photo caption, a sentence but not the story's. */
function isPhotoCaption(text: string): boolean {
  return /^in (?:a|an|this|these) (?:\S+ ){0,8}?(?:file )?(?:photo|picture|image)s?\b(?: taken| provided| released)?[^,]{0,40},/iu.test(text);
}

/** "3 Min Read": a reading-time badge, not text. */
function isReadingTime(text: string): boolean {
  return /^\d+\s*min(ute)?s?\s+read$/iu.test(text);
}

/** An image caption ends with its credit in parentheses, "(Reuters)", and has no sentence end before it. */
function isCaption(text: string): boolean {
  return /\(\p{L}[^()]{1,39}\)$/u.test(text) && !isProse(text);
}

/** A navigation line: three or more short items separated by bars, slashes or breadcrumb arrows. */
function isMenuLine(text: string): boolean {
  const items = text.split(/\s+[|›»>/]\s+/u);
  return items.length >= 3 && items.every((item) => item.split(' ').length <= 4);
}

/** "Read more: <headline>" and similar one-line links to other articles. */
function isLabelledLink(text: string): boolean {
  return /^(read more|read also|also read|see also|related|watch|listen|more)\s*:/iu.test(text);
}

/** What a line is, judged by its shape: the evidence every later decision rests on. */
type Kind = 'prose' | 'heading' | 'item' | 'chrome' | 'debris' | 'marker' | 'comment';

interface Line extends DumpLine {
  /** True for text nested deeper than the page's main run of prose (inside a list item or a sidebar). */
  nested: boolean;
  /** What the line is by its own shape; a headline repeated as share text keeps the shape of a heading. */
  shape: Kind;
  /** What the line counts as in this page. */
  kind: Kind;
  words: number;
}

/** How much each kind of line adds to or takes from a run's claim to be the article. */
function lineWeight(line: Line): number {
  switch (line.kind) {
    case 'prose':
      return line.bullet || line.nested ? (line.words - 6) / 2 : Math.min(line.words, 80) - 6;
    case 'heading':
      return -3;
    case 'item':
      return -2;
    case 'chrome':
      return -4;
    case 'debris':
      return -0.5;
    case 'marker':
      return isEndMarker(line.text) ? -12 : -6;
    case 'comment':
      return -200;
  }
}

/** The kind a line's own shape gives it, before repetition across the page is weighed. */
function shapeKind(line: DumpLine): Kind {
  const { text } = line;
  if (isCommentHeader(text) || isCommentSection(text)) return 'comment';
  if (isMarker(text)) return 'marker';
  // Numbers and symbols alone are the axes and labels of a chart or table: debris inside a story, not a sign of its end.
  if (!/\p{L}/u.test(text) || isAdBreak(text) || isPhotoCaption(text)) return 'debris';
  if (isBoilerplate(text) || isReadingTime(text) || isCaption(text) || isMenuLine(text) || isLabelledLink(text)) {
    return 'chrome';
  }
  // "posted on April 21, 2015, at 11:29 a.m." ends with a full stop but is a dateline, not a sentence.
  if (wordCount(text) <= 10 && findDate(text) !== null) return line.bullet ? 'item' : 'heading';
  // A sentence introducing a list or table ("Levels at the end of April were:") is running text too.
  if (isProse(text) || (/:$/u.test(text) && wordCount(text) >= 5)) return 'prose';
  return line.bullet ? 'item' : 'heading';
}

/** Words up to which a sentence printed twice is taken for a caption (an image's alt text and its caption) rather than a pull quote. */
const CAPTION_WORDS = 25;

/** "Caption.Caption." or "Caption Caption": a dump that printed an image's alt text and its caption side by side. */
function isDoubled(text: string): boolean {
  const half = Math.floor(text.length / 2);
  if (half <= 10) return false;
  // Side by side with or without a space between: "X.X." or "X X".
  return text.slice(0, half) === text.slice(text.length - half) && text.length - 2 * half <= 1 && /^\s?$/u.test(text.slice(half, text.length - half));
}

/** A line's kind and size; a short line printed more than once (site name, menu item, caption) is furniture. */
function classify(line: DumpLine, counts: ReadonlyMap<string, number>, mainIndent: number): Line {
  const shape = shapeKind(line);
  const printedTwice = (counts.get(line.text) ?? 0) > 1;
  const repeated = printedTwice && (shape === 'heading' || shape === 'item');
  // An image's caption is text inside the story, not a sign of its end: debris, like a chart's labels.
  const caption = shape === 'prose' && ((printedTwice && wordCount(line.text) <= CAPTION_WORDS) || isDoubled(line.text));
  const kind = caption ? 'debris' : repeated ? 'chrome' : shape;
  return { ...line, shape, kind, words: wordCount(line.text), nested: line.indent > mainIndent + 1 };
}

/** The leftmost column where several of the page's sentences start: the story's own margin (lists and live feeds nest deeper). */
function mainIndent(lines: readonly DumpLine[]): number {
  const sentences = new Map<number, number>();
  for (const line of lines) if (!line.bullet && isProse(line.text)) sentences.set(line.indent, (sentences.get(line.indent) ?? 0) + 1);
  const margins = [...sentences.entries()].filter(([, count]) => count >= 3).map(([indent]) => indent);
  return margins.length > 0 ? Math.min(...margins) : 0;
}

/**
 * Readers' comments: after a comment-section heading, running text is the readers', not the story's,
 * until a new headline (a heading of four words or more) starts another part of the page. A
 * "Comments" link above the story (beside the byline) opens nothing: the heading counts only
 * once some running text has come before it.
 */
function markComments(lines: readonly Line[]): Line[] {
  let inComments = false;
  let prose = 0;
  return lines.map((line) => {
    if (line.kind === 'prose') prose += 1;
    if (line.kind === 'comment' && isCommentSection(line.text) && prose >= 3) inComments = true;
    else if (line.kind === 'heading' && !line.bullet && line.words >= 4 && !isMeta(line)) inComments = false;
    return inComments && line.kind === 'prose' ? { ...line, kind: 'chrome' } : line;
  });
}

/** Lines of figures (no letters, or table rows) from which a stretch counts as a chart or a table. */
const CHART_FIGURES = 6;

/**
 * A chart dumped as text is a column of figures with a few labels among them ("Net interest",
 * "Defense", the chart's title, its source), and a table is a run of rows with cells apart: in a
 * stretch between two paragraphs where such lines are at least half, every line is part of the
 * chart or table (debris), not furniture ending the story.
 */
function markCharts(lines: readonly Line[]): Line[] {
  const marked = [...lines];
  let start = 0;
  for (let index = 0; index <= lines.length; index += 1) {
    if (index < lines.length && lines[index]?.kind !== 'prose') continue;
    const stretch = lines.slice(start, index);
    const figures = stretch.filter((line) => line.kind === 'debris' || (line.cellGaps >= 1 && !line.bullet)).length;
    if (figures >= CHART_FIGURES && 2 * figures >= stretch.length) {
      stretch.forEach((line, offset) => {
        if (line.kind === 'heading' || line.kind === 'chrome' || line.kind === 'item') marked[start + offset] = { ...line, kind: 'debris' };
      });
    }
    start = index + 1;
  }
  return marked;
}

/** Words up to which a question standing alone is a headline ("Which phone should you buy?") rather than running text. */
const QUESTION_HEADLINE_WORDS = 12;

/**
 * A short question or exclamation after a line that is not running text is a headline (a teaser's,
 * or a subheading), not a paragraph: it is weighed as a heading, and kept only as a subheading.
 */
function markQuestionHeadlines(lines: readonly Line[]): Line[] {
  return lines.map((line, index) => {
    const previous = lines[index - 1];
    const question = line.kind === 'prose' && line.words <= QUESTION_HEADLINE_WORDS && isHeadlineShape(line);
    return question && previous !== undefined && previous.kind !== 'prose' ? { ...line, kind: 'heading' } : line;
  });
}

/** How often each line's text occurs in the page: site names, captions and menu items repeat, article text does not. */
function lineCounts(lines: readonly DumpLine[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const line of lines) counts.set(line.text, (counts.get(line.text) ?? 0) + 1);
  return counts;
}

/** A stretch of at least this many lines and this much negative weight without running text separates two parts of a page: no article spans it. */
const WALL = { lines: 10, weight: -40 };

/**
 * The run of lines with the greatest total weight (Kadane's maximum subarray): the densest prose.
 * A long stretch without prose, or a reader's comment, ends any run, so a live blog or comment
 * thread below the story cannot be joined to it however long it is.
 */
function densestRun(lines: readonly Line[]): { start: number; end: number } | null {
  let best: { start: number; end: number; sum: number } | null = null;
  let sum = 0;
  let start = 0;
  let gap = { lines: 0, weight: 0 };
  lines.forEach((line, index) => {
    if (line.kind === 'prose') gap = { lines: 0, weight: 0 };
    else if (line.kind !== 'debris') gap = { lines: gap.lines + 1, weight: gap.weight + lineWeight(line) };
    if (sum <= 0 || (gap.lines >= WALL.lines && gap.weight <= WALL.weight) || line.kind === 'comment') {
      sum = 0;
      start = index;
    }
    sum += lineWeight(line);
    if (sum > 0 && (!best || sum > best.sum)) best = { start, end: index, sum };
  });
  return best;
}

/** How many furniture lines may stand between two parts of one article (an ad, a related-links box). */
const MAX_GAP = 6;

/** How far a gap of boxed-in lines (a related box or gallery nested into the story) may run. */
const ASIDE_REACH = 40;

/** A non-prose line indented deeper than the story's margin: part of a box set beside or into the story. */
function isAside(line: Line): boolean {
  return line.nested && line.kind !== 'prose' && line.kind !== 'comment';
}

/** How many paragraphs of running text at the story's margin follow one another from `index` in direction `step`. */
function proseRun(lines: readonly Line[], index: number, step: 1 | -1): number {
  let count = 0;
  for (let cursor = index; lines[cursor]?.kind === 'prose' && !lines[cursor]?.nested && !lines[cursor]?.bullet; cursor += step) count += 1;
  return count;
}

/**
 * Walks from `from` in direction `step` over a gap of furniture and returns the first line of running
 * text after it that resumes the article, or null. The gap may hold up to MAX_GAP furniture lines at
 * the story's margin and any lines of a box nested into the story, but no comment and no end-of-story heading at the margin.
 */
function resumption(lines: readonly Line[], from: number, step: 1 | -1): number | null {
  let plain = 0;
  for (let index = from; index >= 0 && index < lines.length && Math.abs(index - from) <= ASIDE_REACH; index += step) {
    const line = lines[index];
    if (!line || line.kind === 'comment') return null;
    if (line.kind === 'prose' && !line.nested) {
      // After a long gap only a run of three paragraphs is taken for the story going on; after a short one, two or one long one.
      const run = proseRun(lines, index, step);
      const resumes = plain > MAX_GAP ? run >= 3 : index === from || line.words >= 40 || run >= 2;
      return resumes && !line.bullet ? index : null;
    }
    if (isAside(line) || line.kind === 'debris') continue;
    // An end-of-story heading at the margin ends the story, unless it only heads a box set into it.
    if (line.kind === 'marker' && isEndMarker(line.text) && !lines[index + 1]?.nested) return null;
    plain += 1;
    if (plain > 2 * MAX_GAP) return null;
  }
  return null;
}

/**
 * Extends the article both ways past a gap of furniture (an ad, a "More on this story" box, a
 * related box set into the story) when running text resumes on the other side.
 */
function extendRun(lines: readonly Line[], run: { start: number; end: number }): { start: number; end: number } {
  let { start, end } = run;
  for (let next = resumption(lines, end + 1, 1); next !== null; next = resumption(lines, end + 1, 1)) end = next;
  for (let previous = resumption(lines, start - 1, -1); previous !== null; previous = resumption(lines, start - 1, -1)) start = previous;
  return { start, end };
}

/**
 * True for a list of teasers: headlines each with a paragraph or less under it. A story's own
 * sections run to several paragraphs, or at least hold one paragraph per heading.
 */
function isTeaserList(lines: readonly Line[]): boolean {
  const paragraphs = lines.filter((line) => line.kind === 'prose').length;
  // A box of links in the story counts once, however many links it lists.
  const headings = lines.filter((line, index) => (line.shape === 'heading' || line.shape === 'item') && !(lines[index - 1]?.bullet && line.bullet)).length;
  const adjacent = lines.some((line, index) => line.kind === 'prose' && lines[index + 1]?.kind === 'prose');
  return headings > paragraphs || (paragraphs >= 2 && !adjacent);
}

/**
 * Cuts the run at an end-of-story heading at the story's margin ("More stories", "Most popular")
 * when what follows its own box is a list of teasers. A newsletter box or a list of links in
 * mid-story, followed by the rest of the story, is kept.
 */
function trimTeasers(lines: readonly Line[], run: { start: number; end: number }): { start: number; end: number } {
  for (let index = run.start + 1; index <= run.end; index += 1) {
    const line = lines[index];
    if (!line || line.kind !== 'marker' || !isEndMarker(line.text) || line.nested) continue;
    const after = lines.slice(index + 1, run.end + 1);
    if (!isTeaserList(after.slice(Math.max(0, after.findIndex((other) => other.kind === 'prose'))))) continue;
    const lastProse = lines.slice(run.start, index).findLastIndex((other) => other.kind === 'prose');
    return lastProse < 0 ? run : { start: run.start, end: run.start + lastProse };
  }
  return run;
}

/** Lowercased words of four letters or more (short words are mostly grammar and button labels): what a headline and its story share. */
function contentWords(text: string): string[] {
  return (text.toLowerCase().match(/\p{L}[\p{L}\p{N}'’-]{3,}/gu) ?? []).map((word) => word.replace(/['’]s$/u, ''));
}

/** How often each content word occurs in the text. */
function wordFrequencies(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const word of contentWords(text)) counts.set(word, (counts.get(word) ?? 0) + 1);
  return counts;
}

/**
 * How well a line names the story: its words, weighted by how often the story repeats them (a
 * headline's words are the story's topic, a teaser's or a button's turn up once if at all), per
 * word, with two words of smoothing so that a two-word label cannot match perfectly.
 */
function topicMatch(text: string, bodyWords: ReadonlyMap<string, number>): number {
  const words = contentWords(text);
  const matched = words.reduce((sum, word) => sum + Math.min(1, (bodyWords.get(word) ?? 0) / 2), 0);
  return matched / (words.length + 2);
}

/** "1 day ago", "3 hours ago": the age a byline gives instead of a date. */
const RELATIVE_TIME = /\b\d{1,2}\s+(?:min(?:ute)?s?|hours?|hrs?|days?|weeks?)\s+ago\b/iu;

/** True for a line that states the byline or the date. */
function isMetaLine(text: string): boolean {
  if (bylineName(text) !== null || byline(text) !== null) return true;
  // A long line with a date in it is a caption or a sentence ("March 18, 2015 Security forces secure the area…").
  return wordCount(text) <= 12 && !isEventDate(text) && (findDate(text) !== null || RELATIVE_TIME.test(text));
}

/** How far back from the densest run, and how far into it, the headline is looked for, in lines. */
const TITLE_REACH = 200;
const TITLE_INSIDE = 30;

/** Answers of isMetaLine and of the byline test per line: the headline search asks them of the same lines many times. */
const metaLines = new WeakMap<Line, boolean>();
const signedLines = new WeakMap<Line, boolean>();

/** isMetaLine for a line of the page, worked out once. */
function isMeta(line: Line | undefined): boolean {
  if (!line) return false;
  const known = metaLines.get(line) ?? isMetaLine(line.text);
  metaLines.set(line, known);
  return known;
}

/** True for a byline ("By Jo Roe …"), worked out once per line. */
function isSigned(line: Line): boolean {
  const known = signedLines.get(line) ?? (byline(line.text) !== null || bylineName(line.text) !== null);
  signedLines.set(line, known);
  return known;
}

/** How many lines of share buttons and other furniture may stand between a headline and its byline. */
const BYLINE_REACH = 20;

/**
 * True when a meta line (byline, date) follows the line with at most a standfirst and a caption
 * between; share buttons and a "Comments" link beside the byline do not part them.
 */
function headsByline(lines: readonly Line[], index: number): boolean {
  let between = 0;
  let previous = lines[index]?.text ?? '';
  for (const next of lines.slice(index + 1, index + BYLINE_REACH)) {
    if (isMeta(next)) return true;
    if (next.kind === 'marker' || isCommentHeader(next.text)) return false;
    // Labels of one or two words ("More Options", "Resize Text") are buttons; a standfirst or caption is
    // longer. A caption printed again with its credit after it ("Caption" then "Caption - Credit") counts once.
    if (next.shape !== 'chrome' && next.shape !== 'debris' && next.words >= 3 && !next.text.startsWith(previous)) between += 1;
    if (between > 2) return false;
    previous = next.text;
  }
  return false;
}

/** How much heading a byline adds to a line's claim to be the headline, and standing below one takes from it. */
const BYLINE_BONUS = 0.3;

/** True when a byline stands shortly above the line: below a byline come captions and gallery titles, not the headline. */
function followsByline(lines: readonly Line[], index: number): boolean {
  return lines.slice(Math.max(0, index - BYLINE_REACH), index).some(isSigned);
}

/** A full stop at the end, not one closing an abbreviation ("N.Y.C."): headlines state nothing with one. */
function endsWithFullStop(text: string): boolean {
  return /\.["'”’]*$/u.test(text) && !/(?:\b\p{Lu}\.){2,}["'”’]*$/u.test(text);
}

/** Text shaped like a headline: not a lowercase fragment, a byline, a date, a list of words or a statement with a full stop. */
function isHeadlineText(text: string): boolean {
  const words = wordCount(text);
  const commas = text.split(',').length - 1;
  // "Gallery: Xbox One X", "Video: …": a label naming a media box, not a story.
  const mediaLabel = /^(gallery|video|photos?|pictures?|images?|audio|podcast|watch|listen|live|sponsored|advertisement)\s*:/iu.test(text);
  // A headline may name a day ("Weekly Edition for March 26, 2015"); a dateline or byline is not one.
  const meta = byline(text) !== null || bylineName(text) !== null || (findDate(text) !== null && words < 8);
  return words >= 2 && words <= 30 && !/^\p{Ll}/u.test(text) && !meta && commas < 3 && !endsWithFullStop(text) && !mediaLabel && !isDoubled(text);
}

/** A photo credit: "Olena Shmahalo/Quanta Magazine", "JIM WATSON/AFP/Getty Images", "Photograph: …". */
function isCredit(text: string): boolean {
  const agencies = /\p{L}\/\p{L}/u.test(text) && !/\/\/|www\.|\.(com|org|net)\b/iu.test(text);
  return wordCount(text) <= 8 && (agencies || /\b(getty images|reuters|associated press|afp|epa|shutterstock)\b|^(photo|photograph|picture|image|credit)\s*:/iu.test(text));
}

/** True for a line with a photo credit within the next three lines: a caption, not a headline. */
function isCaptioned(lines: readonly Line[], index: number): boolean {
  return lines.slice(index + 1, index + 4).some((line) => isCredit(line.text));
}

/** A line shaped like a headline: a short heading, or a short question or exclamation. */
function isHeadlineShape(line: Line): boolean {
  const exclaims = /(?:[?!]|(?:\b\p{Lu}\.){2,})["'”’]*$/u.test(line.text);
  return isHeadlineText(line.text) && (line.shape === 'heading' || (line.shape === 'prose' && line.words <= 20 && exclaims));
}

/** How much better a line right under a headline candidate must match to be the headline instead. */
const STANDFIRST_MARGIN = 0.2;

/** The chosen headline: its line, and its text (without a section or site name beside it). */
interface Headline {
  index: number;
  text: string;
}

/**
 * The headline: of the headline-shaped lines above the article (or among its first lines), the one
 * whose words the article uses most, preferring longer lines close to the article that head a byline or date.
 */
function findTitle(lines: readonly Line[], bodyStart: number, bodyWords: ReadonlyMap<string, number>): Headline | null {
  let best: (Headline & { score: number }) | null = null;
  let upper: { index: number; score: number; words: number } | null = null;
  const from = Math.max(0, bodyStart - TITLE_REACH);
  const isText = (other: Line): boolean => (other.kind === 'heading' || other.kind === 'prose') && other.words >= 3;
  for (let index = from; index < Math.min(lines.length, bodyStart + TITLE_INSIDE); index += 1) {
    const line = lines[index];
    if (!line || !isHeadlineShape(line) || isCaptioned(lines, index)) continue;
    // Inside the story, after paragraphs of it, a heading is one of its sections, unless a byline under it shows it heads the story.
    if (index > bodyStart && lines.slice(bodyStart, index).filter((other) => other.kind === 'prose').length >= 2 && !headsByline(lines, index)) continue;
    // "Section|Headline" and "Headline | Site": the part that matches the story is the headline.
    const parts = line.text.split(/\s*\|\s*/u);
    const text = parts.length === 2 ? (parts.sort((a, b) => topicMatch(b, bodyWords) - topicMatch(a, bodyWords))[0] ?? line.text) : line.text;
    if (!isHeadlineText(text)) continue;
    const overlap = topicMatch(text, bodyWords);
    // Text between the line and the article's start, or article text above the line, both count against it.
    const between = index < bodyStart ? lines.slice(index + 1, bodyStart).filter(isText).length : lines.slice(bodyStart, index).filter(isText).length;
    // Headlines run four to a dozen words; captions and standfirsts run longer.
    const size = (line.words >= 4 ? 0.1 : 0) - 0.02 * Math.max(0, line.words - 12);
    // Below a byline come captions and gallery titles; a headline there heads a byline of its own (a rail of teasers above the story has bylines too).
    const bylined = headsByline(lines, index) ? BYLINE_BONUS : index < bodyStart && followsByline(lines, index) ? -BYLINE_BONUS : 0;
    const score = overlap + bylined + size - 0.04 * between;
    // Of a headline and the standfirst printed under it, both match the story: the upper one is the headline.
    const underHeadline = upper !== null && upper.score >= 0.4 && line.words > upper.words && score <= upper.score + STANDFIRST_MARGIN && lines.slice(upper.index + 1, index).every((other) => other.kind === 'chrome' || other.kind === 'debris');
    // Only a headline-length line can have a standfirst under it (a site name above a headline cannot).
    if (line.words >= 4) upper = { index, score, words: line.words };
    if (underHeadline) continue;
    if (!best || score > best.score) best = { index, text, score };
  }
  return best && best.score > 0.2 ? { index: best.index, text: best.text } : null;
}

/** A subheading inside the article: a short heading with running text after it, not one of a run of link headlines. */
function isSubheading(lines: readonly Line[], index: number): boolean {
  const line = lines[index];
  if (!line || line.words > 20 || isMeta(line)) return false;
  // A one-word subheading ("Injuries") is a capitalised word; labels like "AFP" or "x" are not.
  if (line.words === 1 && !/^\p{Lu}\p{Ll}{3,}[?:]?$/u.test(line.text)) return false;
  const isContent = (other: Line): boolean => other.kind !== 'chrome' && other.kind !== 'debris';
  const previous = lines.slice(0, index).findLast(isContent);
  const next = lines.slice(index + 1).find(isContent);
  const introducesText = (next?.kind === 'prose' && !next.bullet) || (next !== undefined && isTableRow(next));
  // After another short heading or a marker it is one of a list of links; after a long caption it is not.
  const afterLinkHeading = previous !== undefined && (previous.kind === 'marker' || (previous.kind === 'heading' && previous.words <= LINK_HEADLINE_WORDS && !isTableRow(previous)));
  return introducesText && !afterLinkHeading;
}

/** Words up to which a heading line may be a link to another story; longer ones are captions. */
const LINK_HEADLINE_WORDS = 15;

/** A row of a table as dumps render it: cells apart by runs of spaces, in a block of such rows. */
function isTableRow(line: Line): boolean {
  return !line.bullet && line.cellGaps >= 1 && ['heading', 'debris', 'chrome'].includes(line.kind) && !isBoilerplate(line.text) && !isMeta(line);
}

/** True for a table row with another row above or below it (one gapped line is no table). */
function isInTable(lines: readonly Line[], index: number): boolean {
  const line = lines[index];
  return line !== undefined && isTableRow(line) && [lines[index - 1], lines[index + 1]].some((other) => other !== undefined && isTableRow(other));
}

/**
 * A list inside the article: items after a line that introduces them ("…also said:"). A bulleted
 * item of a word or two may be a link; a numbered one ("1. Finland") is a ranking the text announced.
 */
function isArticleListItem(lines: readonly Line[], index: number): boolean {
  let cursor = index;
  while (cursor > 0 && lines[cursor]?.bullet) cursor -= 1;
  const intro = lines[cursor];
  const item = lines[index];
  const sized = item !== undefined && (item.words >= 3 || /^\d{1,2}[.)]\s/u.test(item.text));
  return intro !== undefined && !intro.bullet && intro.kind === 'prose' && /:$/u.test(intro.text) && sized;
}

/** True for a line of the article: running text, its subheadings, lists and tables, never furniture. */
function isArticleLine(lines: readonly Line[], index: number): boolean {
  const line = lines[index];
  if (!line || isBylineWithBio(line.text)) return false;
  return (
    line.kind === 'prose' ||
    (line.kind === 'heading' && isSubheading(lines, index)) ||
    isInTable(lines, index) ||
    ((line.kind === 'item' || line.kind === 'heading') && line.bullet && isArticleListItem(lines, index))
  );
}

/** The indices from `start` to `end`, both included. */
function lineRange(start: number, end: number): number[] {
  return Array.from({ length: Math.max(0, end - start + 1) }, (_, offset) => start + offset);
}

/** The article's paragraphs in the chosen run. */
function bodyParagraphs(lines: readonly Line[], start: number, end: number): string[] {
  return lineRange(start, end).filter((index) => isArticleLine(lines, index)).map((index) => lines[index]?.text ?? '');
}

/** "By Alex Heath, a deputy editor and author of…": a byline that goes on to describe its author. */
function isBylineWithBio(text: string): boolean {
  return /^[Bb]y\s+\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){1,3},\s+(?:a|an|the)\s/u.test(text);
}

/** Words from which a sentence between the byline and the story is a standfirst rather than an image's alt text or caption. */
const STANDFIRST_WORDS = 15;

/**
 * The standfirst: running text between the headline and the story, part of the article. Below the
 * byline or date, short sentences are an image's alt text or a caption, not a standfirst.
 */
function standfirst(lines: readonly Line[], title: Headline | null, bodyStart: number): string[] {
  if (title === null || title.index >= bodyStart) return [];
  const zone = lineRange(title.index + 1, bodyStart - 1);
  const meta = zone.find((index) => isMeta(lines[index])) ?? bodyStart;
  return zone
    .filter((index) => isArticleLine(lines, index) && (index < meta || (lines[index]?.words ?? 0) >= STANDFIRST_WORDS))
    .map((index) => lines[index]?.text ?? '');
}

/**
 * The paragraphs without a later printing of one already kept, curly or straight quotes aside: a
 * story does not repeat a paragraph, a page does (share text, a summary box, an alt text).
 */
function firstPrintings(paragraphs: readonly string[]): string[] {
  const seen = new Set<string>();
  return paragraphs.filter((paragraph) => {
    const key = paragraph.toLowerCase().replace(/[‘’]/gu, "'").replace(/[“”]/gu, '"');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The name in a byline that may carry more after it: "By Jo Roe | November 19, 2019" or "By Jo Roe March 18 at 3:57 PM" → "Jo Roe". */
function byline(text: string): string | null {
  const match = /^(?:(?:posted|written|words|story)\s+)?by\s+(.+)$/iu.exec(text);
  const name = match?.[1]?.split(/\s+[|·•—–]\s+|,?\s+(?:on\s+)?(?:published|updated|posted)\b|\s+(?:on\s+)?(?=\p{L}+\.?\s+\d{1,2}\b|\d)/iu)[0]?.trim();
  return name ? bylineName(`By ${name}`) : null;
}

/** The note about a journalist under a story: "Mark di Stefano is a breaking news reporter for BuzzFeed News…". */
const BIO = /^\p{Lu}[\p{L}.'’-]*(?: [\p{L}.'’-]+){1,3} (?:is|was) (?:a|an|the)\b.{0,80}\b(?:reporter|correspondent|editor|writer|journalist|columnist|contributor|author|producer)\b/u;

/** "Priya Nair is The Valley Echo's environment correspondent…": the note about the author under a story. */
function isAuthorBio(paragraph: string, author: string | null): boolean {
  const name = author?.split(',')[0]?.trim() ?? '';
  const named = name !== '' && paragraph.startsWith(name) && /^\s+(is|was|has|writes|covers|reports)\b/u.test(paragraph.slice(name.length));
  return named || BIO.test(paragraph);
}

/** Dates that say when a page was changed rather than first published. */
function isUpdateLine(text: string): boolean {
  return /^(last\s+)?(updated|modified|edited)\b/iu.test(text);
}

/** A labelled date of something the story is about, as a review's or listing's info box gives it: "Release date March 3, 2017". */
function isEventDate(text: string): boolean {
  return /^(?:release(?:d| date)?|launch(?:ed| date)?|premiere[sd]?|on sale|in (?:cinemas|theaters|theatres|stores)|opens|opening|deadline|event date|first aired)\b/iu.test(text);
}

/** A link past the page's menus, the first line of many pages, and no site's name: "Skip to content", "Skip Navigation", "Jump to comments". */
const SKIP_LINK = /^(?:skip|jump)(?:\s+to)?\s+(?:\S+\s+){0,2}?(?:content|navigation|nav|menu|search|footer|article|comments|main)\b/iu;

/** Whether a page's line may name its site: it holds a letter ("[ ]" is an empty search box, "-2019" a span of years) and opens with no bracket, dash or slash. */
function mayNameSite(text: string): boolean {
  return /\p{L}/u.test(text) && !/^[[\](){}<>|*•·–—/-]/u.test(text);
}

/** The site name printed at the top of the page and again lower down (header and footer). */
function repeatedMasthead(lines: readonly DumpLine[]): string | null {
  const first = lines[0];
  if (!first || first.bullet || isProse(first.text) || wordCount(first.text) > 6 || !mayNameSite(first.text) || SKIP_LINK.test(first.text)) return null;
  return lines.filter((line) => line.text === first.text).length > 1 ? first.text : null;
}

/** A copyright sign, or two ("© Copyright"), opening a line. */
const COPYRIGHT_SIGN = /^(?:©|\(c\)|copyright)(?:\s*(?:©|\(c\)|copyright))?\s*/iu;
/** A year, or a span of years ("2005-2015", "2024/25") if its end is a later year (see `spansYears`). */
const YEARS = /^(\d{4})(?:\s*[-–/]\s*(\d{4}|\d{2})(?!\d))?/u;
/** "All rights reserved" as English, French, German and Spanish pages write it. */
const RIGHTS_RESERVED = 'all rights reserved|tous droits réservés|alle rechte vorbehalten|todos los derechos reservados';
/**
 * The holder, from past the years and a comma, slash or dash: it ends at a full stop before a space (not
 * the one in "Folha de S.Paulo" or "Le Monde.fr"), a bar, a spaced slash, dash, middle dot or
 * bullet ("Example.com - All rights reserved", "Reuters.com · Terms"), or a rights notice.
 */
const HOLDER = new RegExp(String.raw`^(?:[,/–—-]\s*)?(.+?)(?:\.(?=\s|$)|\s*\||\s+[/·•–—-](?=\s|$)|,?\s+(?:${RIGHTS_RESERVED})|$)`, 'iu');
const NOTICE_ONLY = new RegExp(String.raw`^(?:${RIGHTS_RESERVED})\b`, 'iu');

/** Whether `end` closes a span of years from `start`: "2024/25", "2005-2015", but not "2024 - 19th News" or "2024/20 Minutes". */
function spansYears(start: string, end: string): boolean {
  const first = Number(start);
  const last = end.length === 2 ? Math.floor(first / 100) * 100 + Number(end) : Number(end);
  return last > first && last - first < 100;
}

/** The owner a copyright line names: "© 2024 The Harbour Gazette. All rights reserved.", "©2005-2015 WebMD, LLC.", "Copyright © 2015, Eklektix, Inc."; null when it names none. */
function copyrightOwner(text: string): string | null {
  const sign = COPYRIGHT_SIGN.exec(text);
  if (!sign) return null;
  let rest = text.slice(sign[0].length);
  const years = YEARS.exec(rest);
  if (years) rest = rest.slice(years[2] !== undefined && spansYears(years[1] ?? '', years[2]) ? years[0].length : (years[1] ?? '').length).trimStart();
  const found = HOLDER.exec(rest)?.[1];
  const holder = found === undefined ? '' : withoutTrailing(found, /[\s,;:]/u);
  return holder && mayNameSite(holder) && !NOTICE_ONLY.test(holder) ? holder : null;
}

/** The owner named in a copyright line; a line naming none ("© 2019", "© 2004-2019 All rights reserved.") gives way to a later one. */
function copyrightHolder(lines: readonly DumpLine[]): string | null {
  for (const line of lines) {
    const holder = copyrightOwner(line.text);
    if (holder) return holder;
  }
  return null;
}

/** Lines around the headline that carry its byline and date: from just above it to the start of the text. */
function headerLines(lines: readonly Line[], title: number | null, bodyStart: number): Line[] {
  const anchor = title ?? bodyStart;
  const after = lines.slice(anchor, Math.max(bodyStart, anchor) + HEADER_REACH);
  const before = lines.slice(Math.max(0, anchor - 3), anchor);
  return [...after, ...before].filter((line) => line.kind !== 'comment');
}

/** How many lines below the headline (or the story's start) its byline and date are looked for. */
const HEADER_REACH = 10;

/**
 * The publication date in the header: a line that is mostly a date or a byline comes first (a
 * caption or standfirst may mention another day); then any line above the story, however long
 * ("Jane Roe, Staff Writer, The Harbour Gazette · March 3, 2019 at 9:15 a.m."), and a line read as
 * the story's only where a dateline opens it or one of its marked-off parts ("WESTPORT, March 3,
 * 2019 (Harbour Gazette) — ...", "Jane Roe | Staff writer | March 3, 2019 9:15 a.m."). An
 * update line never counts, nor a day the story tells of ("The plan was first proposed on March 3,
 * 2019, ..."): a page that gives no date has none.
 */
function headerDate(header: readonly Line[], story: ReadonlySet<Line>): string | null {
  const dated = header.filter((line) => !isUpdateLine(line.text) && !isEventDate(line.text)).map((line) => ({ line, date: findDate(line.text) }));
  const stated = dated.find(({ line, date }) => date !== null && (line.words <= 12 || isSigned(line)));
  return stated?.date ?? dated.find(({ line, date }) => date !== null && (!story.has(line) || line.text.split(SEPARATOR).some(opensWithDateline)))?.date ?? null;
}

/** A mark setting a byline's parts apart ("Jane Roe | Staff Writer | March 3, 2019"), or a dateline from its story. */
const SEPARATOR = /\s(?:[·|•—–]|-{1,2})\s/u;

/** The words a dateline's place may run to before its date ("SAN FRANCISCO, March 3, 2019 /PRNewswire/ --"). */
const DATELINE_PLACE_WORDS = 4;
/** What a date opens with: a digit, a month or a weekday, written out or shortened. */
const DATE_OPENING = /^(?:\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)\p{L}*\.?\s)/iu;

/** Whether a line opens with a dateline: a place in capitals, if any, then a date ("Feb. 23, 2015 -- Life-threatening..."), not "On March 3, 2019 — a Sunday — ...". */
function opensWithDateline(text: string): boolean {
  const words = text.split(/\s+/u);
  let place = 0;
  while (place < DATELINE_PLACE_WORDS && /\p{Lu}/u.test(words[place] ?? '') && !/\p{Ll}/u.test(words[place] ?? '')) place += 1;
  const opening = words.slice(place, place + 4).join(' ');
  return DATE_OPENING.test(opening) && findDate(opening) !== null;
}

/**
 * A date the page states as its own publication outside the header: "Money (London) First
 * published February 1, 2016: 1:28 PM ET" under the story. Only a line that says so counts; a bare
 * date elsewhere may be a teaser's or a comment's.
 */
function statedDate(lines: readonly Line[]): string | null {
  const stated = lines.find((line) => line.kind !== 'comment' && line.words <= 15 && /\b(?:published|posted)\b/iu.test(line.text) && findDate(line.text) !== null);
  return stated ? findDate(stated.text) : null;
}

/** True when the text reads like a dumped web page rather than a clean article: it has lists, menus or boilerplate headings. */
export function looksLikePageDump(text: string): boolean {
  const blocks = splitBlocks(text).map((block) => block.map((raw) => ({ bullet: isBullet(raw), text: stripBullet(raw).trim() })));
  const lines = blocks.flat();
  const bullets = lines.filter((line) => line.bullet).length;
  const markers = lines.filter((line) => isMarker(line.text)).length;
  // `Key: value` lines are excluded because a clean file's metadata header is also a run of short lines.
  const menuRuns = blocks.filter((block) => block.length >= 4 && block.every((line) => !isProse(line.text) && !isLabelValue(line.text))).length;
  return bullets >= 3 || markers >= 2 || menuRuns > 0 || lines.some((line) => isMenuLine(line.text));
}

/** Extracts the article and its attribution from a plain-text dump of a whole news page. */
export function parsePageDump(text: string): ParsedFile {
  const dumpLines = readDumpLines(text);
  const counts = lineCounts(dumpLines);
  const margin = mainIndent(dumpLines);
  const lines = markComments(markQuestionHeadlines(markCharts(dumpLines.map((line) => classify(line, counts, margin)))));
  const densest = densestRun(lines);
  if (!densest) return rejectedFile('no article text found in the page dump');
  const run = trimTeasers(lines, extendRun(lines, densest));
  const bodyWords = wordFrequencies(lines.slice(run.start, run.end + 1).filter((line) => line.kind === 'prose').map((line) => line.text).join(' '));
  const title = findTitle(lines, run.start, bodyWords);
  const afterTitle = firstPrintings([...standfirst(lines, title, run.start), ...bodyParagraphs(lines, Math.max(run.start, (title?.index ?? -1) + 1), run.end)]);
  // A headline printed below its story (a brief whose summary comes first) leaves nothing after it: the story is still the run.
  const paragraphs = afterTitle.length > 0 ? afterTitle : bodyParagraphs(lines, run.start, run.end).filter((paragraph) => paragraph !== title?.text);
  if (paragraphs.length === 0) return rejectedFile('no article text left after removing page furniture');
  const header = headerLines(lines, title?.index ?? null, run.start);
  const published = headerDate(header, new Set(lines.slice(run.start))) ?? statedDate(lines);
  const author = header.map((line) => byline(line.text)).find((name) => name !== null) ?? null;
  while (paragraphs.length > 1 && isAuthorBio(paragraphs.at(-1) ?? '', author)) paragraphs.pop();
  return {
    drafts: [
      {
        ...unknownMetadata,
        record: null,
        title: title?.text ?? null,
        outlet: repeatedMasthead(dumpLines) ?? copyrightHolder(dumpLines),
        author,
        published,
        paragraphs,
      },
    ],
    rejected: [],
    warnings: [],
  };
}
