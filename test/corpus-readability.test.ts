import { existsSync } from 'node:fs';
import { copyFile, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../src/corpus/loader.ts';
import { isCaptionClass } from '../src/corpus/formats/html.ts';
import { normalizeSpace } from '../src/corpus/paragraphs.ts';
import { tempCorpus } from './fixtures/corpus/temp-corpus.ts';

const PAGES = '../shared/data/readability-pages';
const EDGE = 40;

interface ExpectedMetadata {
  title: string | null;
  byline: string | null;
}

/**
 * The texts of the page's captions and credits, read from its source: the expected article keeps
 * them, and without the classes that mark them. Readability turns a `<div>` holding only text into
 * a `<p>` without its class, so such a credit stays in the article (breitbart's
 * `<div class="attribution">`), and in the expected text here.
 */
async function captionTexts(page: string): Promise<string[]> {
  const { document } = parseHTML(await readFile(path.join(PAGES, page, 'source.html'), 'utf8'));
  return [...document.querySelectorAll('figcaption, [class]')]
    .filter((element) => element.tagName === 'FIGCAPTION' || (element.tagName !== 'DIV' && isCaptionClass(element.getAttribute('class') ?? '')))
    .map((element) => normalizeSpace(element.textContent ?? ''))
    .filter(Boolean);
}

/** Letters and digits, by count. */
const letters = (text: string) => text.match(/[\p{L}\p{N}]/gu)?.length ?? 0;

/**
 * The texts of the expected article's innermost blocks (no heading or table cell) that are links,
 * nine tenths of their letters or more ("[Read: Tunisia sends most foreign fighters...]",
 * "Continue reading the main story"): newsdesk drops them on purpose, as links to other pages,
 * not the article's words.
 */
function linkTexts(document: ReturnType<typeof parseHTML>['document']): string[] {
  return [...document.querySelectorAll('p, li, dd, dt, blockquote, div')]
    .filter((element) => !element.querySelector('p, li, dd, dt, blockquote, div, h1, h2, h3, h4, h5, h6, table'))
    .filter((element) => letters([...element.querySelectorAll('a')].map((a) => a.textContent ?? '').join('')) >= 0.9 * letters(element.textContent ?? '') && letters(element.textContent ?? '') > 0)
    .map((element) => normalizeSpace(element.textContent ?? ''));
}

/**
 * The expected article's text. Image captions and credits are removed from it because newsdesk
 * drops them on purpose: a caption is not the article's words; so are links standing alone.
 */
async function expectedText(page: string): Promise<string> {
  const html = await readFile(path.join(PAGES, page, 'expected.html'), 'utf8');
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  let text = normalizeSpace(document.body.textContent ?? '');
  for (const dropped of [...(await captionTexts(page)), ...linkTexts(document)]) text = normalizeSpace(text.replace(dropped, ' '));
  return text;
}

/** The expected article's paragraphs of at least twelve words (a `<p>` holding no other block), whitespace collapsed. */
async function expectedParagraphs(page: string): Promise<string[]> {
  const html = await readFile(path.join(PAGES, page, 'expected.html'), 'utf8');
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const captions = await captionTexts(page);
  const links = new Set(linkTexts(document));
  return [...document.querySelectorAll('p')]
    .filter((p) => !p.querySelector('p, div, br, figure, ul, ol, table'))
    .map((p) => captions.reduce((text, caption) => normalizeSpace(text.replace(caption, ' ')), normalizeSpace(p.textContent ?? '')))
    .filter((text) => text.split(' ').length >= 12 && !links.has(text));
}

/** The pages listed in the folder's index, loaded through the HTML path (nothing when the folder is absent). */
async function loadPages() {
  const pages = existsSync(PAGES) ? (JSON.parse(await readFile(path.join(PAGES, 'index.json'), 'utf8')) as { page: string }[]).map((entry) => entry.page) : [];
  const dir = await tempCorpus({});
  for (const page of pages) await copyFile(path.join(PAGES, page, 'source.html'), path.join(dir, `${page}.html`));
  return { pages, corpus: await loadCorpus(dir) };
}

// A skipped describe still runs its body to collect tests, so the pages are read only where they exist.
const { pages, corpus } = await loadPages();

describe.skipIf(pages.length === 0)(`real pages from ${PAGES}${pages.length === 0 ? ' (skipped: folder not present)' : ''}`, () => {
  const byPage = new Map(corpus.articles.map((article) => [article.file.replace(/\.html$/u, ''), article]));

  it('loads every page through the HTML path', () => {
    expect(pages.length).toBeGreaterThan(30);
    expect(corpus.rejected).toEqual([]);
    expect([...byPage.keys()].sort()).toEqual([...pages].sort());
  });

  it.each(pages)('%s: title and byline match the expected metadata', async (page) => {
    const expected = JSON.parse(await readFile(path.join(PAGES, page, 'expected-metadata.json'), 'utf8')) as ExpectedMetadata;
    const article = byPage.get(page);
    expect(article?.title ?? null).toBe(expected.title === null ? null : normalizeSpace(expected.title) || null);
    expect(article?.author ?? null).toBe(expected.byline === null ? null : normalizeSpace(expected.byline) || null);
  });

  it.each(pages)('%s: the text starts and ends where the expected article does', async (page) => {
    const expected = await expectedText(page);
    const text = normalizeSpace(byPage.get(page)?.paragraphs.join(' ') ?? '');
    expect(text.slice(0, EDGE)).toBe(expected.slice(0, EDGE));
    expect(text.slice(-EDGE)).toBe(expected.slice(-EDGE));
  });

  it('keeps the expected articles\' paragraphs whole, though pages hard-wrap them in their source', async () => {
    const paragraphs = await Promise.all(pages.map(async (page) => ({ page, expected: await expectedParagraphs(page) })));
    const split = paragraphs.flatMap(({ page, expected }) => {
      const loaded = new Set(byPage.get(page)?.paragraphs);
      return expected.filter((paragraph) => !loaded.has(paragraph));
    });
    const total = paragraphs.reduce((sum, { expected }) => sum + expected.length, 0);
    expect(total).toBeGreaterThan(500);
    // Two print-edition lines of the New York Times, broken by the comments inside them, are the known exceptions.
    expect(split.length).toBeLessThanOrEqual(2);
  });
});
