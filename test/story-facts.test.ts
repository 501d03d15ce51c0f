import { beforeAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { answerMessage } from '../commands/ask.ts';
import { Library } from '../src/search/library.ts';
import { AnswerSchema } from '../src/search/results.ts';
import { asksStoryFact } from '../src/search/story-facts.ts';

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
  ] as const)('reads %j as asking the story’s %s', (question, fact, topic) => {
    expect(asksStoryFact(question)).toEqual({ fact, topic });
  });

  it.each([
    // "headline" as a verb, a story someone in the news wrote, and questions naming no piece of coverage.
    'Which Super Bowl halftime show did Beyoncé headline?',
    'When did the Herald Tribune publish its Tesla article?',
    'When was Article 5 invoked?',
    'Who wrote the treaty?',
    'What were the "great Forces" mentioned in the article\'s title?',
    'What did the story say about Hamas?',
  ])('reads %j as a question about the world', (question) => {
    expect(asksStoryFact(question)).toBeNull();
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
    // The Istanbul story's page gives no outlet: said as unknown, not guessed.
    ['Which outlet ran the Istanbul talks story?', ISTANBUL, 'outlet', null, 'Istanbul'],
  ])('%j: the fact from the story cited, beside its sentence naming what the question names it by', (question, article, asked, value, named) => {
    const answer = AnswerSchema.parse(library.answer(question));
    expect(answer.answered).toBe(true);
    expect(answer.fact).toEqual({ asked, value, citation: 1 });
    expect(answer.sources[0]?.id).toBe(article);
    expect(answer.sentences[0]?.citation).toBe(1);
    expect(answer.sentences[0]?.text).toContain(named);
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

  it('shows the fact first, and an unknown one as unknown', () => {
    const published = answerMessage(library.answer('When was the Fidan meeting story published?')).embeds![0]!.description!;
    expect(published).toMatch(/^\*\*Published:\*\* 2025-03-23 14:23 \*\*\[1\]\*\*\n\n> Hakan Fidan/);
    const outlet = answerMessage(library.answer('Which outlet ran the Istanbul talks story?')).embeds![0]!.description!;
    expect(outlet).toMatch(/^\*\*Outlet:\*\* unknown \*\*\[1\]\*\*/);
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
