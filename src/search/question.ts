import { acronymOf, fold, terms, tokenize, type Token } from './analyzer.ts';
import type { TermGroup } from './article-index.ts';
import { isInterjection, type AnswerKind } from './answer-kind.ts';
import type { TermVariant, Vocabulary } from './vocabulary.ts';
import { placeVariants } from './place-names.ts';
import { QUESTION_FRAMING, STOPWORDS } from './stopwords.ts';
import { firstSenseWords, inflectedFrom, isCommonWord, isCommunicationVerb, lemmasOf, nameReading, relatedWords, type RelatedWord } from './wordnet.ts';
import { baseForm } from './word-forms.ts';
import { calendarOf, type Calendar } from './dateline.ts';
import type { Occasion } from './plans.ts';
import type { AskedFullName } from './namesakes.ts';

/** Longest question or query accepted, in characters. */
export const MAX_QUESTION_LENGTH = 500;

/** A question term: its index term, the index terms that stand for it, and its weight (see `Vocabulary.weight`). */
export interface QuestionTerm extends TermGroup {
  term: string;
  weight: number;
  /** True when the word is a verb of communication ("promise", "warn"): any reporting verb in a sentence ("said") stands for it, loosely. */
  reported: boolean;
  /** The year or month the word names: articles published then are preferred (see `dateline.ts`). */
  calendar: Calendar | null;
}

/** A usable question: its distinct terms, the weight of them all, and the kind of answer it wants. */
export interface Question {
  terms: QuestionTerm[];
  totalWeight: number;
  wants: AnswerKind | null;
  /** Documents in the corpus asked: the absence of a word says more in a large corpus than in a small one. */
  corpusSize: number;
  /** True when the question asks how things stand now: the newest coverage is preferred. */
  aboutNow: boolean;
  /** The terms naming who said what the question asks ("Hamas" in "What did Hamas say about Lebanon?"; see `speakers.ts`), by index. */
  speaker: number[];
  /**
   * The occasion it asks about, beside the one the news reports: one to come ("When will Witkoff
   * meet Hayya?") prefers a sentence stating a plan, an earlier one ("Where did they meet before?")
   * one that does not; null for any other question (see `plans.ts`).
   */
  occasion: Occasion | null;
  /** True when it asks why (see `reasons.ts`): a sentence giving a reason or a purpose is preferred. */
  asksReason: boolean;
  /** True when it asks a sum of money (see `asksMoney`): a sentence writing one is preferred. */
  asksMoney: boolean;
  /** The names it writes with a title ("Israeli Prime Minister Benjamin Netanyahu"; see `names.ts`), by their terms. */
  titles: readonly QuestionTitle[];
  /** The names it writes whole ("Hunter Biden"), by their terms: the surname alone may name a namesake (see `namesakes.ts`). */
  fullNames: readonly AskedFullName[];
  /** The term of the thing a "how many" question counts ("pearls" in "How many pearls were on the gown?"), by index; -1 when none. */
  counted: number;
  /** The noun a "which" or "what" question asks to name ("official" in "Which U.S. Treasury official said...?"); null when none. */
  askedNoun: AskedNoun | null;
}

/** The noun a "which" question asks to name, of persons ("official") or of things ("camp"). */
export interface AskedNoun {
  /** Its question term, by index. */
  term: number;
  /** The noun as written, folded. */
  written: string;
  /** Whether it names persons; else things (see `askedNoun`). */
  person: boolean;
}

/** A name a question writes with a title: the title's terms, the name's, and how a story introduces its bearer ("Minister Benjamin Netanyahu"). */
export interface QuestionTitle {
  title: number[];
  name: number;
  bearer: string;
}

/** A question word typed with the "'s" of "is" but no apostrophe: "whos", "whats", "wheres". */
const UNMARKED_CONTRACTION = /\b(who|what|where|when|why|how)s\b/giu;

/**
 * The question with its question words' contractions written out as chat leaves them unmarked
 * ("whos witkoff" → "who's witkoff"): read as typed, "whos" is no question word, so the kind of
 * answer asked for is lost, and "wheres" is a question term no article holds.
 */
export function withApostrophes(text: string): string {
  return text.replace(UNMARKED_CONTRACTION, "$1's");
}

/**
 * Chat shorthand for words a question is read by, each written out: "were ppl hurt", "why r hamas
 * leaders heading to turkey", "is there a new govt". Read as typed, "ppl" was taken for a name the
 * coverage never mentions, and "r" left the question without the verb its subject is read from.
 * Only as chat types them, in lowercase (capitalised only to open the question): "PPL" is a
 * company, "Bout" a surname. Left out: forms that are words or names as often ("bout", "tho",
 * "rn" for a registered nurse).
 */
const SHORTHAND: Readonly<Record<string, string>> = {
  ppl: 'people', govt: 'government', "gov't": 'government', abt: 'about', thru: 'through', cuz: 'because', coz: 'because',
  bcuz: 'because', yrs: 'years', mins: 'minutes', intl: 'international', smth: 'something', tmrw: 'tomorrow', yday: 'yesterday',
  u: 'you', ur: 'your', r: 'are', b4: 'before', 'w/': 'with', 'w/o': 'without',
};
/** A shorthand standing as a word of its own: not inside "U.S.", "R&B" or "al-r...". */
const SHORTHAND_WORD = new RegExp(`(?<![\\p{L}\\p{N}.'’&/-])(${Object.keys(SHORTHAND).map((k) => k.replace('/', '\\/')).join('|')})(?![\\p{L}\\p{N}.'’&/-])`, 'giu');
/** What a letter after it is a noun of ("the r number", "at ur", "a u turn"), not "are", "your" or "you". */
const BEFORE_LETTER_NOUN = /\b(?:the|a|an|at|in|of|on|to|from|by|for|with|near)\s+$/iu;

/**
 * The question with chat shorthand written out (see `SHORTHAND`), never past the length a question
 * may have, nor a word of three letters or more the coverage itself writes (`held`: Indian papers
 * write "govt"); one or two letters say nothing by being held ("R." of a name).
 */
export function withShorthandSpelt(text: string, held: (word: string) => boolean = () => false): string {
  const spelt = text.replace(SHORTHAND_WORD, (typed: string, _word: string, at: number) => {
    const lower = typed.toLowerCase();
    const asChatTypes = typed === lower || (at === 0 && typed.length > 2 && typed.slice(1) === lower.slice(1));
    const letterNoun = typed.length <= 2 && /^\p{L}+$/u.test(typed) && BEFORE_LETTER_NOUN.test(text.slice(0, at));
    const written = typed.length > 2 && held(lower);
    return asChatTypes && !letterNoun && !written ? (SHORTHAND[lower] ?? typed) : typed;
  });
  return spelt.length <= MAX_QUESTION_LENGTH ? spelt : text;
}

/** A percent sign standing as a word ("what % of"), not after a figure ("10%"). */
const PERCENT_WORD = /(?<=^|\s)%(?=\s|$)/gu;

/** The question with a percent sign standing as a word spelt out ("what % of GDP" → "what percent of GDP"): the kind of answer asked for is read from words. */
export function withPercentSpelt(text: string): string {
  return text.replace(PERCENT_WORD, 'percent');
}

/** Negated auxiliaries that may open a question, and the auxiliary each negates. */
const NEGATED_AUXILIARIES: Readonly<Record<string, string>> = {
  isn: 'is', aren: 'are', wasn: 'was', weren: 'were', don: 'do', doesn: 'does', didn: 'did', haven: 'have', hasn: 'has', hadn: 'had',
  won: 'will', wouldn: 'would', can: 'can', couldn: 'could', shouldn: 'should', mightn: 'might', mustn: 'must', needn: 'need', shan: 'shall',
};
/** A negated auxiliary opening a question, with or without its apostrophe: "Didn't", "Won’t", "Isnt". */
const NEGATED_OPENING = new RegExp(`^(\\s*)(${Object.keys(NEGATED_AUXILIARIES).join('|')})['’]?t(?=\\s)`, 'iu');

/**
 * The question opened by the auxiliary a negated one negates ("Didn't Hamas deny...?" → "did
 * Hamas deny...?"): it asks the same claim, and its subject stands in the same place.
 */
export function affirmed(text: string): string {
  return text.replace(NEGATED_OPENING, (_, space: string, negated: string) => space + (NEGATED_AUXILIARIES[negated.toLowerCase()] ?? negated));
}

/**
 * A question's terms, or why it cannot be used (in words for the reader). An overlong text is
 * refused before it is analysed, so 10,000 pasted characters cost nothing.
 */
export function readQuestion(text: string): { terms: AskedTerm[]; notice: string | null } {
  if (text.length > MAX_QUESTION_LENGTH) return { terms: [], notice: `That question is too long (max ${MAX_QUESTION_LENGTH} characters).` };
  const terms = questionTerms(text);
  return { terms, notice: terms.length === 0 ? 'Ask a question with at least one keyword.' : null };
}

/**
 * A question's term, the word it was stemmed from and where that word stands in the question. A
 * collocation (see `joinCollocations`) is one term: its words' index terms joined by spaces
 * ("take part"), from its WordNet lemma ("take_part").
 */
export interface AskedTerm {
  term: string;
  word: string;
  start: number;
  end: number;
  /** The year or month the word names, if it names one. */
  calendar?: Calendar | null;
  /** The word's index term as a short acronym written in capitals ("US"), if it is one. */
  acronym?: string | null;
}

/** The acronym a question word is ("US"), unless it is a common word written in capitals for emphasis ("OIL", "AID"). */
function acronymIn(written: string): string | null {
  const letters = acronymOf(written);
  return letters !== null && !isCommonWord(letters.toLowerCase()) ? letters : null;
}

/** An interjection and what follows it at the start of a question ("hey, ", "pls "). */
const OPENING_WORD = /^\s*(\p{L}+)(?![\p{L}\p{N}'’-])[\s,;:.!…]*/u;

/**
 * The question without the interjections that open or close it ("hey, who is witkoff meeting?
 * lol"): chat users greet and sign off, and a word no answer writes lowers the confidence in the
 * right one, or hides the question's form from what reads it ("lol what did Katz say"). An
 * interjection is a word compromise's lexicon reads as one that WordNet does not know (see
 * `isInterjection`) and the corpus does not hold (`holds`: "Heck's Inc" is a name there).
 */
export function withoutInterjections(text: string, holds: (word: string) => boolean): string {
  const dropped = (word: string | undefined) => word !== undefined && isInterjection(fold(word)) && !holds(word);
  let kept = text;
  for (let opening = OPENING_WORD.exec(kept); opening && dropped(opening[1]); opening = OPENING_WORD.exec(kept)) kept = kept.slice(opening[0].length);
  for (let closing = closingWord(kept); closing && dropped(closing.word); closing = closingWord(kept)) kept = `${kept.slice(0, closing.cut)}${kept.slice(closing.end)}`;
  return kept;
}

/**
 * The word that closes a text, before the marks that end it ("... lol", "... lol?"): where it
 * ends, and where the space or comma before it starts (`cut`), so that it goes and the marks
 * after it stay; null when no word stands there apart. Read back character by character: a
 * pattern anchored at the end tries every start, and took time growing with the square of a run
 * of spaces (0.46 s for 20,000).
 */
function closingWord(text: string): { word: string; cut: number; end: number } | null {
  let end = text.length;
  while (end > 0 && /[\s.!?…]/u.test(text.charAt(end - 1))) end -= 1;
  let start = end;
  while (start > 0 && /\p{L}/u.test(text.charAt(start - 1))) start -= 1;
  let cut = start;
  while (cut > 0 && /[\s,;:]/u.test(text.charAt(cut - 1))) cut -= 1;
  return start < end && cut < start ? { word: text.slice(start, end), cut, end } : null;
}

/**
 * The distinct index terms of a question, in order. A question in capitals throughout is shouted,
 * so its short words are not read as acronyms.
 */
function questionTerms(text: string): AskedTerm[] {
  const seen = new Set<string>();
  const shouted = !/\p{Ll}/u.test(text);
  return tokenize(text, 'query').flatMap(({ term, word, start, end }) =>
    seen.has(term) || !seen.add(term) ? [] : [{ term, word, start, end, calendar: calendarOf(text, start, end), acronym: shouted ? null : acronymIn(text.slice(start, end)) }],
  );
}

/** The index terms of a question term's words: one for a word, several for a collocation. */
export function phraseTerms(term: string): string[] {
  return term.split(' ');
}

/**
 * What stands between two words of one phrase: spaces, and the invisible marks (a right-to-left
 * mark, a zero-width space) that RTL keyboards and pasted text put between words.
 */
const WORD_GAP = /^[\s\p{Cf}]+$/u;

/**
 * Whether the tokens from `at` on hold a term's words in order, one after another with nothing
 * but a `WORD_GAP` between them in `text` (the text the tokens were taken from).
 */
export function holdsPhraseAt(tokens: readonly Token[], text: string, at: number, words: readonly string[]): boolean {
  return words.every((word, k) => {
    const token = tokens[at + k];
    const before = tokens[at + k - 1];
    return token?.term === word && (k === 0 || (before !== undefined && WORD_GAP.test(text.slice(before.end, token.start))));
  });
}

/**
 * The end of a clause right after a word, looked ahead to (a regular expression's source), so the
 * word has no object: "before" in "Where did they meet before?". What may stand between the word
 * and the clause's end is no object: spaces, invisible marks (a right-to-left mark, a zero-width
 * space, which RTL keyboards and pasted text carry), emoji and other symbols. The end is any
 * script's clause punctuation ("?", "؟", "？", "،"), an ellipsis (which phones type for "..."), or a
 * closing bracket or quote.
 */
export const CLAUSE_END = '(?=[\\s\\p{Cf}\\p{Mn}\\p{Sk}\\p{So}]*(?:[\\p{Terminal_Punctuation}\\p{Pe}\\p{Pf}\\u2026]|$))';
/** A time preposition with no object after it (see `CLAUSE_END`). */
const OBJECTLESS_TIME_WORD = new RegExp(`\\b(?:before|after|since)${CLAUSE_END}`, 'giu');
/** "last time" or "the previous time" ending a clause: an earlier occasion, which an objectless "before" names too; "for the last time" is the final one. */
const EARLIER_OCCASION = new RegExp(`(?<!\\bfor\\s+(?:the\\s+)?)\\b(?:the\\s+)?(?:last|previous)\\s+time${CLAUSE_END}`, 'giu');

/**
 * The question's terms with each time preposition that has no object read as the adverb it then
 * is: "Where did they meet before?" asks about an earlier meeting, so "before" stands as the first
 * word of its WordNet adverb sense that is not a stopword ("earlier"), whose relatives reach
 * "previously" and "previous". With an object ("before the vote") it stays a stopword. "Where did
 * they meet last time?" asks the same (see `withEarlierOccasions`).
 */
export function withTimeAdverbs(text: string, asked: readonly AskedTerm[]): AskedTerm[] {
  // A question's terms are distinct ("before? ... before?" asks about an earlier time once), as `questionTerms` keeps them.
  const seen = new Set(asked.map((t) => t.term));
  const adverbs = [...text.matchAll(OBJECTLESS_TIME_WORD)].flatMap((match) => {
    const adverb = firstSenseWords(fold(match[0]), 'adv').find((word) => /^\p{L}+$/u.test(word) && !STOPWORDS.has(word));
    if (adverb === undefined) return [];
    const [term] = terms(adverb, 'query');
    if (term === undefined || seen.has(term)) return [];
    seen.add(term);
    return [{ term, word: adverb, start: match.index, end: match.index + match[0].length }];
  });
  return [...withEarlierOccasions(text, asked), ...adverbs].sort((a, b) => a.start - b.start);
}

/**
 * The question's terms with "last time" ending a clause as one term, standing for the earlier
 * occasion an objectless "before" asks about: met where a story writes "last time" itself ("The last
 * time the volcano erupted..."), and at a paraphrase's weight by the words of "before" ("Their
 * previous summit...", "The bank previously raised rates..."). "When was the last time they met
 * in Doha?" keeps its two words.
 */
function withEarlierOccasions(text: string, asked: readonly AskedTerm[]): AskedTerm[] {
  let read = [...asked];
  for (const match of text.matchAll(EARLIER_OCCASION)) {
    const within = (t: AskedTerm) => t.start >= match.index && t.end <= match.index + match[0].length;
    const words = read.filter(within);
    const [first] = words;
    const last = words.at(-1);
    if (words.length < 2 || !first || !last) continue;
    read = read.filter((t) => !within(t));
    read.push({ term: words.map((t) => t.term).join(' '), word: 'before', start: first.start, end: last.end });
  }
  return read;
}

/** Longest collocation looked up, in words. */
const LONGEST_COLLOCATION = 3;
let verbLemmas: ReadonlySet<string> | null = null;

/** The WordNet verb these words form, as written or with the first reduced to its base ("took place" → take_place), or null. */
function collocation(words: readonly string[]): string | null {
  // WordNet's verb index, read once, is a set lookup away; looked up one form at a time on disk, it cost milliseconds a question.
  verbLemmas ??= lemmasOf('verb', null);
  const [first, ...rest] = words;
  if (first === undefined) return null;
  // A verb of several words inflects its first word ("took place", "taking part"); the rest stand as they are.
  const forms = new Set([first, baseForm(first), ...inflectedFrom(first)]);
  return [...forms].map((form) => [form, ...rest].join('_')).find((lemma) => verbLemmas?.has(lemma)) ?? null;
}

/**
 * Consecutive question words that WordNet holds as one verb ("take part", "carry out", "take
 * place") become one term: the sentence that answers writes the whole phrase or a synonym of it
 * ("participate"), and the words of a light verb alone mean something else ("part", "place").
 * Nouns of several words ("registered nurse", "prime minister") stay words: their words keep
 * their meaning, and an answer often holds them apart ("nurses registered"), which a term of the
 * whole phrase would miss (tune split: 1.3 points of SQuAD top-1 lost). A collocation meaning what
 * a question-framing word means ("take place" = happen) frames the question as that word does,
 * and is dropped like it, unless nothing else is left.
 */
export function joinCollocations(text: string, asked: readonly AskedTerm[]): AskedTerm[] {
  const joined: AskedTerm[] = [];
  let framing = false;
  for (let i = 0; i < asked.length; ) {
    const run = adjacentRun(text, asked, i);
    const found = longestCollocation(run);
    const [first] = run;
    const last = run.at(found ? found.length - 1 : 0);
    if (!found || !first || !last) {
      joined.push(...run.slice(0, 1));
      i += 1;
      continue;
    }
    if (firstSenseWords(found.lemma).some((word) => QUESTION_FRAMING.has(word))) framing = true;
    else joined.push({ term: run.slice(0, found.length).map((t) => t.term).join(' '), word: found.lemma, start: first.start, end: last.end });
    i += found.length;
  }
  return joined.length > 0 || !framing ? joined : [...asked];
}

/** The longest collocation the run of adjacent question words begins with: its lemma and how many words it takes. */
function longestCollocation(run: readonly AskedTerm[]): { lemma: string; length: number } | null {
  for (let length = run.length; length >= 2; length -= 1) {
    const lemma = collocation(run.slice(0, length).map((t) => t.word));
    if (lemma) return { lemma, length };
  }
  return null;
}

/** The question terms from `i` on whose words follow one another with only a `WORD_GAP` between, at most `LONGEST_COLLOCATION`. */
function adjacentRun(text: string, asked: readonly AskedTerm[], i: number): AskedTerm[] {
  const run: AskedTerm[] = [];
  for (let k = i; k < asked.length && run.length < LONGEST_COLLOCATION; k += 1) {
    const term = asked[k];
    const before = run.at(-1);
    if (!term || (before && (term.start <= before.end || !WORD_GAP.test(text.slice(before.end, term.start))))) break;
    run.push(term);
  }
  return run;
}

/** How many documents may hold a question term: for a collocation, those holding its rarest word at most. */
function frequencyOf(term: string, vocabulary: Vocabulary): number {
  return Math.min(...phraseTerms(term).map((word) => vocabulary.frequency(word)));
}

/**
 * Weighs each question term by its IDF and finds the index terms it stands for: itself, or close
 * spellings when the corpus lacks it, and other names of the same country; with `prefix` (a
 * search), also completions of the last term (the word still being typed) and of any term the
 * corpus lacks; without it (an answer), also WordNet paraphrases. With `asksWhatWasSaid` ("What did
 * Erdogan promise?"), a verb of communication is marked as met by any reported speech.
 */
export function prepareQuestion(
  termsOfQuestion: readonly AskedTerm[],
  vocabulary: Vocabulary,
  prefix: boolean,
  wants: AnswerKind | null = null,
  aboutNow = false,
  asksWhatWasSaid = false,
): Question {
  const prepared = termsOfQuestion.map(({ term, word, calendar, acronym }, i) => {
    const completing = prefix && (i === termsOfQuestion.length - 1 || vocabulary.frequency(term) === 0);
    // "US" asks for the acronym where the corpus writes it, not for "used", which stems alike.
    const written = acronym && vocabulary.frequency(acronym) > 0 ? acronym : null;
    const variants = written ? [{ term: written, weight: 1 }] : isPhrase(term) ? phraseVariants(term, vocabulary) : vocabulary.variants(term, word, completing);
    const places = placeVariants(written ?? term).flatMap((other) => (vocabulary.frequency(other) > 0 && !variants.some((v) => v.term === other) ? [{ term: other, weight: PLACE_NAME_WEIGHT }] : []));
    const direct = [...variants, ...places];
    // A search lists articles holding the words typed; only answers look for paraphrases.
    const related = prefix ? [] : paraphrases(word, direct, vocabulary);
    return { term, variants: [...direct, ...related], weight: weightOf(written ?? term, vocabulary), reported: asksWhatWasSaid && isCommunicationVerb(word), calendar: calendar ?? null };
  });
  return { terms: prepared, totalWeight: prepared.reduce((sum, t) => sum + t.weight, 0), wants, corpusSize: vocabulary.size, aboutNow, speaker: [], occasion: null, asksReason: false, asksMoney: false, titles: [], fullNames: [], counted: -1, askedNoun: null };
}

/** Whether a question term is a collocation of several words. */
function isPhrase(term: string): boolean {
  return term.includes(' ');
}

/** A collocation stands for itself, written out, when the corpus holds each of its words. */
function phraseVariants(term: string, vocabulary: Vocabulary): TermVariant[] {
  return frequencyOf(term, vocabulary) > 0 ? [{ term, weight: 1 }] : [];
}

/**
 * A term's weight (see `Vocabulary.weight`); a collocation weighs as its words together, so the
 * question's other terms count as much beside it as beside its words.
 */
function weightOf(term: string, vocabulary: Vocabulary): number {
  return phraseTerms(term).reduce((sum, word) => sum + vocabulary.weight(word), 0);
}

/** How much another name of the same country counts ("Turkiye" for "Turkey"): nearly the word itself. */
const PLACE_NAME_WEIGHT = 0.9;
/** How much a near WordNet relative of a question word (synonym, pertainym, a synonym's derivation) counts against the word itself. */
const PARAPHRASE_WEIGHT = 0.4;
/**
 * How much a derivation of the question word itself counts: the same event or thing as another
 * part of speech ("destroyed" → "destruction", "invaded" → "invasion"), where a synonym of one of
 * the word's senses may not be the sense asked. Still below a place's other name: "destroyer" is
 * a derivation too.
 */
const DERIVATION_WEIGHT = 0.6;
const MAX_PARAPHRASES = 6;
/** How much a far relative (a derivation's derivation, a hyponym) counts: it names the thing less surely. */
const FAR_PARAPHRASE_WEIGHT = 0.25;
const MAX_FAR_PARAPHRASES = 4;

/** Most question words whose WordNet relatives are kept as index terms. */
const RELATED_TERMS_CACHE = 20_000;
/** A WordNet relative of a question word as an index term (see `RelatedWord`). */
type RelatedTerm = Omit<RelatedWord, 'word'> & { term: string };
const relatedTermsCache = new Map<string, RelatedTerm[]>();

/**
 * The index terms of a word's WordNet relatives, near ones first, each once; a relative of several
 * terms ("cease-fire") is one thing, not each of its parts, so it is left out. Kept per word (the
 * only cache of WordNet's relatives): their lookup and analysis would otherwise be redone at every
 * question.
 */
function relatedTerms(word: string): RelatedTerm[] {
  let found = relatedTermsCache.get(word);
  if (!found) {
    const byTerm = new Map<string, RelatedTerm>();
    // WordNet's files hold lemmas only: "met" is found as "meet", "organised" as "organized".
    for (const { word: related, near, derived } of relatedWords(baseForm(word))) {
      // A compound WordNet hyphenates ("cease-fire") meets its closed-up form, which articles index whichever way they write it ("ceasefire"), unless that is a word of its own ("co-op", "coop").
      const closed = related.replaceAll('-', '');
      const [term, ...more] = terms(closed !== related && nameReading(closed).known ? related : closed, 'query');
      if (term === undefined || more.length > 0) continue;
      // "destruct" and "destruction" are one term: a derivation of the word itself whichever came first.
      const seen = byTerm.get(term);
      if (seen) seen.derived ||= derived;
      else byTerm.set(term, { term, near, derived });
    }
    found = [...byTerm.values()];
    if (relatedTermsCache.size >= RELATED_TERMS_CACHE) relatedTermsCache.clear();
    relatedTermsCache.set(word, found);
  }
  return found;
}

/**
 * Index terms of the corpus that WordNet relates to a question word, at reduced weight: near
 * relatives ("invaded" meets "invasion", "award" meets "prize", "Turkish" meets "Turkey") and,
 * fewer and weaker, far ones ("meet" meets "summit"), those the corpus uses most first. A far
 * relative the corpus holds in more articles than the word itself is mostly used in another sense
 * ("congress" is rarely a kind of meeting in the news), so it is left out.
 */
function paraphrases(word: string, already: readonly TermVariant[], vocabulary: Vocabulary): TermVariant[] {
  if (word.length < 3 || /^\p{N}/u.test(word)) return [];
  const own = Math.max(0, ...already.map((v) => frequencyOf(v.term, vocabulary)));
  const near: TermVariant[] = [];
  const far: { term: string; frequency: number }[] = [];
  for (const related of relatedTerms(word)) {
    const frequency = vocabulary.frequency(related.term);
    if (frequency === 0 || already.some((v) => v.term === related.term)) continue;
    if (related.near && near.length < MAX_PARAPHRASES) near.push({ term: related.term, weight: related.derived ? DERIVATION_WEIGHT : PARAPHRASE_WEIGHT });
    else if (!related.near && frequency <= own) far.push({ term: related.term, frequency });
  }
  far.sort((a, b) => b.frequency - a.frequency);
  return [...near, ...far.slice(0, MAX_FAR_PARAPHRASES).map(({ term }) => ({ term, weight: FAR_PARAPHRASE_WEIGHT }))];
}

/** Most postings an answer's retrieval walks; the rarest two terms are always kept. */
const RETRIEVAL_POSTINGS = 3_000;

/**
 * The question terms worth retrieving articles by, rarest first, while their postings stay within
 * a budget; WordNet paraphrases only help rank sentences, as they would flood retrieval with
 * articles on other topics. A term found in a tenth of 100,000 articles adds little to BM25 yet dominates the cost
 * of scoring; it still counts when the candidates' sentences are ranked.
 */
export function retrievalTerms(question: Question, vocabulary: Vocabulary): TermGroup[] {
  const postings = (group: TermGroup) => group.variants.reduce((sum, v) => sum + vocabulary.frequency(v.term), 0);
  // The index holds words, not collocations: a collocation retrieves by its words.
  const direct = question.terms.map((t) => ({
    ...t,
    variants: t.variants.filter((v) => v.weight > DERIVATION_WEIGHT).flatMap((v) => phraseTerms(v.term).map((word) => ({ term: word, weight: v.weight }))),
  }));
  const byRarity = direct.sort((a, b) => postings(a) - postings(b));
  let spent = 0;
  return byRarity.filter((group, i) => {
    spent += postings(group);
    return i < 2 || spent <= RETRIEVAL_POSTINGS;
  });
}
