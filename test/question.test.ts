import { describe, expect, it } from 'vitest';
import { terms } from '../src/search/analyzer.ts';
import { prepareQuestion, readQuestion } from '../src/search/question.ts';
import { Vocabulary } from '../src/search/vocabulary.ts';

/** A vocabulary of one document per text, as the index builds it. */
function vocabularyOf(texts: readonly string[]): Vocabulary {
  const vocabulary = new Vocabulary();
  for (const text of texts) vocabulary.add(new Set(terms(text)), []);
  return vocabulary;
}

/** The terms a question word stands for in an answer, with their weights. */
function variantsOf(question: string, vocabulary: Vocabulary): Record<string, number>[] {
  const prepared = prepareQuestion(readQuestion(question).terms, vocabulary, false);
  return prepared.terms.map((t) => Object.fromEntries(t.variants.map((v) => [v.term, v.weight])));
}

describe('paraphrases of question words', () => {
  const vocabulary = vocabularyOf(['They met at the summit in October.', 'The summit met again.', 'Officials meet daily.', 'The meeting ended.']);

  it('finds the kinds of a meeting for "meet", below the weight of a synonym', () => {
    const [meet] = variantsOf('Where did they meet?', vocabulary);
    expect(meet?.[terms('summit')[0] ?? '']).toBeGreaterThan(0);
    expect(meet?.[terms('summit')[0] ?? '']).toBeLessThan(0.4);
  });

  it('finds the same paraphrases for an irregular form ("met") as for its base', () => {
    expect(variantsOf('Who met Hayya?', vocabulary)[0]).toEqual(variantsOf('Who will meet Hayya?', vocabulary)[0]);
  });

  it('leaves out a kind the corpus uses more than the word itself, as mostly another sense', () => {
    const congress = vocabularyOf(['Congress voted.', 'Congress met.', 'Congress adjourned.', 'Officials meet.']);
    const [meet] = variantsOf('Where did they meet?', congress);
    expect(Object.keys(meet ?? {})).not.toContain(terms('congress')[0]);
  });
});
