import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { Article, Corpus } from '../src/corpus/article.ts';
import { loadCorpus } from '../src/corpus/loader.ts';
import { tempCorpus } from './fixtures/corpus/temp-corpus.ts';

function only(corpus: Corpus, id: string): Article {
  const found = corpus.articles.find((article) => article.id === id);
  if (!found) throw new Error(`${id} did not load: ${JSON.stringify(corpus.rejected)}`);
  return found;
}

describe('a page dump from another site layout', async () => {
  const page = await readFile('test/fixtures/corpus/pages/harbour-gazette.txt', 'utf8');
  const corpus = await loadCorpus(await tempCorpus({ 'gazette/quay.txt': page }));
  const article = only(corpus, 'gazette/quay.txt');

  it('finds title, outlet (from the copyright line), byline and the published, not updated, time', () => {
    expect(article).toMatchObject({
      title: 'Council backs £40m plan to rebuild the old fish quay',
      outlet: 'The Harbour Gazette',
      author: 'Jane Doe, Local Democracy Reporter',
      published: '2024-02-04T09:15Z',
    });
  });

  it('keeps the standfirst above the byline and the article text, and nothing else', () => {
    expect(article.paragraphs).toEqual([
      'Councillors voted 31 to 9 on Tuesday night to rebuild the crumbling quay, ending a decade of delay.',
      "The decision clears the way for dredging work to begin in the spring, the council's harbour committee said.",
      'Opposition members argued that the cost had risen by a third since the plan was first drawn up in 2015.',
      '"We have waited long enough," said council leader Mary Smith. "The quay is the heart of this town."',
      'Work is expected to take two years.',
    ]);
  });
});

describe('clean text with Key: value headers', async () => {
  const corpus = await loadCorpus(
    await tempCorpus({
      'keyed.txt': 'Title: Quay vote passes\nDate: March 5, 2024\nBy: Jane Doe\nSource: The Harbour Gazette\nURL: https://example.com/quay\n\nCouncillors voted to rebuild the quay.\nThe vote was 31 to 9.\n\nWork starts in spring.\n',
      'undated.txt': 'Title: A headline\nDate: last Tuesday\n\nThe article text is still worth quoting.\n',
      'sourced.txt': 'date 2025-06-02 Catch falls again\n\nSource: a local fisherman who asked not to be named.\n\nThe catch fell for a third year.\n',
      'wire.txt': 'Title: Quay vote passes\nSource: Reuters and the Associated Press.\nURL: https://example.com/quay\n\nCouncillors voted to rebuild the quay.\n',
      'storm.txt': 'Title: Storm hits coast\n\nSource: Reuters and the Associated Press.\n\nThe storm hit the coast at dawn.\n',
      'flood.txt': 'Title: Flood toll rises\n\nSource: The ministry said 40 people died in the flood.\n\nRescuers searched the valley.\n',
      'quoted.txt': 'Title: Catch falls\n\nSource: ‘a local fisherman’ who asked not to be named.\n\nThe catch fell.\n',
      'agency.txt': 'Title: Outbreak slows\n\nSource: Centers for Disease Control and Prevention, Atlanta, Ga.\n\nCases fell for a third week.\n',
      'bridge.txt': 'Title: Westport plan\nSource: Reuters\n\nLink: the missing bridge between the two harbour towns is finally being built, the council said.\n\nWork starts in May.\n',
      'linked.txt': 'Title: Westport plan\n\nLink: https://example.com/westport\n\nWork starts in May.\n',
      'archived.txt': 'Title: Westport plan\n\nLink: https://example.com/westport (archived copy)\n\nWork starts in June.\n',
      'unspaced.txt': 'date 2024-03-02 Biden vetoes spending bill\nPresident Joe Biden vetoed the spending bill on Friday.\n\nBiden said it would hurt working families.\n',
      'bylined.txt': 'Title: Ferry fares frozen\nBy Jane Doe\nFerry fares will not rise this year.\n',
      'told.txt': 'Source: a local fisherman who asked not to be named.\nHe saw the boat sink.\n',
      'wrapped.txt': 'Title: Flood closes schools\nBy Tuesday afternoon, firefighters\nhad contained the blaze near the school.\n',
      'opening.txt': 'Source: officials familiar with the talks\nsaid on Monday a deal was close.\n',
      'late.txt': 'Title: Fire contained\n\nBy the end of the day, the\nfire was out.\n',
      'linked-ev.txt': 'URL: https://example.com/ev\nBy 2030, the state expects\n2 million electric cars on its roads, officials said.\n',
      'crews.txt': 'Title: Wildfire update\nBy Tuesday afternoon, crews from\nCal Fire had contained the blaze.\n',
      'sunday.txt': 'Title: River crests\nBy Sunday\nThe river had crested at 12 feet.\n',
    }),
  );

  it('reads a sentence opening the story with a header\'s key as text, not as its outlet, but keeps such a line among header lines', () => {
    expect(only(corpus, 'sourced.txt')).toMatchObject({
      outlet: null,
      paragraphs: ['Source: a local fisherman who asked not to be named.', 'The catch fell for a third year.'],
    });
    expect(only(corpus, 'wire.txt')).toMatchObject({ title: 'Quay vote passes', outlet: 'Reuters and the Associated Press.', url: 'https://example.com/quay', paragraphs: ['Councillors voted to rebuild the quay.'] });
    expect(only(corpus, 'storm.txt')).toMatchObject({ title: 'Storm hits coast', outlet: 'Reuters and the Associated Press.', paragraphs: ['The storm hit the coast at dawn.'] });
    expect(only(corpus, 'flood.txt')).toMatchObject({ outlet: null, paragraphs: ['Source: The ministry said 40 people died in the flood.', 'Rescuers searched the valley.'] });
    expect(only(corpus, 'quoted.txt')).toMatchObject({ outlet: null, paragraphs: ['Source: ‘a local fisherman’ who asked not to be named.', 'The catch fell.'] });
    expect(only(corpus, 'agency.txt')).toMatchObject({ outlet: 'Centers for Disease Control and Prevention, Atlanta, Ga.', paragraphs: ['Cases fell for a third week.'] });
    expect(only(corpus, 'bridge.txt')).toMatchObject({ url: null, paragraphs: ['Link: the missing bridge between the two harbour towns is finally being built, the council said.', 'Work starts in May.'] });
    expect(only(corpus, 'linked.txt')).toMatchObject({ url: 'https://example.com/westport', paragraphs: ['Work starts in May.'] });
    expect(only(corpus, 'archived.txt')).toMatchObject({ url: 'https://example.com/westport (archived copy)', paragraphs: ['Work starts in June.'] });
  });

  it('reads header lines with the story right under them, no blank line between, as the header', () => {
    expect(only(corpus, 'unspaced.txt')).toMatchObject({
      title: 'Biden vetoes spending bill',
      published: '2024-03-02',
      paragraphs: ['President Joe Biden vetoed the spending bill on Friday.', 'Biden said it would hurt working families.'],
    });
    expect(only(corpus, 'bylined.txt')).toMatchObject({ title: 'Ferry fares frozen', author: 'Jane Doe', paragraphs: ['Ferry fares will not rise this year.'] });
    // A sentence after a header's key still opens the story, and so does a first line wrapped onto the next in lowercase.
    expect(only(corpus, 'told.txt')).toMatchObject({ outlet: null, paragraphs: ['Source: a local fisherman who asked not to be named. He saw the boat sink.'] });
    expect(only(corpus, 'wrapped.txt')).toMatchObject({ title: 'Flood closes schools', author: null, paragraphs: ['By Tuesday afternoon, firefighters had contained the blaze near the school.'] });
    expect(only(corpus, 'opening.txt')).toMatchObject({ outlet: null, paragraphs: ['Source: officials familiar with the talks said on Monday a deal was close.'] });
    expect(only(corpus, 'late.txt')).toMatchObject({ title: 'Fire contained', author: null, paragraphs: ['By the end of the day, the fire was out.'] });
    // Nor is a byline one that prose opens with, whatever the next line starts with.
    expect(only(corpus, 'linked-ev.txt')).toMatchObject({ url: 'https://example.com/ev', author: null, paragraphs: ['By 2030, the state expects 2 million electric cars on its roads, officials said.'] });
    expect(only(corpus, 'crews.txt')).toMatchObject({ title: 'Wildfire update', author: null, paragraphs: ['By Tuesday afternoon, crews from Cal Fire had contained the blaze.'] });
    expect(only(corpus, 'sunday.txt')).toMatchObject({ title: 'River crests', author: null, paragraphs: ['By Sunday The river had crested at 12 feet.'] });
  });

  it('reads every header field and joins hard-wrapped lines into paragraphs', () => {
    expect(only(corpus, 'keyed.txt')).toMatchObject({
      title: 'Quay vote passes',
      published: '2024-03-05',
      author: 'Jane Doe',
      outlet: 'The Harbour Gazette',
      url: 'https://example.com/quay',
      paragraphs: ['Councillors voted to rebuild the quay. The vote was 31 to 9.', 'Work starts in spring.'],
    });
  });

  it('loads an article with an unreadable date as undated, with a warning', () => {
    expect(only(corpus, 'undated.txt').published).toBeNull();
    expect(corpus.warnings).toEqual([{ file: 'undated.txt', record: null, reason: expect.stringContaining('"last Tuesday" is not a recognisable date') }]);
  });
});

describe('markdown with front matter', async () => {
  const corpus = await loadCorpus(
    await tempCorpus({
      'quay.md': [
        '---',
        'title: Quay vote passes',
        'site: The Harbour Gazette',
        'author: [Jane Doe, John Roe]',
        'date: 2024-02-04T09:15:00+01:00',
        'url: https://example.com/quay',
        'lang: en-GB',
        '---',
        '## The vote',
        '',
        'The **council** voted on [Tuesday](https://example.com/tuesday) to approve the _long-delayed_ plan.',
        '',
        '![the quay](quay.jpg)',
        '',
        '- Dredging starts in `spring`.',
        '- A new quay follows.',
        '',
        '> "We waited ten years," said the mayor.',
      ].join('\n'),
    }),
  );

  it('takes metadata from the front matter, keeping the date as written', () => {
    expect(only(corpus, 'quay.md')).toMatchObject({
      title: 'Quay vote passes',
      outlet: 'The Harbour Gazette',
      author: 'Jane Doe, John Roe',
      published: '2024-02-04T09:15:00+01:00',
      url: 'https://example.com/quay',
      language: 'en-GB',
    });
  });

  it('gives paragraphs without markdown syntax', () => {
    expect(only(corpus, 'quay.md').paragraphs).toEqual([
      'The vote',
      'The council voted on Tuesday to approve the long-delayed plan.',
      'Dredging starts in spring.',
      'A new quay follows.',
      '"We waited ten years," said the mayor.',
    ]);
  });
});

describe('JSON and JSON Lines records', async () => {
  const corpus = await loadCorpus(
    await tempCorpus({
      'wire.jsonl': [
        JSON.stringify({ title: 'COCOA REVIEW', body: 'Showers continued in\nthe cocoa zone.\n    The dry period ended.', date: '26-FEB-1987 15:01:01.79', source: { name: 'Reuters' } }),
        '',
        JSON.stringify({ headline: 'Second story', text: ['First paragraph.', 'Second paragraph.'], byline: 'A. Writer', lang: 'en' }),
      ].join('\n'),
      'one.json': JSON.stringify({ title: 'Single', text: 'Only paragraph.', outlet: 'Gazette', published: '2024-01-02' }),
    }),
  );

  it('makes one article per record, numbered from 1, with wire-copy indentation as paragraph breaks', () => {
    expect(only(corpus, 'wire.jsonl#1')).toMatchObject({
      title: 'COCOA REVIEW',
      outlet: 'Reuters',
      published: '1987-02-26T15:01:01.79',
      paragraphs: ['Showers continued in the cocoa zone.', 'The dry period ended.'],
    });
    expect(only(corpus, 'wire.jsonl#2')).toMatchObject({ title: 'Second story', author: 'A. Writer', language: 'en', paragraphs: ['First paragraph.', 'Second paragraph.'] });
    expect(only(corpus, 'one.json#1')).toMatchObject({ title: 'Single', outlet: 'Gazette', published: '2024-01-02', paragraphs: ['Only paragraph.'] });
  });
});

describe('HTML pages', async () => {
  const html = `<!doctype html><html lang="en-GB"><head>
    <title>Quay vote | The Harbour Gazette</title>
    <meta property="og:title" content="Quay vote passes">
    <meta property="og:site_name" content="The Harbour Gazette">
    <meta name="author" content="Jane Doe">
    <meta property="article:published_time" content="2024-02-04T09:15:00Z">
    <link rel="canonical" href="https://example.com/quay">
  </head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
    <article><h1>Quay vote passes</h1>
      <p>Councillors voted 31 to 9 on Tuesday night to rebuild the crumbling quay, ending a decade of delay and argument about its cost.</p>
      <figure><img src="q.jpg"><figcaption>The old quay (Gazette)</figcaption></figure>
      <h2>What happens next</h2>
      <p>The decision clears the way for dredging work to begin in the spring, the council's harbour committee said on Wednesday.</p>
      <ul><li>Dredging in spring, and the new quay walls in the following two summers.</li></ul>
      <blockquote>We have waited long enough, said the council leader to a packed chamber.</blockquote>
    </article><footer>© 2024 The Harbour Gazette</footer></body></html>`;
  const corpus = await loadCorpus(await tempCorpus({ 'quay.html': html, 'saved-page.txt': html.replace('https://example.com/quay', 'https://example.com/quay-2') }));

  it('takes attribution from the page metadata', () => {
    expect(only(corpus, 'quay.html')).toMatchObject({
      title: 'Quay vote passes',
      outlet: 'The Harbour Gazette',
      author: 'Jane Doe',
      published: '2024-02-04T09:15:00Z',
      url: 'https://example.com/quay',
      language: 'en-GB',
    });
  });

  it('gives the text of the block elements, without navigation, footer or image caption', () => {
    const { paragraphs } = only(corpus, 'quay.html');
    expect(paragraphs).toContain('What happens next');
    expect(paragraphs).toContain('Dredging in spring, and the new quay walls in the following two summers.');
    expect(paragraphs).toContain('We have waited long enough, said the council leader to a packed chamber.');
    expect(paragraphs.join(' ')).not.toMatch(/Home|old quay \(Gazette\)|©/u);
  });

  it('recognises an HTML page saved under another extension by its content', () => {
    expect(corpus.duplicates).toEqual([{ id: 'saved-page.txt', duplicateOf: 'quay.html' }]);
  });

  it('rejects a .html file holding no element with a reason a moderator can act on, and loads the rest', async () => {
    const mixed = await loadCorpus(await tempCorpus({ 'notes.html': 'Councillors voted on the quay. <!-- draft -->', 'quay.html': html }));
    expect(mixed.rejected).toEqual([{ file: 'notes.html', record: null, reason: 'no HTML elements in the page (plain text is read from a .txt file)' }]);
    expect(only(mixed, 'quay.html').title).toBe('Quay vote passes');
  });
});
