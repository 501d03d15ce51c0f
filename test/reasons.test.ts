import { describe, expect, it } from 'vitest';
import { asksReason, statesReason } from '../src/search/reasons.ts';

describe('questions asking why', () => {
  it.each(['Why are Hamas leaders heading to Turkey?', 'why did the talks fail', 'How come the ceasefire collapsed?', 'For what reason was the vote delayed?', 'What prompted the strike?'])(
    'asks a reason: %s',
    (question) => {
      expect(asksReason(question)).toBe(true);
    },
  );

  it.each(['Who met Hayya?', 'What did Hamas say about the vote?', 'When is the reason committee meeting?'])('asks none: %s', (question) => {
    expect(asksReason(question)).toBe(false);
  });
});

describe('sentences giving a reason or a purpose', () => {
  it.each([
    'Hamas leaders are traveling to Turkey to hear details of the next phase of the plan.',
    'Witkoff said he had developed a personal connection with Hayya due to their shared experience of losing sons.',
    'Prices rose because demand outstripped supply.',
    'The talks were suspended in protest at the arrests.',
    'He flew to Cairo on Monday to attend the talks.',
    'To avoid interference with existing VHF stations, Fresno was given UHF channels.',
    'The firm cut 300 jobs, to save money.',
    'BP chief executive Bernard Looney resigned on Tuesday after admitting he had not been fully transparent.',
    'He was fined for breaking the rules.',
    'Governor Ana Silva resigned on Monday, saying she had lost the confidence of the government.',
  ])('gives one: %s', (sentence) => {
    expect(statesReason(sentence)).toBe(true);
  });

  it.each([
    // An infinitive a verb, its object, an adjective or a noun takes as its complement says what is done, not what for.
    'Hamas agreed to disarm.',
    'Witkoff is expected to meet Hayya in Istanbul.',
    'Hamas stressed the need to pressure the occupying forces.',
    'Turkish Foreign Minister Hakan Fidan met on Saturday with a Hamas delegation.',
    'Looney declined to comment when asked by reporters on Wednesday why he had resigned.',
    'Many were forced to sleep at airports after Ryanair cancelled their flights.',
    'She became the first woman to win the title.',
    // A scene, not a cause; a noun ending in "-ing", not a gerund.
    'The Louvre closed its doors to the public amid scenes of confusion.',
    'The shop opens after morning prayers.',
    // Opening the sentence, "after" gives a time; a passive's infinitive gives no purpose.
    'After resigning from the bank, Silva will return to teach economics.',
    'The summit, to be held in Cairo, opens on Monday.',
  ])('gives none: %s', (sentence) => {
    expect(statesReason(sentence)).toBe(false);
  });
});
