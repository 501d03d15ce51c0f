import { beforeAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { answerMessage } from '../commands/ask.ts';
import { Library } from '../src/search/library.ts';
import { AnswerSchema } from '../src/search/results.ts';
import { terms } from '../src/search/analyzer.ts';
import { storyArticle } from './support/articles.ts';
import { asksAcrossStories, asksStoryFact, storyScope, quoteTellsOfPublishing, storiesHeldNotice, storyConfidence } from '../src/search/story-questions.ts';

const corpusDir = fileURLToPath(new URL('../corpus/', import.meta.url));
const ISTANBUL = '000_142b436908202848.txt';
const ANKARA = '004_104598550d79c125.txt';

describe('reading a question about a story itself', () => {
  it.each([
    ['When was the Fidan meeting story published?', 'published', 'Fidan meeting story'],
    ['what time was the fidan piece posted', 'published', 'fidan piece'],
    ['who wrote the istanbul talks article', 'author', 'istanbul talks article'],
    ["what's the byline on the Witkoff story", 'author', 'Witkoff story'],
    ['which outlet published the fidan article', 'outlet', 'fidan article'],
    ['Who published the story about the UN vote?', 'outlet', 'story UN vote'],
    ['whats the headline of the witkoff hayya story', 'headline', 'witkoff hayya story'],
    ['which story mentions lebanon', 'headline', 'story lebanon'],
    ['Which of the two stories brings up Qatar?', 'headline', 'stories Qatar'],
    // An outlet's name keeps its words, frame words or not.
    ['When was the Washington Post story published?', 'published', 'Washington Post story'],
  ] as const)('reads %j as asking the story’s %s', (question, fact, topic) => {
    expect(asksStoryFact(question)).toEqual({ fact, topic, order: null, asksTimeOfDay: question === 'what time was the fidan piece posted' });
  });

  it.each([
    ['Who wrote the most recent article?', 'newest', 'article'],
    ['When was the latest Reuters story published?', 'newest', 'Reuters story'],
    ['which outlet published the oldest story about Gaza', 'oldest', 'story Gaza'],
  ] as const)('reads %j as asking the %s story', (question, order, topic) => {
    expect(asksStoryFact(question)).toMatchObject({ topic, order });
  });

  it.each([
    // "headline" as a verb, a story someone in the news wrote, and questions naming no piece of coverage.
    'Which Super Bowl halftime show did Beyoncé headline?',
    'When did the Herald Tribune publish its Tesla article?',
    'When was Article 5 invoked?',
    'Who wrote the treaty?',
    'What were the "great Forces" mentioned in the article\'s title?',
    'What did the story say about Hamas?',
    'Which article of the Treaty on European Union states that Commissioners should be independent?',
    'What story was the first Doctor Who audio release based on?',
    // Something the story tells of, a story first published elsewhere, someone's own article.
    'When was the video mentioned in the story released?',
    'Who wrote the statement mentioned in the article?',
    'What is the title of Hayya in the article?',
    'Where did the Murakami story first appear?',
    "When was Erdogan's article published?",
    'What publication published an article about Tesla in 1912?',
    'Who wrote the piece of music played at the funeral?',
    'Who wrote the articles of impeachment?',
    'Where is the column of tanks from?',
    'Who wrote Article 2?',
    'When was the video released, according to the story?',
    'When was the video the story mentions released?',
    'What title does the story use for Hayya?',
    'Who fell from the third story?',
    // "headline" as a modifier.
    'What was the headline inflation rate in Brazil?',
    'What made headlines?',
  ])('reads %j as a question about the world', (question) => {
    expect(asksStoryFact(question)).toBeNull();
  });
});

describe('reading a question asked within a story', () => {
  it.each([
    ['In the Istanbul article, who is Witkoff meeting?', true],
    ['What did Erdogan say in the Fidan story?', true],
    ['What does the Fidan story say about the hospital?', true],
    ['What is in Article 5?', false],
    ['What happens in the story of Exodus?', false],
    ['What story did the envoy tell?', false],
    ['What figure is in the third column?', false],
    ["What was done to the Trajan's Column replica to fit it?", false],
    ["What were the great Forces mentioned in the article's title?", false],
    ['What two women were defying the pharaoh in the story from the book of Exodus?', false],
  ])('%j: %s', (question, within) => {
    expect(storyScope(question) !== null).toBe(within);
  });

  it('finds the words naming the story, and the question without them', () => {
    expect(storyScope('What did Erdogan say in the Fidan story?')).toEqual({ names: 'Fidan', rest: 'What did Erdogan say ?' });
    expect(storyScope('What does the Fidan story say about the hospital?')).toEqual({ names: 'Fidan', rest: 'What does say about the hospital?' });
    expect(storyScope('Who did the envoy meet in the story?')).toEqual({ names: '', rest: 'Who did the envoy meet ?' });
    expect(storyScope('What does the "Fidan" story say about the hospital?')?.names).toBe('Fidan');
  });
});

describe('answering within a story', () => {
  let library: Library;
  beforeAll(async () => {
    library = await Library.open(corpusDir);
  });

  it.each([
    // The hospital sentence does not name Fidan: the words naming the story are not asked of the answer.
    ['What does the Fidan story say about the hospital?', ANKARA, 'Turkish-Palestinian Friendship Hospital'],
    ['what does the istanbul article say about kushner', ISTANBUL, 'Jared Kushner'],
  ])('%j quotes the story named', (question, article, fragment) => {
    const answer = library.answer(question);
    expect(answer.sources[0]?.id).toBe(article);
    expect(answer.sentences[0]?.text).toContain(fragment);
  });

  it('refuses what the story named does not hold, though another story answers it', () => {
    expect(library.answer('What does the Fidan story say about Ukraine?').answered).toBe(false);
    // The Istanbul story tells how Hayya's son died; the Fidan story does not.
    expect(library.answer("In the Fidan story, why did Hayya's son die?")).toMatchObject({
      answered: false,
      notice: 'Nothing in the story “Turkiye FM meets Hamas politburo chief Khalil al-Hayya regarding Gaza” answers this.',
    });
  });

  it('leaves a sure answer as asked standing when the words name many stories', async () => {
    // "World Today" is a magazine here, and every story holds "world" and "today".
    const many = await Library.fromArticles([
      storyArticle('a', 'The Ledger', ['In an article for the World Today magazine, the inventor claimed his oscillator could split the earth in two.']),
      storyArticle('b', 'The Courier', ['World markets were calm today after the holiday.']),
      storyArticle('c', 'The Courier', ['Today the world watched the launch of the rocket.']),
      storyArticle('d', 'The Post', ['The world cup final is today in the capital.']),
    ]);
    const answer = many.answer('What did the inventor claim his oscillator could do in the World Today article?');
    expect(answer.sentences[0]?.text).toContain('could split the earth in two');
  });

  it('shares the confidence among the stories the words name', () => {
    // Both headlines name Hamas.
    expect(library.answer('What does the Hamas story say about the hospital?').confidence).toBeLessThan(0.5);
  });
});

describe('reading a question about several stories at once', () => {
  it.each([
    ['Is Witkoff mentioned in both stories?', 'Witkoff stories', 2],
    ['do both articles talk about the Istanbul talks', 'articles Istanbul talks', 2],
    ['how is hayya described differently in the two stories', 'hayya stories', 2],
    ['Is Fidan mentioned in all the stories?', 'Fidan stories', Infinity],
    // To be in a story, or a story to be about it, is to be held by it.
    ['is hayya in both stories?', 'hayya stories', 2],
    ['does witkoff show up in both articles', 'witkoff articles', 2],
    ['Are both stories about Gaza?', 'stories Gaza', 2],
  ])('reads %j as asking each story about %j', (question, topic, stories) => {
    expect(asksAcrossStories(question)).toEqual({ topic, stories });
  });

  it('leaves a fact of a story, and a question naming no stories, to be read otherwise', () => {
    expect(asksAcrossStories('Which of the two stories brings up Qatar?')).toBeNull();
    expect(asksAcrossStories('Did both leaders meet in Istanbul?')).toBeNull();
    expect(asksAcrossStories('Which of the two stories is more recent?')).toBeNull();
    expect(asksAcrossStories('Were both Hamas meetings hosted by Turkey?')).toBeNull();
    // What each story tells, not whether each holds it.
    expect(asksAcrossStories('Where did the meeting take place in both stories?')).toBeNull();
  });
});

describe('answering a question about a story from its attribution', () => {
  let library: Library;
  beforeAll(async () => {
    library = await Library.open(corpusDir);
  });

  it.each([
    ['When was the Fidan meeting story published?', ANKARA, 'published', '2025-03-23T14:23', 'Hakan Fidan'],
    ['who wrote the istanbul talks article', ISTANBUL, 'author', 'Staff, Agencies', 'Istanbul talks'],
    ['which outlet published the fidan article', ANKARA, 'outlet', 'Al Mayadeen English', 'Fidan'],
    ['whats the headline of the witkoff hayya story', ISTANBUL, 'headline', 'Hamas, US Envoy Set for Istanbul Talks on Gaza', 'Witkoff'],
    ['which story mentions lebanon', ISTANBUL, 'headline', 'Hamas, US Envoy Set for Istanbul Talks on Gaza', 'Lebanon'],
    ['In which article does Erdogan appear?', ANKARA, 'headline', 'Turkiye FM meets Hamas politburo chief Khalil al-Hayya regarding Gaza', 'Erdogan'],
    // The answer as asked quotes "Their previous summit..." at 0.86: sharing the story's words, it tells nothing of who wrote it.
    ['Who wrote the story about the Sharm el-Sheikh summit?', ISTANBUL, 'author', 'Staff, Agencies', 'Sharm el-Sheikh'],
  ])('%j: the fact from the story cited, beside its sentence naming what the question names it by', (question, article, asked, value, named) => {
    const answer = AnswerSchema.parse(library.answer(question));
    expect(answer.answered).toBe(true);
    expect(answer.fact).toEqual({ asked, value, citation: 1 });
    expect(answer.sources[0]?.id).toBe(article);
    expect(answer.sentences[0]?.citation).toBe(1);
    expect(answer.sentences[0]?.text).toContain(named);
  });

  it('reads a topic naming only an outlet as its newest story', () => {
    const answer = library.answer('When was the Al Mayadeen piece published?');
    expect(answer.fact).toEqual({ asked: 'published', value: '2025-03-23T14:23', citation: 1 });
    expect(answer.confidence).toBe(1);
  });

  it.each([
    // "recent" is a word of the older story ("the recent developments"): asked of the stories, it orders them.
    ['Who wrote the most recent article?', 'author', 'Staff, Agencies'],
    ['When was the oldest story published?', 'published', '2025-03-23T14:23'],
  ] as const)('%j: the newest or oldest story by date', (question, asked, value) => {
    expect(library.answer(question).fact).toEqual({ asked, value, citation: 1 });
  });

  it('keeps to the outlet a member filtered on when choosing by date', () => {
    // The newest story names no outlet; the Al Mayadeen one is older.
    expect(library.answer('Who wrote the most recent article?', { outlet: 'Al Mayadeen English' }).fact).toEqual({ asked: 'author', value: 'Al Mayadeen English', citation: 1 });
  });

  it('reads a chain of follow-ups through the questions before', () => {
    const answer = library.answer('who wrote that article?', {}, ['when was that article published?', 'Who did Fidan meet?']);
    expect(answer.fact).toEqual({ asked: 'author', value: 'Al Mayadeen English', citation: 1 });
  });

  it('tells nothing of a story lacking a word the question names it by', () => {
    const answer = library.answer('When was the Ukraine ceasefire story published?');
    expect(answer.fact).toBeNull();
    expect(answer.answered).toBe(false);
  });

  it('reads a question naming no story as asking about the story quoted for the member’s question before', () => {
    const answer = library.answer('when was that article published?', {}, ['Who did Fidan meet?']);
    expect(answer.fact).toEqual({ asked: 'published', value: '2025-03-23T14:23', citation: 1 });
    expect(answer.sentences[0]?.text).toBe(library.answer('Who did Fidan meet?').sentences[0]?.text);
    expect(library.answer('when was that article published?').answered).toBe(false);
  });

  it('shows the fact first, above the quote', () => {
    const published = answerMessage(library.answer('When was the Fidan meeting story published?')).embeds![0]!.description!;
    expect(published).toMatch(/^\*\*Published:\*\* 2025-03-23 14:23 \*\*\[1\]\*\*\n\n> Hakan Fidan/);
  });

  it('says which story does not give the fact asked, never guessing it', () => {
    // The Istanbul story's page names no outlet.
    const answer = library.answer('Which outlet ran the Istanbul talks story?');
    expect(answer).toMatchObject({ answered: false, fact: null, notice: 'The story “Hamas, US Envoy Set for Istanbul Talks on Gaza” (2025-11-21) does not give its outlet.' });
    expect(answer.related[0]?.id).toBe(ISTANBUL);
  });

  it('says a story dated by its day alone does not give the time asked, and gives the day', () => {
    const answer = library.answer('what time was the istanbul story published');
    expect(answer).toMatchObject({ fact: { asked: 'published', value: '2025-11-21', citation: 1 }, notice: 'The story “Hamas, US Envoy Set for Istanbul Talks on Gaza” gives its day but not the time it was published.' });
    expect(library.answer('what time was the fidan story published')).toMatchObject({ fact: { value: '2025-03-23T14:23' }, notice: null });
    expect(library.answer('when was the istanbul story published').notice).toBeNull();
    expect(asksStoryFact('what date and time was the istanbul story posted')?.asksTimeOfDay).toBe(true);
  });

  it.each([
    ['Is Witkoff mentioned in both stories?', 'Witkoff'],
    ['do both stories talk about a ceasefire', 'ceasefire'],
    ['is hayya in both stories?', 'Hayya'],
  ])('%j: quotes each story holding it, each cited to its own story', (question, named) => {
    const answer = AnswerSchema.parse(library.answer(question));
    expect(answer.sources.map((s) => s.id).sort()).toEqual([ISTANBUL, ANKARA]);
    expect(answer.sentences.map((s) => s.citation)).toEqual([1, 2]);
    for (const sentence of answer.sentences) expect(sentence.text).toContain(named);
  });

  it('quotes each story a plural question asks for, saying how many hold it', () => {
    const answer = library.answer('Which stories mention Witkoff?');
    expect(answer.sources.map((s) => s.id).sort()).toEqual([ISTANBUL, ANKARA]);
    expect(answer.notice).toBe('2 stories hold every word asked about.');
  });

  it('quotes only the stories holding every word asked about, and says so', () => {
    // Only the Istanbul story mentions Qatar.
    const answer = library.answer('Do both stories mention Qatar?');
    expect(answer.sources.map((s) => s.id)).toEqual([ISTANBUL]);
    expect(answer.notice).toBe('Only one story holds every word asked about.');
    expect(answerMessage(answer).embeds![0]!.description).toMatch(/^\*Only one story holds every word asked about\.\*\n\n> /);
    expect(library.answer('Do both stories mention Ukraine?').answered).toBe(false);
  });

  it('answers a question about what a story reports as before', () => {
    const answer = library.answer('Which newspaper did Hamas talk to?');
    expect(answer.fact).toBeNull();
    expect(answer.sentences[0]?.text).toContain('Asharq al-Awsat');
  });

  it('keeps a long headline within the embed, the quote making room', () => {
    const long = library.answer('whats the headline of the witkoff hayya story');
    const message = answerMessage({ ...long, fact: { asked: 'headline', value: 'H'.repeat(5000), citation: 1 }, sentences: [{ text: 'word '.repeat(2000), citation: 1 }] });
    const embed = message.embeds![0]!;
    const total = (embed.title?.length ?? 0) + (embed.description?.length ?? 0) + (embed.footer?.text.length ?? 0) + (embed.fields ?? []).reduce((sum, f) => sum + f.name.length + f.value.length, 0);
    expect(embed.description).toMatch(/\*\*\[1\]\*\*$/);
    expect(total).toBeLessThanOrEqual(6000);
  });
});

describe('finding a story named by its headline', () => {
  it('takes a story whose headline alone holds the words naming it, quoting its first statement', async () => {
    const named = { ...storyArticle('inside', 'The Ledger', ['Envoys met for six hours on Tuesday.', 'No deal was reached.']), title: 'Inside the harbour negotiations', author: 'Ana Ruiz' };
    const other = storyArticle('other', 'The Courier', ['The harbour reopened after repairs.']);
    const library = await Library.fromArticles([named, other]);
    const answer = library.answer('Who wrote the inside the harbour negotiations story?');
    expect(answer.fact).toEqual({ asked: 'author', value: 'Ana Ruiz', citation: 1 });
    expect(answer.sentences[0]?.text).toBe('Envoys met for six hours on Tuesday.');
  });
});

describe('a confident quote telling of a publication', () => {
  it('is kept over a fact of the story the question seems to name', () => {
    const papers = terms('Pentagon Papers', 'query');
    const published = { text: 'The New York Times published the Pentagon Papers in 1971.' };
    expect(quoteTellsOfPublishing(published, 0.8, papers)).toBe(true);
    expect(quoteTellsOfPublishing(published, 0.3, papers)).toBe(false);
    // Another publication, or none named by the question.
    expect(quoteTellsOfPublishing({ text: 'The article was written by Moshe Yaalon.' }, 0.8, terms('Sidon', 'query'))).toBe(false);
    expect(quoteTellsOfPublishing(published, 0.8, [])).toBe(false);
    expect(quoteTellsOfPublishing({ text: 'Their previous summit in Sharm el-Sheikh produced an agreement.' }, 0.86, terms('Sharm el-Sheikh summit', 'query'))).toBe(false);
    expect(quoteTellsOfPublishing(undefined, 0.9, papers)).toBe(false);
  });
});

describe('how sure a story is the one meant', () => {
  it('shares the confidence among the stories whose words meet the question as well', () => {
    expect(storyConfidence(0.9, 0)).toBe(0.9);
    expect(storyConfidence(1, 2)).toBe(0.33);
  });

  it('says when fewer stories hold it than were asked about, or more than are quoted', () => {
    expect(storiesHeldNotice(2, 2, 2)).toBeNull();
    expect(storiesHeldNotice(Infinity, 5, 3)).toBe('5 stories hold every word asked about; the 3 that match best are quoted.');
    expect(storiesHeldNotice(2, 1, 1)).toBe('Only one story holds every word asked about.');
    expect(storiesHeldNotice(2, 5, 2)).toBe('5 stories hold every word asked about; the 2 that match best are quoted.');
    expect(storiesHeldNotice(Infinity, 1, 1)).toBe('One story holds every word asked about.');
  });
});
