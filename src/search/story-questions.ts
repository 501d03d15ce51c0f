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
/** Words of putting a story out: "When was it published?", "What site is it from?". */
const PUBLISHING_WORDS = new Set(['published', 'publish', 'posted', 'released', 'ran', 'carried', 'dated', 'filed', 'appeared', 'out', 'from']);
/** Words of writing one. */
const WRITING_WORDS = new Set(['wrote', 'write', 'written', 'authored', 'author', 'authors', 'byline']);
/** Words asking for a time. */
const TIME_WORDS = new Set(['time', 'date', 'day', 'year', 'month']);
/** Words by which a question asks which stories hold something: "Which story mentions Lebanon?", "How is Hayya described differently in the two stories?". */
const HOLDING_WORDS = new Set(['mentions', 'mention', 'mentioned', 'covers', 'cover', 'covered', 'discusses', 'discuss', 'reports', 'says', 'names', 'named', 'quotes', 'appear', 'appears', 'brings', 'bring', 'described', 'describe', 'describes', 'differently']);
/** Words by which a question asks about several stories at once: "both stories", "the two articles". */
const SEVERAL = new Set(['both', 'two', 'each', 'every', 'all', 'either', 'these', 'those']);
/** Words that make a story someone's own ("its Tesla article"): one the coverage reports on, not a story of the coverage. */
const POSSESSIVES = new Set(['its', 'his', 'her', 'their', 'whose']);
/**
 * Words before a story noun that make it where the thing asked about stands ("the book mentioned
 * in the article", "a quote from the story"), or a story first published elsewhere ("Where did
 * the story first appear?"): the question asks about the world.
 */
const ABOUT_THE_WORLD = new Set(['in', 'inside', 'within', 'from', 'according', 'first', 'originally']);
/** What may stand between "in" and a story noun: "in the article", "in this story". */
const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those']);

/**
 * The words of the question's frame, left out of its topic: question words, the fact asked and
 * the words asking it. A story noun stays, so that "the Al Mayadeen piece" still names its outlet,
 * and so does a capitalised word past the first ("the Washington Post story", "Time magazine").
 */
const FRAME_WORDS = new Set([
  ...OUTLET_NOUNS, ...PUBLISHING_WORDS, ...WRITING_WORDS, ...TIME_WORDS, ...HOLDING_WORDS, ...SEVERAL, ...DETERMINERS,
  'when', 'what', 'whats', 'which', 'who', 'whom', 'whose', 'where', 'was', 'is', 'were', 'are', 'did', 'does', 'do', 's', 'by',
  'how', 'up', 'title', 'headline', 'headlines', 'about', 'of', 'on', 'for', 'in', 'it', 'pls', 'please',
]);

/** A question's words, folded: "What's" is "what" and "s". */
function foldedWords(question: string): string[] {
  return fold(question).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** The fact a question asks of a story, and the words naming the story; null when it asks about the world. */
export function asksStoryFact(question: string): StoryFactQuestion | null {
  const words = foldedWords(question);
  const nouns = words.flatMap((word, at) => (isStoryNoun(word) && !(word.startsWith('headline') && !namesHeadline(words, at)) ? [at] : []));
  if (nouns.length === 0 || nouns.some((at) => aboutTheWorld(words, at)) || words.some((word) => word === 'first' || word === 'originally')) return null;
  const fact = factAsked(words);
  return fact === null ? null : { fact, topic: topicOf(question) };
}

/** Whether the story noun at `at` is someone's own story ("its Tesla article", "Erdogan's article"), any story ("an article about Tesla") or where something asked about stands ("the book mentioned in the article"). */
function aboutTheWorld(words: readonly string[], at: number): boolean {
  let before = at - 1;
  while (before > 0 && DETERMINERS.has(words[before] ?? '')) before -= 1;
  const owned = words.slice(Math.max(0, at - 3), at).some((word) => POSSESSIVES.has(word)) || words[at - 1] === 's';
  // "What publication published an article about Tesla in 1912?": some story, not one of the coverage's.
  const some = words[at - 1] === 'a' || words[at - 1] === 'an';
  return owned || some || (ABOUT_THE_WORLD.has(words[before] ?? '') && before < at - 1);
}

/**
 * The words naming what a question asks several stories at once about ("Is Witkoff mentioned in
 * both stories?", "Do both articles talk about a ceasefire?", "How is Hayya described in the two
 * stories?"), asked by a word of holding or telling, and how many stories it asks about (two for
 * "both", every one for "all"); null for any other question. Each story is then quoted on it.
 */
export function asksAcrossStories(question: string): { topic: string; stories: number } | null {
  const words = foldedWords(question);
  const at = words.findIndex((word, i) => SEVERAL.has(word) && [words[i + 1], words[i + 2]].some((next) => next === 'stories' || next === 'articles' || next === 'pieces'));
  // "Which of the two stories is more recent?" compares the stories, not what they hold.
  const holding = words.some((word) => HOLDING_WORDS.has(word)) || /\b(?:talk|talks|talking|say|said) about\b/u.test(words.join(' '));
  if (at < 0 || !holding || asksStoryFact(question) !== null) return null;
  return { topic: topicOf(question), stories: ['both', 'two', 'either'].includes(words[at] ?? '') ? 2 : Infinity };
}

/** Whether a folded word names a piece of coverage ("story", "article", "headline"...). */
export function isStoryNoun(word: string): boolean {
  return STORY_NOUNS.has(word);
}

/**
 * Whether "headline" at `at` is the noun of a story ("the headline of...", "what was the
 * headline?"), not a verb ("did Beyoncé headline the show") nor a modifier ("the headline
 * inflation rate", "What made headlines?").
 */
function namesHeadline(words: readonly string[], at: number): boolean {
  const next = words[at + 1];
  return ['of', 'for', 'on', 'about', 'in', 'is', 'was', 'said', 'says', 'say', 'read', 'reads'].includes(next ?? '') || (next === undefined && ['the', 'its', 'that', 'this'].includes(words[at - 1] ?? ''));
}

function factAsked(words: readonly string[]): StoryFact | null {
  const has = (set: ReadonlySet<string>) => words.some((word) => set.has(word));
  const opens = (...firsts: string[]) => firsts.includes(words[0] ?? '');
  const asking = (...asked: string[]) => opens('what', 'whats', 'which') && words.slice(1, 4).some((word) => asked.includes(word));
  const asksWho = opens('who', 'whose', 'whom') || words.includes('whom');
  const text = words.join(' ');
  if ((asksWho && has(WRITING_WORDS)) || words.includes('byline') || asking('author')) return 'author';
  if (asking(...OUTLET_NOUNS) || ((asksWho || opens('where')) && has(PUBLISHING_WORDS))) return 'outlet';
  if ((opens('when') || asking(...TIME_WORDS)) && (has(PUBLISHING_WORDS) || words.includes('written'))) return 'published';
  if (/^(?:what|whats|which)(?: s| is| was)? (?:the |its )?(?:headline|title)s?\b/u.test(text) || /\b(?:headline|title) (?:of|for|on|about)\b/u.test(text)) return 'headline';
  // "Which story mentions Lebanon?", "In which article does Erdogan appear?": a story named by its headline.
  // "Which article of the treaty states..." and "What story was the audio release based on?" ask about the world: a story of the coverage is asked for by what it holds.
  const which = /\b(?:which|what) (?:of (?:the|these|those) (?:two |three )?)?(?:story|stories|article|articles|piece|pieces) (?!of\b)(.*)$/u.exec(text);
  if (which && ((which[1] ?? '').split(' ').some((word) => HOLDING_WORDS.has(word)) || /^(?:is|are|was|were) about\b/u.test(which[1] ?? ''))) return 'headline';
  return null;
}

/** The question without its frame words and punctuation, in its own casing; "talk about" is a frame, "the Istanbul talks" a topic, "the Washington Post story" an outlet's. */
function topicOf(question: string): string {
  const written = question.replace(/\btalk(?:s|ing|ed)? about\b/giu, ' ').match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? [];
  const frame = (word: string, at: number) => FRAME_WORDS.has(fold(word).replace(/['’]s$/u, '').replace(/['’-]/gu, '')) && !(at > 0 && /^\p{Lu}/u.test(word) && !isStoryNoun(fold(word)));
  return written.filter((word, at) => !frame(word, at)).join(' ');
}

/** The confidence from which a quote telling of a publication is kept over a fact of the story the question's words seem to name. */
const QUOTE_KEPT_OVER_FACT = 0.5;
/** Words by which a sentence tells of something published or written: "The New York Times published the papers". */
const TELLS_OF_PUBLISHING = new Set([...PUBLISHING_WORDS, ...WRITING_WORDS, 'reported', 'headline', 'headlines'].filter((word) => word !== 'from' && word !== 'out'));

/**
 * Whether a confident quote answers a question about a story as a question about the world: it
 * tells of something published or written ("Which newspaper published the Pentagon Papers
 * story?": "The New York Times published..."). One that only shares the story's words ("Who wrote
 * the story about the summit?": "Their previous summit...") leaves the story's own fact to answer.
 */
export function quoteTellsOfPublishing(quote: { text: string } | undefined, confidence: number): boolean {
  return quote !== undefined && confidence >= QUOTE_KEPT_OVER_FACT && foldedWords(quote.text).some((word) => TELLS_OF_PUBLISHING.has(word));
}

/** The fact as the story's attribution gives it; null when the source does not give it. */
export function storyFactOf(article: Pick<Article, 'title' | 'published' | 'outlet' | 'author'>, fact: StoryFact): string | null {
  return { headline: article.title, published: article.published, outlet: article.outlet, author: article.author }[fact];
}

/**
 * The chance that the story found is the one the question names: the share of the topic's weight
 * its best sentence holds, shared with every other story whose best sentence holds as much, for
 * the words then name any of them.
 */
export function storyConfidence(coverage: number, rivals: readonly number[]): number {
  const tied = rivals.filter((rival) => rival >= coverage).length;
  return Math.round((coverage / (1 + tied)) * 100) / 100;
}

/** What a reader is told when a question about several stories finds another number of stories holding what it asks about than it asked for; null when they match. */
export function storiesHeldNotice(asked: number, held: number, quoted: number): string | null {
  if (held < asked && asked !== Infinity) return `Only ${held === 1 ? 'one story holds' : `${held} stories hold`} every word asked about.`;
  return held > quoted ? `${held} stories hold every word asked about; the ${quoted} that match best are quoted.` : null;
}

/** How each fact is named when a story does not give it. */
const MISSING: Record<StoryFact, string> = { headline: 'a headline', published: 'its date', outlet: 'its outlet', author: 'a byline' };

/** What a reader is told when the story a question names does not give the fact asked: which story, and what it lacks. */
export function missingFactNotice(article: Pick<Article, 'title' | 'published'>, fact: StoryFact): string {
  const dated = article.published === null ? '' : ` (${article.published.slice(0, 10)})`;
  return `The story “${article.title ?? UNTITLED}”${dated} does not give ${MISSING[fact]}.`;
}
