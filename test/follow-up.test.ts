import { describe, expect, it } from 'vitest';
import { readAsFollowUp, readThroughSentence, unnamedPronoun } from '../src/search/follow-up.ts';
import { Library } from '../src/search/library.ts';
import { storyArticle } from './support/articles.ts';
import { FOLLOW_UP_WINDOW_MS, KEPT_QUESTIONS, LastQuestions, MAX_CONVERSATIONS } from '../src/discord/last-questions.ts';

describe('reading a question as a follow-up', () => {
  it.each([
    ['When will Witkoff meet Hayya?', 'Where did they meet before?', 'Where did Witkoff and Hayya meet before?'],
    ['When will Witkoff meet Khalil al-Hayya in Istanbul?', 'Where did they meet before?', 'Where did Witkoff and al-Hayya meet before?'],
    ['Who is Hakan Fidan?', 'What did he say about Gaza?', 'What did Fidan say about Gaza?'],
    ['Who met Khalil al-Hayya?', 'How old is his son?', "How old is al-Hayya's son?"],
    ["What did Witkoff's son do?", 'How old was he?', "How old was Witkoff's son?"],
    ['Did Turkish officials meet Hamas?', 'What did they discuss?', 'What did Turkish officials discuss?'],
    ['What did Hamas say about the UN vote?', 'Did they accept it?', 'Did Hamas accept it?'],
    ['When will Egypt and the Soviet Union sign the arms debt agreement?', 'How much interest will they pay?', 'How much interest will Egypt and Soviet Union pay?'],
    ['What does Akzo chairman Aarnoud Loudon want to do in the US?', 'How much has it spent on acquisitions?', 'How much has Akzo spent on acquisitions?'],
    ['What does Akzo chairman Aarnoud Loudon want to do in the US?', 'What did he say about Europe?', 'What did Loudon say about Europe?'],
    ['Why are Hamas leaders traveling to Turkey?', 'What positions will they outline?', 'What positions will Hamas leaders outline?'],
    ['What did Caspar Weinberger say about Toshiba Machine?', 'What did he tell Kurihara?', 'What did Weinberger tell Kurihara?'],
    ["What did Cargill's Robert Johnson say about certificates?", 'What spread has his company had?', "What spread has Johnson's company had?"],
    ['Who is Nancy Tackett?', 'What did she say?', 'What did Tackett say?'],
    ['What did USAir say about the bid?', 'What did they offer per share?', 'What did USAir offer per share?'],
    ['What did Steve Witkoff say?', 'What did Trump tell him?', 'What did Trump tell Witkoff?'],
    ['What did Steve Witkoff say?', 'What did Trump tell him yesterday?', 'What did Trump tell Witkoff yesterday?'],
    ['Did Nancy Tackett meet James Baker?', 'What did she tell him?', 'What did Tackett tell Baker?'],
    ['What is Gaza City?', 'How many people live in it?', 'How many people live in Gaza City?'],
    ['Does James Baker support the feds?', 'What did he say about Brazil?', 'What did Baker say about Brazil?'],
    ['Why did Diceon Electronics report a loss?', 'Who is its chairman?', "Who is Diceon Electronics's chairman?"],
    ['Who is Joan Monroe?', 'Who will give her away?', 'Who will give Monroe away?'],
    ['Who is Joan Monroe?', 'Who is her new husband?', "Who is Monroe's new husband?"],
    ['How much of Standard Charterd does Bell Group own?', 'Who is their chairman?', "Who is Bell Group's chairman?"],
    ['Who is Greer Garson?', 'Who is her favorite European designer?', "Who is Garson's favorite European designer?"],
    // "discuss" is no plural of "discus", so "Hayya discuss" names no group.
    ['What did Witkoff and Hayya discuss?', 'Where did they meet?', 'Where did Witkoff and Hayya meet?'],
    ['What did Khalil al-Hayya address?', 'What did he say?', 'What did al-Hayya say?'],
    // "they say" is people at large; "did they say" asks what someone named said.
    ['What did Hamas claim?', 'What did they say?', 'What did Hamas say?'],
    ['Why did the Houthis attack the ship?', 'What did they want?', 'What did Houthis want?'],
    ['What did the Kurds say?', 'Did they accept it?', 'Did Kurds accept it?'],
    // A pronoun a verb is contracted onto is read, the verb written out.
    ['Who is Steve Witkoff?', "he's meeting whom?", 'Witkoff is meeting whom?'],
    ['When will Witkoff meet Hayya?', 'They’ve met before?', 'Witkoff and Hayya have met before?'],
    ['When will Witkoff meet Hayya?', "they're meeting where?", 'Witkoff and Hayya are meeting where?'],
    ['Who is Steve Witkoff?', "he's met whom?", 'Witkoff has met whom?'],
    // A surname keeps its particles; a name ending in a suffix is read whole.
    ['Who is Ursula von der Leyen?', 'What did she say about tariffs?', 'What did von der Leyen say about tariffs?'],
    ['What did Donald Trump Jr. say?', 'Will he hold a rally?', 'Will Donald Trump Jr hold a rally?'],
  ])('after "%s", reads "%s" as "%s"', (previous, question, read) => {
    expect(readAsFollowUp(question, [previous])?.shown).toBe(read);
  });

  it.each([
    ['a question naming its own subject first', 'When will Witkoff meet Hayya?', 'Did Hamas say they would disarm?'],
    ['a possessive after a name of the question', 'What did Steve Witkoff say?', 'What did Trump tell his son?'],
    ['"it" in a question that names something', 'What did Katz warn?', 'Is it true that Hamas refused?'],
    ['an "it" of cost', 'What is the ISF?', 'How much will it cost to deploy?'],
    ['an "it" of judgment', 'What did Israel strike in Gaza?', 'Is it true they destroyed a hospital?'],
    ['"they" meaning people at large', 'Who is Hakan Fidan?', 'What do they call the force in Gaza?'],
    ['"he" after two people', 'When will Witkoff meet Hayya?', 'What did he say?'],
    ['"he" after a person named and one not', 'What did the Turkish minister tell Hayya?', 'What did he say?'],
    ['"he" after a group', 'What did Turkish diplomats say?', 'Did he agree?'],
    ['"they" after places where something happened', 'What happened in Gaza and Doha?', 'Where did they meet?'],
    ['"they" after persons not named', 'Did Hamas leaders meet the envoys?', 'What did they agree?'],
    ['a question without pronouns', 'Who is Hakan Fidan?', 'What did Hamas say?'],
    ['a pronoun standing for the person asked', 'Who is Hakan Fidan?', 'Which Tandem executive said he expects higher growth?'],
    ['a pronoun standing for whoever is asked', 'Who is Hakan Fidan?', 'Who said he would resign?'],
    ['a previous question naming no one', 'What happened yesterday?', 'Where did they meet before?'],
    ['"it" after a name of one word, which may be a person\'s', 'Why does Mannesmann want a stake in a US company?', 'Why has its takeover been delayed?'],
    ['"he" after a woman', 'Who is Nancy Tackett?', 'When will he leave the hospital?'],
    ['a name whose other words the capitals do not show', 'Why are unions striking in west Germany?', 'How big is its debt?'],
    ['a company named in lowercase but for its country', 'What did gm Canada announce?', 'Did they cut jobs?'],
    ['"they" after one country', 'What did Japan export?', 'Who distributes them there?'],
  ])('leaves %s as asked', (_what, previous, question) => {
    expect(readAsFollowUp(question, [previous])).toBeNull();
  });

  it('reads "his" past a name of the question that is no person\'s', () => {
    expect(readAsFollowUp('What did USAir say about his motives?', ['Who is Carl Icahn?'])?.shown).toBe('What did USAir say about Icahn\'s motives?');
  });

  it('reads a pronoun through the newest earlier question naming anyone of its kind', () => {
    const earlier = ['How much has it spent on acquisitions?', 'What does Akzo chairman Aarnoud Loudon want to do in the US?'];
    expect(readAsFollowUp('What did he say about Europe?', earlier)?.shown).toBe('What did Loudon say about Europe?');
    expect(readAsFollowUp('What did he say?', ['When will Witkoff meet Hayya?', 'Who is Hakan Fidan?'])).toBeNull();
    expect(readAsFollowUp('When will he leave the hospital?', ['Who is Nancy Tackett?', 'What happened to Max Kampelman?'])?.shown).toBe('When will Kampelman leave the hospital?');
    expect(readAsFollowUp('How long did she talk with Gorbachev?', ['What did Gorbachev tell Ryzhkov?', 'What did Margaret Thatcher say about Moscow?'])?.shown).toBe('How long did Thatcher talk with Gorbachev?');
    expect(readAsFollowUp('Who is he?', ['What did he discuss with Hayya?', 'Who is Hakan Fidan?'])?.shown).toBe('Who is Fidan?');
  });

  it('leaves "it\'s" alone, as it as often points at nothing or stands for "its"', () => {
    expect(readAsFollowUp("it's unclear why the talks failed?", ['What did NATO say?'])).toBeNull();
  });

  it('ends a name at "on the", "of the": "Netanyahu on the Gaza truce" names Netanyahu', () => {
    expect(readAsFollowUp('What did he tell Netanyahu on the Gaza truce?', ['Who is Benjamin Netanyahu?'])).toBeNull();
    expect(readAsFollowUp('What did she say?', ['Why did Warren criticise Yellen of the Treasury?'])).toBeNull();
    expect(readAsFollowUp('What did he say?', ['What did the Bank of Japan governor Kazuo Ueda say?'])?.shown).toBe('What did Ueda say?');
  });

  it('never reads "it" as a person whose name ends in a word WordNet writes as an acronym ("Kim Jong Un", not the UN)', () => {
    expect(readAsFollowUp('Where did it go?', ['What did Kim Jong Un oversee?'])).toBeNull();
    expect(readAsFollowUp('What did it say?', ['What did the UN vote on?'])?.shown).toBe('What did UN say?');
    // A name of one word keeps WordNet's reading however it is written: "Unicef" is no place for "it" to skip to Gaza.
    expect(readAsFollowUp('What did it say?', ['What did Unicef warn about Gaza?'])).toBeNull();
  });

  it('shows the reading on the question as the member typed it', () => {
    expect(readAsFollowUp('happened to his son', ['Who met Khalil al-Hayya?'], 'wat happened to his son')).toEqual({ asked: "happened to al-Hayya's son", shown: "wat happened to al-Hayya's son" });
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
    ['Which analyst was unavailable for comment on his recommendation?', null],
    ['Who did he meet?', 'he'],
    ['Who leads their team?', 'their'],
    ['What did Trump tell him?', 'him'],
  ])('in "%s" is %s', (question, pronoun) => {
    expect(unnamedPronoun(question)).toBe(pronoun);
  });
});

describe('a question read through the sentence that would answer it', () => {
  const before = 'This week’s meeting marks Witkoff’s second encounter with Hayya.';
  it.each([
    ['Where did they meet before?', 'Their previous summit was in Sharm el-Sheikh.', 'Where did Witkoff and Hayya meet before?'],
    ['Where did they meet before?', 'They met in Sharm el-Sheikh in October.', 'Where did Witkoff and Hayya meet before?'],
    ['Where did they meet before?', 'He met Hayya in Sharm el-Sheikh.', null],
    ['Where did they meet before?', 'In October their summit was in Sharm el-Sheikh.', null],
    ['Where did Witkoff meet Hayya before?', 'They met in Sharm el-Sheikh in October.', null],
  ])('"%s" through "%s" is %s', (question, sentence, read) => {
    expect(readThroughSentence(question, sentence, before)?.asked ?? null).toBe(read);
  });

  it('takes no common word opening the sentence before for a name, and reads no question with a pronoun of another kind besides', () => {
    const they = 'They met in Sharm el-Sheikh in October.';
    expect(readThroughSentence('Where did they meet before?', they, 'Asked about the talks, Witkoff and Hayya declined to comment.')?.asked).toBe('Where did Witkoff and Hayya meet before?');
    expect(readThroughSentence('What did they tell him?', they, before)).toBeNull();
  });

  it('takes "she" only through a sentence opening with "she" or "her"', () => {
    const woman = 'Margaret Thatcher met Mikhail Gorbachev.';
    expect(readThroughSentence('What did she promise?', 'She promised to visit Moscow.', woman)?.asked).toBe('What did Thatcher promise?');
    expect(readThroughSentence('What did she promise?', 'He promised to visit London.', woman)).toBeNull();
  });
});

describe('a follow-up over the seed articles', () => {
  it('answers through the previous question and says how it read it', async () => {
    const library = await Library.open('corpus');
    const alone = library.answer('What did he discuss with Hayya?');
    expect(alone.readAs).toBeNull();
    const followUp = library.answer('What did he discuss with Hayya?', {}, ['Who is Hakan Fidan?']);
    expect(followUp.readAs).toEqual({ question: 'What did Fidan discuss with Hayya?', from: 'follow-up' });
    expect(followUp.question).toBe('What did he discuss with Hayya?');
    expect(followUp.sentences[0]?.text).toBe("Hakan Fidan has met with Khalil al-Hayya, the chief member of Hamas' political bureau, to discuss the recent developments in Gaza.");
  });

  it('answers "Where did they meet before?" after "When will Witkoff meet Hayya?" with their earlier meeting, not the planned one', async () => {
    const library = await Library.open('corpus');
    const followUp = library.answer('Where did they meet before?', {}, ['When will Witkoff meet Hayya?']);
    expect(followUp.readAs).toEqual({ question: 'Where did Witkoff and Hayya meet before?', from: 'follow-up' });
    expect(followUp.sentences[0]?.text).toBe('Their previous summit in Sharm el-Sheikh in October produced Hamas’s agreement to a ceasefire, the first phase of the broader Gaza deal.');
  });

  it('reads "Where did they meet before?" asked alone through the sentence that answers it, which opens with "Their"', async () => {
    const library = await Library.open('corpus');
    const alone = library.answer('Where did they meet before?');
    expect(alone.readAs).toEqual({ question: 'Where did Witkoff and Hayya meet before?', from: 'story' });
    expect(alone.question).toBe('Where did they meet before?');
    expect(alone.sentences.map((s) => s.text).slice(0, 2)).toEqual([
      'Their previous summit in Sharm el-Sheikh in October produced Hamas’s agreement to a ceasefire, the first phase of the broader Gaza deal.',
      'This week’s meeting marks Witkoff’s second encounter with Hayya.',
    ]);
  });

  it('leaves a question unanswered when, read through the sentence, another sentence would be quoted first', async () => {
    const library = await Library.open('corpus');
    const answer = library.answer('When did they meet before?');
    expect(answer.answered).toBe(false);
    expect(answer.readAs).toBeNull();
    expect(answer.notice).toBe('The question does not say whom “they” stands for: ask again with the names, or right after a question that names them.');
  });

  it('tells an unanswered question whose pronoun names no one to ask with the names', async () => {
    const library = await Library.open('corpus');
    const alone = library.answer('Where did they sign the deal?');
    expect(alone.answered).toBe(false);
    expect(alone.notice).toBe('The question does not say whom “they” stands for: ask again with the names, or right after a question that names them.');
    expect(library.answer('Where did Witkoff meet the mayor of Paris?').notice).toBeNull();
    expect(library.answer('who is he').notice).toBe('The question does not say whom “he” stands for: ask again with the names, or right after a question that names them.');
    expect(library.answer('who is he', {}, ['When will Witkoff meet Hayya?']).notice).toBe('I could not tell from your earlier questions whom “he” stands for: ask again with the names.');
  });

  it('reads the names of a previous question typed in lowercase', async () => {
    const library = await Library.open('corpus');
    expect(library.answer('what did he threaten', {}, ['what did israel katz say']).readAs).toEqual({ question: 'what did Katz threaten', from: 'follow-up' });
  });
});

describe('a surname the coverage gives someone else too', () => {
  it('reads the whole name, so the answer is not about the other one', async () => {
    const library = await Library.fromArticles([
      storyArticle('bidens', 'Wire', [
        'President Joe Biden said on Monday that he would veto the spending bill.',
        'Hunter Biden, the president\'s son, told reporters that he was writing a memoir.',
        'Crown Prince Mohammed bin Salman met the French president in Riyadh.',
        'King Salman, 89, was admitted to hospital for routine tests.',
      ]),
      storyArticle('turkey', 'Wire', ['Foreign Minister Hakan Fidan met a Hamas delegation in Ankara.', 'Fidan said Turkey would keep up its efforts.']),
    ]);
    expect(library.answer('What did he say about the spending bill?', {}, ['What is Hunter Biden writing?']).readAs?.question).toBe('What did Hunter Biden say about the spending bill?');
    expect(library.answer('Was he admitted to hospital?', {}, ['Who did Mohammed bin Salman meet?']).readAs?.question).toBe('Was Mohammed bin Salman admitted to hospital?');
    expect(library.answer('What did he say?', {}, ['Who is Hakan Fidan?']).readAs?.question).toBe('What did Fidan say?');
  });

  it('takes neither a title the stories give the same one nor a day before the surname for someone else', async () => {
    const library = await Library.fromArticles([
      storyArticle('turkey', 'Wire', ['Turkish Foreign Minister Hakan Fidan met a Hamas delegation in Ankara.', 'On Tuesday Fidan said Turkey would keep up its efforts.', 'Minister Fidan then left for Doha.']),
    ]);
    expect(library.answer('Where did he go?', {}, ['Who is Hakan Fidan?']).readAs?.question).toBe('Where did Fidan go?');
  });
});

describe('a name of one word, read as the coverage writes it', () => {
  it('reads "it" as a company the stories write with its suffix, and not as a person they write with a title', async () => {
    const library = await Library.fromArticles([
      storyArticle('rexnord', 'Wire', ['Rexnord Inc said it agreed to be bought by Banner Industries for 26 dlrs a share.', 'Banner is buying Rexnord to expand its bearings business.']),
      storyArticle('sarney', 'Wire', ['President Jose Sarney said Brazil would suspend interest payments.', 'Mr Sarney spoke in Brasilia.']),
    ]);
    expect(library.answer('Who is buying it?', {}, ['What did Rexnord report?']).readAs).toEqual({ question: 'Who is buying Rexnord?', from: 'follow-up' });
    expect(library.answer('What did it suspend?', {}, ['What did Sarney announce?']).readAs).toBeNull();
  });

  it('reads no one in a common word a lowercase question capitalised, and still a surname that is also a word', async () => {
    const library = await Library.open('corpus');
    // "Hamas ceasefire" is typed with its first capital only, so it is read as names: "Ceasefire" as a person's surname.
    expect(library.answer('Who is he?', {}, ['Hamas ceasefire']).notice).toBe('I could not tell from your earlier questions whom “he” stands for: ask again with the names.');
    const cook = await Library.fromArticles([
      storyArticle('cook', 'Wire', ['Apple chief executive Tim Cook unveiled a new phone on Tuesday.', 'Cook said sales would rise in the autumn.']),
      storyArticle('food', 'Kitchen', ['Let the onions cook slowly, then cook the rice and let it cook for ten minutes more.']),
    ]);
    expect(cook.answer('What did he say?', {}, ['What did Cook unveil?']).readAs).toEqual({ question: 'What did Cook say?', from: 'follow-up' });
    expect(cook.answer('What did he say?', {}, ['What did Tim Cook unveil?']).readAs).toEqual({ question: 'What did Cook say?', from: 'follow-up' });
    const oil = (n: number) => storyArticle(`oil${n}`, 'Wire', [`The oil price rose for day ${n}, and traders said the price could climb as the price of crude firmed.`]);
    const price = await Library.fromArticles([storyArticle('ned', 'Wire', ['State Department spokesman Ned Price briefed reporters on Monday.', 'Price said the envoy would travel to Doha.']), ...[1, 2, 3, 4, 5, 6].map(oil)]);
    expect(price.answer('Who is he?', {}, ['What did Price say about the talks?']).readAs).toEqual({ question: 'Who is Price?', from: 'follow-up' });
  });
});

describe('the last questions of each member', () => {
  const reader = { userId: 'u1', channelId: 'c1' };

  it('are the member\'s questions within the follow-up window, newest first, the last few only', () => {
    const last = new LastQuestions();
    last.remember(reader, 'Who is Hakan Fidan?', 1_000);
    last.remember(reader, 'Who did he meet?', 2_000);
    expect(last.earlier(reader, 1_000 + FOLLOW_UP_WINDOW_MS)).toEqual(['Who did he meet?', 'Who is Hakan Fidan?']);
    expect(last.earlier(reader, 1_001 + FOLLOW_UP_WINDOW_MS)).toEqual(['Who did he meet?']);
    expect(last.earlier(reader, 2_001 + FOLLOW_UP_WINDOW_MS)).toEqual([]);
    for (let i = 0; i < KEPT_QUESTIONS; i += 1) last.remember(reader, `question ${i}`, 3_000);
    expect(last.earlier(reader, 3_000)).toHaveLength(KEPT_QUESTIONS);
    expect(last.earlier(reader, 3_000)[0]).toBe(`question ${KEPT_QUESTIONS - 1}`);
  });

  it('belong to one member in one channel', () => {
    const last = new LastQuestions();
    last.remember(reader, 'Who is Hakan Fidan?', 0);
    expect(last.earlier({ userId: 'u2', channelId: 'c1' }, 0)).toEqual([]);
    expect(last.earlier({ userId: 'u1', channelId: 'c2' }, 0)).toEqual([]);
    expect(last.earlier({ userId: 'u1' }, 0)).toEqual([]);
  });

  it('forget the longest silent member past the most they hold', () => {
    const last = new LastQuestions();
    for (let i = 0; i <= MAX_CONVERSATIONS; i += 1) last.remember({ userId: `u${i}`, channelId: 'c' }, `question ${i}`, i);
    expect(last.size).toBe(MAX_CONVERSATIONS);
    expect(last.earlier({ userId: 'u0', channelId: 'c' }, MAX_CONVERSATIONS)).toEqual([]);
    expect(last.earlier({ userId: 'u1', channelId: 'c' }, MAX_CONVERSATIONS)).toEqual(['question 1']);
  });
});
