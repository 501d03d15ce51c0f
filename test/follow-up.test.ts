import { describe, expect, it } from 'vitest';
import { readAsFollowUp, unnamedPronoun } from '../src/search/follow-up.ts';
import { Library } from '../src/search/library.ts';
import { FOLLOW_UP_WINDOW_MS, LastQuestions, MAX_CONVERSATIONS } from '../src/discord/last-questions.ts';

describe('reading a question as a follow-up', () => {
  it.each([
    ['When will Witkoff meet Hayya?', 'Where did they meet before?', 'Where did Witkoff and Hayya meet before?'],
    ['When will Witkoff meet Khalil al-Hayya in Istanbul?', 'Where did they meet before?', 'Where did Witkoff and Khalil al-Hayya meet before?'],
    ['Who is Hakan Fidan?', 'What did he say about Gaza?', 'What did Hakan Fidan say about Gaza?'],
    ['Who met Khalil al-Hayya?', 'How old is his son?', "How old is Khalil al-Hayya's son?"],
    ["What did Witkoff's son do?", 'How old was he?', "How old was Witkoff's son?"],
    ['Did Turkish officials meet Hamas?', 'What did they discuss?', 'What did Turkish officials and Hamas discuss?'],
    ['What is Gaza City?', 'How many people live in it?', 'How many people live in Gaza City?'],
    ['What did Steve Witkoff say?', 'Where is her office?', "Where is Steve Witkoff's office?"],
    ['What did Hamas say about the UN vote?', 'Did they accept it?', 'Did Hamas accept it?'],
  ])('after "%s", reads "%s" as "%s"', (previous, question, read) => {
    expect(readAsFollowUp(question, previous)).toBe(read);
  });

  it.each([
    ['a question naming its own subject first', 'When will Witkoff meet Hayya?', 'Did Hamas say they would disarm?'],
    ['"it" in a question that names something', 'What did Katz warn?', 'Is it true that Hamas refused?'],
    ['"he" after two people', 'When will Witkoff meet Hayya?', 'What did he say?'],
    ['"they" after only places', 'What happened in Gaza and Doha?', 'Where did they meet?'],
    ['a question without pronouns', 'Who is Hakan Fidan?', 'What did Hamas say?'],
    ['a previous question naming no one', 'What happened yesterday?', 'Where did they meet before?'],
    ['"he" after a group', 'What did Turkish diplomats say?', 'Did he agree?'],
    ['"he" after a person named and one not', 'Did the Turkish minister meet Hayya?', 'What did he say?'],
    ['"they" after persons not named', 'Did Hamas leaders meet the envoys?', 'What did they agree?'],
  ])('leaves %s as asked', (_what, previous, question) => {
    expect(readAsFollowUp(question, previous)).toBeNull();
  });
});

describe('a pronoun the question names no one for', () => {
  it.each([
    ['Where did they meet before?', 'they'],
    ['What did he tell Hamas?', 'he'],
    ['How old is his son?', 'his'],
    ['Did Hamas say they would disarm?', null],
    ['How long did it take?', null],
    ['Who met Hayya?', null],
  ])('in "%s" is %s', (question, pronoun) => {
    expect(unnamedPronoun(question)).toBe(pronoun);
  });
});

describe('a follow-up over the seed articles', () => {
  it('answers through the previous question and says how it read it', async () => {
    const library = await Library.open('corpus');
    const alone = library.answer('What did he discuss with Hayya?');
    expect(alone.readAs).toBeNull();
    const followUp = library.answer('What did he discuss with Hayya?', {}, 'Who is Hakan Fidan?');
    expect(followUp.readAs).toBe('What did Hakan Fidan discuss with Hayya?');
    expect(followUp.question).toBe('What did he discuss with Hayya?');
    expect(followUp.sentences[0]?.text).toBe("Hakan Fidan has met with Khalil al-Hayya, the chief member of Hamas' political bureau, to discuss the recent developments in Gaza.");
  });

  it('tells an unanswered question whose pronoun names no one to ask with the names', async () => {
    const library = await Library.open('corpus');
    const alone = library.answer('Where did they meet before?');
    expect(alone.answered).toBe(false);
    expect(alone.notice).toBe('The question does not say whom “they” stands for: ask again with the names, or right after a question that names them.');
    expect(library.answer('Where did Witkoff meet the mayor of Paris?').notice).toBeNull();
  });

  it('reads the names of a previous question typed in lowercase', async () => {
    const library = await Library.open('corpus');
    expect(library.answer('what did he threaten', {}, 'what did israel katz say').readAs).toBe('what did Israel Katz threaten');
  });
});

describe('the last question of each member', () => {
  const reader = { userId: 'u1', channelId: 'c1' };

  it('is the previous question within the follow-up window, and no longer after it', () => {
    const last = new LastQuestions();
    last.remember(reader, 'Who is Hakan Fidan?', 1_000);
    expect(last.previous(reader, 1_000 + FOLLOW_UP_WINDOW_MS)).toBe('Who is Hakan Fidan?');
    expect(last.previous(reader, 1_001 + FOLLOW_UP_WINDOW_MS)).toBeNull();
  });

  it('belongs to one member in one channel', () => {
    const last = new LastQuestions();
    last.remember(reader, 'Who is Hakan Fidan?', 0);
    expect(last.previous({ userId: 'u2', channelId: 'c1' }, 0)).toBeNull();
    expect(last.previous({ userId: 'u1', channelId: 'c2' }, 0)).toBeNull();
    expect(last.previous({ userId: 'u1' }, 0)).toBeNull();
  });

  it('forgets the longest silent member past the most it holds', () => {
    const last = new LastQuestions();
    for (let i = 0; i <= MAX_CONVERSATIONS; i += 1) last.remember({ userId: `u${i}`, channelId: 'c' }, `question ${i}`, i);
    expect(last.size).toBe(MAX_CONVERSATIONS);
    expect(last.previous({ userId: 'u0', channelId: 'c' }, MAX_CONVERSATIONS)).toBeNull();
    expect(last.previous({ userId: 'u1', channelId: 'c' }, MAX_CONVERSATIONS)).toBe('question 1');
  });
});
