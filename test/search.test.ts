import { describe, expect, it } from 'vitest';
import type { Article } from '../src/corpus/article.ts';
import { fold, terms } from '../src/search/analyzer.ts';
import { Library } from '../src/search/library.ts';
import { PAGE_SIZE } from '../src/search/results.ts';
import { SearchPageSchema } from '../src/search/results.ts';
import { splitSentences } from '../src/search/sentences.ts';

function article(id: string, fields: Partial<Article> & { paragraphs: string[] }): Article {
  return {
    id,
    file: `${id}.txt`,
    title: null,
    outlet: null,
    author: null,
    published: null,
    url: null,
    language: 'en',
    hash: id.padEnd(64, '0').slice(0, 64),
    ...fields,
  };
}

function sentencesOf(paragraph: string): string[] {
  return splitSentences(paragraph).map((s) => paragraph.slice(s.start, s.end));
}

describe('text analysis', () => {
  it('folds case and diacritics', () => {
    expect(fold('Türkiye Erdoğan ÉTÉ')).toBe('turkiye erdogan ete');
    expect(terms('Türkiye')).toEqual(terms('turkiye'));
  });

  it('drops possessives written with any apostrophe', () => {
    for (const written of ["Hamas's", 'Hamas’s', 'Hamas’', "Hamas'"]) expect(terms(written)).toEqual(terms('Hamas'));
  });

  it('finds al- names by the name, the hyphenated form, the spaced form and the closed-up form', () => {
    const indexed = new Set(terms('Khalil al-Hayya met Al-Hayya’s aides'));
    for (const asked of ['Hayya', 'al-Hayya', 'Al Hayya', 'alhayya', 'Khalil Al-Hayya']) {
      const wanted = terms(asked, 'query');
      expect(wanted.length).toBeGreaterThan(0);
      for (const term of wanted) expect(indexed, `${asked} → ${term}`).toContain(term);
    }
  });

  it('indexes hyphenated words by their parts and closed up', () => {
    const indexed = terms('a cease-fire');
    expect(indexed).toEqual(expect.arrayContaining([...terms('cease fire'), ...terms('ceasefire')]));
  });

  it('keeps numbers, closes up acronyms, stems and drops stopwords', () => {
    expect(terms('155,221 bags in 1987')).toEqual(['155221', 'bag', '1987']);
    expect(terms('U.S.')).toEqual(terms('US'));
    expect(terms('negotiations')).toEqual(terms('negotiation'));
    expect(terms('met')).toEqual(terms('meeting'));
    expect(terms('Who did what, and when? Where, why, how?')).toEqual([]);
  });
});

describe('sentence splitting', () => {
  it('does not split after title abbreviations, acronyms or initials', () => {
    expect(sentencesOf('The U.S. President Donald J. Trump met Gen. Smith in Washington. He left.')).toEqual([
      'The U.S. President Donald J. Trump met Gen. Smith in Washington.',
      'He left.',
    ]);
  });

  it('does not split a case or a match at its "v." or "vs.", but does after a numeral "V."', () => {
    expect(sentencesOf('The court cited Runyon v. McCrary in its ruling. Brazil vs. Argentina ended 2-1. It was Super Bowl V. The next was VI. The charger is rated at 240 v. Customers should stop using it.')).toEqual([
      'The court cited Runyon v. McCrary in its ruling.',
      'Brazil vs. Argentina ended 2-1.',
      'It was Super Bowl V.',
      'The next was VI.',
      'The charger is rated at 240 v.',
      'Customers should stop using it.',
    ]);
  });

  it('keeps initials with their name, a "P." after another too, while "p." numbers a page and "V." may end a title', () => {
    expect(sentencesOf('The bank was backed by J. P. Morgan. Faculty included A. A. Michelson. See p. 12 for the plan. Its best seller is Grand Theft Auto V. Sales passed 200 million.')).toEqual([
      'The bank was backed by J. P. Morgan.',
      'Faculty included A. A. Michelson.',
      'See p. 12 for the plan.',
      'Its best seller is Grand Theft Auto V.',
      'Sales passed 200 million.',
    ]);
  });

  it('splits after a label\'s letter before an initial, and before initials written close', () => {
    expect(sentencesOf('South Africa finished top of Pool B. A. Smith said the side was peaking. The stadium will be near Lot C. A.J. Brown scored.')).toEqual([
      'South Africa finished top of Pool B.',
      'A. Smith said the side was peaking.',
      'The stadium will be near Lot C.',
      'A.J. Brown scored.',
    ]);
  });

  it('splits after an acronym that ends a sentence', () => {
    expect(sentencesOf('He flew to the U.S. The next day it rained.')).toEqual([
      'He flew to the U.S.',
      'The next day it rained.',
    ]);
  });

  it('keeps a quotation and its attribution together', () => {
    const paragraph = '“We stand by Gaza... We will continue,” the president said. Talks resumed.';
    expect(sentencesOf(paragraph)).toEqual([
      '“We stand by Gaza... We will continue,” the president said.',
      'Talks resumed.',
    ]);
  });

  it('joins a month abbreviation to its date', () => {
    expect(sentencesOf('Prices rose in Jan. 2020 and fell later. Then they rose.')).toHaveLength(2);
  });
});

const corpus = [
  article('gaza-1', {
    title: 'Envoy meets Hamas leader in Istanbul',
    outlet: 'Al-Ahed',
    published: '2025-11-21',
    paragraphs: ['US envoy Steve Witkoff met Khalil al-Hayya in Istanbul on Wednesday. They discussed reconstruction.'],
  }),
  article('gaza-2', {
    title: 'Turkish minister receives Hamas delegation',
    outlet: 'Al Mayadeen English',
    published: '2025-03-23T14:23',
    paragraphs: ['Hakan Fidan met a Hamas delegation in Ankara. The ceasefire was on the agenda.'],
  }),
  article('cocoa', {
    title: 'Bahia cocoa review',
    outlet: 'Reuters',
    published: null,
    paragraphs: ['Showers continued throughout the week in the Bahia cocoa zone.'],
  }),
  ...Array.from({ length: 12 }, (_, i) =>
    article(`wheat-${i}`, {
      title: `Wheat exports report ${i}`,
      outlet: 'Reuters',
      published: `1987-02-${String(10 + i).padStart(2, '0')}`,
      paragraphs: [`Wheat exports rose by ${i} pct in the week, traders said.`],
    }),
  ),
];

describe('filters', () => {
  it('matches the outlet case-insensitively and exactly', async () => {
    const library = await Library.fromArticles(corpus);
    expect(library.search('Hamas', { outlet: 'al mayadeen english' }).hits.map((h) => h.id)).toEqual(['gaza-2']);
    expect(library.search('Hamas', { outlet: 'Mayadeen' }).total).toBe(0);
  });

  it('limits by inclusive day and drops undated articles when a date is set', async () => {
    const library = await Library.fromArticles(corpus);
    expect(library.search('Hamas', { since: '2025-03-23', until: '2025-03-23' }).hits.map((h) => h.id)).toEqual(['gaza-2']);
    expect(library.search('Hamas', { since: '2025-03-24' }).hits.map((h) => h.id)).toEqual(['gaza-1']);
    expect(library.search('cocoa').total).toBe(1);
    expect(library.search('cocoa', { until: '2030-01-01' }).total).toBe(0);
    const answer = library.answer('Who met Hamas in Istanbul?', { until: '2025-06-01' });
    expect(answer.sources.map((s) => s.id)).not.toContain('gaza-1');
  });
});

describe('search', () => {
  it('pages by five with a total and a page count', async () => {
    const library = await Library.fromArticles(corpus);
    const first = library.search('wheat exports');
    expect(SearchPageSchema.parse(first)).toEqual(first);
    expect(first.total).toBe(12);
    expect(first.pageCount).toBe(3);
    expect(first.hits).toHaveLength(PAGE_SIZE);
    const third = library.search('wheat exports', {}, 3);
    expect(third.hits).toHaveLength(2);
    const ids = [1, 2, 3].flatMap((page) => library.search('wheat exports', {}, page).hits.map((h) => h.id));
    expect(new Set(ids).size).toBe(12);
  });

  it('shows the last page with a notice when asked past the end', async () => {
    const library = await Library.fromArticles(corpus);
    const page = library.search('wheat', {}, 9);
    expect(page.page).toBe(3);
    expect(page.notice).toMatch(/only 3 pages/);
  });

  it('marks matched words in a short verbatim snippet', async () => {
    const library = await Library.fromArticles(corpus);
    const [hit] = library.search('Witkof Istanbul').hits;
    expect(hit?.id).toBe('gaza-1');
    expect(hit?.snippet).toContain('**Witkoff**');
    expect(hit?.snippet).toContain('**Istanbul**');
    expect(hit?.snippet.length).toBeLessThanOrEqual(200);
    expect(hit?.snippetParts?.map((p) => p.text).join('')).toBe(
      'US envoy Steve Witkoff met Khalil al-Hayya in Istanbul on Wednesday.',
    );
  });

  it('finds words by prefix and despite typos', async () => {
    const library = await Library.fromArticles(corpus);
    expect(library.search('Witk').hits[0]?.id).toBe('gaza-1');
    expect(library.search('delegatoin').hits[0]?.id).toBe('gaza-2');
  });

  it('cuts a long sentence to a window around the match', async () => {
    const long = `${'Background words fill the start of this sentence '.repeat(6)}before the envoy Witkoff arrives ${'and more words follow here '.repeat(6)}.`;
    const library = await Library.fromArticles([article('long', { paragraphs: [long] })]);
    const [hit] = library.search('Witkoff').hits;
    expect(hit?.snippet).toMatch(/^….*\*\*Witkoff\*\*.*…$/);
    expect(hit?.snippet.length).toBeLessThanOrEqual(200);
  });

  it('answers an unusable query with a notice', async () => {
    const library = await Library.fromArticles(corpus);
    expect(library.search('the of and').notice).toMatch(/keyword/);
    expect(library.search('x'.repeat(10_000)).notice).toMatch(/too long/);
    expect(library.search('zzzzqqq').notice).toMatch(/No articles/);
  });
});

describe('suggestions and coverage', () => {
  it('suggests titles as they are typed', async () => {
    const library = await Library.fromArticles(corpus);
    expect(library.suggestTitles('turkish min').map((r) => r.id)).toEqual(['gaza-2']);
    expect(library.suggestTitles('bahla cocoa').map((r) => r.id)).toEqual(['cocoa']);
    expect(library.suggestTitles('wheat', 5)).toHaveLength(5);
    expect(library.suggestTitles('').length).toBeLessThanOrEqual(25);
  });

  it('matches every typed word, short ones and the half-typed last one included', async () => {
    const titled = (id: string, title: string) => article(id, { title, paragraphs: ['Text.'] });
    const library = await Library.fromArticles([
      titled('us-bank', 'U.S. bank rates rise'),
      titled('uk-bank', 'U.K. bank rates rise'),
      titled('us-farm', 'U.S. farm exports'),
    ]);
    expect(library.suggestTitles('u.s. bank ra').map((r) => r.id)).toEqual(['us-bank']);
    expect(library.suggestTitles('u.k. b').map((r) => r.id)).toEqual(['uk-bank']);
    expect(library.suggestTitles('u.s. f').map((r) => r.id)).toEqual(['us-farm']);
    expect(library.suggestTitles('bank rares').map((r) => r.id).sort()).toEqual(['uk-bank', 'us-bank']);
  });

  it('suggests outlets by prefix, then by substring', async () => {
    const library = await Library.fromArticles(corpus);
    expect(library.suggestOutlets('al')).toEqual(['Al Mayadeen English', 'Al-Ahed']);
    expect(library.suggestOutlets('mayad')).toEqual(['Al Mayadeen English']);
    expect(library.suggestOutlets('')).toHaveLength(3);
  });

  it('counts articles by outlet with the date range', async () => {
    const library = await Library.fromArticles(corpus);
    const coverage = library.coverage();
    expect(coverage.articleCount).toBe(corpus.length);
    expect(coverage.outlets[0]).toEqual({ outlet: 'Reuters', count: 13 });
    expect(coverage.earliest).toBe('1987-02-10');
    expect(coverage.latest).toBe('2025-11-21');
  });
});
