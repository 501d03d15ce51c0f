import { describe, expect, it } from 'vitest';
import { terms } from '../src/search/analyzer.ts';
import type { Question } from '../src/search/question.ts';
import { rankSentences, scoreSentence, SentenceCache, variantLookup, type Sentence } from '../src/search/sentence-ranking.ts';
import { storyArticle } from './support/articles.ts';

const sentence = (text: string): Sentence => ({ text, index: 0, paragraph: 0, start: 0, terms: terms(text, 'index') });

/** A two-term question whose terms share a variant (paraphrases can): "summit" stands for both. */
const question: Question = {
  terms: [
    { term: 'meet', weight: 3, variants: [{ term: 'meet', weight: 1 }, { term: 'summit', weight: 1 }], reported: false, calendar: null },
    { term: 'talk', weight: 3, variants: [{ term: 'talk', weight: 1 }, { term: 'summit', weight: 1 }], reported: false, calendar: null },
  ],
  totalWeight: 6,
  wants: null,
  corpusSize: 1000,
  aboutNow: false,
  speaker: [],
  occasion: null,
  asksReason: false,
  asksMoney: false,
  titles: [],
  fullNames: [],
  counted: -1,
  askedNoun: null,
};

describe('sentence scoring', () => {
  it('does not rank one word standing for two question terms above both words side by side', () => {
    const lookup = variantLookup(question);
    const oneWord = scoreSentence(sentence('The summit ended in Cairo yesterday.'), question, lookup);
    const bothWords = scoreSentence(sentence('The talks met again in Cairo.'), question, lookup);
    expect(oneWord?.coverage).toBe(1);
    expect(bothWords?.coverage).toBe(1);
    expect(oneWord!.score).toBeLessThanOrEqual(bothWords!.score);
  });

  it('ranks a titled name written beside the words asked above the same words far apart, where the name stands for its title', () => {
    // "Prime Minister Netanyahu": the title's terms are met by the name, and the name and "negotiations" should sit close.
    const term = (word: string) => ({ term: word, weight: 2, variants: [{ term: word, weight: 1 }], reported: false, calendar: null });
    const titled: Question = { ...question, terms: ['prime', 'minist', 'netanyahu', 'negoti'].map(term), totalWeight: 8 };
    const lookup = variantLookup(titled);
    const title = new Map([[0, 2], [1, 2]]);
    const near = scoreSentence(sentence('Netanyahu said negotiations would resume after a long week of meetings in several capitals.'), titled, lookup, title);
    const far = scoreSentence(sentence('Netanyahu said after a long week of meetings in several capitals negotiations would resume.'), titled, lookup, title);
    expect(near!.coverage).toBe(far!.coverage);
    expect(near!.score).toBeGreaterThan(far!.score);
  });
});

describe('support from neighbouring sentences', () => {
  it('supports a sentence meeting a term only through a weak paraphrase when the sentence before holds the word itself', () => {
    const asked: Question = {
      terms: [
        { term: 'meet', weight: 3, variants: [{ term: 'meet', weight: 1 }, { term: 'summit', weight: 0.25 }], reported: false, calendar: null },
        { term: 'earlier', weight: 3, variants: [{ term: 'previou', weight: 0.4 }], reported: false, calendar: null },
      ],
      totalWeight: 6,
      wants: null,
      corpusSize: 1000,
      aboutNow: false,
      speaker: [],
      occasion: null,
      asksReason: false,
      asksMoney: false,
      titles: [],
      fullNames: [],
      counted: -1,
      askedNoun: null,
    };
    const answer = 'Their previous summit was held in Oslo.';
    const supported = storyArticle('supported', 'Wire', ['This week the envoys meet for the second time.', answer]);
    const alone = storyArticle('alone', 'Wire', ['The weather in the north was mild.', answer]);
    const ranked = rankSentences(asked, [alone, supported].map((article) => ({ article, score: 1 })), new SentenceCache());
    const oslo = ranked.filter((r) => r.sentence.text === answer);
    expect(oslo.map((r) => r.article.id)).toEqual(['supported', 'alone']);
    expect(oslo[0]!.score).toBeGreaterThan(oslo[1]!.score);
  });
});
