import { describe, expect, it } from 'vitest';
import { answerKind, countedThing, typeWord } from '../src/search/answer-kind.ts';

describe('the kind of answer a question wants', () => {
  it.each([
    ['Who is Hakan Fidan?', 'role'],
    ['who is hakan fidan', 'role'],
    ['Who was Khalil al-Hayya?', 'role'],
    ['What is Hakan Fidan’s job?', 'role'],
    ['What position does Israel Katz hold?', 'role'],
    // Who holds a role, or who did something: a person.
    ['Who is the president of the IOC?', 'person'],
    ["Who is Trump's son-in-law?", 'person'],
    ['Who was killed in Doha?', 'person'],
    ['Who is Witkoff meeting in Istanbul?', 'person'],
    // A stance or a part played is a statement.
    ["What is Hamas's position on disarmament?", null],
    ["What is Hamas's position?", null],
    ['What role did Qatar play in the talks?', null],
    ["What is Turkey's role in the talks?", null],
    // In Title Case, capitals mark no name.
    ['Who Was Arrested?', 'person'],
    ['Who Is Hakan Fidan?', 'role'],
  ])('%s', (question, kind) => {
    expect(answerKind(question)).toBe(kind);
  });
});

describe('the word saying what sort of thing a question asks for', () => {
  it.each([
    ['What kind of state was Khwarezmia?', 'kind'],
    ['What is the name of the process which confirms primality?', 'name'],
    ["What's the name of the ship that sank?", 'name'],
    ['What type of Saturn was used for Apollo 8?', 'type'],
    ['What is one common example of a complexity measure?', 'example'],
    ['What is another word for cryptophytes?', 'word'],
    ['What is the term for teaching within the family?', 'term'],
    // Elsewhere the word is the topic or a verb: blood types, a name withheld, examples given.
    ['Which blood type is rarest?', null],
    ['Which name did the ministry withhold?', null],
    ['What did Madrid name the stadium?', null],
    ['Which manager did Madrid name for the role?', null],
    ['Which countries gave examples of reform?', null],
    ['What happened in the name of security?', null],
  ])('%s', (question, word) => {
    expect(typeWord(question)).toBe(word);
  });
});

describe('the thing a "how many" question counts', () => {
  it.each([
    ['How many pearls were on the gown?', 'pearls'],
    ['How many Purolator Courier shares were tendered?', 'shares'],
    ['How many of the diet tablets had she swallowed?', 'tablets'],
    ['how many times have Witkoff and Hayya met', 'times'],
    ['How many people died in the ferry disaster?', 'people'],
    ['How many striking miners returned to work?', 'miners'],
    ['How much did the gown cost?', null],
    ['How many?', null],
  ])('%s', (question, counted) => {
    expect(countedThing(question)).toBe(counted);
  });
});
