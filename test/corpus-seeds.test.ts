import { describe, expect, it } from 'vitest';
import { type Article, ArticleSchema } from '../src/corpus/article.ts';
import { loadCorpus } from '../src/corpus/loader.ts';

const corpus = await loadCorpus('corpus');

function article(file: string): Article {
  const found = corpus.articles.find((candidate) => candidate.file === file);
  if (!found) throw new Error(`${file} did not load`);
  return found;
}

describe('the seed corpus', () => {
  it('loads both seeds, each a valid article, with nothing rejected', () => {
    expect(corpus.articles.map((loaded) => loaded.file)).toEqual(['000_142b436908202848.txt', '004_104598550d79c125.txt']);
    expect(corpus.rejected).toEqual([]);
    expect(corpus.duplicates).toEqual([]);
    for (const loaded of corpus.articles) expect(ArticleSchema.parse(loaded)).toEqual(loaded);
  });

  it('reads the clean-text seed from its date/title and byline lines, leaving the outlet unknown', () => {
    const clean = article('000_142b436908202848.txt');
    expect(clean).toMatchObject({
      title: 'Hamas, US Envoy Set for Istanbul Talks on Gaza',
      outlet: null,
      author: 'Staff, Agencies',
      published: '2025-11-21',
      url: null,
      language: null,
    });
    expect(clean.paragraphs[0]).toMatch(/^US envoy Steve Witkoff is expected to meet senior Hamas official/u);
    expect(clean.paragraphs.at(-1)).toMatch(/“operating against Hamas’s establishment in Lebanon”\.$/u);
    expect(clean.paragraphs).toHaveLength(14);
  });
});

describe('the page-dump seed', () => {
  const page = article('004_104598550d79c125.txt');

  it('takes title, outlet, byline and date from the page layout', () => {
    expect(page).toMatchObject({
      title: 'Turkiye FM meets Hamas politburo chief Khalil al-Hayya regarding Gaza',
      outlet: 'Al Mayadeen English',
      // The byline names the outlet; it is recorded as the page gives it.
      author: 'Al Mayadeen English',
      published: '2025-03-23T14:23',
    });
  });

  it('runs from the standfirst to the last article paragraph, keeping the subheadings', () => {
    expect(page.paragraphs[0]).toBe(
      "Hakan Fidan has met with Khalil al-Hayya, the chief member of Hamas' political bureau, to discuss the recent developments in Gaza.",
    );
    expect(page.paragraphs.at(-1)).toBe('Meanwhile, Benjamin Netanyahu, said negotiations for a ceasefire will only be conducted "under fire".');
    expect(page.paragraphs).toContain('What was discussed?');
    expect(page.paragraphs).toContain("'Israel' threatens Gaza with annihilation");
    expect(page.paragraphs).toHaveLength(15);
  });

  it.each([
    ['ticker marker', 'BREAKING'],
    ['ticker item', 'Israeli media: At least two soldiers killed by anti-tank missile'],
    ['ticker item', "Al Mayadeen's correspondent: The Lebanese Army is continuing"],
    ['menu item', 'Arts&Culture'],
    ['menu item', 'Digital Series'],
    ['menu item', 'US & Canada'],
    ['slogan', 'Slogan'],
    ['reading time', '3 Min Read'],
    ['audio player', 'Listen'],
    ['byline source', 'Source: News Websites'],
    ['image caption', '(Social Media)'],
    ['related-news marker', 'Related News'],
    ['related headline', 'Iran defends regional policies, warns of escalating aggression in Gaza'],
    ['related headline', 'Gaza flattened for pay, not need'],
    ['read-more link', 'Read more:'],
    ['read-more headline', 'Germany, France, UK demand Gaza truce'],
    ['most-read marker', 'Most Read'],
    ['most-read headline', 'Hezbollah SG reveals war details'],
    ['most-read headline', 'Yemen Navy sinks ETERNITY C ship'],
    ['most-read date', '8 Jul 2025'],
    ['coverage block', 'Coverage'],
    ['coverage block', "The Ummah's Martyrs"],
    ['read-next marker', 'Read Next'],
    ['read-next headline', 'Mercenary firm tied to Gaza war crimes'],
    ['read-next caption', 'The Freedom Flotilla ship Handala'],
    ['footer', 'Al Mayadeen is an Arab Independent Media Satellite Channel.'],
    ['footer', 'All Rights Reserved'],
    ['footer link', 'Privacy Policy'],
    ['app link', 'Android'],
    ['app link', 'iOS'],
  ])('drops the %s "%s"', (_kind, text) => {
    for (const paragraph of page.paragraphs) expect(paragraph).not.toContain(text);
  });

  it('drops the tag list, whose items are words the article also uses', () => {
    for (const tag of ['Gaza Strip', 'Palestine', 'Khalil al-Hayya', 'Israeli aggression', 'Hakan Fidan', 'Israeli occupation', 'Hamas']) {
      expect(page.paragraphs).not.toContain(tag);
    }
  });

  it('keeps no paragraph that is only a site name, a bullet item or a one-word label', () => {
    expect(page.paragraphs).not.toContain('Al Mayadeen English');
    expect(page.paragraphs).not.toContain('x');
    expect(page.paragraphs.every((paragraph) => paragraph.split(' ').length > 2)).toBe(true);
  });
});
