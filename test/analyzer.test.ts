import { describe, expect, it } from 'vitest';
import { terms, tokenize } from '../src/search/analyzer.ts';

/** Expects each form to give exactly the index terms of its base. */
function expectSameTerms(pairs: [form: string, base: string][]): void {
  for (const [form, base] of pairs) expect(terms(form), form).toEqual(terms(base));
}

describe('irregular word forms', () => {
  it('meets the base form of irregular verbs and nouns from WordNet', () => {
    expectSameTerms([
      ['fled', 'flee'], ['swore', 'swear'], ['upheld', 'uphold'], ['shot', 'shoot'], ['hung', 'hang'],
      ['children', 'child'], ['women', 'woman'], ['crises', 'crisis'], ['lying', 'lie'], ['dies', 'die'],
    ]);
  });

  it('analyses a question the way it analyses the article, whatever the form each uses', () => {
    expect(terms('Who did the women flee from?', 'query')).toEqual(terms('The woman fled from', 'query'));
  });

  it('leaves forms that are words of their own to their own meaning', () => {
    expect(terms('lay')).not.toEqual(terms('lie'));
    expect(terms('ground')).not.toEqual(terms('grind'));
    expect(terms('better')).not.toEqual(terms('good'));
    expect(terms('leaves')).toEqual(terms('leave'));
    expect(terms('lives')).toEqual(terms('live'));
  });

  it('keeps the past tenses news uses, and the words that frame questions, as before', () => {
    expectSameTerms([['met', 'meet'], ['found', 'find'], ['fell', 'fall'], ['saw', 'see'], ['dead', 'die']]);
    expect(terms('told')).toEqual(['told']);
    expect(terms('said tell')).toEqual([]);
  });
});

describe('numbers written out or in digits', () => {
  it('meets the digits of a number written out, cardinal or ordinal, hyphenated or not', () => {
    expectSameTerms([
      ['four field goals', '4 field goals'], ['Twenty-one', '21'], ['the third quarter', 'the 3rd quarter'],
      ['the twenty-first century', 'the 21st century'], ['Seventh', '7TH'],
    ]);
  });

  it('asks for the same number a question writes out', () => {
    const asked = new Set(terms('Did he kick four field goals?', 'query'));
    expect(asked).toEqual(new Set(terms('He kicked 4 field goals')));
  });

  it('keeps "one" a stopword and leaves larger numbers as they are', () => {
    expect(terms('one of them')).toEqual([]);
    expect(terms('hundred')).not.toEqual(terms('100'));
  });

  it('meets a decade however it is written, and not the year it starts with', () => {
    expectSameTerms([['the 1990s', "the 1990's"], ['in the 2000s', 'in the 2000’s']]);
    expect(terms('the 1990s')).not.toEqual(terms('in 1990'));
    expect(terms("Super Bowl 50's location")).toEqual(terms('Super Bowl 50 location'));
  });
});

describe('percentages', () => {
  it('meets "percent" by a percent sign or the wires\' "pct", and keeps where the sign stands', () => {
    expect(terms('Output rose 10% and prices 5 pct')).toEqual(terms('Output rose 10 percent and prices 5 percent'));
    expect(tokenize('what % of GDP', 'query').map((token) => [token.term, token.start, token.end])).toEqual([
      ['percent', 5, 6],
      ['gdp', 10, 13],
    ]);
  });
});

describe('British and American spellings', () => {
  it('meets the American spelling of a British word, in any inflection', () => {
    expectSameTerms([
      ['defence', 'defense'], ['organisation', 'organization'], ['organised', 'organized'],
      ['archaeologist', 'archeologist'], ['colour', 'color'], ['travelled', 'traveled'], ['programme', 'program'],
    ]);
  });
});

describe('short acronyms in capitals', () => {
  it('indexes "US" and "U.S." as the acronym too, which "used" never gives', () => {
    expect(terms('US envoy')).toContain('US');
    expect(terms('U.S. envoy')).toContain('US');
    expect(terms('They used it')).not.toContain('US');
    expect(terms("The US's envoy")).toContain('US');
    expect(terms('A US-brokered truce')).toContain('US');
    expect(terms('GAZA and NATO')).toEqual(['gaza', 'nato']);
    // A stopword in capitals stays dropped.
    expect(terms('IS fighters')).toEqual(terms('fighters'));
  });
});

describe('contractions', () => {
  it('drops a contracted auxiliary or pronoun as it drops the word written out, apostrophe or not', () => {
    for (const question of ["Why didn't Hamas accept the plan?", 'Why didnt Hamas accept the plan?', "Why couldn’t Hamas accept the plan?", "Where'd they say Hamas can't accept the plan?"]) {
      expect(terms(question, 'query'), question).toEqual(terms('Hamas accept plan', 'query'));
    }
    expect(terms("They've met, and they're meeting again: I'm told we'll know", 'query')).toEqual(terms('met meeting told know', 'query'));
    for (const question of ["which senator said there's collective amnesia", 'which senator said theres collective amnesia', 'wheres the senator who said thats collective amnesia']) {
      expect(terms(question, 'query'), question).toEqual(terms('senator collective amnesia', 'query'));
    }
  });

  it('keeps a name whose apostrophe ends like a contraction', () => {
    expect(terms("Sa'd Hariri")).toEqual(['sad', 'hariri']);
  });
});

describe('names joined by "&"', () => {
  it('reads "AT&T", "P&G" and "S&P" as one word each, however a question capitalises them, and leaves "Procter & Gamble" two', () => {
    expect(terms('AT&T said R&D spending rose at P&G and the S&P 500 fell.')).toEqual(['att', ...terms('said'), 'rd', ...terms('spending rose'), 'pg', 'sp', '500', ...terms('fell')]);
    expect(terms('what did at&t say', 'query')).toEqual(terms('AT&T', 'query'));
    expect(terms('Procter & Gamble')).toEqual(['procter', 'gambl']);
  });
});
