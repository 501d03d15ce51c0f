import { describe, expect, it } from 'vitest';
import { askedTense, statesAsPlanned } from '../src/search/tense.ts';

describe('the time a question asks about', () => {
  it.each([
    ['Where did they meet before?', 'past'],
    ["Why didn't Hamas sign?", 'past'],
    ['When will Witkoff meet Hayya?', 'future'],
    ['Where is the summit expected to take place?', 'future'],
    ['Who plans to attend the talks?', 'future'],
    ['Where was the treaty signed?', null],
    ['Who is Hakan Fidan?', null],
  ])('%s', (question, tense) => {
    expect(askedTense(question)).toBe(tense);
  });
});

describe('a sentence stating the asked verb as planned', () => {
  const meet = (term: string) => term === 'meet' || term === 'plant';
  it.each([
    ['US envoy Steve Witkoff is expected to meet Khalil al-Hayya in Istanbul.', true],
    ['Witkoff will also meet Hayya on Wednesday.', true],
    ['The envoys plan to meet again in May.', true],
    ['They’ll meet in Doha.', true],
    ['Witkoff met Hayya in Sharm el-Sheikh in October.', false],
    ['The meeting is set to last two days.', true],
    ['The meeting’s agenda will cover reconstruction.', false],
    ['Officials said the meeting in Doha went well.', false],
    // Only "set/expected/due to" after a word of the question say it is planned: after "will", the word is most often not what is asked.
    ['The Diablo Canyon plant will begin refuelling today.', false],
    ['Witkoff said he will travel to Istanbul after the meeting in Doha.', false],
  ])('%s', (sentence, planned) => {
    expect(statesAsPlanned(sentence, meet)).toBe(planned);
  });
});
