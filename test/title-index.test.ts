import { describe, expect, it } from 'vitest';
import type { Article } from '../src/corpus/article.ts';
import { TitleIndex } from '../src/search/title-index.ts';
import { storyArticle } from './support/articles.ts';

/** Articles titled "Report n from the harbour", numbered from 0. */
const reports = (count: number): Article[] =>
  Array.from({ length: count }, (_, n) => ({ ...storyArticle(`r${n}`, 'Port Times', ['Ships came in.']), title: `Report ${n} from the harbour` }));

describe('title autocomplete filled in the background', () => {
  it('suggests the first titles at once and every title once the fill settles', async () => {
    const titles = new TitleIndex();
    const filled = titles.fill(reports(1200));
    expect(titles.suggest('report 7 harbour', 5)).toEqual(['r7']);
    expect(titles.suggest('report 1100 harbour', 5)).toEqual([]);
    await filled;
    expect(titles.suggest('report 1100 harbour', 5)).toEqual(['r1100']);
  });

  it('keeps a change made while it fills: a removed title stays out and a retitled one shows its new title', async () => {
    const titles = new TitleIndex();
    const filled = titles.fill(reports(1200));
    titles.discard('r1100');
    titles.discard('r1150');
    titles.add({ ...storyArticle('r1150', 'Port Times', ['Ships left.']), title: 'Lighthouse reopens' });
    await filled;
    expect(titles.suggest('report 1100 harbour', 5)).toEqual([]);
    expect(titles.suggest('report 1150 harbour', 5)).toEqual([]);
    expect(titles.suggest('lighthouse', 5)).toEqual(['r1150']);
    expect(titles.suggest('report 1199 harbour', 5)).toEqual(['r1199']);
  });
});

describe('title autocomplete as readers type', () => {
  const titled = (id: string, title: string): Article => ({ ...storyArticle(id, 'Wire', ['Text.']), title });

  it('finds a title writing another name of the country typed ("Turkey FM" for "Turkiye FM meets...")', () => {
    const titles = new TitleIndex();
    titles.add(titled('ankara', 'Turkiye FM meets Hamas politburo chief Khalil al-Hayya regarding Gaza'));
    titles.add(titled('istanbul', 'Hamas, US Envoy Set for Istanbul Talks on Gaza'));
    expect(titles.suggest('Turkey FM', 5)).toEqual(['ankara']);
    expect(titles.suggest('Turkish FM meets', 5)).toEqual(['ankara']);
    expect(titles.suggest('Turkey envoy', 5)).toEqual([]);
  });

  it('keeps the name typed where titles write it', () => {
    const titles = new TitleIndex();
    titles.add(titled('turkey', 'Turkey raises rates'));
    titles.add(titled('turkiye', 'Turkiye raises tariffs'));
    expect(titles.suggest('Turkey raises', 5)).toEqual(['turkey']);
  });
});
