import { describe, expect, it } from 'vitest';
import { tokenize } from '../src/search/analyzer.ts';
import { askedSpeaker, speakerIn } from '../src/search/speakers.ts';

/** The question terms `askedSpeaker` picks, as the words asked. */
function speakerWords(question: string): string[] {
  const asked = tokenize(question, 'query');
  return askedSpeaker(question, asked).map((q) => asked[q]?.word ?? '');
}

/** Who speaks in `sentence` as far as a question about `name` goes. */
function speakerFor(name: string, sentence: string): 'named' | 'pronoun' | null {
  const term = tokenize(name, 'index')[0]?.term;
  return speakerIn(sentence, [0], (t) => (t === term ? [0] : []));
}

describe('who a question asks to have spoken', () => {
  it.each([
    ['What did Hamas say about Lebanon?', ['hamas']],
    ['What did the Israeli military say about Lebanon?', ['israeli', 'military']],
    ['What did Erdogan promise?', ['erdogan']],
    // The question's verb is not one of speaking: nobody is asked to have spoken.
    ['What did CBS provide of the Super Bowl broadcast?', []],
    ['Who met Hayya in Istanbul?', []],
  ])('%s', (question, words) => {
    expect(speakerWords(question)).toEqual(words);
  });
});

describe('who speaks in a sentence', () => {
  it('finds the subject of a verb of communication', () => {
    expect(speakerFor('Hamas', 'Hamas denied having any military infrastructure in refugee camps in Lebanon.')).toBe('named');
    expect(speakerFor('Hamas', 'Hamas spokesman Hazem Qassem said the talks would resume.')).toBe('named');
  });

  it('finds the speaker after a quotation and after "according to"', () => {
    expect(speakerFor('Katz', '"You will have to pay the price in full," said Katz.')).toBe('named');
    expect(speakerFor('Hamas', 'The talks will resume on Monday, according to Hamas officials.')).toBe('named');
  });

  it('does not take the one spoken about for the speaker', () => {
    expect(speakerFor('Hamas', 'The military released footage of the strike, claiming it struck a Hamas training compound.')).toBeNull();
    expect(speakerFor('Hamas', 'Israel said it struck a Hamas facility in southern Lebanon.')).toBeNull();
  });

  it('notes a pronoun speaking, who may be the one a neighbouring sentence names', () => {
    expect(speakerFor('Luther', 'He assured monks and nuns that they could break their vows.')).toBe('pronoun');
  });
});
