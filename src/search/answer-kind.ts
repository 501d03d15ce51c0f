/**
 * The kind of fact a question asks for (who → a person or organisation, where → a place, when →
 * a date, how many/much → a quantity) and whether a sentence names one that the question does not
 * already name: "Who met Hayya?" is not answered by a sentence whose only person is Hayya.
 *
 * Sentences are tagged by compromise's part-of-speech and named-entity tagger (its lexicon ships
 * in the package). Tagging costs about a millisecond a sentence, so only the few best candidates
 * of a question are tagged, once per sentence object: sentences live in the bounded
 * `SentenceCache`, and a reloaded article brings new objects.
 */
import { createRequire } from 'node:module';
import { terms } from './analyzer.ts';
import { STOPWORDS } from './stopwords.ts';

type Tagger = typeof import('compromise/two').default;
let loadedTagger: Tagger | undefined;

/**
 * compromise's bundled CommonJS build, loaded when a question first needs a sentence tagged: it
 * costs a third of a second of CPU, which a process that never answers a typed question (a shard
 * answering /coverage, `corpus check`, a start refused for a bad token) need not pay.
 */
function tagger(): Tagger {
  loadedTagger ??= createRequire(import.meta.url)('compromise/two') as Tagger;
  return loadedTagger;
}

/** What kind of fact a question wants, when its wording says so. */
export type AnswerKind = 'person' | 'place' | 'time' | 'quantity';

/** The compromise tags that name each kind. */
const KIND_TAGS: Record<AnswerKind, readonly string[]> = {
  person: ['Person', 'Organization'],
  place: ['Place'],
  time: ['Date', 'Month', 'WeekDay', 'Year', 'Time'],
  quantity: ['Cardinal', 'Ordinal', 'Money', 'Percent', 'Fraction', 'Multiple'],
};

/**
 * What a sentence must hold to possibly name each kind, checked before the costly tagging: a
 * capitalised word after the first for names, a digit, month or day for dates, a digit, number
 * word or ordinal ("second encounter" answers "how many times") for quantities.
 */
const MAY_NAME: Record<AnswerKind, RegExp> = {
  person: /\s["“‘'(]?\p{Lu}/u,
  place: /\s["“‘'(]?\p{Lu}/u,
  time: /\p{N}|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|yesterday|today|tonight|tomorrow|century|decade)/iu,
  quantity: /\p{N}|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|million|billion|trillion|dozen|half|quarter|percent|first|second|third|fifth|eighth|ninth|twelfth)/iu,
};

/** Nouns after "what"/"which" that say the kind: "which city", "what year", "what percentage". */
const KIND_NOUNS: [AnswerKind, RegExp][] = [
  ['time', /^(?:year|years|day|date|month|century|decade|time|era|period|season)$/],
  ['place', /^(?:city|country|town|state|region|place|continent|location|nation|province|county|island|river|capital|venue|stadium|area)$/],
  ['quantity', /^(?:percentage|percent|proportion|number|amount|total|size|population|age|length|distance|height|price|cost|rate|score)$/],
  ['person', /^(?:person|man|woman|leader|president|minister|king|queen|player|author|group|company|organi[sz]ation|team|official|scientist|writer|artist|ruler|emperor|general|founder|newspaper|paper|magazine|outlet|channel|broadcaster|network|agency|party|movement|army|militia|firm|bank|club|university|envoy|spokesman|spokeswoman|mediator)$/],
];

const WH_WORD = /\b(who|whom|whose|what|which|when|where|why|how)\b((?:\s+\S+){0,4})/i;
/** Words that may stand between "what"/"which" and the noun saying the kind: an article, or up to two that qualify the noun ("which famous Dutch artist"). */
const MAX_QUALIFIERS = 2;

/**
 * The kind of answer a question wants, read from its first question word: "Who..." a person,
 * "Where..." a place, "When.../What year..." a time, "How many/much/old/long..." a quantity,
 * "Which Saudi newspaper..." an organisation.
 * Null for "what", "why", "how" and yes/no questions, which want a statement.
 */
export function answerKind(question: string): AnswerKind | null {
  const match = WH_WORD.exec(question.toLowerCase());
  if (!match) return null;
  const [, wh, rest = ''] = match;
  const [next = '', ...after] = rest.trim().split(/\s+/);
  if (wh === 'who' || wh === 'whom') return 'person';
  if (wh === 'where') return 'place';
  if (wh === 'when') return 'time';
  if (wh === 'how') return /^(?:many|much|old|long|far|big|large|tall|high|often)$/.test(next) ? 'quantity' : null;
  if (wh === 'what' || wh === 'which') {
    const phrase = /^(?:the|a|an)$/.test(next) ? after : [next, ...after];
    // A stopword or a punctuation mark ends the noun phrase: "What did the president say?" asks for a statement, not a person.
    for (const written of phrase.slice(0, MAX_QUALIFIERS + 1)) {
      const word = written.replace(/[^\p{L}]/gu, '');
      const kind = KIND_NOUNS.find(([, nouns]) => nouns.test(word))?.[0];
      if (kind) return kind;
      if (word === '' || STOPWORDS.has(word) || /[^\p{L}\p{N}'’-]$/u.test(written)) return null;
    }
    return null;
  }
  return null;
}

/** Per kind, the index terms of each entity of that kind a sentence names. */
type NamedKinds = Map<AnswerKind, string[][]>;

/** One word as compromise tags it. */
interface Term {
  text: string;
  tags: Set<string>;
}

/**
 * A number written as a year or a decade: "1215", "1990s", "'90s". compromise tags a year only
 * between about 1500 and 2100 and after "in" ("between 1970 and 1975" stays a plain number), and
 * a decade never, yet "when" is answered by "in 1215" or "in the 1950s" as much as by "in 2013".
 */
const YEAR_OR_DECADE = /^(?:1\d{3}|20\d{2})$|^['’]?\d{1,3}0['’]?s$/u;

/** Whether compromise's tags, or the word's shape, say it names the kind. */
function names(kind: AnswerKind, term: Term, at: number, next: Term | undefined): boolean {
  if (KIND_TAGS[kind].some((tag) => term.tags.has(tag))) return true;
  if (kind === 'time') return YEAR_OR_DECADE.test(term.text);
  return kind === 'person' && unknownName(term, at, next);
}

/** Tags of capitalised words that are not names of people or organisations. */
const NOT_NAMES = ['Place', 'Date', 'Value', 'Pronoun', 'Determiner', 'Conjunction', 'Preposition'];

/** A compromise document after tokenising, with the steps still to run. */
interface PreTagged {
  docs: Term[][];
  compute(steps: string[]): void;
}

/**
 * A capitalised word inside the sentence that the lexicon does not know as a place, date or
 * number: most often a person's or an organisation's name ("Witkoff", "Hamas"). Only compromise's
 * lexicon and pre-tagger run (a tenth of the full tagger's cost), and they leave such names as
 * plain nouns.
 */
function unknownName(term: Term, at: number, next: Term | undefined): boolean {
  const capitalised = (t: Term | undefined) => t !== undefined && /^\p{Lu}/u.test(t.text);
  const inName = at > 0 || capitalised(next);
  return inName && capitalised(term) && !NOT_NAMES.some((tag) => term.tags.has(tag));
}

const tagged = new WeakMap<object, NamedKinds>();

function namedKinds(text: string): NamedKinds {
  const found: NamedKinds = new Map();
  const document = tagger().tokenize(text) as unknown as PreTagged;
  document.compute(['lexicon', 'preTagger']);
  for (const sentence of document.docs) {
    sentence.forEach((term, at) => {
      for (const kind of Object.keys(KIND_TAGS) as AnswerKind[]) {
        if (!names(kind, term, at, sentence[at + 1])) continue;
        const list = found.get(kind) ?? [];
        list.push(terms(term.text, 'query'));
        found.set(kind, list);
      }
    });
  }
  return found;
}

/**
 * Whether the sentence names something of the wanted kind besides what the question names
 * (`questionTerms`: the question's index terms). `sentence` is the cache key: pass the same object
 * for the same text.
 */
export function namesKind(sentence: { text: string }, kind: AnswerKind, questionTerms: ReadonlySet<string>): boolean {
  if (!MAY_NAME[kind].test(sentence.text)) return false;
  let kinds = tagged.get(sentence);
  if (!kinds) {
    kinds = namedKinds(sentence.text);
    tagged.set(sentence, kinds);
  }
  return (kinds.get(kind) ?? []).some((entity) => entity.length > 0 && entity.some((term) => !questionTerms.has(term)));
}
