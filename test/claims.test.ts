import { describe, expect, it } from 'vitest';
import { claimOf } from '../src/search/claims.ts';

describe('the claim a yes/no question checks', () => {
  it.each([
    ['Did Qatar condemn the Israeli strike on Doha?', 'condemn', [['qatar']]],
    ['Will Erdogan attend the meeting between Witkoff and Hayya?', 'attend', [['erdogan']]],
    ['Did Russia or China veto the UN resolution?', 'veto', [['russia'], ['china']]],
    // A noun after a determiner or a possessive belongs to the subject, though it may be a verb too.
    ['Does the plan include a stabilization force?', 'include', [['plan']]],
    ["Did Trump's plan win UN backing?", 'win', [["trump's"], ['plan']]],
    ['Did the Fidan meeting cover Israeli violations of the truce?', 'cover', [['fidan']]],
    // After "has" or "was", the participle.
    ['Has Hamas accepted the plan?', 'accepted', [['hamas']]],
    ['Were the hostages released?', 'released', [['hostages']]],
    // A word that is a noun too is the verb before its object or complement.
    ['Did Applied Biosystems blame weak European orders?', 'blame', [['applied', 'biosystems']]],
    ['Did Hamas free hostages?', 'free', [['hamas']]],
    ['Did Israel cut aid to Gaza?', 'cut', [['israel']]],
    // A word that may be a noun, before a noun a verb follows, heads the subject: the verb is read on.
    ['Did Bangladesh dock workers end their strike?', 'end', [['bangladesh'], ['dock'], ['workers']]],
    ['Did Hong Kong stock prices fall after the announcement?', 'fall', [['hong', 'kong'], ['stock'], ['prices']]],
    // A participle that looks like its base, and one after "been" or "be".
    ['Has Israel hit the hospital?', 'hit', [['israel']]],
    ['Has Hamas been disarmed?', 'disarmed', [['hamas']]],
    ['Will corporate investors be allowed to trade overseas futures?', 'allowed', [['investors']]],
    // After "is", a present participle the lexicon does not read as an adjective.
    ['Is Witkoff meeting Hakan Fidan?', 'meeting', [['witkoff']]],
    // After "willing to", the verb willed.
    ['Is Hamas willing to disarm?', 'disarm', [['hamas']]],
    // A negated auxiliary asks the same claim, typed with an apostrophe or without.
    ["Didn't Hamas deny having infrastructure in Lebanon?", 'deny', [['hamas']]],
    ['Doesnt Hamas reject disarming Gaza?', 'reject', [['hamas']]],
    ["Won’t Witkoff press for disarmament?", 'press', [['witkoff']]],
    ["Hasn't Hamas denied pledging to disarm?", 'denied', [['hamas']]],
    ["Weren't the Palestinians opposed to the trusteeship?", 'opposed', [['palestinians']]],
  ])('%s', (question, verb, subject) => {
    expect(claimOf(question)).toMatchObject({ verb, subject });
  });

  it('marks a claim asked in the progressive, and reads the verb hoped or sought for, not the participle', () => {
    expect(claimOf('Is Witkoff meeting Hakan Fidan?')?.progressive).toBe(true);
    expect(claimOf('Did Witkoff meet Hakan Fidan?')?.progressive).toBe(false);
    expect(claimOf('Is Hamas hoping to win the vote?')).toMatchObject({ lemma: 'win', progressive: false });
  });

  it('relates the names and nouns of the question, a name by its words together, not its adverbs or prepositions', () => {
    expect(claimOf('Did Witkoff and Hayya bond over losing their sons?')?.named).toEqual([['witkoff'], ['hayya'], ['sons']]);
    expect(claimOf('Did Disney reach a deal with France?')?.named).toEqual([['disney'], ['deal'], ['france']]);
    expect(claimOf('Did Alfred Warren call GM foolish?')?.named).toEqual([['alfred', 'warren'], ['gm']]);
  });

  it('reads a phrasal verb WordNet holds as one, not a verb before a preposition and a name', () => {
    expect(claimOf('Did Hamas bring up the blocking of food aid?')?.lemma).toBe('bring_up');
    expect(claimOf('Did protesters march on Sunday?')?.lemma).toBe('march');
  });

  it.each([
    // Not yes/no questions.
    'What did Qatar condemn?',
    'Who attended the meeting?',
    // Light verbs and plain verbs of saying: the claim is in their object.
    'Did the talks make progress?',
    'Did Hamas say it would disarm?',
    'Did Steve Witkoff say he felt a personal connection with Khalil al-Hayya?',
    // Verbs of belief and intent: the claim is what is believed or meant.
    'Does Yeutter think Japan can avoid the sanctions?',
    'Did Greenland plan a listing in Amsterdam?',
    // After "is", a word the lexicon reads as an adjective is no verb, "-ing" or not.
    'Is Hamas ready?',
    'Is Hamas disarming?',
    // A noun is no participle, though WordNet holds a verb of its spelling: this asks where Trump was.
    'Was Trump at the Sharm el-Sheikh summit?',
    // Nouns standing together are a noun phrase: this asks about a strike.
    'Did the Sara Lee strike end?',
    // About the reader, not the coverage.
    'Should I believe that Hamas denied pledging to disarm?',
    'Can you tell me about the talks?',
  ])('none: %s', (question) => {
    expect(claimOf(question)).toBeNull();
  });
});
