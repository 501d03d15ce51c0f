import { describe, expect, it } from 'vitest';
import { bearerBefore, bearerIntroduction, rolesDescribed } from '../src/search/roles.ts';
import { SentenceCache } from '../src/search/sentence-ranking.ts';
import { storyArticle } from './support/articles.ts';

/** Whom the roles the story's last sentence names alone stand for, by the story's earlier paragraphs. */
function bearersOfLast(paragraphs: string[]): string[] {
  const article = storyArticle('story', 'Wire', paragraphs);
  const cache = new SentenceCache();
  const last = cache.inParagraphs(article, [paragraphs.length - 1]).at(-1);
  if (!last) throw new Error('no sentence');
  return rolesDescribed(last.text).flatMap((role) => bearerBefore(article, last, role, cache));
}

describe('roles named alone', () => {
  it('reads a role as the one the story introduced with that title', () => {
    expect(bearersOfLast(['Finance Minister Kiichi Miyazawa met bankers in Tokyo.', 'The minister said the yen was too strong.'])).toEqual(['Kiichi', 'Miyazawa']);
    expect(bearersOfLast(['Last week, President Recep Tayyip Erdogan said Turkiye would act.', '"We stand by Gaza," the Turkish president said.'])).toEqual(['Recep', 'Tayyip', 'Erdogan']);
    expect(bearersOfLast(['Turkish Foreign Minister Hakan Fidan met Hamas officials.', 'The foreign minister said talks would continue.'])).toEqual(['Hakan', 'Fidan']);
  });

  it('finds the title written in capitals, with accents, or beside words holding its letters', () => {
    expect(bearersOfLast(['The ministers met in Tokyo.', 'FINANCE MINISTER Kiichi Miyazawa spoke after them.', 'The minister said the yen was too strong.'])).toEqual(['Kiichi', 'Miyazawa']);
    expect(bearersOfLast(['Président Emmanuel Macron left the presidential palace in Paris.', 'The president said France would act.'])).toEqual(['Emmanuel', 'Macron']);
    expect(bearersOfLast(['The presidential palace and the vice-presidency were quiet.', 'The president said France would act.'])).toEqual([]);
  });

  it('reads no one where the story gave the role two people, or another side', () => {
    expect(bearersOfLast(['President Xi Jinping met President Donald Trump in Busan.', 'The Chinese president said tariffs hurt both.'])).toEqual([]);
    expect(bearersOfLast(['Apple chief executive Tim Cook praised the modem.', 'Cristiano Amon, Qualcomm’s chief executive, disagreed.', 'The chief executive said sales would rise.'])).toEqual([]);
    expect(bearersOfLast(['Hamas official Osama Hamdan rejected the plan.', 'The Israeli official said disarmament was non-negotiable.'])).toEqual([]);
    expect(bearersOfLast(['French Trade Minister Laurent Saint-Martin called for retaliation.', 'The German minister said Berlin favoured talks.'])).toEqual([]);
    expect(bearersOfLast(['Finance Minister Fernando Haddad kept the target.', 'Carlos Favaro, the agriculture minister, backed farmers.', 'The minister said soy exports would rise.'])).toEqual([]);
    expect(bearersOfLast(['Warriors coach Steve Kerr praised Curry.', 'Boston’s Joe Mazzulla said his team was slow.', '"We did not compete," the coach said.'])).toEqual([]);
  });

  it('reads no one where the role is written with words its title lacks', () => {
    expect(bearersOfLast(['Apple chief executive Tim Cook praised the modem.', 'The Qualcomm chief executive said sales would rise.'])).toEqual([]);
    expect(bearersOfLast(['Economy Minister Ryosei Akazawa flew to Washington.', 'The prime minister said tariffs on cars were unacceptable.'])).toEqual([]);
    expect(bearersOfLast(['President Joe Biden signed the law.', 'The former president said it was a scam.'])).toEqual([]);
    // A vice president is no president, as WordNet knows.
    expect(bearersOfLast(['Vice President JD Vance visited Kyiv.', 'The president said the deal was dead.'])).toEqual([]);
    expect(bearersOfLast(['Deputy Governor Andrew Hauser spoke in Sydney.', 'The governor said rates would hold.'])).toEqual([]);
  });

  it('reads a role only where it acts or speaks, and not where it introduces someone', () => {
    expect(bearersOfLast(['Pope Leo XIV celebrated Mass.', 'Ukraine’s president met the pope after the service.'])).toEqual([]);
    expect(bearersOfLast(['Finance Minister Kiichi Miyazawa met bankers.', 'The minister Ryutaro Hashimoto said nothing.'])).toEqual([]);
    expect(bearersOfLast(['The president said the law would pass.'])).toEqual([]);
    expect(bearersOfLast(['Finance Minister Dario Durigan spoke.', 'People close to the minister said he would stay.'])).toEqual([]);
    expect(bearersOfLast(['Finance Minister Dario Durigan spoke.', '"The minister is handing out money," a lawmaker said.'])).toEqual([]);
    expect(bearersOfLast(['Governor Michele Bullock held rates.', 'Michele Bullock, the governor, said inflation was easing.'])).toEqual([]);
    expect(bearersOfLast(['Farmers stayed close to the minister. Modi, who arrived late, spoke.', 'The minister said farmers would be protected.'])).toEqual([]);
  });

  it('reads each sentence by the story before it, whichever sentence is asked first', () => {
    const paragraphs = ['The minister said the budget was late.', 'Finance Minister Kiichi Miyazawa met bankers in Tokyo.', 'The minister said the yen was too strong.', 'Trade Minister Yoji Muto disagreed.', 'The minister said exports would suffer.'];
    const article = storyArticle('story', 'Wire', paragraphs);
    const bearers = (order: number[]) => {
      const cache = new SentenceCache();
      const read = new Map(order.map((p) => {
        const sentence = cache.inParagraphs(article, [p])[0];
        if (!sentence) throw new Error('no sentence');
        return [p, rolesDescribed(sentence.text).flatMap((role) => bearerBefore(article, sentence, role, cache))];
      }));
      return [0, 2, 4].map((p) => read.get(p));
    };
    const expected = [[], ['Kiichi', 'Miyazawa'], []];
    expect(bearers([0, 2, 4])).toEqual(expected);
    expect(bearers([4, 2, 0])).toEqual(expected);
    expect(bearers([2, 0, 4])).toEqual(expected);
  });

  it('gives the sentence that introduced the bearer, for a reader to see who spoke', () => {
    const article = storyArticle('story', 'Wire', ['Finance Minister Kiichi Miyazawa met bankers in Tokyo.', 'Officials expected little.', 'The minister said the yen was too strong.']);
    const cache = new SentenceCache();
    const last = cache.inParagraphs(article, [2])[0];
    expect(last && bearerIntroduction(article, last, cache)?.text).toBe('Finance Minister Kiichi Miyazawa met bankers in Tokyo.');
  });
});
