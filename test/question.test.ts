import { describe, expect, it } from 'vitest';
import { terms } from '../src/search/analyzer.ts';
import { joinCollocations, MAX_QUESTION_LENGTH, prepareQuestion, readQuestion, withApostrophes, withShorthandSpelt, withTimeAdverbs } from '../src/search/question.ts';
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

describe('collocations in questions', () => {
  const vocabulary = vocabularyOf(['Five countries participated in the talks.', 'The summit took place in Cairo.', 'A place was set at the table.', 'The prime minister spoke.']);
  /** The question's terms as an answer weighs them, a collocation joined, with the terms each stands for. */
  const joined = (question: string) => {
    const prepared = prepareQuestion(joinCollocations(question, readQuestion(question).terms), vocabulary, false);
    return prepared.terms.map((t) => ({ term: t.term, variants: t.variants.map((v) => v.term) }));
  };

  it('asks for a verb of several words as one term, met by its synonyms', () => {
    const [takePart] = joined('Which countries took part in the talks?').filter((t) => t.term.includes(' '));
    expect(takePart?.variants).toContain(terms('participate')[0]);
    expect(joined('Which countries took part in the talks?').map((t) => t.term)).not.toContain(terms('part')[0]);
  });

  it('drops a collocation that means what a question-framing word means ("take place" = happen)', () => {
    expect(joined('When did the summit take place?').map((t) => t.term)).toEqual(terms('summit'));
  });

  it('keeps the words of a noun of several words, which answers often hold apart', () => {
    expect(joined('Who is the prime minister?').map((t) => t.term)).toEqual(terms('prime minister'));
  });

  it('joins a verb\'s words when an invisible right-to-left mark or zero-width space stands between them', () => {
    for (const question of ['Which countries took \u200Fpart in the talks?', 'Which countries took\u200Bpart in the talks?']) {
      expect(joined(question).map((t) => t.term), JSON.stringify(question)).toEqual(joined('Which countries took part in the talks?').map((t) => t.term));
    }
  });

  it('joins only words that stand side by side in the question', () => {
    expect(joined('Did they take the place?').map((t) => t.term)).toEqual(terms('take place'));
  });
});

describe('time words in questions', () => {
  const asked = (question: string) => withTimeAdverbs(question, readQuestion(question).terms).map((t) => t.term);

  it('reads a time preposition with no object as the adverb it is ("meet before?" asks about an earlier meeting)', () => {
    expect(asked('Where did they meet before?')).toEqual(terms('meet earlier'));
  });

  it('reads it as the adverb whatever ends the question: an invisible right-to-left mark, an emoji, another script\'s question mark, an ellipsis', () => {
    for (const question of ['Where did they meet before\u200F?', 'Where did they meet before\u200B', 'Where did they meet before 🤔', 'Where did they meet before؟', 'Where did they meet before？', 'Where did they meet before…', '(Where did they meet before)']) {
      expect(asked(question), JSON.stringify(question)).toEqual(terms('meet earlier'));
    }
  });

  it('asks about an earlier time once when "before" ends two clauses, as every question word counts once', () => {
    expect(asked('Did they meet before? Had they talked before?')).toEqual(terms('meet earlier talk'));
  });

  it('leaves a time preposition with an object out, as a stopword', () => {
    expect(asked('Where did they meet before the vote?')).toEqual(terms('meet vote'));
  });

  it('reads "last time" or "the previous time" ending a clause as one term, and keeps its words where they say when or mean the final time', () => {
    const occasion = (words: string) => [...terms(words).slice(0, -2), terms(words).slice(-2).join(' ')];
    for (const question of ['Where did they meet last time?', 'Where did they meet the last time?']) {
      expect(asked(question), question).toEqual(occasion('meet last time'));
    }
    expect(asked('Where did they meet the previous time?')).toEqual(occasion('meet previous time'));
    expect(asked('When was the last time they met in Doha?')).toEqual(terms('last time meet doha'));
    expect(asked('Where did the Beatles play for the last time?')).toEqual(terms('beatles play last time'));
  });
});

describe('years and months a question names', () => {
  const calendars = (question: string) => readQuestion(question).terms.flatMap((t) => (t.calendar ? [`${t.word}=${t.calendar.unit}:${t.calendar.value}`] : []));

  it.each([
    ['Who did Fidan meet in March 2025?', ['march=month:3', '2025=year:2025']],
    ['What happened on march 23, 2025?', ['march=month:3', '2025=year:2025']],
    ['in march 2025', ['march=month:3', '2025=year:2025']],
    // A day without a year is an event's name more often than a month to search.
    ['What did Israel say about the October 7 attack?', []],
    ['What did the UN decide in November?', ['november=month:11']],
    ['Why did the students march through Paris?', []],
    ['How many of the 1500 troops left?', []],
    ['What was signed in 1815?', ['1815=year:1815']],
  ])('%s', (question, expected) => {
    expect(calendars(question)).toEqual(expected);
  });
});

describe('question words typed without their apostrophe', () => {
  it.each([
    ['whos witkoff', "who's witkoff"],
    ['Wheres the next meeting?', "Where's the next meeting?"],
    ['so whats hamas saying', "so what's hamas saying"],
    // Only question words: other words ending in "s" stay as typed.
    ['What does Thomas say?', 'What does Thomas say?'],
    ['shows and hosts', 'shows and hosts'],
  ])('%s', (typed, read) => {
    expect(withApostrophes(typed)).toBe(read);
  });
});

describe('chat shorthand', () => {
  it.each([
    ['were ppl taken to hospital', 'were people taken to hospital'],
    ['why r hamas leaders heading to turkey', 'why are hamas leaders heading to turkey'],
    ["is there a new govt in gaza, or a new gov't", 'is there a new government in gaza, or a new government'],
    ['did u see who he met w/o aides', 'did you see who he met without aides'],
    ['Ppl hurt?', 'people hurt?'],
    // Written otherwise than chat types it, it is a name ("PPL", "Viktor Bout"); a letter inside a name or an abbreviation is no word.
    ['What did the U.S. say about R&B and U Thant?', 'What did the U.S. say about R&B and U Thant?'],
    ['what did PPL announce', 'what did PPL announce'],
    ['Why was Viktor Bout released?', 'Why was Viktor Bout released?'],
    ['did al-r u-turn', 'did al-r u-turn'],
    // After an article or a preposition, a letter is a noun: the R number, the city of Ur.
    ['what is the r number', 'what is the r number'],
    ['what did they find at ur', 'what did they find at ur'],
    // Words or names as often as shorthand are left alone.
    ['why did the rn union strike', 'why did the rn union strike'],
  ])('%s', (typed, read) => {
    expect(withShorthandSpelt(typed)).toBe(read);
  });

  it('leaves a word of three letters or more as typed where the coverage writes it', () => {
    const held = (word: string) => word === 'govt';
    expect(withShorthandSpelt('what did the karnataka govt announce', held)).toBe('what did the karnataka govt announce');
    expect(withShorthandSpelt('why r ppl angry at the govt', held)).toBe('why are people angry at the govt');
  });

  it('leaves a question as typed where writing it out would make it too long to ask', () => {
    const typed = `${'why r u w/ them '.repeat(31)}?`;
    expect(typed.length).toBeLessThanOrEqual(MAX_QUESTION_LENGTH);
    expect(withShorthandSpelt(typed)).toBe(typed);
  });
});
