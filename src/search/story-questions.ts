/**
 * Questions about a story itself rather than about what it reports: its headline, when it was
 * published, which outlet ran it, who wrote it ("When was the Fidan meeting story published?",
 * "Who wrote the Istanbul talks article?", "Which story mentions Lebanon?"). No sentence of a body
 * answers them, yet the answer is in the citation: the article's own title, date, outlet and
 * byline, given as the source gives them; a story not giving one is said not to, never guessed.
 * Questions about several stories at once ("Is Witkoff mentioned in both stories?") are read here
 * too (see `asksAcrossStories`).
 *
 * A question is read as one only when it names the story as a piece of coverage ("story",
 * "article", "piece", "headline", "byline") beside the fact it asks: "When was Article 5 invoked?"
 * or "Who wrote the treaty?" ask about the world, and "When was the story of Exodus written?" is
 * not read as one either, for a title of an article about it is not what it asks (see `asksStoryFact`).
 */
import { UNTITLED, type Article } from '../corpus/article.ts';
import type { DateOrder } from '../corpus/dates.ts';
import { fold, terms } from './analyzer.ts';

/** The facts of a story that its citation holds. */
export const STORY_FACTS = ['headline', 'published', 'outlet', 'author'] as const;
export type StoryFact = (typeof STORY_FACTS)[number];

/** A question about a story itself: the fact asked, the words left to find the story by, and whether it asks the newest or oldest of them. */
export interface StoryFactQuestion {
  fact: StoryFact;
  /** The question without the words that ask for the fact: what names the story ("Fidan meeting"), possibly nothing. */
  topic: string;
  /** "the latest story", "the most recent article": the newest of the stories named; "the oldest/earliest story" the oldest. */
  order: DateOrder | null;
  /** "What time was the story posted?": the time of day is asked, which a story dated by its day alone does not give. */
  asksTimeOfDay: boolean;
}

/** Words that name a piece of coverage: a question about one of these is about the story. */
const STORY_NOUNS = new Set(['article', 'articles', 'story', 'stories', 'piece', 'pieces', 'headline', 'headlines', 'byline', 'column', 'editorial', 'writeup']);
/** Story nouns that are themselves a fact asked: "the headline of the story". */
const FACT_NOUNS = new Set(['headline', 'headlines', 'byline']);
/** Story nouns naming several stories: "Which stories mention Witkoff?" asks for each. */
const PLURAL_STORY_NOUNS = new Set(['articles', 'stories', 'pieces', 'headlines']);
/** A question asking for several stories by what they hold, its words folded: "Which stories mention Witkoff?". */
const WHICH_STORIES = /^(?:in )?(?:which|what) (?:stories|articles|pieces|headlines)\b/u;
/**
 * A story of the coverage named as where to look: a lowercase story noun after "in/from the" and
 * up to four words naming the story ("in the Fidan story"), or saying something ("What does the
 * Fidan story say about..."); not numbered ("in Article 5"), owned ("the article's title") nor of
 * or from something ("the story of Exodus", "the story from the book of Exodus"). A column is
 * as often a table's ("in the third column").
 */
const WITHIN_A_STORY =
  /\b(?:(in|from|per|to)\s+)?(?:the|this|that)\s+((?:(?!(?:in|from|per|to|the|this|that|a|an|of)\s)[\p{L}\p{N}'’"“”-]+\s+){0,4}?)(story|article|piece|editorial|writeup)\b(?!['’]s\b)(?!\s+(?:of|from)\b)(?!\s+\p{N})(\s+(?:say|says|said|report|reports|mention|mentions|describe|describes|call|calls)\b)?/giu;
/** Words naming who publishes: "which outlet ran...", "what site is the piece from". */
const OUTLET_NOUNS = new Set(['outlet', 'site', 'website', 'paper', 'newspaper', 'publication', 'publisher', 'network', 'channel', 'agency']);
/** Words naming who writes: "which reporter wrote...". */
const WRITER_NOUNS = new Set(['author', 'reporter', 'journalist', 'writer', 'correspondent']);
/** Words of putting a story out: "When was it published?", "What site is it from?", "When did it come out?". */
const PUBLISHING_WORDS = new Set(['published', 'publish', 'posted', 'released', 'ran', 'run', 'carried', 'dated', 'filed', 'appeared', 'aired', 'broadcast', 'come', 'came', 'out', 'from']);
/** Words of writing one. */
const WRITING_WORDS = new Set(['wrote', 'write', 'written', 'authored', 'author', 'authors', 'byline']);
/** Words asking for a time. */
const TIME_WORDS = new Set(['time', 'date', 'day', 'year', 'month']);
/** Words by which a question asks which stories hold something: "Which story mentions Lebanon?", "How is Hayya described differently in the two stories?". */
const HOLDING_WORDS = new Set(['mentions', 'mention', 'mentioned', 'show', 'shows', 'feature', 'features', 'featured', 'covers', 'cover', 'covered', 'discusses', 'discuss', 'reports', 'says', 'names', 'named', 'quotes', 'appear', 'appears', 'brings', 'bring', 'described', 'describe', 'describes', 'differently']);
/** The auxiliaries opening a yes/no question, folded. */
const YES_NO_OPENING = /^(?:is|are|was|were|do|does|did|has|have)$/u;
/** Words by which a question asks about several stories at once: "both stories", "the two articles". */
const SEVERAL = new Set(['both', 'two', 'three', 'each', 'every', 'all', 'either', 'these', 'those']);
/** Words asking for the newest or oldest story; "most recent" is read as "recent". */
const ORDER_WORDS: ReadonlyMap<string, DateOrder> = new Map([
  ['latest', 'newest'], ['newest', 'newest'], ['newer', 'newest'], ['recent', 'newest'], ['last', 'newest'],
  ['oldest', 'oldest'], ['older', 'oldest'], ['earliest', 'oldest'], ['earlier', 'oldest'],
]);
/** Words that make a story someone's own ("its Tesla article"): one the coverage reports on, not a story of the coverage. */
const POSSESSIVES = new Set(['its', 'his', 'her', 'their', 'whose']);
/** Words before a story noun that make it where the thing asked about stands: "the book mentioned in the article", "a quote from the story", "according to the story", "per the story". */
const WITHIN = new Set(['in', 'inside', 'within', 'from', 'to', 'per']);
/** Ordinals, which before "story" make it a floor: "the third story", "the 10th story". */
const ORDINALS = /^(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|top|ground|upper|lower|\d+(?:st|nd|rd|th))$/u;
/** What may stand between such a word and a story noun: "in the article", "in this story". */
const NOUN_DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those']);

/**
 * The words of the question's frame, left out of its topic: question words, the fact asked and
 * the words asking it. The other story nouns stay, so that "the Al Mayadeen piece" still names its
 * outlet, and so does a capitalised word past the first ("the Washington Post story", "Time
 * magazine").
 */
const FRAME_WORDS = new Set([
  ...FACT_NOUNS, ...OUTLET_NOUNS, ...WRITER_NOUNS, ...PUBLISHING_WORDS, ...WRITING_WORDS, ...TIME_WORDS, ...HOLDING_WORDS, ...SEVERAL, ...NOUN_DETERMINERS, ...ORDER_WORDS.keys(),
  'when', 'what', 'whats', 'which', 'who', 'whom', 'whose', 'where', 'was', 'is', 'were', 'are', 'did', 'does', 'do', 's', 'by',
  'how', 'up', 'most', 'title', 'about', 'of', 'on', 'for', 'in', 'it', 'pls', 'please',
]);

/** A question's words, folded: "What's" is "what" and "s". */
function foldedWords(question: string): string[] {
  return fold(question).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** The fact a question asks of a story, the words naming the story and the order asked; null when it asks about the world, or for several stories. */
export function asksStoryFact(question: string): StoryFactQuestion | null {
  const words = foldedWords(question);
  const nouns = storyNounsAt(words);
  if (nouns.length === 0 || nouns.some((at) => aboutTheWorld(words, at)) || firstPublishedElsewhere(words)) return null;
  const fact = factAsked(words);
  // "Which stories mention Witkoff?" asks for each story (see `asksAcrossStories`); "Which of the two stories..." for one.
  if (fact === null || (fact === 'headline' && WHICH_STORIES.test(words.join(' ')))) return null;
  const order = words.map((word) => ORDER_WORDS.get(word)).find((found) => found !== undefined) ?? null;
  return { fact, topic: topicOf(question), order, asksTimeOfDay: fact === 'published' && TIME_OF_DAY.test(words.join(' ')) };
}

/** Words asking the time of day, folded: "what time", "what date and time". */
const TIME_OF_DAY = /\bwhat (?:(?:date|day) and )?time\b/u;

/** Where the question writes a story noun, "headline" only as a story's ("the headline of...", not "the headline inflation rate"). */
function storyNounsAt(words: readonly string[]): number[] {
  return words.flatMap((word, at) => (isStoryNoun(word) && !(word.startsWith('headline') && !namesHeadline(words, at)) ? [at] : []));
}

/**
 * Whether the story noun at `at` is no story of the coverage: someone's own ("its Tesla article",
 * "Erdogan's article"), any story ("an article about Tesla"), where something asked about stands
 * ("the book mentioned in the article", "the video the story mentions", "according to the
 * story"), a thing of something ("the piece of music", "the articles of impeachment", "a column
 * of tanks") or numbered ("Article 2").
 */
function aboutTheWorld(words: readonly string[], at: number): boolean {
  let before = at - 1;
  while (before > 0 && NOUN_DETERMINERS.has(words[before] ?? '')) before -= 1;
  const next = words[at + 1] ?? '';
  const owned = words.slice(Math.max(0, at - 3), at).some((word) => POSSESSIVES.has(word)) || words[at - 1] === 's';
  const some = words[at - 1] === 'a' || words[at - 1] === 'an';
  const within = WITHIN.has(words[before] ?? '') && before < at - 1;
  // "Which (of the two) stories mentions...": the story asked for; "the video the story mentions": what it tells of.
  const asked = words.slice(Math.max(0, at - 4), at).some((word) => word === 'which' || word === 'what');
  const telling = !asked && (HOLDING_WORDS.has(next) || /^(?:is|was) about$/u.test(words.slice(at + 1, at + 3).join(' ')));
  const thingOf = next === 'of' && !FACT_NOUNS.has(words[at] ?? '');
  // "Who fell from the third story?": a floor.
  const floor = ORDINALS.test(words[at - 1] ?? '');
  return owned || some || within || telling || thingOf || floor || /^\p{N}/u.test(next);
}

/** "Where did the story first appear?", "When was it originally published?": a story first published elsewhere is history. */
function firstPublishedElsewhere(words: readonly string[]): boolean {
  return words.some((word, at) => (word === 'first' || word === 'originally') && PUBLISHING_WORDS.has(words[at + 1] ?? ''));
}

/**
 * The words naming what a question asks several stories at once about ("Is Witkoff mentioned in
 * both stories?", "Do both articles talk about a ceasefire?", "Which stories mention Witkoff?",
 * "Is Hayya in both stories?"), asked by a word of holding or telling, or as what is in them or
 * what they are about, and how many stories it asks about (two for "both", every
 * one for "all"); null for any other question. Each story is then quoted on it.
 */
export function asksAcrossStories(question: string): { topic: string; stories: number } | null {
  const words = foldedWords(question);
  const at = words.findIndex((word, i) => SEVERAL.has(word) && [words[i + 1], words[i + 2]].some((next) => PLURAL_STORY_NOUNS.has(next ?? '')));
  const which = WHICH_STORIES.test(words.join(' '));
  // "Which of the two stories is more recent?" compares the stories, not what they hold.
  // "Is Hayya in both stories?", "Does Witkoff show up in the two articles?", "Are both stories about Gaza?": to be in a story, or a story to be about it, is to hold it. Not "Where did the meeting take place in both stories?", which asks what each tells.
  const yesNo = YES_NO_OPENING.test(words[0] ?? '');
  const within = yesNo && at >= 0 && (words[at - 1] === 'in' || (words[at - 1] === 'the' && words[at - 2] === 'in'));
  const about = yesNo && at >= 0 && words.slice(at + 1, at + 4).includes('about');
  const holding = within || about || words.some((word) => HOLDING_WORDS.has(word)) || /\b(?:talk|talks|talking|say|said) about\b/u.test(words.join(' '));
  if ((at < 0 && !which) || !holding || asksStoryFact(question) !== null) return null;
  return { topic: topicOf(question), stories: ['both', 'two', 'either'].includes(words[at] ?? '') ? 2 : words[at] === 'three' ? 3 : Infinity };
}

/**
 * The story a question asks within ("Which officials are named in the Fidan story?", "What does
 * the Al Mayadeen piece call the army?"): the words naming it, and the question without them;
 * null when it names none. A story noun there says where to look, and is no word an answer
 * writes; a capitalised one names a thing ("the Trajan's Column replica").
 */
export function storyScope(question: string): { names: string; rest: string } | null {
  for (const match of question.matchAll(WITHIN_A_STORY)) {
    const [phrase, preposition, names = '', noun = '', saying] = match;
    if ((preposition !== undefined || saying !== undefined) && noun === noun.toLowerCase()) {
      const rest = question.slice(0, match.index) + (saying ?? ' ') + question.slice(match.index + phrase.length);
      return { names: names.replace(/["“”]/gu, '').trim(), rest: rest.replace(/\s+/gu, ' ').trim() };
    }
  }
  return null;
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
  return ['of', 'for', 'on', 'about', 'in', 'is', 'was', 'said', 'says', 'say', 'read', 'reads', 'mentions', 'mention'].includes(next ?? '') || (next === undefined && ['the', 'its', 'that', 'this'].includes(words[at - 1] ?? ''));
}

/** The fact a question about a story asks, read from its question word and the words asking ("who wrote", "which outlet", "when... published", "the headline of"). */
function factAsked(words: readonly string[]): StoryFact | null {
  const has = (set: ReadonlySet<string>) => words.some((word) => set.has(word));
  const opens = (...firsts: string[]) => firsts.includes(words[0] ?? '');
  const asking = (asked: ReadonlySet<string>) => opens('what', 'whats', 'which') && words.slice(1, 4).some((word) => asked.has(word));
  const asksWho = opens('who', 'whose', 'whom') || words.includes('whom');
  const text = words.join(' ');
  if (((asksWho || asking(WRITER_NOUNS)) && has(WRITING_WORDS)) || words.includes('byline') || asking(new Set(['author']))) return 'author';
  if (asking(OUTLET_NOUNS) || ((asksWho || opens('where')) && has(PUBLISHING_WORDS))) return 'outlet';
  if ((opens('when') || asking(TIME_WORDS)) && (has(PUBLISHING_WORDS) || words.includes('written'))) return 'published';
  // "What title does the story use for Hayya?" asks his title: a story's title is asked "the title of...".
  if (/^(?:what|whats|which)(?: s| is| was)? (?:the |its )?headlines?\b/u.test(text) || /\b(?:headline|title) (?:of|for|on|about)\b/u.test(text)) return 'headline';
  // "Which story mentions Lebanon?", "In which article does Erdogan appear?": a story named by its headline.
  // "Which article of the treaty states..." and "What story was the audio release based on?" ask about the world: a story of the coverage is asked for by what it holds.
  const which = /\b(?:which|what) (?:of (?:the|these|those) (?:two |three )?)?(?:story|stories|article|articles|piece|pieces|headline|headlines) (?!of\b)(.*)$/u.exec(text);
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
 * tells of something published or written, and holds every word naming the story asked about
 * (`topic`, index terms): "Which newspaper published the Pentagon Papers story?": "The New York
 * Times published the Pentagon Papers...". One that only shares the story's words ("Who wrote the
 * story about the summit?": "Their previous summit...") or tells of another publication ("The
 * article was written by Moshe Yaalon" for "Who wrote the Sidon article?") leaves the story's own
 * fact to answer, as does any quote for a question naming no story ("Who wrote that article?").
 */
export function quoteTellsOfPublishing(quote: { text: string } | undefined, confidence: number, topic: readonly string[]): boolean {
  if (quote === undefined || confidence < QUOTE_KEPT_OVER_FACT || topic.length === 0) return false;
  const written = new Set(terms(quote.text, 'query'));
  return foldedWords(quote.text).some((word) => TELLS_OF_PUBLISHING.has(word)) && topic.every((term) => written.has(term));
}

/** The fact as the story's attribution gives it; null when the source does not give it. */
export function storyFactOf(article: Pick<Article, 'title' | 'published' | 'outlet' | 'author'>, fact: StoryFact): string | null {
  return { headline: article.title, published: article.published, outlet: article.outlet, author: article.author }[fact];
}

/**
 * The chance that the story found is the one the question names: the share of the topic's weight
 * its sentence holds, shared with every other story holding every word of it (`rivals`), for the
 * words then name any of them.
 */
export function storyConfidence(coverage: number, rivals: number): number {
  return Math.round((coverage / (1 + rivals)) * 100) / 100;
}

/**
 * What a reader is told of the stories quoted for a question about several (`asked`: two for
 * "both", Infinity for "all"): how many hold every word asked about when fewer do than asked, when
 * not all are quoted, or when "all" was asked; null when the quotes are what was asked.
 */
export function storiesHeldNotice(asked: number, held: number, quoted: number): string | null {
  const holding = held === 1 ? 'one story holds' : `${held} stories hold`;
  if (held < asked && asked !== Infinity) return `Only ${holding} every word asked about.`;
  if (held > quoted) return `${capitalised(holding)} every word asked about; the ${quoted} that match best are quoted.`;
  return asked === Infinity ? `${capitalised(holding)} every word asked about.` : null;
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** How each fact is named when a story does not give it. */
const MISSING: Record<StoryFact, string> = { headline: 'a headline', published: 'its date', outlet: 'its outlet', author: 'a byline' };

/** What a reader is told when the time of day is asked of a story its attribution dates by its day alone; null when it gives the time, or none was asked. */
export function untimedNotice(article: Pick<Article, 'title' | 'published'>, asked: StoryFactQuestion): string | null {
  if (!asked.asksTimeOfDay || article.published === null || article.published.includes('T')) return null;
  return `The story “${article.title ?? UNTITLED}” gives its day but not the time it was published.`;
}

/** What a reader is told when the story a question names does not give the fact asked: which story, and what it lacks. */
export function missingFactNotice(article: Pick<Article, 'title' | 'published'>, fact: StoryFact): string {
  const dated = article.published === null ? '' : ` (${article.published.slice(0, 10)})`;
  return `The story “${article.title ?? UNTITLED}”${dated} does not give ${MISSING[fact]}.`;
}
