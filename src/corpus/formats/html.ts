import { createRequire } from 'node:module';
import { normalizeDate, unreadableDateReason } from '../dates.ts';
import { type Issue, type ParsedFile, rejectedFile, unknownMetadata } from '../draft.ts';
import { normalizeSpace } from '../paragraphs.ts';

interface HtmlLibraries {
  parseHTML: typeof import('linkedom').parseHTML;
  Readability: typeof import('@mozilla/readability').Readability;
}
let loadedLibraries: HtmlLibraries | undefined;

/**
 * linkedom and Readability, loaded with the first HTML file: every parse worker of every bot
 * process and shard would otherwise spend a fifth of a second loading them, for a corpus that may
 * hold no HTML at all.
 */
function htmlLibraries(): HtmlLibraries {
  if (!loadedLibraries) {
    const require = createRequire(import.meta.url);
    const { parseHTML } = require('linkedom') as typeof import('linkedom');
    const { Readability } = require('@mozilla/readability') as typeof import('@mozilla/readability');
    loadedLibraries = { parseHTML, Readability };
  }
  return loadedLibraries;
}

/** Elements whose start and end break the text into paragraphs. */
const BLOCK_ELEMENTS = new Set([
  'P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'BLOCKQUOTE', 'PRE', 'DIV', 'SECTION', 'ARTICLE', 'MAIN',
  'UL', 'OL', 'DL', 'DT', 'DD', 'TABLE', 'TR', 'TD', 'TH', 'FIGURE', 'HEADER', 'FOOTER', 'ASIDE', 'BR', 'HR',
]);
/** Elements with no reading text; image captions are attribution furniture, not the article's words. */
const SKIPPED_ELEMENTS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'FIGCAPTION', 'svg']);
/**
 * Class names that mark a caption or a credit where a page does not use <figcaption> (msn: `<span
 * class="caption truncate"><span class="attribution">© Provided by...`), read as the words of a
 * hyphenated name too ("pb-caption", "photo-credit"). Not of an underscored one: "no_caption"
 * marks an item of the article that has none. Only beside an image (see `skipped`).
 */
const CAPTION_CLASS_WORDS = new Set(['caption', 'credit', 'credits', 'attribution']);

/** Whether an element's class attribute marks it as a caption or a credit. */
export function isCaptionClass(classes: string): boolean {
  return classes.toLowerCase().split(/[\s-]+/u).some((word) => CAPTION_CLASS_WORDS.has(word));
}

interface TreeNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<TreeNode>;
  getAttribute?(name: string): string | null;
  parentElement?: { querySelector(selectors: string): unknown } | null;
}

/** What a caption or credit stands beside. */
const IMAGES = 'img, picture, video, figure';

/**
 * Whether an element holds no reading text: a script, or an image's caption or credit. A class
 * alone is not enough: "source-attribution" marks a link inside a sentence ("according to the Pew
 * Research Center"), "pullquote-attribution" the speaker of a quotation, and a whole story can sit
 * in a "caption-text" block; those stand beside no image.
 */
function skipped(node: TreeNode): boolean {
  if (SKIPPED_ELEMENTS.has(node.nodeName)) return true;
  return isCaptionClass(node.getAttribute?.('class') ?? '') && Boolean(node.parentElement?.querySelector(IMAGES));
}

/**
 * Share of a block's letters inside links from which the block is a link, not the article's
 * words: "[Read: Why Tunisia suffers from Islamist violence]" between two paragraphs, a list of
 * related stories. A sentence linking a source ("according to the Pew Research Center") is
 * mostly not link.
 */
const LINK_BLOCK_SHARE = 0.9;

/** A block element's text as gathered, how many of its letters stand inside links, and whether it is kept however much it links (see `LINKS_KEPT`). */
interface Block {
  text: string;
  linked: number;
  keptLinked: boolean;
}

/** Where a node stands: inside preformatted text, inside a link, inside a block kept however much it links. */
interface Within {
  preformatted: boolean;
  linked: boolean;
  keptLinked: boolean;
}

/** Blocks kept however much they link: a heading names the text after it, a table cell is data ("4.2.3" in a table of releases). */
const LINKS_KEPT = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'TD', 'TH']);

/** The letters and digits of a text, by count: what a link's share of a block is measured in. */
function letterCount(text: string): number {
  return text.match(/[\p{L}\p{N}]/gu)?.length ?? 0;
}

/**
 * Texts of the block elements of an HTML fragment, in reading order, leaving out blocks that are
 * links (see `LINK_BLOCK_SHARE`) outside headings and table cells. A line break in the page's
 * source is a space, as a browser shows it: pages hard-wrap their paragraphs ("Gunmen opened fire
 * on visitors at / Tunisia's most renowned museum..."), and only preformatted text keeps its lines.
 */
export function blockTexts(html: string): string[] {
  const { document } = htmlLibraries().parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const blocks: Block[] = [{ text: '', linked: 0, keptLinked: false }];
  const visit = (node: TreeNode, within: Within): void => {
    if (node.nodeType === 3) {
      const text = within.preformatted ? (node.textContent ?? '') : (node.textContent ?? '').replace(/[\r\n]+/gu, ' ');
      const block = blocks[blocks.length - 1]!;
      block.text += text;
      if (within.linked) block.linked += letterCount(text);
    }
    if (node.nodeType !== 1 || skipped(node)) return;
    const isBlock = BLOCK_ELEMENTS.has(node.nodeName);
    const inside = { preformatted: within.preformatted || node.nodeName === 'PRE', linked: within.linked || node.nodeName === 'A', keptLinked: within.keptLinked || LINKS_KEPT.has(node.nodeName) };
    if (isBlock) blocks.push({ text: '', linked: 0, keptLinked: inside.keptLinked });
    for (const child of Array.from(node.childNodes)) visit(child, inside);
    if (isBlock) blocks.push({ text: '', linked: 0, keptLinked: within.keptLinked });
  };
  visit(document.body as unknown as TreeNode, { preformatted: false, linked: false, keptLinked: false });
  return blocks
    .filter((block) => block.keptLinked || block.linked === 0 || block.linked < LINK_BLOCK_SHARE * letterCount(block.text))
    .flatMap((block) => block.text.split('\n'))
    .map(normalizeSpace)
    .filter(Boolean);
}

/** The page's own address: the canonical link, else og:url. */
function pageUrl(document: ReturnType<HtmlLibraries['parseHTML']>['document']): string | null {
  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href');
  const og = document.querySelector('meta[property="og:url"]')?.getAttribute('content');
  return normalizeSpace(canonical ?? og ?? '') || null;
}

/**
 * The publication time a page marks on an element rather than in its head: `<time
 * itemprop="datePublished" datetime="...">` or `<time pubdate datetime="...">` (the Telegraph,
 * Medical News Today), or a microdata `<meta itemprop="datePublished" content="...">` (CNET, the
 * New York Times). A bare `<time>` is not taken: pages date related stories with it too. A date
 * in the story's own scope (`STORY_SCOPE`) comes first, and one of a video, a picture or a
 * reader's comment (`BESIDE_SCOPE`) is never taken: Yahoo marks its video's, a day after the
 * story's, before the story's own.
 */
function markedPublicationTime(document: ReturnType<HtmlLibraries['parseHTML']>['document']): string | null {
  const marks = [...document.querySelectorAll('time[itemprop="datePublished"][datetime], time[pubdate][datetime], [itemprop="datePublished"][content]')];
  const scope = (mark: (typeof marks)[number]) => mark.closest('[itemscope]')?.getAttribute('itemtype') ?? '';
  const marked = marks.find((mark) => STORY_SCOPE.test(scope(mark))) ?? marks.find((mark) => !BESIDE_SCOPE.test(scope(mark)));
  return marked?.getAttribute('datetime') ?? marked?.getAttribute('content') ?? null;
}

/** schema.org types of a page's story: its date is taken first. */
const STORY_SCOPE = /(?:Article|BlogPosting|Report|Review|WebPage)$/u;
/** schema.org types of what a page holds beside its story (media, readers' comments), whose dates are not the story's. */
const BESIDE_SCOPE = /(?:MediaObject|VideoObject|AudioObject|ImageObject|Clip|Photograph|Comment)$/u;

/** "Feb. 23, 2015 -- Life-threatening peanut allergies...": a date opening the article, set off by a dash. */
const DATELINE = /^(.{6,40}?)\s+(?:--|—|–)\s/u;

/** The date an article's first paragraph opens with as its dateline (WebMD), or null. */
function datelineDate(paragraph: string | undefined): string | null {
  const opening = DATELINE.exec(paragraph ?? '')?.[1];
  return opening ? normalizeDate(opening) : null;
}

/** Named character references that pages double-escape into metadata ("&amp;nbsp;" arrives as "&nbsp;"). */
const NAMED_ENTITIES: Record<string, string> = { nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", ndash: '–', mdash: '—', hellip: '…', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”' };

/** A metadata string with leftover character references decoded and whitespace collapsed; null when nothing is left. */
function metadataText(value: string | null | undefined): string | null {
  const decoded = (value ?? '').replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/giu, (reference, name: string) => {
    if (name.startsWith('#')) {
      const code = name[1]?.toLowerCase() === 'x' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : reference;
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? reference;
  });
  return normalizeSpace(decoded) || null;
}

/** A site name some pages give as their address ("http://www.tmz.com"): the site as a reader names it ("tmz.com"). */
function outletName(siteName: string | null): string | null {
  const address = /^https?:\/\/(?:www\.)?([^/\s]+)\/?$/iu.exec(siteName ?? '');
  return address?.[1] ?? siteName;
}

/** Extracts the main text of an HTML page with Readability, and its attribution from the page's metadata. */
export function parseHtml(html: string): ParsedFile {
  const { parseHTML, Readability } = htmlLibraries();
  const { document } = parseHTML(html);
  // Text with no element at all leaves no document for Readability, which then throws a message about its own arguments.
  if (!document.documentElement) return rejectedFile('no HTML elements in the page (plain text is read from a .txt file)');
  const url = pageUrl(document);
  const markedTime = markedPublicationTime(document);
  // Readability rewrites the document it reads, so everything else is taken from the DOM first.
  // Classes are kept so that `blockTexts` can tell captions and credits by theirs.
  const extracted = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0], { keepClasses: true }).parse();
  const paragraphs = extracted?.content ? blockTexts(extracted.content) : [];
  if (!extracted || paragraphs.length === 0) return rejectedFile('no article text found in the HTML page');
  const warnings: Issue[] = [];
  const publishedTime = normalizeSpace(extracted.publishedTime ?? markedTime ?? '');
  const published = publishedTime ? normalizeDate(publishedTime) : datelineDate(paragraphs[0]);
  if (publishedTime && !published) warnings.push({ record: null, reason: unreadableDateReason(publishedTime) });
  return {
    drafts: [
      {
        ...unknownMetadata,
        record: null,
        title: metadataText(extracted.title),
        outlet: outletName(metadataText(extracted.siteName)),
        author: metadataText(extracted.byline),
        published,
        url,
        language: extracted.lang ?? null,
        paragraphs,
      },
    ],
    rejected: [],
    warnings,
  };
}
