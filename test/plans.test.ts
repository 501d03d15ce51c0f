import { describe, expect, it } from 'vitest';
import { asksAboutPlans, occasionAsked, statesAsPlanned } from '../src/search/plans.ts';

describe('a question about what is to come', () => {
  it.each([
    ['When will Witkoff meet Hayya?', true],
    ['Will Hamas accept disarming Gaza?', true],
    ['Where is the summit expected to take place?', true],
    ['When is Witkoff meeting Hayya?', true],
    ['Where did they meet before?', false],
    ['Did the plan to cut jobs go ahead?', false],
    ['Did ministers have the political will to reform hospital funding?', false],
    ['What did Hamas say it will reject?', false],
    ['Who acted against their will?', false],
    ['When is the Beijing summit?', false],
    ['When is Thanksgiving?', false],
    ['Who is Hakan Fidan?', false],
    ['WILL Hamas accept the plan?', true],
    ["Won't the Fed cut rates?", true],
    ["Who wrote Trump's will?", false],
    ['What was OPEC expected to decide?', false],
    ['Who is Witkoff supposed to meet?', true],
    ['What was the Uruguay round meant to be?', false],
  ])('%s', (question, future) => {
    expect(asksAboutPlans(question)).toBe(future);
  });
});

describe('the occasion a question asks about', () => {
  it.each([
    ['When will Witkoff meet Hayya?', 'planned'],
    ['Where did they meet before?', 'earlier'],
    ['Where have Witkoff and Hayya met previously?', 'earlier'],
    ['Who led the talks earlier?', 'earlier'],
    ['Where did they meet before؟', 'earlier'],
    ['Where did they meet before 🤔', 'earlier'],
    // "last" asks about an earlier occasion only in "last time".
    ['What did the firm earn last year?', null],
    ['Who did Fidan meet last week?', null],
    ['What did Trump say last Tuesday?', null],
    ['Who had the last word?', null],
    ['What did they agree the last time?', 'earlier'],
    ['Where did they meet before the vote?', null],
    ['Who came last in the race?', null],
    ['Where did they meet?', null],
    ['Will they meet again?', 'planned'],
  ])('%s', (question, occasion) => {
    expect(occasionAsked(question)).toBe(occasion);
  });
});

describe('a sentence stating the asked thing as planned', () => {
  const asked = (term: string) => term === 'meet' || term === 'plant';
  it.each([
    ['US envoy Steve Witkoff is expected to meet Khalil al-Hayya in Istanbul.', true],
    ['Witkoff will also meet Hayya on Wednesday.', true],
    ['The envoys plan to meet again in May.', true],
    ['They’ll meet in Doha.', true],
    ['The meeting is set to last two days.', true],
    ['The envoys are supposed to meet again in May.', true],
    ['Witkoff met Hayya in Sharm el-Sheikh in October.', false],
    ['Witkoff said he will travel to Istanbul after the meeting in Doha.', false],
    ['The meeting’s agenda will cover reconstruction.', false],
    ['Officials said the meeting in Doha went well.', false],
    ['Toyota had planned to meet dealers in Ohio.', false],
    ['Jones had been expected to meet the board.', false],
    ['Losses on the plant due to the strike rose.', false],
    // Only "set/expected/due to" after a word of the question say it is planned: after "will", the word is most often not what is asked.
    ['The Diablo Canyon plant will begin refuelling today.', false],
  ])('%s', (sentence, planned) => {
    expect(statesAsPlanned(sentence, asked)).toBe(planned);
  });
});
