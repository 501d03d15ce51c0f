/**
 * Questions about a story itself rather than about what it reports: its headline, when it was
 * published, which outlet ran it, who wrote it ("When was the Fidan meeting story published?",
 * "Who wrote the Istanbul talks article?", "Which story mentions Lebanon?"). No sentence of a body
 * answers them, yet the answer is in the citation: the article's own title, date, outlet and
 * byline, given as the source gives them, or as unknown when it does not.
 *
 * A question is read as one only when it names the story as a piece of coverage ("story",
 * "article", "piece", "headline", "byline") beside the fact it asks: "When was Article 5 invoked?"
 * or "Who wrote the treaty?" ask about the world, and "When was the story of Exodus written?" is
 * not read as one either, for a title of an article about it is not what it asks (see `asksStoryFact`).
 */
import { UNTITLED, type Article } from '../corpus/article.ts';
import { fold } from './analyzer.ts';

/** The facts of a story that its citation holds. */
export const STORY_FACTS = ['headline', 'published', 'outlet', 'author'] as const;
export type StoryFact = (typeof STORY_FACTS)[number];

/** A question about a story itself: the fact asked, and the words left to find the story by. */
export interface StoryFactQuestion {
  fact: StoryFact;
  /** The question without the words that ask for the fact: what names the story ("Fidan meeting"), possibly nothing. */
  topic: string;
}

/** Words that name a piece of coverage: a question about one of these is about the story. */
const STORY_NOUNS = new Set(['article', 'articles', 'story', 'stories', 'piece', 'headline', 'headlines', 'byline', 'column', 'editorial', 'writeup']);
/** Words naming who publishes: "which outlet ran...", "what site is the piece from". */
const OUTLET_NOUNS = new Set(['outlet', 'site', 'website', 'paper', 'newspaper', 'publication', 'publisher', 'network', 'channel', 'agency']);
/** Verbs of putting a story out. */
const PUBLISHING_VERBS = new Set(['published', 'publish', 'posted', 'post', 'released', 'ran', 'run', 'carried', 'dated', 'filed', 'put', 'came', 'come', 'appeared', 'appear', 'out', 'from']);
/** Verbs of writing one. */
const WRITING_VERBS = new Set(['wrote', 'write', 'written', 'authored', 'author', 'authors', 'byline']);
/** Words asking for a time. */
const TIME_WORDS = new Set(['time', 'date', 'day', 'year', 'month']);
/** Verbs by which a question asks which stories hold something: "Which story mentions Lebanon?", "Is Witkoff mentioned in both stories?". */
const HOLDING_VERBS = new Set(['mentions', 'mention', 'mentioned', 'covers', 'cover', 'covered', 'discusses', 'discuss', 'reports', 'says', 'names', 'named', 'quotes', 'appear', 'appears', 'brings', 'bring', 'described', 'describe', 'describes', 'differently']);
/** Words by which a question asks about several stories at once: "both stories", "the two articles". */
const SEVERAL = new Set(['both', 'two', 'each', 'every', 'all', 'either', 'these', 'those']);
/** Words that make a story someone's own ("its Tesla article"): one the coverage reports on, not a story of the coverage. */
const POSSESSIVES = new Set(['its', 'his', 'her', 'their', 'whose']);

/**
 * The words of the question's frame, left out of its topic: question words, the fact asked and
 * the verbs asking it. A story noun stays, so that "the Al Mayadeen piece" still names its outlet.
 */
const FRAME_WORDS = new Set([
  ...OUTLET_NOUNS, ...PUBLISHING_VERBS, ...WRITING_VERBS, ...TIME_WORDS, ...HOLDING_VERBS,
  'when', 'what', 'whats', 'which', 'who', 'whom', 'whose', 'where', 'was', 'is', 'were', 'are', 'did', 'does', 'do', 's', 'by',
  ...SEVERAL, 'how', 'up', 'title', 'headline', 'headlines', 'about', 'of', 'on', 'for', 'the', 'a', 'an', 'that', 'this', 'in', 'it', 'first', 'originally', 'pls', 'please',
]);

/** The fact a question asks of a story, and the words naming the story; null when it asks about the world. */
export function asksStoryFact(question: string): StoryFactQuestion | null {
  const words = fold(question).match(/[\p{L}\p{N}]+/gu) ?? [];
  const nouns = words.flatMap((word, at) => (isStoryNoun(word) && !(word.startsWith('headline') && !namesHeadline(words, at)) ? [at] : []));
  // "its Tesla article", "his article in Century Magazine": a story the coverage tells of.
  if (nouns.length === 0 || nouns.some((at) => words.slice(Math.max(0, at - 3), at).some((word) => POSSESSIVES.has(word)))) return null;
  const fact = factAsked(words);
  return fact === null ? null : { fact, topic: topicOf(question) };
}

/**
 * The words naming what a question asks several stories at once about ("Is Witkoff mentioned in
 * both stories?", "Do both articles talk about a ceasefire?", "How is Hayya described in the two
 * stories?"); null for any other question. Each story is then quoted on it.
 */
export function asksAcrossStories(question: string): string | null {
  const words = fold(question).match(/[\p{L}\p{N}]+/gu) ?? [];
  const across = words.some((word, at) => SEVERAL.has(word) && [words[at + 1], words[at + 2]].some((next) => next === 'stories' || next === 'articles' || next === 'pieces'));
  return across && asksStoryFact(question) === null ? topicOf(question) : null;
}

/** Whether a folded word names a piece of coverage ("story", "article", "headline"...). */
export function isStoryNoun(word: string): boolean {
  return STORY_NOUNS.has(word);
}

/** Whether "headline" at `at` is the noun ("the headline of...", "what headline"), not the verb ("did Beyoncé headline the show"). */
function namesHeadline(words: readonly string[], at: number): boolean {
  return ['the', 'a', 'its', 'what', 'which', 'whats', 's', 'this', 'that'].includes(words[at - 1] ?? '') || ['of', 'for', 'on', 'about'].includes(words[at + 1] ?? '') || at === words.length - 1;
}

function factAsked(words: readonly string[]): StoryFact | null {
  const has = (set: ReadonlySet<string>) => words.some((word) => set.has(word));
  const opens = (...firsts: string[]) => firsts.includes(words[0] ?? '');
  const asking = (...asked: string[]) => opens('what', 'whats', 'which') && words.slice(1, 4).some((word) => asked.includes(word));
  const asksWho = opens('who', 'whose', 'whom') || words.includes('whom');
  if ((asksWho && has(WRITING_VERBS)) || words.includes('byline') || asking('author')) return 'author';
  if (asking(...OUTLET_NOUNS) || ((asksWho || opens('where')) && has(PUBLISHING_VERBS))) return 'outlet';
  if ((opens('when') || asking(...TIME_WORDS)) && (has(PUBLISHING_VERBS) || words.includes('written'))) return 'published';
  if (asking('headline', 'headlines', 'title') || /\b(?:headline|title) (?:of|for|on|about)\b/u.test(words.join(' '))) return 'headline';
  // "Which story mentions Lebanon?", "In which article does Erdogan appear?", "Which of the two stories brings up Qatar?": a story named by its headline.
  // "Which article of the treaty states..." and "What story was the audio release based on?" ask about the world: a story of the coverage is asked for by what it holds.
  const which = /\b(?:which|what) (?:of (?:the|these|those) (?:two |three )?)?(?:story|stories|article|articles|piece|pieces) (?!of\b)(.*)$/u.exec(words.join(' '));
  if (which && ((which[1] ?? '').split(' ').some((word) => HOLDING_VERBS.has(word)) || /^(?:is|are|was|were) about\b/u.test(which[1] ?? ''))) return 'headline';
  return null;
}

/** The question without its frame words and punctuation, in its own casing; "talk about" is a frame, "the Istanbul talks" a topic. */
function topicOf(question: string): string {
  return (question.replace(/\btalk(?:s|ing|ed)? about\b/giu, ' ').match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? []).filter((word) => !FRAME_WORDS.has(fold(word).replace(/['’]s$/u, '').replace(/['’-]/gu, ''))).join(' ');
}

/** The confidence from which a quote answering such a question as asked is kept over a fact of the story its words seem to name. */
export const QUOTE_KEPT_OVER_FACT = 0.5;

/** The fact as the story's attribution gives it; null when the source does not give it. */
export function storyFactOf(article: Pick<Article, 'title' | 'published' | 'outlet' | 'author'>, fact: StoryFact): string | null {
  return { headline: article.title, published: article.published, outlet: article.outlet, author: article.author }[fact];
}

/**
 * The chance that the story found is the one the question names: the share of the topic's weight
 * its best sentence holds, halved when another story's best sentence holds as much, for the
 * words then name either.
 */
export function storyConfidence(coverage: number, runnerUpCoverage: number | undefined): number {
  const shared = runnerUpCoverage !== undefined && runnerUpCoverage >= coverage;
  return Math.round(coverage * (shared ? 0.5 : 1) * 100) / 100;
}

/** How each fact is named when a story does not give it. */
const MISSING: Record<StoryFact, string> = { headline: 'a headline', published: 'its date', outlet: 'its outlet', author: 'a byline' };

/** What a reader is told when the story a question names does not give the fact asked: which story, and what it lacks. */
export function missingFactNotice(article: Pick<Article, 'title' | 'published'>, fact: StoryFact): string {
  const dated = article.published === null ? '' : ` (${article.published.slice(0, 10)})`;
  return `The story “${article.title ?? UNTITLED}”${dated} does not give ${MISSING[fact]}.`;
}
