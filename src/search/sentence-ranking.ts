/**
 * Ranks the sentences of retrieved articles against a question. A sentence scores by:
 * - coverage: the share of the question's IDF weight whose terms it holds (a fuzzy or prefix
 *   variant counts for its weight), the main signal and the basis of the answer threshold;
 * - BM25 saturation of those terms in the sentence, so a short sentence dense in rare question
 *   terms beats a long one that mentions them in passing;
 * - proximity: matched terms close together (smallest window holding them all);
 * - neighbour support: question terms the sentence lacks but the sentence before or after holds
 *   count for part of their weight, as an answer often names its subject one sentence away; the
 *   story's lead supports every sentence of its story the same way, as a news lead sets out who
 *   and what the later sentences speak of ("Portugal's government unveiled an eight-year economic
 *   plan...", then "The plan foresees... 32,000 new jobs a year");
 * - a pronoun opening the sentence ("He warned...") matches the name of the subject of the
 *   sentence before ("Netanyahu met Jordan's King Abdullah."), whom it most often stands for; a
 *   plural one ("Their previous summit...") every name there;
 * - the article's retrieval score relative to the best article, and for a question about the
 *   present ("who is the current...") how recent the article is against the newest candidate;
 * - the kind of answer the question wants (see `answer-kind.ts`), checked on the best few.
 * Sentences are split and analysed lazily, a paragraph at a time, and only in the paragraphs that
 * may hold the question's terms (`passages.ts`) and those of their neighbours that may too; they
 * are kept in a bounded cache keyed by article object, so a reloaded article is never ranked with
 * its old text.
 */
import type { Article } from '../corpus/article.ts';
import { fold, HYPHENS, terms, tokenize, type Token } from './analyzer.ts';
import type { Retrieval } from './article-index.ts';
import { followsMonth, namesKind, namesPersonAs, namesThingAs, ROUND_COUNTS, writesMoney, YEAR, type NumberAsked } from './answer-kind.ts';
import { datedFactor } from './dateline.ts';
import { isNameWord, namePhraseEnd, writtenWords } from './names.ts';
import { namesakesAsked, namesOnlyOthers, type Namesake } from './namesakes.ts';
import { bearerBefore, rolesNamedIn, type RoleReading, unreadRole } from './roles.ts';
import { statesAsPlanned, type Occasion } from './plans.ts';
import { holdsPhraseAt, phraseTerms, type AskedNoun, type Question } from './question.ts';
import { statesReason } from './reasons.ts';
import { opensWithPluralPronoun, opensWithPronoun, splitSentences, states } from './sentences.ts';
import { isReportingWord, speaksIn } from './speakers.ts';
import { STOPWORDS } from './stopwords.ts';
import { isAnimalNoun, isRoleNoun, namedKindOf } from './wordnet.ts';
import { baseForm } from './word-forms.ts';

/** One sentence of an article, verbatim, with its analysed terms. */
export interface Sentence {
  text: string;
  /** Position among its paragraph's sentences (0-based). */
  index: number;
  /** Index of the paragraph it comes from. */
  paragraph: number;
  /** Where it starts in its paragraph's text. */
  start: number;
  /**
   * Its index terms, in order. Offsets are left out (`tokenize` the text for them): a question
   * analyses a hundred paragraphs, and an object per word made most of what the collector copied.
   */
  terms: readonly string[];
}

/** A sentence scored against a question. */
export interface RankedSentence {
  article: Article;
  sentence: Sentence;
  score: number;
  /** Share (0..1) of the question's weight matched in this sentence. */
  coverage: number;
  /** The question terms it matches (by index), each with the weight of its best variant here: 1 for the word itself, less for a paraphrase. */
  matched: ReadonlyMap<number, number>;
  /** Share (0..1) of the question's weight the sentence before or after matches beyond what this one matches. */
  neighbourCoverage: number;
  /** Share (0..1) of the question's neighbouring term pairs that stand side by side here too ("Southern California"). */
  phraseShare: number;
  /** The question terms the sentence before or after matches more strongly than this one, each with how much more (its best variant's weight there, less this sentence's). */
  neighbourMatched: ReadonlyMap<number, number>;
  /** The neighbouring sentence that adds the most question weight, if any adds some. */
  supportedBy: Sentence | null;
  /** Whether it names the kind of thing the question asks for; null when not asked or not checked. */
  namesKind: boolean | null;
  /**
   * How much the question's preferences raised its score (1 when none did): its article's date
   * meeting the year or month asked, the asked speaker speaking in it. They say which sentence
   * answers, not whether the coverage holds one, so the answerability evidence leaves them out.
   */
  preferred: number;
}

const K1 = 1.2;
/** How much of a sentence's own score its coverage makes; the rest is its BM25 relevance. */
const COVERAGE_SHARE = 0.65;
/** Candidates checked at most for the kind of thing asked for, and how much naming it counts. */
const KIND_CANDIDATES = 10;
const KIND_BOOST = 1.3;
/** How much a sentence in which the asked speaker speaks counts against one that only names them. */
const SPEAKER_BOOST = 1.15;
/** How much a sentence stating the asked thing as planned counts for a question about the future, and one not so stated for a question about an earlier occasion (see `plans.ts`). */
const OCCASION_BOOST = 1.3;
/** How much a sentence naming someone or something as the noun a "which" question asks about counts against one that names none so; more than the kind's, being evidence of the very one asked. */
const NAMED_AS_BOOST = 1.5;
/** How much a sentence giving a reason or a purpose counts for a "why" question (see `preferReason`). */
const REASON_BOOST = 1.3;
/** How much a sentence writing a sum of money counts for a question asking one (see `preferMoney`). */
const MONEY_BOOST = 1.3;
/** How much a sentence giving a number of what a "how many" question counts is preferred (see `preferCounted`). */
const COUNT_BOOST = 1.3;
/** Words a hyphen joins to a number that only scale or round it: "$5-million contract", "20-odd protesters". */
const SCALE_WORDS: ReadonlySet<string> = new Set(['hundred', 'thousand', 'million', 'billion', 'trillion', 'odd', 'plus']);
/** Index terms (stopwords left out) between a number and the thing it counts: "6,000 white Akoya pearls". */
const COUNT_REACH = 3;
/** A sign before a number that makes it a price. */
const CURRENCY_SIGN = /[$€£¥]/u;
/** Units that make the number before them a price or a percentage, as analysed ("dlrs" → "dlr", "pct"). */
const MEASURE_UNITS: ReadonlySet<string> = new Set(['pct', 'percent', 'cent', 'dlr', 'dollar', 'yen', 'stg', 'sterl', 'euro', 'mark', 'franc', 'peso', 'rupe', 'yuan', 'lira', 'crown', 'guild']);
/** How much a question term matched only by the sentence before or after counts, against one matched in it. */
const NEIGHBOUR = 0.35;
/** For a question about the present: how much the newest article's sentences gain, and how fast that fades with age. */
const RECENCY_BOOST = 0.5;
const RECENCY_HALF_LIFE_DAYS = 180;
/** Share of a sentence's score that follows its article's retrieval score. */
const ARTICLE_SHARE = 0.3;
const B = 0.5;
const AVERAGE_SENTENCE_TERMS = 18;

/** The sentences of articles, split once per paragraph when first needed, kept for the most recently asked-about articles. */
export class SentenceCache {
  private readonly entries = new Map<string, CachedArticle>();

  constructor(private readonly capacity = 2000) {}

  /** The sentences of these paragraphs of the article, in the order given. */
  inParagraphs(article: Article, paragraphs: Iterable<number>): Sentence[] {
    const entry = this.entry(article);
    const sentences: Sentence[] = [];
    // One by one: a paragraph of a hundred thousand sentences spread into `push` overflowed the stack.
    for (const p of paragraphs) for (const sentence of split(entry, p)) sentences.push(sentence);
    return sentences;
  }

  /** The sentence before this one in the article, across a paragraph break; undefined for the first. */
  previous(article: Article, sentence: Sentence): Sentence | undefined {
    const entry = this.entry(article);
    if (sentence.index > 0) return split(entry, sentence.paragraph)[sentence.index - 1];
    return sentence.paragraph > 0 ? split(entry, sentence.paragraph - 1).at(-1) : undefined;
  }

  /** The sentence after this one in the article, across a paragraph break; undefined for the last. */
  next(article: Article, sentence: Sentence): Sentence | undefined {
    const entry = this.entry(article);
    const own = split(entry, sentence.paragraph);
    return sentence.index + 1 < own.length ? own[sentence.index + 1] : split(entry, sentence.paragraph + 1)[0];
  }

  /** How far the article has been read for a role (see `roles.ts`), kept with the article so that each paragraph is read once. */
  roleReading(article: Article, role: string): RoleReading {
    const roles = this.entry(article).roles;
    let found = roles.get(role);
    if (!found) roles.set(role, (found = unreadRole()));
    return found;
  }

  private entry(article: Article): CachedArticle {
    const cached = this.entries.get(article.id);
    this.entries.delete(article.id);
    const entry = cached && cached.article === article ? cached : { article, paragraphs: [], roles: new Map() };
    this.entries.set(article.id, entry);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return entry;
  }
}

/** What the cache keeps of an article: its paragraphs' sentences as split, and its roles as read. */
interface CachedArticle {
  article: Article;
  paragraphs: (Sentence[] | undefined)[];
  roles: Map<string, RoleReading>;
}

/** A paragraph's sentences, split once while the article is kept; none past its last paragraph. */
function split(entry: CachedArticle, p: number): readonly Sentence[] {
  const text = entry.article.paragraphs[p];
  if (text === undefined) return [];
  return (entry.paragraphs[p] ??= sentencesOfParagraph(text, p, entry.article.language));
}

function sentencesOfParagraph(paragraph: string, p: number, language: string | null): Sentence[] {
  return splitSentences(paragraph, language).map((span, index) => {
    const text = paragraph.slice(span.start, span.end);
    return { text, index, paragraph: p, start: span.start, terms: terms(text, 'index') };
  });
}

/**
 * Maps each index term to the question terms it stands for, with the variant's weight; a
 * collocation's variant is looked up by its first word, with the words that must follow it.
 */
export function variantLookup(question: Question): Map<string, { q: number; weight: number; phrase: string[] | null }[]> {
  const lookup = new Map<string, { q: number; weight: number; phrase: string[] | null }[]>();
  question.terms.forEach((term, q) => {
    for (const variant of term.variants) {
      const words = phraseTerms(variant.term);
      const first = words[0] ?? variant.term;
      const entries = lookup.get(first) ?? [];
      entries.push({ q, weight: variant.weight, phrase: words.length > 1 ? words : null });
      lookup.set(first, entries);
    }
  });
  return lookup;
}

/** A sentence's score on its own words, before its neighbours and the question's preferences. */
type ScoredSentence = Omit<RankedSentence, 'article' | 'sentence' | 'neighbourCoverage' | 'neighbourMatched' | 'supportedBy' | 'preferred'>;

const NO_TITLES: ReadonlyMap<number, number> = new Map();

/** Scores one sentence (`titled`: the title terms met by a name, see `withTitles`); null when it matches no question term. */
export function scoreSentence(sentence: Sentence, question: Question, lookup: ReturnType<typeof variantLookup>, titled: ReadonlyMap<number, number> = NO_TITLES): ScoredSentence | null {
  // Many sentences of a ranked paragraph meet no question term: no maps are built for them.
  if (!sentence.terms.some((term) => lookup.has(term))) return null;
  const frequency = new Map<number, number>();
  const bestVariant = new Map<number, number>();
  const positions: { q: number; at: number }[] = [];
  let tokens: Token[] | undefined;
  sentence.terms.forEach((term, at) => {
    for (const { q, weight, phrase } of lookup.get(term) ?? []) {
      if (phrase && !holdsPhraseAt((tokens ??= tokenize(sentence.text, 'index')), sentence.text, at, phrase)) continue;
      frequency.set(q, (frequency.get(q) ?? 0) + weight);
      bestVariant.set(q, Math.max(bestVariant.get(q) ?? 0, weight));
      positions.push({ q, at });
    }
  });
  question.terms.forEach((term, q) => {
    if (term.reported && !frequency.has(q) && frequency.size > 0 && reportsSpeech(sentence)) {
      frequency.set(q, REPORTING_WEIGHT);
      bestVariant.set(q, REPORTING_WEIGHT);
    }
  });
  if (frequency.size === 0 || question.totalWeight === 0) return null;
  // A title the question writes before a name its bearer is named by here counts neither for nor against relevance and closeness (see `withTitles`).
  const described = new Set([...titled].flatMap(([q, named]) => (frequency.has(named) ? [q] : [])));
  const norm = K1 * (1 - B + (B * sentence.terms.length) / AVERAGE_SENTENCE_TERMS);
  let matchedWeight = 0;
  let saturation = 0;
  let weighed = question.totalWeight;
  for (const [q, tf] of frequency) {
    const term = question.terms[q];
    if (!term) continue;
    matchedWeight += term.weight * (bestVariant.get(q) ?? 0);
    if (!described.has(q)) saturation += (term.weight * (tf * (K1 + 1))) / (tf + norm);
  }
  for (const q of described) weighed -= question.terms[q]?.weight ?? 0;
  const coverage = Math.min(1, matchedWeight / question.totalWeight);
  const relevance = weighed > 0 ? Math.min(1, saturation / (weighed * (K1 + 1))) : 0;
  const placed = described.size > 0 ? positions.filter((p) => !described.has(p.q)) : positions;
  // The terms matched that no title stands for: a title term the sentence does not write is none of them.
  const proximity = 1 + 0.2 * closeness(placed, frequency.size - [...described].filter((q) => frequency.has(q)).length);
  const phraseShare = question.terms.length < 2 ? 0 : phrases(positions) / (question.terms.length - 1);
  return { score: (COVERAGE_SHARE * coverage + (1 - COVERAGE_SHARE) * relevance) * proximity, coverage, matched: bestVariant, phraseShare, namesKind: null };
}

/** How much a reporting verb ("said") counts for a question's verb of communication ("promised"): news reports promises, warnings and pledges as reported speech. */
const REPORTING_WEIGHT = 0.7;
const reporting = new WeakMap<Sentence, boolean>();

/** Whether a sentence holds a verb of communication, read from its words as written (stopword analysis drops "said"). */
export function reportsSpeech(sentence: Sentence): boolean {
  let found = reporting.get(sentence);
  if (found === undefined) {
    found = (sentence.text.match(/\p{L}{3,}/gu) ?? []).some(isReportingWord);
    reporting.set(sentence, found);
  }
  return found;
}

/** How many pairs of consecutive question terms (q, q + 1) appear within two tokens of each other, in order. */
function phrases(positions: readonly { q: number; at: number }[]): number {
  const found = new Set<number>();
  for (const first of positions) {
    if (positions.some((next) => next.q === first.q + 1 && next.at > first.at && next.at - first.at <= 2)) found.add(first.q);
  }
  return found.size;
}

/** 1 when the matched terms sit side by side, towards 0 as the smallest window holding them all widens. */
function closeness(positions: { q: number; at: number }[], distinct: number): number {
  if (distinct < 2) return 0;
  const inWindow = new Map<number, number>();
  let smallest = Infinity;
  let left = 0;
  for (const right of positions) {
    inWindow.set(right.q, (inWindow.get(right.q) ?? 0) + 1);
    while (inWindow.size === distinct) {
      const first = positions[left];
      if (!first) break;
      smallest = Math.min(smallest, right.at - first.at + 1);
      const n = (inWindow.get(first.q) ?? 1) - 1;
      if (n === 0) inWindow.delete(first.q);
      else inWindow.set(first.q, n);
      left += 1;
    }
  }
  return Number.isFinite(smallest) ? Math.min(1, distinct / smallest) : 0;
}

/** The newest publication day among the retrieved articles, as milliseconds since the epoch. */
function newestDay(retrieved: readonly Retrieval[]): number | null {
  const days = retrieved.flatMap(({ article }) => (article.published ? [Date.parse(article.published.slice(0, 10))] : []));
  const valid = days.filter((day) => Number.isFinite(day));
  return valid.length > 0 ? Math.max(...valid) : null;
}

/** 1 for an article from the newest day, halving for every `RECENCY_HALF_LIFE_DAYS` older; 0 when undated. */
function freshness(published: string | null, newest: number): number {
  const day = published ? Date.parse(published.slice(0, 10)) : Number.NaN;
  if (!Number.isFinite(day)) return 0;
  return 2 ** (-(newest - day) / (RECENCY_HALF_LIFE_DAYS * 86_400_000));
}

/** Every matching sentence of the retrieved articles, best first. */
export function rankSentences(question: Question, retrieved: readonly Retrieval[], cache: SentenceCache): RankedSentence[] {
  const lookup = variantLookup(question);
  // A dated question's articles come ordered by date too (`preferDated`): the first is not always the best match.
  const topScore = Math.max(0, ...retrieved.map((r) => r.score)) || 1;
  const newest = question.aboutNow ? newestDay(retrieved) : null;
  const ranked: RankedSentence[] = [];
  const introduced = new Map<Article, ReadonlyMap<number, number>>();
  const storyLookups = new Map<Article, ReturnType<typeof variantLookup>>();
  let stories: string[] | undefined;
  const namesakes = question.fullNames.length > 0 ? namesakesAsked(question.fullNames, () => (stories ??= retrieved.map(({ article }) => article.paragraphs.join('\n')))) : [];
  for (const { article, score: articleScore, passages } of retrieved) {
    const recency = newest ? 1 + RECENCY_BOOST * freshness(article.published, newest) : 1;
    const dated = datedFactor(question, article.published);
    const articleWeight = (1 - ARTICLE_SHARE + (ARTICLE_SHARE * articleScore) / topScore) * recency * dated;
    const sentences = cache.inParagraphs(article, passages ? passages.worthRankingWithNeighbours(question) : article.paragraphs.keys());
    const titled = titlesIntroduced(question, article);
    introduced.set(article, titled);
    const storyLookup = namesakes.length > 0 ? withoutOthersSurnames(article, namesakes, lookup) : lookup;
    storyLookups.set(article, storyLookup);
    const scores = sentences.map((sentence) => scoreSentence(sentence, question, storyLookup, titled));
    const lead = cache.inParagraphs(article, [0])[0];
    const fromLead = lead ? (scores[sentences.indexOf(lead)] ?? scoreSentence(lead, question, storyLookup, titled))?.matched : undefined;
    scores.forEach((plain, i) => {
      const sentence = sentences[i];
      if (!plain || !sentence) return;
      const before = sentences[i - 1];
      const pronounReferred = before && inSequence(before, sentence) && opensWithPronoun(sentence.text) && states(before.text) ? withReferents(plain, referentsIn(before, sentence, storyLookup), question) : plain;
      const byRole = roleReferents(sentence, article, question, storyLookup, cache);
      const referred = byRole.size > 0 ? withReferents(pronounReferred, byRole, question) : pronounReferred;
      const scored = titled.size > 0 ? withTitles(referred, titled, question) : referred;
      const around = new Map<number, number>();
      let support: { sentence: Sentence; weight: number } | null = null;
      for (const n of [i - 1, i + 1]) {
        const neighbour = sentences[n];
        if (!neighbour || !inSequence(n < i ? neighbour : sentence, n < i ? sentence : neighbour)) continue;
        // A term the sentence meets only through a weak paraphrase ("summit" for "meet") is supported by a neighbour holding the word itself.
        const gains = [...(scores[n]?.matched ?? [])].flatMap(([q, strength]) => {
          const own = scored.matched.get(q) ?? 0;
          return strength > own ? [[q, strength - own] as const] : [];
        });
        const weight = gains.reduce((sum, [q, gain]) => sum + (question.terms[q]?.weight ?? 0) * gain, 0);
        strongest(around, gains);
        if (weight > 0 && (!support || weight > support.weight)) support = { sentence: neighbour, weight };
      }
      let extra = 0;
      for (const [q, strength] of around) extra += (question.terms[q]?.weight ?? 0) * strength;
      const neighbourCoverage = extra / question.totalWeight;
      const leadCoverage = fromLead && sentence !== lead ? leadSupport(fromLead, scored.matched, around, question) : 0;
      const score = (scored.score + NEIGHBOUR * (neighbourCoverage + leadCoverage)) * articleWeight;
      ranked.push({ article, sentence, ...scored, neighbourCoverage, neighbourMatched: around, supportedBy: support?.sentence ?? null, preferred: dated, score });
    });
  }
  ranked.sort((a, b) => b.score - a.score);
  if (question.speaker.length > 0) preferSpeaker(ranked, question, (article) => storyLookups.get(article) ?? lookup, cache, (article) => introduced.get(article) ?? NO_TITLES);
  if (question.wants) preferWantedKind(ranked, question);
  if (question.counted >= 0) preferCounted(ranked, question.counted, lookup);
  if (question.askedNoun) preferNamedAsAsked(ranked, question, question.askedNoun, lookup);
  if (question.occasion !== null) preferOccasion(ranked, question.occasion, lookup);
  if (question.asksReason) preferReason(ranked);
  if (question.asksMoney) preferMoney(ranked);
  return ranked;
}

/**
 * The lookup to read a story by: without the surnames asked with a given name that the story gives
 * only to others (see `namesOnlyOthers`), so neither its sentences nor a pronoun standing for the
 * name meet them ("Biden said the spending bill..." in a story naming only President Joe Biden,
 * asked what Hunter Biden said). A surname two names asked share is dropped only where the story
 * names neither ("What did Jill Biden say about Joe Biden?").
 */
function withoutOthersSurnames(article: Article, namesakes: readonly Namesake[], lookup: ReturnType<typeof variantLookup>): ReturnType<typeof variantLookup> {
  const kept = new Set(namesakes.flatMap((namesake) => (namesOnlyOthers(article.title, article.paragraphs, namesake) ? [] : [namesake.surname])));
  const others = new Set(namesakes.flatMap(({ surname }) => (kept.has(surname) ? [] : [surname])));
  return others.size === 0 ? lookup : new Map([...lookup].map(([term, entries]) => [term, entries.filter(({ q }) => !others.has(q))]));
}

/**
 * A sentence opening with a pronoun ("He warned that Iran's nuclear programme...") speaks of the
 * subject the sentence before names ("Netanyahu met Jordan's King Abdullah."): the question terms
 * that subject meets count as the pronoun's own. Only the subject: the pronoun does not stand for
 * the other names before it, nor for the rest of what that sentence says, which supports it as
 * any neighbour does. The gain counts as coverage alone, not for closeness or BM25 relevance: the
 * pronoun stands in one place for a name that is not written there.
 */
function withReferents(scored: ScoredSentence, referents: ReadonlySet<number>, question: Question): ScoredSentence {
  return credited(scored, new Map([...referents].map((q) => [q, 1])), question);
}

/**
 * A name the question writes with a title ("Israeli Prime Minister Benjamin Netanyahu") stands for
 * its title where the sentence names its bearer, or a pronoun stands for him ("Netanyahu said...",
 * "He also said..."), in a story that introduces him (see `titlesIntroduced`): news gives the title
 * once, then the surname. There the title's terms count as met as strongly as the name, as
 * coverage (where the name is written, `scoreSentence` leaves them out of relevance and closeness
 * too); otherwise a sentence restating the whole title about anything outranks the one where he
 * speaks ("What did Israeli Prime Minister Benjamin Netanyahu say about negotiations?" quoted
 * Hamas stressing "Israeli Prime Minister Benjamin Netanyahu's violation of the ceasefire agreement
 * by obstructing the second-phase negotiations").
 */
function withTitles(scored: ScoredSentence, titled: ReadonlyMap<number, number>, question: Question): ScoredSentence {
  const credits = new Map<number, number>();
  for (const [q, named] of titled) {
    const strength = scored.matched.get(named);
    if (strength !== undefined) credits.set(q, strength);
  }
  return credited(scored, credits, question);
}

/**
 * The title terms of the question's titled names whose bearer the story introduces with the same
 * role ("Minister Benjamin Netanyahu", "President Kibaki" written in it), each to its name's term.
 * Elsewhere the surname is most often someone else's: "What did King Hussein say?" is not answered
 * by "President Saddam Hussein said...", "General Motors chairman Roger Smith" by "Smith
 * International Inc said...", nor a title the story does not give ("US Senator Steve Witkoff") by
 * what US envoy Steve Witkoff said.
 */
function titlesIntroduced(question: Question, article: Article): ReadonlyMap<number, number> {
  if (question.titles.length === 0) return NO_TITLES;
  const titled = new Map<number, number>();
  let text: string | undefined;
  for (const { title, name, bearer } of question.titles) {
    text ??= fold(article.paragraphs.join(' ')).replace(/\s+/gu, ' ');
    if (!text.includes(fold(bearer))) continue;
    for (const q of title) titled.set(q, name);
  }
  return titled;
}

/** The sentence with the question terms of `credits` matched at least as strongly as given, its coverage and score raised by their weight. */
function credited(scored: ScoredSentence, credits: ReadonlyMap<number, number>, question: Question): ScoredSentence {
  const matched = new Map(scored.matched);
  let gained = 0;
  for (const [q, strength] of credits) {
    const own = matched.get(q) ?? 0;
    if (strength <= own) continue;
    gained += (question.terms[q]?.weight ?? 0) * (strength - own);
    matched.set(q, strength);
  }
  if (gained <= 0) return scored;
  const coverage = Math.min(1, scored.coverage + gained / question.totalWeight);
  return { ...scored, matched, coverage, score: scored.score + COVERAGE_SHARE * (coverage - scored.coverage) };
}

/**
 * A wire dateline before the story's first words: a place in capitals, then a date or an agency in
 * brackets, then a dash ("WASHINGTON, March 3 (Reuters) - ", "MOSCOW (AP) — "); or the place
 * alone, of three capitals or more, before a dash and a capitalised word ("NYON - The governing
 * body..."), which spares "US - China talks", "NATO — which..." and, as no other spaced dash
 * follows, an aside ("UEFA – European football's governing body – met..."). Two capitals open it,
 * not `\p{Lu}{2,}`, which backtracked over a run of capitals in quadratic time.
 */
const DATELINE =
  /^\p{Lu}{2}[\p{Lu}\s.'’-]*(?:(?:,\s[^\n]{0,30}?)?(?:\([\p{L}\s.]+\)|\d)\s*(?:-{1,2}|–|—)\s+|(?<=\p{Lu}{3})\s+(?:-{1,2}|–|—)\s+(?=\p{Lu})(?![^\n]*\s(?:-{1,2}|–|—)\s))/u;
/** Words opening an adverbial phrase that a comma closes before the subject: "On Monday, ...", "After Israel struck Doha, ...". */
const ADVERBIAL_OPENERS: ReadonlySet<string> = new Set([
  'on', 'in', 'at', 'after', 'before', 'when', 'while', 'as', 'since', 'during', 'following', 'despite', 'amid', 'effective', 'earlier', 'later', 'last', 'until', 'under',
]);
/** Words the subject's opening phrase may run to before its comma. */
const ADVERBIAL_WORDS = 8;
/** Words after a reporting verb within which the reported clause's subject is named ("Apple said on Monday that Tim Cook..."). */
const REPORTED_REACH = 6;

/**
 * The question terms the subject of a sentence meets by name: the first name of its main clause
 * (past a dateline and an opening phrase closed by a comma: "On Monday, the minister Ana Ruiz
 * said..."; a capitalised word that is no stopword, day or month and, opening the sentence, no
 * common word),
 * read on over capitalised words, name particles, role nouns and a title's lowercase words ("US
 * envoy Steve Witkoff", "SPD farm policy spokesman Hans Bauer"); when the subject reports what
 * someone else did ("Apple said on Monday that Tim Cook would step down."), that one's name too. A
 * pronoun opening the next sentence most often stands for them: "Netanyahu met Jordan's King
 * Abdullah. He warned..." is Netanyahu warning.
 */
function subjectNamedIn(sentence: Sentence, lookup: ReturnType<typeof variantLookup>): Set<number> {
  const clause = writtenWords(mainClause(sentence.text));
  // "Last year Netanyahu met King Abdullah, his closest ally.": no name after the comma, so the phrase before it was the clause.
  const words = clause.some(isSubjectWord) ? clause : writtenWords(sentence.text);
  const first = words.findIndex(isSubjectWord);
  if (first < 0) return new Set();
  const end = namePhraseEnd(words, first, isSubjectWord);
  const named = words.slice(first, end);
  if (isReportingWord(words[end] ?? '')) {
    const reported = words.slice(end + 1, end + 1 + REPORTED_REACH).findIndex((word, i) => isSubjectWord(word, end + 1 + i));
    if (reported >= 0) named.push(...words.slice(end + 1 + reported, namePhraseEnd(words, end + 1 + reported, isSubjectWord)));
  }
  return termsOfNames(named, lookup);
}

/** Whether a word of a clause may be a name's, opening it or not (see `isNameWord`). */
const isSubjectWord = (word: string, at: number) => isNameWord(word, at === 0);

/**
 * Whether a sentence tells of a named subject's deed: its main clause opens with a name, perhaps
 * after "the" or a title ("Hakan Fidan has met...", "President Donald Trump signed...", "Egyptian
 * intelligence chief Hassan Rashad is pressing..."), or it opens with a quotation a name is given
 * for ("“We reject any demand,” Hamas official Osama Hamdan told reporters"); not when a role, a
 * pronoun or a common noun is its subject ("The electric-car maker said...", "He said...", "The
 * president signed the bill at the White House").
 */
export function opensWithName(text: string): boolean {
  const quotation = OPENING_QUOTATION.exec(text);
  if (quotation) return writtenWords(text.slice(quotation[0].length)).some((word) => isNameWord(word, false));
  const words = writtenWords(mainClause(text));
  const start = words.findIndex(isSubjectWord);
  if (start < 0 || start > TITLE_REACH) return false;
  const title = words.slice(0, start);
  const isRole = (word: string) => isRoleNoun(fold(word));
  const capitalised = (word: string) => /^\p{Lu}/u.test(word) && !STOPWORDS.has(fold(word));
  // Lowercase words stand in a title only before its role noun: "intelligence chief", not "told Senator".
  const inTitle = (word: string, at: number) => capitalised(word) || isRole(word) || (at === 0 && fold(word) === 'the') || (/^\p{Ll}/u.test(word) && title.slice(at + 1).some(isRole) && !STOPWORDS.has(fold(word)));
  const last = title.at(-1);
  return title.every(inTitle) && (last === undefined || capitalised(last) || isRole(last) || (title.length === 1 && fold(last) === 'the'));
}

/** A quotation opening a sentence, up to its closing mark. */
const OPENING_QUOTATION = /^\W*["“][^"”]*["”]/u;
/** Words a title may run to before the name it goes with ("US envoy", "Egyptian intelligence chief"). */
const TITLE_REACH = 5;

/**
 * The question terms a pronoun opening `sentence` meets in the sentence before: a plural one
 * ("Their previous summit...") every name there ("This week's meeting marks Witkoff's second
 * encounter with Hayya."), a singular one only its subject (see `subjectNamedIn`).
 */
function referentsIn(before: Sentence, sentence: Sentence, lookup: ReturnType<typeof variantLookup>): Set<number> {
  if (!opensWithPluralPronoun(sentence.text)) return subjectNamedIn(before, lookup);
  const words = writtenWords(before.text);
  const named = words.filter((word, at) => isNameWord(word, at === 0));
  return termsOfNames(named, lookup);
}

const NO_REFERENTS: ReadonlySet<number> = new Set();

/**
 * The question terms the roles a sentence names alone meet through their bearers' names ("the
 * Turkish president said..." meets "Erdogan", see `roles.ts`); a name asked in full is met whole
 * or not at all ("the mother", Lyudmila Navalnaya, is not the Yulia Navalnaya asked).
 */
function roleReferents(sentence: Sentence, article: Article, question: Question, lookup: ReturnType<typeof variantLookup>, cache: SentenceCache): ReadonlySet<number> {
  const roles = rolesNamedIn(sentence);
  // Most sentences name no role alone: nothing to allocate for them in the ranking's hot loop.
  if (roles.length === 0) return NO_REFERENTS;
  return new Set(
    roles.flatMap((role) => {
      const bearer = bearerBefore(article, sentence, role, cache);
      const met = termsOfNames(bearer, lookup);
      const partly = question.fullNames.some((name) => met.has(name.surname) && name.fore.some(({ q }) => !met.has(q)));
      return partly && bearer.length > 1 ? [] : [...met];
    }),
  );
}

/** The question terms names written in a sentence are, as written ("Witkoff", "Hayya"). */
function termsOfNames(named: readonly string[], lookup: ReturnType<typeof variantLookup>): Set<number> {
  return new Set(terms(named.join(' '), 'index').flatMap((term) => writtenTermsOf(lookup, term)));
}

/** The question terms an index term stands for by any of their variants, not as part of a collocation. */
function termsStoodFor(lookup: ReturnType<typeof variantLookup>, term: string): number[] {
  return (lookup.get(term) ?? []).flatMap(({ q, phrase }) => (phrase ? [] : [q]));
}

/** The question terms an index term is itself (a variant of weight 1: its word or inflection), not a paraphrase or part of a collocation. */
function writtenTermsOf(lookup: ReturnType<typeof variantLookup>, term: string): number[] {
  return (lookup.get(term) ?? []).flatMap(({ q, weight, phrase }) => (weight >= 1 && phrase === null ? [q] : []));
}

/** The sentence from its main clause on: past a wire dateline, and past an opening adverbial phrase closed by a comma. */
function mainClause(text: string): string {
  const story = text.replace(DATELINE, '');
  const opener = fold(/^[\p{L}]+/u.exec(story)?.[0] ?? '');
  const comma = story.indexOf(',');
  const phraseWords = comma < 0 ? Infinity : story.slice(0, comma).split(/\s+/u).length;
  return ADVERBIAL_OPENERS.has(opener) && phraseWords <= ADVERBIAL_WORDS ? story.slice(comma + 1) : story;
}

/**
 * Share of the question's weight the story's lead matches beyond what the sentence and its
 * neighbours match. It orders a story's sentences and stays out of the answerability evidence's
 * coverage: the lead is context, not the quote.
 */
function leadSupport(lead: ReadonlyMap<number, number>, own: ReadonlyMap<number, number>, around: ReadonlyMap<number, number>, question: Question): number {
  let extra = 0;
  for (const [q, strength] of lead) extra += (question.terms[q]?.weight ?? 0) * Math.max(0, strength - (own.get(q) ?? 0) - (around.get(q) ?? 0));
  return extra / question.totalWeight;
}

/** Adds the matches of `more` to `into`, keeping each question term's strongest; returns `into`. */
export function strongest(into: Map<number, number>, more: Iterable<readonly [number, number]>): Map<number, number> {
  for (const [q, strength] of more) into.set(q, Math.max(into.get(q) ?? 0, strength));
  return into;
}

/** Whether `next` directly follows `sentence` in the article (whole paragraphs are split, so a paragraph step means adjacent). */
function inSequence(sentence: Sentence, next: Sentence): boolean {
  return next.paragraph === sentence.paragraph ? next.index === sentence.index + 1 : next.paragraph === sentence.paragraph + 1 && next.index === 0;
}

/**
 * Among the best candidates, a sentence naming the kind of thing asked for (a person for "who",
 * a place for "where"...) beyond what the question names outranks one that does not. Tagging is
 * the costly step, so only the candidates the boost could lift to first are tagged: those within
 * `KIND_BOOST` of the best, however many rank above them, up to `KIND_CANDIDATES`.
 */
function preferWantedKind(ranked: RankedSentence[], question: Question): void {
  liftWithinReach(ranked, KIND_BOOST, (candidate) => namesWantedKind(candidate, question));
}

const askedWords = new WeakMap<Question, ReadonlySet<string>>();

/** Whether the candidate names the kind of thing the question asks for, beyond what the question names; tagged once, kept on the candidate. */
export function namesWantedKind(candidate: RankedSentence, question: Question): boolean {
  if (!question.wants) return false;
  candidate.namesKind ??= namesKind(candidate.sentence, question.wants, askedTermsOf(question));
  return candidate.namesKind;
}

/** Whether a sentence (a neighbour of a candidate, say) names the kind of thing the question asks for, beyond what the question names. */
export function sentenceNamesWantedKind(sentence: Sentence, question: Question): boolean {
  return question.wants !== null && namesKind(sentence, question.wants, askedTermsOf(question));
}

/** The index terms a question asks with, its variants' too, gathered once per question. */
export function askedTermsOf(question: Question): ReadonlySet<string> {
  let asked = askedWords.get(question);
  if (!asked) {
    asked = new Set(question.terms.flatMap((t) => [t.term, ...t.variants.map((v) => v.term)].flatMap(phraseTerms)));
    askedWords.set(question, asked);
  }
  return asked;
}

/**
 * Among the best candidates, for "Which X...?", a sentence naming someone or something as X
 * ("Treasury official David Mulford said", "the Ain el-Hilweh refugee camp") outranks one
 * restating the question with X unnamed ("a Treasury official told the conference", "refugee
 * camps in Lebanon"): the asked kind, a person, cannot tell them apart when the restating sentence
 * names others, and the tagger names no kind of thing. A thing's name lifts only a sentence
 * matching as much of the question as the best: lifted past better matches, it cost SQuAD as many
 * answers as it won. Like the speaker's, the lift orders candidates and stays out of the
 * answerability evidence: a story on another topic names officials too ("Treasurer Paul Keating
 * said..." for an absent wool subsidy cut).
 */
function preferNamedAsAsked(ranked: RankedSentence[], question: Question, noun: AskedNoun, lookup: ReturnType<typeof variantLookup>): void {
  const isAskedNoun = (token: string) => terms(token, 'query').some((term) => writtenTermsOf(lookup, term).includes(noun.term));
  const asked = askedTermsOf(question);
  const bestCoverage = ranked[0]?.coverage ?? 0;
  orderWithinReach(ranked, NAMED_AS_BOOST, (candidate) =>
    noun.person
      ? namesPersonAs(candidate.sentence.text, isAskedNoun, asked)
      : candidate.coverage >= bestCoverage && namesThingAs(candidate.sentence.text, noun.written, isAskedNoun, asked),
  );
}

/**
 * Among the best candidates, a sentence in which the one the question asks about speaks ("Hamas
 * denied...") outranks one that only names them (see `speakers.ts`). The lift orders candidates
 * and is left out of the answerability evidence, as a date's is: it says which sentence answers,
 * not whether the coverage holds one. `lookupIn` and `titledIn` give the lookup a candidate's
 * story is read by (see `withoutOthersSurnames`) and the titles it introduces (see
 * `titlesIntroduced`), as `rankSentences` read them.
 */
function preferSpeaker(
  ranked: RankedSentence[],
  question: Question,
  lookupIn: (article: Article) => ReturnType<typeof variantLookup>,
  cache: SentenceCache,
  titledIn: (article: Article) => ReadonlyMap<number, number>,
): void {
  orderWithinReach(ranked, SPEAKER_BOOST, (candidate) => {
    // "US envoy Steve Witkoff" speaks where "Witkoff said...", in a story introducing him so (see `withTitles`).
    const titled = titledIn(candidate.article);
    const named = titled.size > 0 ? question.speaker.filter((q) => !titled.has(q)) : question.speaker;
    const lookup = lookupIn(candidate.article);
    const { article, sentence } = candidate;
    const bearerOf = (end: number) => rolesNamedIn(sentence).flatMap((role) => (role.end === end ? bearerBefore(article, sentence, role, cache) : [])).join(' ');
    return speaksIn(sentence.text, cache.previous(article, sentence)?.text, named, (term) => termsStoodFor(lookup, term), bearerOf);
  });
}

/**
 * Among the best candidates, for a question about the future, a sentence stating the asked thing
 * as planned ("is expected to meet") outranks one stating what happened before. For a question
 * about an earlier occasion ("Where did they meet before?"), a plan ranked first gives way to a
 * sentence not stating one that matches as much of the question: where the story never tells of
 * the earlier occasion, the sentence after the plan answers no better than the plan. Checked after
 * the asked kind, so both the plan and the past meeting name a place before one is chosen. Like
 * the speaker's, the lift orders candidates and stays out of the answerability evidence.
 */
function preferOccasion(ranked: RankedSentence[], occasion: Occasion, lookup: ReturnType<typeof variantLookup>): void {
  const asked = (term: string) => writtenTermsOf(lookup, term).length > 0;
  const planned = (candidate: RankedSentence) => statesAsPlanned(candidate.sentence.text, asked);
  if (occasion === 'planned') return orderWithinReach(ranked, OCCASION_BOOST, planned);
  const plan = ranked[0];
  if (plan !== undefined && planned(plan)) orderWithinReach(ranked, OCCASION_BOOST, (candidate) => candidate.coverage >= plan.coverage && !planned(candidate));
}

/**
 * Among the best candidates, for a "why" question, a sentence giving a reason or a purpose ("are
 * traveling to Turkey to hear details of the plan", see `statesReason`) outranks one telling only
 * what happened ("met on Saturday with a Hamas delegation"). Like the speaker's, the lift orders
 * candidates and stays out of the answerability evidence.
 */
function preferReason(ranked: RankedSentence[]): void {
  orderWithinReach(ranked, REASON_BOOST, (candidate) => statesReason(candidate.sentence.text));
}

/**
 * Among the best candidates, for a question asking a sum of money ("How much did Facebook pay to
 * buy WhatsApp?"), a sentence writing one ("his company's $19 billion acquisition of WhatsApp")
 * outranks one whose only number is no price ("knows a thing or two about how to seal the deal").
 * Like the speaker's, the lift orders candidates and stays out of the answerability evidence.
 */
function preferMoney(ranked: RankedSentence[]): void {
  orderWithinReach(ranked, MONEY_BOOST, (candidate) => writesMoney(candidate.sentence.text));
}

/**
 * Among the best candidates, for "how many X", a sentence giving a number of X ("6,000 white
 * Akoya pearls") outranks one that names X beside another number ("The pearl dress, worth
 * $150,000, was stolen."): the asked kind alone, a quantity, does not tell them apart. Like the
 * speaker's, the lift orders candidates and stays out of the answerability evidence.
 */
function preferCounted(ranked: RankedSentence[], counted: number, lookup: ReturnType<typeof variantLookup>): void {
  orderWithinReach(ranked, COUNT_BOOST, (candidate) => countsTerm(candidate.sentence.text, counted, lookup));
}

/** An ordinal as analysis writes it ("fifth" → "5th"). */
const ORDINAL = /^\p{N}+(?:st|nd|rd|th)$/u;
/** What may stand before an ordinal that counts: a possessive ("her fifth title", "Novak's fifth title"). */
const OWNED = /(?:\b(?:her|his|their|its|our|my|your)|\p{L}['’]s?)\s+$/iu;

/**
 * Whether an ordinal counts what it stands before: "her fifth Harbour Open title" says she has
 * five, where "the 14th floor" and "his first mass stranding" say which one, not how many.
 */
function ordinalCounts(text: string, token: Token): boolean {
  return token.term !== '1st' && OWNED.test(text.slice(Math.max(0, token.start - OWNER_REACH), token.start));
}

/** Characters read back from an ordinal for its possessive. */
const OWNER_REACH = 24;

/**
 * Where the nearest number `isCount` takes stands within `COUNT_REACH` index terms before the
 * thing `counted`, or -1: a number hyphened to a measure ("two 40-yard field goals") is passed
 * over, and it and its unit qualify the thing as one word does.
 */
function countBefore(tokens: readonly Token[], counted: number, text: string, isCount: (token: Token) => boolean): number {
  let reach = COUNT_REACH;
  for (let at = counted - 1; at >= 0 && reach > 0; at -= 1) {
    if (measures(tokens, at - 1, counted, text)) continue;
    const token = tokens[at];
    if (token !== undefined && !measures(tokens, at, counted, text) && isCount(token)) return at;
    reach -= 1;
  }
  return -1;
}

/**
 * Whether the token at `at` is hyphened to the next as a measure of what stands before `counted`
 * ("40-yard", as "long-range" qualifies it): the next is neither the thing counted itself ("a
 * 3-day visit" counts days), nor a word that scales a number ("$5-million", see `SCALE_WORDS`),
 * nor a number ending a range ("40-50 protesters").
 */
function measures(tokens: readonly Token[], at: number, counted: number, text: string): boolean {
  const token = tokens[at];
  const unit = tokens[at + 1];
  return token !== undefined && unit !== undefined && at + 1 < counted && HYPHENS.test(text.charAt(token.end)) && !SCALE_WORDS.has(unit.word) && !/^\p{N}/u.test(unit.term);
}

/**
 * Whether a sentence writes a count at most `COUNT_REACH` index terms before question term `q`
 * ("6,000 white Akoya pearls", "six pearls" analysed as "6 pearl"), or before any question term
 * when `q` is null ("13 dead" for "How many died..."), and with `orAfter` right after it too ("Fidan,
 * 57,"): a number that is no year, no day after its month ("On March 18, Israel..." counts no
 * Israel; see `followsMonth`), no ordinal but one that counts (see `ordinalCounts`) and,
 * unless `priced` (an amount asked), no price and no percentage ("$4.06 a share", "30 pct of
 * loans" count neither shares nor loans); a number hyphened to a measure counts no further (see
 * `measures`). Unless priced, a round count before "of" is a count too ("hundreds of civilians"),
 * and when `q` is null so is a verb's object count of beings (see `countsAsObject`).
 */
function countsTerm(text: string, q: number | null, lookup: ReturnType<typeof variantLookup>, orAfter = false, priced = false): boolean {
  const tokens = tokenize(text, 'index');
  const isFigure = (token: Token) =>
    /^\p{N}/u.test(token.term) &&
    !YEAR.test(token.term) &&
    !followsMonth(text, { word: text.slice(token.start, token.end), at: token.start, end: token.end }) &&
    (!ORDINAL.test(token.term) || ordinalCounts(text, token)) &&
    (priced || !CURRENCY_SIGN.test(text.charAt(token.start - 1)));
  const isCount = (token: Token) => isFigure(token) || (!priced && roundCount(text, token));
  return tokens.some((token, i) => {
    const stoodFor = termsStoodFor(lookup, token.term);
    if (q === null ? stoodFor.length === 0 : !stoodFor.includes(q)) return false;
    const number = countBefore(tokens, i, text, isCount);
    if (number >= 0 && (priced || !tokens.slice(number + 1, i).some((between) => MEASURE_UNITS.has(between.term)))) return true;
    if (q === null && countsAsObject(tokens, i, text, isCount)) return true;
    return orAfter && tokens.slice(i + 1, i + 1 + COUNT_REACH).some(isCount);
  });
}

/** Whether a token is a count in round figures before "of": "killing hundreds of civilians", "dozens of trucks". */
function roundCount(text: string, token: Token): boolean {
  return ROUND_COUNTS.has(token.word) && /^\s+of\b/iu.test(text.slice(token.end));
}

/** What may stand between a participle and the count that is its object: nothing, or an approximation ("killed at least 13", "wounded up to 40"). */
const BEFORE_OBJECT_COUNT = /^\s+(?:(?:at\s+least|up\s+to|more\s+than|as\s+many\s+as|an\s+estimated|nearly|almost|roughly|around|about|approximately|over|some)\s+)?$/iu;
/** What may stand between a count and the beings it counts: "of" and one word qualifying them ("hundreds of Palestinian civilians"). */
const BEFORE_COUNTED = /^\s+(?:of\s+)?(?:[\p{L}'’-]+\s+)?$/u;
/** The one group noun counted as persons: WordNet files "people" as a group, with institutions and places ("villages", "schools"). */
const PEOPLE = 'people';

/**
 * Whether the token at `at` is a verb whose object is a count of people or animals ("killing
 * hundreds of Palestinian civilians", "wounded at least 40 people", "killed 13, officials said"),
 * which answers "How many were killed?" as "13 dead" does: the verb read by its "-ed" or "-ing"
 * ending, the count right after it. A number after a preposition ("killed at 42", "killed by 2
 * militants") is no object, and a count of anything but beings no toll ("evacuated 3 times",
 * "rescued 2 hours later", "killed around 2 in the morning", "affected thousands of hectares").
 */
function countsAsObject(tokens: readonly Token[], at: number, text: string, isCount: (token: Token) => boolean): boolean {
  const verb = tokens[at];
  if (verb === undefined || !/(?:ing|ed)$/u.test(verb.word)) return false;
  // "least" in "at least 13" is a token of its own: the count is the first token the approximation alone leads to.
  const isObject = (token: Token | undefined): token is Token => token !== undefined && BEFORE_OBJECT_COUNT.test(text.slice(verb.end, token.start)) && isCount(token);
  const countAt = [at + 1, at + 2].find((i) => isObject(tokens[i])) ?? -1;
  const count = tokens[countAt];
  if (count === undefined) return false;
  const standsAlone = /^\s*(?:[,;.]|$)/u.test(text.slice(count.end));
  const countsBeings = (token: Token) => BEFORE_COUNTED.test(text.slice(count.end, token.start)) && namesBeings(token.word);
  return standsAlone || tokens.slice(countAt + 1, countAt + 3).some(countsBeings);
}

/** Whether a word names persons (by a role or a people: "Palestinians") or animals by its first noun sense, an irregular plural by its base ("children", "gunmen"), or is "people". */
function namesBeings(word: string): boolean {
  return word === PEOPLE || [word, baseForm(word)].some((form) => isRoleNoun(form) || isAnimalNoun(form) || namedKindOf(form) === 'person');
}

/**
 * A test of whether a sentence gives the number asked of question term `q`, or of any question
 * term when null ("13 dead" for "How many died in the strike?"; see `countsTerm`); for an age or
 * an amount, also a number right after the term ("Fidan, 57, said...", "cost 40 million"), and for
 * an amount a price or a percentage.
 */
export function countsAskedThing(question: Question, q: number | null, asked: NumberAsked): (text: string) => boolean {
  const lookup = variantLookup(question);
  return (text) => countsTerm(text, q, lookup, asked !== 'count', asked === 'amount');
}

/**
 * As `liftWithinReach`, for a lift that orders candidates and stays out of the answerability
 * evidence (`preferred` undoes it there): it says which sentence answers, not whether the coverage
 * holds one.
 */
function orderWithinReach(ranked: RankedSentence[], boost: number, lifts: (candidate: RankedSentence) => boolean): void {
  liftWithinReach(ranked, boost, (candidate) => {
    const lifted = lifts(candidate);
    if (lifted) candidate.preferred *= boost;
    return lifted;
  });
}

/**
 * Raises by `boost` the candidates `lifts` picks among those the boost could lift to first (within
 * `boost` of the best, however many rank above them, up to `KIND_CANDIDATES`), and re-orders them.
 */
function liftWithinReach(ranked: RankedSentence[], boost: number, lifts: (candidate: RankedSentence) => boolean): void {
  const reach = (ranked[0]?.score ?? 0) / boost;
  const within = ranked.slice(0, KIND_CANDIDATES).findIndex((candidate) => candidate.score < reach);
  const head = ranked.slice(0, within < 0 ? KIND_CANDIDATES : within);
  for (const candidate of head) if (lifts(candidate)) candidate.score *= boost;
  ranked.splice(0, head.length, ...head.sort((a, b) => b.score - a.score));
}
