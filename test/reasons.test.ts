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
    'The talks were suspended amid a row over prisoners.',
    'He flew to Cairo on Monday to attend the talks.',
    'To avoid interference with existing VHF stations, Fresno was given UHF channels.',
  ])('gives one: %s', (sentence) => {
    expect(statesReason(sentence)).toBe(true);
  });

  it.each([
    // An infinitive a verb, adjective or noun takes as its complement says what is done, not what for.
    'Hamas agreed to disarm.',
    'Witkoff is expected to meet Hayya in Istanbul.',
    'Hamas stressed the need to pressure the occupying forces.',
    'Turkish Foreign Minister Hakan Fidan met on Saturday with a Hamas delegation.',
  ])('gives none: %s', (sentence) => {
    expect(statesReason(sentence)).toBe(false);
  });
});
