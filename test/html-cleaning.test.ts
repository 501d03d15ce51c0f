import { describe, expect, it } from 'vitest';
import type { Article, Corpus } from '../src/corpus/article.ts';
import { loadCorpus } from '../src/corpus/loader.ts';
import { tempCorpus } from './fixtures/corpus/temp-corpus.ts';

const PARAGRAPHS = [
  'The harbour board approved the plan to dredge the channel after a long debate on Tuesday evening.',
  'Fishermen said the silt had made the old quay unusable at low tide for most of the winter months.',
  'Work on the channel is due to start in the spring and will take about eighteen months to finish.',
];

/** The paragraph that makes each page's text its own (identical texts would load as duplicates). */
const lead = (file: string): string => `This report on the harbour board was saved as ${file} by a reader.`;

/** A news page as sites publish it, with the given head tags and extra body markup. */
function page(file: string, head: string, extra = ''): string {
  const body = [lead(file), ...PARAGRAPHS].map((text) => `<p>${text}</p>`).join('');
  return `<!doctype html><html lang="en"><head>${head}</head><body><article><h1>Harbour board backs dredging plan</h1>${extra}${body}</article></body></html>`;
}

function only(corpus: Corpus, file: string): Article {
  const found = corpus.articles.find((article) => article.file === file);
  if (!found) throw new Error(`${file} did not load: ${JSON.stringify(corpus.rejected)}`);
  return found;
}

describe('HTML pages', async () => {
  const corpus = await loadCorpus(
    await tempCorpus({
      'eastern.html': page('eastern.html', '<title>Harbour board backs dredging plan</title><meta property="article:published_time" content="November 19, 2019, 07:47 PM EST">'),
      'js-date.html': page('js-date.html', '<title>Harbour board backs dredging plan</title><meta property="article:published_time" content="Tue Nov 19 2019 03:05:46 GMT+0000 (Coordinated Universal Time)">'),
      'nbsp.html': page('nbsp.html', '<title>Harbour board&amp;nbsp;backs dredging plan</title>'),
      'zero-width.html': page('zero-width.html', '<title>Harbour board backs dredging plan</title>', '<p>\u200b</p><p> \u200b </p>'),
      'nul.html': page('nul.html', '<title>Harbour board backs dredging plan</title><!-- saved\u0000 -->'),
      'dateline.html': page('dateline.html', '<title>Harbour board backs dredging plan</title>', '<p>Feb. 23, 2015 -- The harbour board met again on Monday evening.</p>'),
      'place-dateline.html': page('place-dateline.html', '<title>Harbour board backs dredging plan</title>', '<p>MOMBASA — The harbour board met again on Monday evening.</p>'),
      'marked-time.html': page('marked-time.html', '<title>Harbour board backs dredging plan</title>', '<p>By Ann Lee <time itemprop="datePublished" datetime="2019-11-19T19:47:00Z">19 November</time></p>'),
      'video-time.html': page(
        'video-time.html',
        '<title>Harbour board backs dredging plan</title>',
        '<div itemprop="video" itemscope itemtype="https://schema.org/VideoObject"><meta itemprop="datePublished" content="2019-11-20T13:11:07Z"></div><div itemscope itemtype="https://schema.org/Article"><meta itemprop="datePublished" content="2019-11-19T19:47:00Z"></div>',
      ),
      'review-time.html': page('review-time.html', '<title>Harbour board backs dredging plan</title>', '<div itemscope itemtype="https://schema.org/CriticReview"><meta itemprop="datePublished" content="2021-02-03T10:00:00Z"></div>'),
      'comment-time.html': page(
        'comment-time.html',
        '<title>Harbour board backs dredging plan</title>',
        '<div itemscope itemtype="https://schema.org/Comment"><meta itemprop="datePublished" content="2023-08-19T21:00:00Z"></div><div itemscope itemtype="https://schema.org/NewsArticle"><meta itemprop="datePublished" content="2019-11-19T19:47:00Z"></div>',
      ),
      'video-only-time.html': page('video-only-time.html', '<title>Harbour board backs dredging plan</title>', '<div itemscope itemtype="https://schema.org/VideoObject"><meta itemprop="datePublished" content="2019-11-20T13:11:07Z"></div>'),
      'address-site.html': page('address-site.html', '<title>Harbour board backs dredging plan</title><meta property="og:site_name" content="http://www.harbourgazette.com/">'),
      'bare-time.html': page('bare-time.html', '<title>Harbour board backs dredging plan</title>', '<aside><p>Related: <time datetime="2014-03-24">24 March 2014</time></p></aside>'),
      'credited.html': page('credited.html', '<title>Harbour board backs dredging plan</title>', '<p><span class="image"><img src="d.jpg"><span class="caption truncate"><span class="attribution">© Provided by Coast Agency</span> Dredgers at work</span></span> Dredgers will arrive in March, the board said.</p><div class="item no_caption">The quay reopens in May.</div><div><img src="s.jpg"><p class="pb-caption">Silt barges off the pier</p></div><p>Trust fell to 32 percent, according to <a class="source-attribution" href="https://example.org/pew">the Pew Research Center</a>, down from 40 percent.</p>'),
      'linked.html': page('linked.html', '<title>Harbour board backs dredging plan</title>', '<p>Dredgers will arrive in March, <a href="/board">the board</a> said.</p><p><i><a href="/tunisia">[Read: Why the old quay silted up]</a></i></p><ul><li><a href="/a">Ferry fares rise again</a></li><li><a href="/b">Pier closed for repairs</a></li></ul><h2><a href="/quay">What the quay needs</a></h2><table><tr><th>Dredger</th><th>Arrives</th></tr><tr><td><a href="/d1">Volvox Delta</a></td><td>March 2015</td></tr><tr><td><a href="/d2">Ham 318</a></td><td>April 2015</td></tr><tr><td><a href="/d3">Cristoforo Colombo</a><br><a href="/d4">Leiv Eiriksson</a></td><td>May 2015</td></tr></table>'),
      'wrapped.html': page('wrapped.html', '<title>Harbour board backs dredging plan</title>', '<p>Dredgers from Rotterdam\n    will arrive in March,\r\n  the board said.</p><pre>Tide  06:10\nTide  18:32</pre>'),
    }),
  );

  it('read the dates pages print with a named zone or as a JavaScript Date', () => {
    expect(only(corpus, 'eastern.html').published).toBe('2019-11-19T19:47-05:00');
    expect(only(corpus, 'js-date.html').published).toBe('2019-11-19T03:05:46Z');
    expect(corpus.warnings.filter((warning) => warning.reason.includes('not a recognisable date'))).toEqual([]);
  });

  it('take the publication time a page marks on an element when its head gives none, not any time element', () => {
    expect(only(corpus, 'marked-time.html').published).toBe('2019-11-19T19:47:00Z');
    expect(only(corpus, 'bare-time.html').published).toBeNull();
  });

  it("take the story's marked publication time, not that of a video or a reader's comment before it", () => {
    expect(only(corpus, 'video-time.html').published).toBe('2019-11-19T19:47:00Z');
    expect(only(corpus, 'video-only-time.html').published).toBeNull();
    expect(only(corpus, 'comment-time.html').published).toBe('2019-11-19T19:47:00Z');
    // A review may be the page's story.
    expect(only(corpus, 'review-time.html').published).toBe('2021-02-03T10:00:00Z');
  });

  it('name the outlet of a page that gives its site name as an address by the site', () => {
    expect(only(corpus, 'address-site.html').outlet).toBe('harbourgazette.com');
  });

  it("take the date an article's first paragraph opens with as its dateline, not a place", () => {
    expect(only(corpus, 'dateline.html').published).toBe('2015-02-23');
    expect(only(corpus, 'place-dateline.html').published).toBeNull();
  });

  it('decode a double-escaped "&nbsp;" in the title', () => {
    expect(only(corpus, 'nbsp.html').title).toBe('Harbour board backs dredging plan');
  });

  it('drop paragraphs holding only zero-width spaces', () => {
    expect(only(corpus, 'zero-width.html').paragraphs).toEqual([lead('zero-width.html'), ...PARAGRAPHS]);
  });

  it('join the hard-wrapped lines of a paragraph, as a browser shows them, and keep the lines of preformatted text', () => {
    expect(only(corpus, 'wrapped.html').paragraphs).toEqual(['Dredgers from Rotterdam will arrive in March, the board said.', 'Tide 06:10', 'Tide 18:32', lead('wrapped.html'), ...PARAGRAPHS]);
  });

  it('leave out paragraphs and list items that are links to other pages, not headings or table cells that link, nor a sentence holding a link', () => {
    expect(only(corpus, 'linked.html').paragraphs).toEqual(['Dredgers will arrive in March, the board said.', 'What the quay needs', 'Dredger', 'Arrives', 'Volvox Delta', 'March 2015', 'Ham 318', 'April 2015', 'Cristoforo Colombo', 'Leiv Eiriksson', 'May 2015', lead('linked.html'), ...PARAGRAPHS]);
  });

  it("leave out an image's caption and credit a page marks by class, not text that only shares the class name", () => {
    expect(only(corpus, 'credited.html').paragraphs.slice(0, 3)).toEqual([
      'Dredgers will arrive in March, the board said.',
      'The quay reopens in May.',
      'Trust fell to 32 percent, according to the Pew Research Center, down from 40 percent.',
    ]);
    expect(only(corpus, 'credited.html').paragraphs.join(' ')).not.toContain('Silt barges');
  });

  it('load a page with a stray NUL byte, with a warning, instead of rejecting it as binary', () => {
    expect(only(corpus, 'nul.html').paragraphs).toEqual([lead('nul.html'), ...PARAGRAPHS]);
    expect(corpus.warnings).toContainEqual({ file: 'nul.html', record: null, reason: 'stray NUL bytes removed' });
  });
});
