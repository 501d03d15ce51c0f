/**
 * The kind of fact a question asks for (who → a person or organisation, where → a place, when →
 * a date, how many/much → a quantity, "Who is Hakan Fidan?" → the named person's role) and whether
 * a sentence names one that the question does not already name: "Who met Hayya?" is not answered
 * by a sentence whose only person is Hayya, nor "Who is Hakan Fidan?" by one that only names him.
 *
 * Sentences are tagged by compromise's part-of-speech and named-entity tagger (its lexicon ships
 * in the package). Tagging costs about a millisecond a sentence, so only the few best candidates
 * of a question are tagged, once per sentence object: sentences live in the bounded
 * `SentenceCache`, and a reloaded article brings new objects.
 */
import { createRequire } from 'node:module';
import { fold, terms } from './analyzer.ts';
import { STOPWORDS } from './stopwords.ts';
import { firstSenseWords, inflectedFrom, isPossessionNoun, isPossessionVerb, isCommonWord, isRoleNoun, nameReading } from './wordnet.ts';
import { baseForm } from './word-forms.ts';
import { isAbbreviatedTitle } from './sentences.ts';

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

/**
 * What kind of fact a question wants, when its wording says so: `role`, what a named person is
 * ("Turkish Foreign Minister"); `name`, a name written more fully than the question writes it
 * ("What is Erdogan's full name?").
 */
export type AnswerKind = 'person' | 'place' | 'time' | 'year' | 'quantity' | 'role' | 'name';
/** The kinds a tagger names: a role or a fuller name is read from the words around the name instead. */
type TaggedKind = Exclude<AnswerKind, 'role' | 'name'>;

/** The compromise tags that name each kind. */
const KIND_TAGS: Record<TaggedKind, readonly string[]> = {
  person: ['Person', 'Organization'],
  place: ['Place'],
  time: ['Date', 'Month', 'WeekDay', 'Year', 'Time'],
  year: ['Year'],
  quantity: ['Cardinal', 'Ordinal', 'Money', 'Percent', 'Fraction', 'Multiple'],
};

/** Units of the calendar that a word before them (`RELATIVE_WORDS`) makes a time relative to the report's ("Last week, President Erdogan said..."), which the tagger reads as a date: news dates by its own day as often as by the calendar's. */
const CALENDAR_UNIT_WORDS = 'week|weekend|month|year|quarter|summer|winter|spring|autumn|morning|afternoon|evening|night';
const RELATIVE_WORDS = 'last|next|this|coming|previous';

/**
 * What a sentence must hold to possibly name each kind, checked before the costly tagging: a
 * capitalised word after the first for names, a digit, month or day for dates, a digit, number
 * word or ordinal ("second encounter" answers "how many times") for quantities.
 */
const MAY_NAME: Record<TaggedKind, RegExp> = {
  person: /\s["“‘'(]?\p{Lu}/u,
  place: /\s["“‘'(]?\p{Lu}/u,
  time: new RegExp(
    `\\p{N}|\\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|yesterday|today|tonight|tomorrow|centur|decade|millenni|(?:eras?|epochs?|dynast(?:y|ies)|reigns?|ages?)\\b)|\\b(?:${RELATIVE_WORDS})\\s+(?:${CALENDAR_UNIT_WORDS})\\b`,
    'iu',
  ),
  year: /\p{N}/u,
  quantity: /\p{N}|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|million|billion|trillion|dozen|half|quarter|percent|first|second|third|fifth|eighth|ninth|twelfth)/iu,
};

/** A question asking for a count ("How many hostages...") or an age ("How old is..."), which only a number answers. */
const COUNT_QUESTION = /\bhow\s+(many|old)\b/iu;
/** Words that write a count without a figure ("six thousand", "dozens", "second encounter", "a single output", "only a few"). */
const COUNT_WORDS = new Set([
  'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen',
  'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety',
  'hundred', 'hundreds', 'thousand', 'thousands', 'million', 'millions', 'billion', 'billions', 'dozen', 'dozens', 'scores', 'half',
  'single', 'few', 'several', 'numerous', 'multiple',
]);
/**
 * Ordinals and words that count events: "their second encounter" answers "how many times", and
 * "the seventh team to win 15 games" how many teams have, but "the first step" and "second-phase
 * talks" count no trucks.
 */
const EVENT_COUNTS = new Set(['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'once', 'twice', 'thrice']);
/** Words before an ordinal that own what it counts: a possessive pronoun, or the "s" left of "Novak's" once its apostrophe splits it. */
const OWNERS: ReadonlySet<string> = new Set(['her', 'his', 'their', 'its', 'our', 'my', 'your', 's']);
/** Words of succession between an ordinal and what it counts ("the third straight success"). */
const SUCCESSION = new Set(['straight', 'consecutive', 'successive', 'running']);
/** A number that is a year, not a count ("1987 shares" are the year's; "in 2026"). */
export const YEAR = /^(?:1[5-9]|20)\d\d$/u;

/**
 * Questions asking an amount, which a sentence answers with a number as surely as a count: the
 * amount's noun after "what/which", a copula, an article and one word qualifying it, ending its
 * phrase ("What was the vote count?", "What percentage of...", "What minimum fare did Uber
 * charge...", "What was the population of..."; not "the price support mechanism", "Price
 * Waterhouse", "what population group"), or a measure after "at what" ("At what altitude did the
 * ship break up?", see `AT_WHAT_MEASURE`). Over SQuAD's dev questions, every sentence answering
 * these forms writes a number ("area", answered by places 25 times in 26, and "age", by "the
 * young and the elderly", are left out). Other measures, salaries and budgets are asked in words
 * as well in news ("What was the speed of the response praised by?", "What is the diameter of the
 * pipeline?" answered "large enough for a person", "What is the library budget for?"). "How much"
 * (unless it asks a sum, see `asksPrice`), "how big", "how high" or "how far" ask a degree as
 * often in news ("How much of a setback was the vote?", "How far along is the plan?"), and "how
 * long" (83%: "until after the war"), "how often" ("biennial"), "what rate" ("rapidly") and "what
 * size" ("small") are answered in words too often; none is asked here.
 */
const AMOUNT_QUESTION =
  /\b(?:what|which)(?:['’]s|\s+(?:is|was|are|were))?(?:\s+(?:the|a|an))?(?:\s+(\p{L}+))?\s+(?:percentage|percent|proportion|number|amount|total|count|price|cost|fee|fare|distance|length|height|population)(?![\p{L}'’-])(?:\s+(\p{L}+))?/giu;

/** "At what altitude...", "At what temperature...": a measure asked as the point at which something happened, which a figure gives. */
const AT_WHAT_MEASURE = /\bat\s+what\s+(?:\p{L}+\s+)?(?:altitude|elevation|height|depth|speed|temperature|price|cost)\b/iu;

/** "What is the dress worth?": a question ending on what something is worth asks its price. */
const WORTH_QUESTION = /\bwhat\s+(?:is|was|are|were|will)\b[^?]*\bworth[\s\p{P}\p{S}]*$/iu;

/** Whether a question asks an amount (see `AMOUNT_QUESTION`, `AT_WHAT_MEASURE`, `WORTH_QUESTION`). */
function asksAmount(question: string): boolean {
  const plain = (word: string | undefined) => word === undefined || STOPWORDS.has(word.toLowerCase());
  return WORTH_QUESTION.test(question) || AT_WHAT_MEASURE.test(question) || [...question.matchAll(AMOUNT_QUESTION)].some(([, qualifier, next]) => (qualifier === undefined || !plain(qualifier)) && plain(next));
}

/** What a question asks a number for: a count ("how many"), an amount (see `AMOUNT_QUESTION`) or an age ("how old"). */
export type NumberAsked = 'count' | 'amount' | 'age';

/** What a question asks a number for (see `NumberAsked`); null for any other question. */
export function countAsked(question: string): NumberAsked | null {
  const asked = COUNT_QUESTION.exec(question)?.[1]?.toLowerCase();
  if (asked === 'old') return 'age';
  return asked === 'many' ? 'count' : asksAmount(question) || asksPrice(question) ? 'amount' : null;
}

/** "How much" and what follows it, unless it asks a degree ("How much of a setback..."). */
const HOW_MUCH = /\bhow\s+much\b(?!\s+of\b)(.*)$/isu;

/**
 * Whether a "how much" question asks a sum: the noun after it is one ("How much money..."), or,
 * with no noun there, a later word is one ("How much does the Xbox cost?") or a verb of buying,
 * selling, paying or owning ("How much did Facebook pay to buy WhatsApp?"). "How much" alone asks
 * a degree as often ("How much did the vote hurt Labour?", "How much support does the plan
 * have?"), which words answer.
 */
function asksPrice(question: string): boolean {
  const words = (HOW_MUCH.exec(question)?.[1]?.match(/\p{L}+/gu) ?? []).map((word) => baseForm(fold(word)));
  const [next] = words;
  if (next === undefined) return false;
  if (!STOPWORDS.has(next)) return isPossessionNoun(next);
  return words.some((word, at) => !STOPWORDS.has(word) && (isPossessionNoun(word) || isPossessionVerb(word) || (PRICE_WORDS.has(word) && !DETERMINERS.has(words[at - 1] ?? ''))));
}

/** "What was the cost of...", "What is the ticket price?": a question naming a price as the thing asked. */
const PRICE_NOUN_QUESTION = /\b(?:what|which)\s+(?:is|was|are|were|will\s+be)\s+(?:the\s+)?(?:[\p{L}-]+\s+)?(?:costs?|prices?|fees?|fares?)\b/iu;

/** Verbs of change: "How much did Boeing shares fall?" asks by how much, a degree, however the thing changed is priced. */
const CHANGE_VERB = /\b(?:f[ae]ll|falls|fallen|falling|rise|rose|rises|risen|rising|drop|dropped|drops|climb|climbed|gain|gained|increase|increased|decrease|decreased|grow|grew|grown|decline|declined|jump|jumped|slump|slumped|surge|surged|plunge|plunged|soar|soared|cut|cuts|shrink|shrank|shrunk)\b/iu;

/** Whether a question asks a sum of money: "How much did Facebook pay to buy WhatsApp?", "What is the dress worth?", "What was the cost of the events?"; not how much something changed. */
export function asksMoney(question: string): boolean {
  return (asksPrice(question) && !CHANGE_VERB.test(question)) || WORTH_QUESTION.test(question) || PRICE_NOUN_QUESTION.test(question);
}

/**
 * A sum of money as news writes it: a currency sign or code before a figure ("$19 billion", "£34m",
 * "Rs 5,000 crore", "CHF 10"), or a figure, perhaps scaled, before a currency written in lowercase,
 * perhaps named by its country ("1.8 billion dlrs", "500 Belgian francs"); not "pounds of" a
 * weight, nor "10 Mark Street". The figure is caught, so that a year ("in 2019 marks the") is told
 * apart.
 */
const MONEY = new RegExp(
  String.raw`(?:[$€£¥₹₩₪₦₽₺]|\b(?:Rs\.?|INR|CHF|USD|EUR|GBP|JPY|CNY|AUD|CAD|HK\$|US\$))\s?\p{N}` +
    String.raw`|(?<![\p{N},.])(\p{N}(?:[\p{N},.]*\p{N})?)\s*(?:(?:hundred|thousand|million|billion|trillion|mln|bln|bn|m|k|lakh|crore)\s+)?(?:\p{Lu}[\p{L}.]*\s+){0,2}` +
    String.raw`(?:dollars?|dlrs?|pounds?(?!\s+of\b)|stg|sterling|euros?|yen|yuan|renminbi|marks?|francs?|rupees?|pesos?|cents?|lira|lire|crowns?|guilders?|riyals?|dinars?|dirhams?|rubles?|roubles?|won|rand|baht|shekels?|ringgit|kronor|krona|kroner|zloty|naira)\b`,
  'gu',
);
/** A figure that is a year, which no currency after it makes a sum ("in 2019 marks the..."). */
const YEAR_FIGURE = /^(?:1[5-9]|20)\d\d$/u;

/** Whether a sentence writes a sum of money (see `MONEY`): "a thing or two" and "25 percent" give no price. */
export function writesMoney(sentence: string): boolean {
  return [...sentence.matchAll(MONEY)].some(([, figure]) => figure === undefined || !YEAR_FIGURE.test(figure));
}

/** Words of a price whose first senses WordNet files elsewhere: "charge" first charges at an enemy, "worth" is first a quality; after an article, "the charge" is a cost booked, not a price asked. */
const PRICE_WORDS: ReadonlySet<string> = new Set(['charge', 'worth']);

/**
 * Words by which a sentence places what it tells in time, however loosely: a figure, a time opener
 * ("during", "after", "following", "pending"...), a time adverb ("ago", "shortly", "swiftly"), a
 * recurrence ("at its annual meeting"), a holiday, a unit of time, or its want ("no date has been
 * set", "no timetable was given"); with `TIME_NAMES`, a month or a day. A sentence with none of
 * them cannot say when.
 */
const TIME_WORDS =
  /\p{N}|\b(?:yesterday|today|tonight|tomorrow|during|until|till|after|before|when|whenever|while|since|once|following|pending|upon|prior|ahead|amid|ago|later|earlier|recently|recent|previously|formerly|soon|shortly|immediately|immediate|swiftly|promptly|quickly|eventually|initially|finally|now|currently|lately|afterwards?|meanwhile|overnight|annual|annually|yearly|quarterly|monthly|weekly|daily|year-end|yearend|quarters?|easter|christmas|holidays?|time|future|next|dates?|dated|timetable|timeline|schedule|scheduled|deadline|years?|months?|weeks?|days?|hours?|minutes?|decades?|centur(?:y|ies)|millenni(?:um|a)|eras?|epochs?|ages|seasons?|summer|winter|spring|autumn|morning|afternoon|evening|night|noon|midnight|weekend|dynast(?:y|ies)|reign)\b/iu;
/** Month names as written, in full or abbreviated, capitalised: "may" and "march" are words of their own. */
const MONTH_NAMES = 'Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?';
/** Months and days, capitalised. */
const TIME_NAMES = new RegExp(`\\b(?:${MONTH_NAMES}|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\\b`, 'u');

/** Whether a sentence places anything in time (see `TIME_WORDS`, `TIME_NAMES`): one that does not cannot answer "when". */
export function mentionsTime(sentence: string): boolean {
  return TIME_WORDS.test(sentence) || TIME_NAMES.test(sentence);
}

/**
 * A day as news writes it: a date in figures ("12/15", "2025-11-21", "the 19th"), a year, a day
 * relative to the report's ("yesterday", "at the weekend"), or a holiday; with `TIME_NAMES` and
 * `NAMED_DAY`, a month, a weekday or a named day ("Memorial Day"). Any other figure is no date:
 * "60 Minutes", "13 people", "1.5 million".
 */
const DAY_WORDS =
  /(?<![\p{L}\p{N}])(?:\d{1,2}(?:st|nd|rd|th)|\d{1,2}\/\d{1,2}(?:\/\d{2,4})?|\d{4}-\d{2}-\d{2}|1\d{3}|20\d{2})(?![\p{L}\p{N}])|\b(?:yesterday|today|tonight|tomorrow|weekend|easter|christmas|ramadan|eid|thanksgiving|hanukkah|passover|diwali)\b/iu;
/** A day named in capitals: "Memorial Day", "May Day", "New Year's Day". */
const NAMED_DAY = /\b\p{Lu}[\p{L}'’]*\s+Day\b/u;
/** A question asking a day or a date: "What date did the council vote?", "On which day...". */
const DAY_QUESTION = /\b(?:what|which)\s+(?:date|day)\b/iu;

/** Whether a question asks a day or a date (see `DAY_QUESTION`), which "soon", "swiftly" or "after the talks" does not give. */
export function asksDay(question: string): boolean {
  return DAY_QUESTION.test(question);
}

/** Units of time, by which a sentence places one event from another ("hours after heavy rain", "two days later"). */
const TIME_SPAN = /\b(?:minutes?|hours?|days?|weeks?|months?|years?|decades?|centur(?:y|ies))\b/iu;

/** Whether a sentence names a day (see `mentionsDay`) or a span of time (see `TIME_SPAN`). */
export function mentionsDayOrSpan(sentence: string): boolean {
  return mentionsDay(sentence) || TIME_SPAN.test(sentence);
}

/** Whether a sentence names a day (see `DAY_WORDS`): one that does not cannot answer "what date". */
export function mentionsDay(sentence: string): boolean {
  return DAY_WORDS.test(sentence) || TIME_NAMES.test(sentence) || NAMED_DAY.test(sentence);
}

/**
 * A question asking the time of day something is set for: "What time is the meeting?", "what time
 * will they vote". Asked of the past, "what time" as often asks a period ("What time did a river
 * system develop in the Rhine Graben?": the Miocene). "What time on Wednesday is..." is not read
 * so: a time written in the wires' forms ("at 15.00", "at 14h") would go unrecognised, and the day
 * answers part of it.
 */
const CLOCK_QUESTION = /\bwhat\s+time(?:['’]s|\s+(?:is|are|will|does|do)\b)/iu;
/** What follows four figures that write a time of day ("1300 GMT", "0600 hrs"), not a year. */
const CLOCK_ZONES = 'GMT|UTC|EST|EDT|CET|BST|ET|PT|CT|hrs|local';
/** A time of day: "3 pm", "15:30", "8.30 local time", "1300 GMT", "at 0600", "noon", "sunset", "in the morning". */
const CLOCK_WORDS = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:\d{1,2}(?:[:.]\d{2})?\s*(?:a\.?m\.?|p\.?m\.?)(?![\p{L}])|\d{1,2}:\d{2}|\d{1,2}(?:[.:]\d{2})?\s+local\s+time\b(?!\s+zones?)|\d{4}\s*(?:${CLOCK_ZONES}))|\b(?:at|by|from|until|till)\s+[0-2]\d[0-5]\d\b|\b(?:noon|midday|midnight|dawn|dusk|sunrise|sunset|daybreak|nightfall|morning|afternoon|evening|night|o['’]clock)\b`,
  'iu',
);

/** Whether a question asks a time of day (see `CLOCK_QUESTION`), which "on Wednesday" does not give. */
export function asksClock(question: string): boolean {
  return CLOCK_QUESTION.test(question);
}

/** Whether a sentence gives a time of day (see `CLOCK_WORDS`): one that does not cannot answer "what time". */
export function mentionsClock(sentence: string): boolean {
  return CLOCK_WORDS.test(sentence);
}

/** A question asking how long something lasts or measures: "How long did the meeting last?"; "how long ago" asks when. */
const DURATION_QUESTION = /\bhow\s+long\b(?!\s+ago\b)/iu;
/** Units of time and length. */
const SPAN_UNITS = 'seconds?|minutes?|hours?|days?|nights?|weeks?|fortnights?|months?|years?|decades?|centur(?:y|ies)|generations?|lifetimes?|miles?|kilomet(?:er|re)s?|meters?|metres?|feet|foot|inch(?:es)?|yards?';
/**
 * Words by which a sentence gives a span of time or a length: a unit after a number or a number
 * word ("three hours", "a 12-day war", "two-year-old bankruptcy proceedings", "1,200 m"), a unit
 * in the plural ("for decades"), but not one naming a time ("last week", "every year"); a span's
 * bound ("until the end of the war", "since 2010") or its ends ("from March 23 to April 22",
 * "began on March 3, ended on April 10"); a word that says the span ("briefly", "overnight").
 * A figure alone is none, nor "second-phase talks", nor a person's age ("21-year-old Richard Pohl").
 */
const DURATION_WORDS = new RegExp(
  [
    `(?<![\\p{L}])(?:\\d[\\d,.]*|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|several|few|many|half|couple\\s+of)[\\s-]+(?:${SPAN_UNITS}|km|m|ft|mi|cm|mm)\\b`,
    `(?<!\\b(?:last|this|next|every|each|per|same|that|earlier|later)\\s+)\\b(?:seconds|minutes|hours|days|nights|weeks|months|years|decades|centuries|generations|miles|kilomet(?:er|re)s|meters|metres|feet|yards)\\b`,
    `\\b(?:until|till|since|throughout|briefly|overnight|forever|indefinitely|permanently|temporarily)\\b`,
    `\\bfrom\\b[^.;]{1,40}?\\b(?:to|until|till|through)\\b`,
    `\\b(?:began|begun|started|opened)\\b[^.;]{1,60}?\\b(?:ended|closed|finished)\\b`,
  ].join('|'),
  'iu',
);

/** Whether a question asks how long (see `DURATION_QUESTION`), which a sentence naming no span cannot answer. */
export function asksDuration(question: string): boolean {
  return DURATION_QUESTION.test(question);
}

/** A person's age before the name ("21-year-old Richard Pohl"), which gives no span of anything else. */
const AGE_BEFORE_NAME = /[\p{L}\p{N}]+-(?:year|month|week|day)-old\s+(?=\p{Lu})/gu;

/** Whether a sentence gives a span of time or a length (see `DURATION_WORDS`). */
export function writesDuration(sentence: string): boolean {
  return DURATION_WORDS.test(sentence.replace(AGE_BEFORE_NAME, ''));
}

/**
 * A year in figures, not a price ("$1200"), a rough count ("about 2000 people") or a time of day
 * ("1300 GMT"); or a year the report's date gives ("last year", "this year").
 */
const YEAR_WORDS = new RegExp(
  String.raw`(?<![$€£¥\p{L}\p{N}])(?<!\b(?:about|some|nearly|around|almost|over|than|roughly|approximately)\s+)(?:1\d{3}|20\d{2})(?![\p{L}\p{N}]|\s*(?:${CLOCK_ZONES}|hours)\b)|\b(?:last|this|next|previous|same|that)\s+year\b`,
  'iu',
);

/**
 * Whether a sentence places anything in a year (see `YEAR_WORDS`): one that does not cannot answer
 * "what year", whatever else it counts ("died at age 22"). A month is no year, even in a dated
 * report: "Witkoff's son Andrew died at age 22..., while Hayya's son was killed... on September 9"
 * would read as the year of a death it does not date.
 */
export function mentionsYear(sentence: string): boolean {
  return YEAR_WORDS.test(sentence);
}

/**
 * Whether a sentence writes a count of `counted`, the thing a "how many" question counts (null
 * when it names none): a figure that is no year ("13 dead", "2,400"), a number word or a counting
 * word ("six thousand pearls", "several"); an ordinal only for events ("How many times...?") or
 * right before the thing counted (see `EVENT_COUNTS`). A count or an age is never written
 * otherwise, so a sentence writing none cannot answer "how many" or "how old". A day of the month
 * ("on September 9", see `isDayOfMonth`) counts nothing, and an age ("died at age 22", see
 * `writtenAsAge`) only answers an age `asked`.
 */
export function writesCount(sentence: string, counted: string | null, asked: NumberAsked = 'count'): boolean {
  const words = undatedCountWords(sentence)
    .filter((word) => asked === 'age' || !writtenAsAge(sentence, word))
    .map(({ word }) => word);
  const thing = counted === null ? null : fold(counted);
  if (thing === 'times' || words.some((word) => !EVENT_COUNTS.has(word))) return words.length > 0;
  // Only ordinals: one counts the thing right after it, read from the sentence's words only then,
  // where it tells how many so far: owned ("her fifth title"), in succession ("the third straight
  // success") or the Nth to do something ("the seventh team to win"). Otherwise it says which
  // ("the second phase of the deal"), and "first" never says how many.
  const one = (word: string) => (thing !== null && (word === thing || inflectedFrom(thing).includes(word)));
  const all = fold(sentence).match(/[\p{L}\p{N}]+/gu) ?? [];
  const owned = (at: number) => OWNERS.has(all[at - 1] ?? '');
  const counts = (at: number) => (one(all[at + 1] ?? '') && (owned(at) || all[at + 2] === 'to')) || (SUCCESSION.has(all[at + 1] ?? '') && one(all[at + 2] ?? ''));
  return words.some((word) => word !== 'first' && all.some((w, at) => w === word && counts(at)));
}

/** Words that make the number right after them an age: "died at age 22", "aged 57". */
const BEFORE_AGE = /\bage[ds]?\s+$/iu;
/** What makes the number right before it an age: "a 22-year-old". */
const AFTER_AGE = /^[-‐‑\s]years?[-‐‑\s]old\b/iu;
/** A name and its comma before a number set off by commas, as news gives an age: "Fidan, 57, said". */
const NAME_BEFORE_AGE = /(\p{Lu}[\p{L}'’.-]*),\s*$/u;
/** The oldest age a number set off after a name is read as: "Smith, 1,204, Jones, 987" are votes. */
const OLDEST_AGE = 120;

/** How a number is written as someone's age: after "age" or "aged", before "-year-old", or set off by commas after a name ("Fidan, 57,"). */
export type AgeForm = 'aged' | 'year-old' | 'apposition';

/**
 * How a count word is written as someone's age ("at age 22", "a 22-year-old", "Fidan, 57,"), which
 * counts nothing a "how many" question asks, and where that wording ends: past "-year-old", or at
 * the number; null when it is no age. A number set off after a place is no age ("cases in Paris,
 * 3, Lyon, 5").
 */
function ageWording(sentence: string, { word, at, end }: CountWord): { age: AgeForm; until: number } | null {
  const before = sentence.slice(Math.max(0, at - 40), at);
  const after = sentence.slice(end);
  if (BEFORE_AGE.test(before)) return { age: 'aged', until: end };
  const yearOld = AFTER_AGE.exec(after);
  if (yearOld) return { age: 'year-old', until: end + yearOld[0].length };
  const name = NAME_BEFORE_AGE.exec(before)?.[1];
  return name !== undefined && /^\s*,/u.test(after) && /^\d+$/u.test(word) && Number(word) <= OLDEST_AGE && !isPlaceWord(bareName(name)) ? { age: 'apposition', until: end } : null;
}

/** Whether a count word is written as someone's age (see `ageWording`). */
function writtenAsAge(sentence: string, word: CountWord): boolean {
  return ageWording(sentence, word) !== null;
}

/**
 * A number a sentence writes (see `countWordsAt`), where it stands, how it is written as an age,
 * if it is one (see `ageWording`), and where that wording ends ("a 22-year-old" past "old").
 */
export interface WrittenNumber {
  at: number;
  end: number;
  age: AgeForm | null;
  until: number;
}

/** The numbers a sentence writes that may count something or give an age: a day of the month does neither. */
export function numbersWritten(sentence: string): WrittenNumber[] {
  return undatedCountWords(sentence).map((word) => {
    const wording = ageWording(sentence, word);
    return { at: word.at, end: word.end, age: wording?.age ?? null, until: wording?.until ?? word.end };
  });
}

/** Plural counting words that give a number in round figures ("hundreds of civilians"). */
export const ROUND_COUNTS: ReadonlySet<string> = new Set(['scores', 'dozens', 'hundreds', 'thousands', 'millions', 'billions']);
/** Counting words that give no amount: "dominated by a few companies" says no percentage, "millions of dollars" no price. */
const VAGUE_COUNTS: ReadonlySet<string> = new Set(['few', 'several', 'numerous', 'multiple', 'single', ...ROUND_COUNTS]);

/** Whether a sentence writes an amount: a figure that is no year, or a number written out ("three pct"), not a vague count or an ordinal. */
export function writesAmount(sentence: string): boolean {
  return countWordsOf(sentence).some((word) => !VAGUE_COUNTS.has(word) && !EVENT_COUNTS.has(word));
}

/** A name's possessive and the noun after it, folded, as a question writes them ("Hayya's son" in "How old was Hayya's son?"). */
export interface Possession {
  owner: string;
  thing: string;
}

/** The end of a text that a day of the month follows ("...on September "), and the start of one a day precedes (" September..."). */
const AFTER_MONTH = new RegExp(`\\b(?:${MONTH_NAMES})\\.?\\s+$`, 'u');
const BEFORE_MONTH = new RegExp(`^\\s+(?:${MONTH_NAMES})\\b`, 'u');

/** The first possession a question writes of a name (see `Possession`); null when it writes none. */
export function askedPossession(question: string): Possession | null {
  const found = /(\p{Lu}[\p{L}-]*)['’]s\s+(\p{Ll}+)/u.exec(question);
  return found?.[1] && found[2] ? { owner: fold(found[1]), thing: fold(found[2]) } : null;
}

/**
 * Whether every number a sentence writes is told of another owner's same thing before the sentence
 * turns to the one asked: after the other's and before the asked owner's ("Witkoff's son Andrew
 * died at age 22..., while Hayya's son, Himam al-Hayya, was killed" gives Witkoff's son's age, not
 * Hayya's son's). A number after the asked owner's is not judged: owners joined by "and" share one
 * ("Brenner's daughter and Kovac's daughter were both 19"), and an aside names another between
 * the owner and its number ("Ortiz's husband, who is older than Reyes's husband, is 67").
 */
export function numbersOwnedByOthers(sentence: string, asked: Possession): boolean {
  const sameOwner = (owner: string) => sameNameWord(owner, asked.owner);
  const possessed = new RegExp(String.raw`(\p{L}[\p{L}-]*)['’]s\s+${asked.thing.replace(/[^\p{L}]/gu, '')}\b`, 'giu');
  const owners = [...sentence.matchAll(possessed)].map((found) => ({ at: found.index ?? 0, owner: fold(found[1] ?? '') }));
  const askedAt = owners.find(({ owner }) => sameOwner(owner))?.at;
  if (askedAt === undefined || owners.every(({ owner }) => sameOwner(owner))) return false;
  // A day of a month ("on September 9") is no one's count or age.
  const numbers = undatedCountWords(sentence).map(({ at }) => at);
  return numbers.length > 0 && numbers.every((at) => at < askedAt && owners.some((possession) => possession.at < at && !sameOwner(possession.owner)));
}

/** Whether two folded words of names are the same: as written, or one with a particle hyphened before it ("al-hayya" and "hayya"). */
export function sameNameWord(a: string, b: string): boolean {
  return a === b || a.endsWith(`-${b}`) || b.endsWith(`-${a}`);
}

/** The figures that are no year, number words, counting words and ordinals of a text, folded. */
function countWordsOf(text: string): string[] {
  return countWordsAt(text).map(({ word }) => word);
}

/** A word of `countWordsOf`, folded, with where it starts and ends in the text. */
interface CountWord {
  word: string;
  at: number;
  end: number;
}

/** The words of `countWordsOf`, each with where it stands in the text. */
function countWordsAt(text: string): CountWord[] {
  return [...text.matchAll(/[\p{L}\p{N}][\p{L}\p{N},.]*/gu)].flatMap((found) => {
    const written = found[0].replace(/[,.]+$/u, '');
    const bare = fold(written);
    const counts = /^\p{N}/u.test(bare) ? !YEAR.test(bare) : COUNT_WORDS.has(bare) || EVENT_COUNTS.has(bare);
    const at = found.index ?? 0;
    return counts ? [{ word: bare, at, end: at + written.length }] : [];
  });
}

/** The words of `countWordsAt` that are no day of the month, which counts nothing and is no one's age ("on September 9"). */
function undatedCountWords(sentence: string): CountWord[] {
  return countWordsAt(sentence).filter((word) => !isDayOfMonth(sentence, word));
}

/** Whether a count word is a day of the month: a number up to 31 right after a month's name or before it ("September 9", "September 9th", "9 September"), not "since January 40 journalists". */
function isDayOfMonth(sentence: string, word: CountWord): boolean {
  return followsMonth(sentence, word) || (isDayNumber(word.word) && BEFORE_MONTH.test(sentence.slice(word.end)));
}

/**
 * Whether a count word is a day written after its month ("On March 18, Israel..."). A day before
 * its month may instead count a thing named after the month ("held 25 May Day marchers").
 */
export function followsMonth(sentence: string, { word, at }: CountWord): boolean {
  return isDayNumber(word) && AFTER_MONTH.test(sentence.slice(0, at));
}

/** Whether a word is a number a day of the month may be (up to 31, "9th" too). */
function isDayNumber(word: string): boolean {
  const day = /^(\d{1,2})(?:st|nd|rd|th)?$/u.exec(word)?.[1];
  return day !== undefined && Number(day) <= 31;
}

/** Nouns after "what"/"which" that say the kind: "which city", "what year", "what percentage". */
const KIND_NOUNS: [AnswerKind, RegExp][] = [
  ['year', /^(?:year|years)$/],
  ['time', /^(?:day|date|month|century|decade|time|era|period|season)$/],
  ['place', /^(?:city|country|town|state|region|place|continent|location|nation|province|county|island|river|capital|venue|stadium|area)$/],
  ['quantity', /^(?:percentage|percent|proportion|number|amount|total|count|size|population|age|length|distance|height|price|cost|fee|fare|rate|score)$/],
  ['person', /^(?:person|man|woman|leader|president|minister|king|queen|player|author|group|company|organi[sz]ation|team|official|scientist|writer|artist|ruler|emperor|general|founder|newspaper|paper|magazine|outlet|channel|broadcaster|network|agency|party|movement|army|militia|firm|bank|club|university|envoy|spokesman|spokeswoman|mediator)$/],
];

const WH_WORDS = 'who|whom|whose|what|which|when|where|why|how';
const WH_WORD = new RegExp(`\\b(${WH_WORDS})\\b((?:\\s+\\S+){0,4})`);
/** A clause opening a question, lowercased, that sets its scene ("when rich countries trade with poor countries, whose wages increase?"): the question word after its comma asks. */
const OPENING_CLAUSE = new RegExp(`^\\s*(?:when|while|if|after|before|once|since|although|though|because|unless)\\b[^,?]*,\\s*(?=(?:${WH_WORDS})\\b)`);
/** Words that may stand between "what"/"which" and the noun saying the kind: an article, or up to two that qualify the noun ("which famous Dutch artist"). */
const MAX_QUALIFIERS = 2;

/**
 * The kind of answer a question wants, read from its first question word past a clause setting
 * the scene: "Who..." a person, "Where..." a place, "When..." a time, "What year..." a year, "How
 * many/much/old/long..." a quantity, "Which Saudi newspaper..." an organisation.
 * Null for "what", "why", "how" and yes/no questions, which want a statement.
 */
export function answerKind(question: string): AnswerKind | null {
  const match = WH_WORD.exec(question.toLowerCase().replace(OPENING_CLAUSE, ''));
  if (!match) return asksRoleByPossessive(question) ? 'role' : null;
  const [, wh, rest = ''] = match;
  const [next = '', ...after] = rest.trim().split(/\s+/);
  if (wh === 'who' || wh === 'whom') return asksWhoSomeoneIs(question) ? 'role' : 'person';
  if (wh === 'where') return 'place';
  if (wh === 'when') return 'time';
  if (wh === 'how') return /^(?:many|much|old|long|far|big|large|tall|high|often)$/.test(next) ? 'quantity' : null;
  if (wh === 'what' || wh === 'which') {
    if (ASKS_NAME.test(question)) return 'name';
    if (ASKS_ROLE.some((form) => form.test(question))) return 'role';
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

/** "What kind of state...", "What is the name of the process...", "What is another word for...": a word saying what sort of thing is asked, right after what/which or past "is", an article or a few qualifying words. */
const TYPE_WORD =
  /\b(?:what|which)(?:['’]s)?(?:\s+(?:is|was|are|were|the|a|an|one|some|two|three|several|other|another|common|main|different|specific|particular|best|first))*?\s+(?:(kind|kinds|type|types|sort|sorts|variety|varieties|name|names|example|examples)\s+of|(?:another|other|the|a|an)\s+(name|names|word|words|term|terms)\s+for)\b/iu;

/**
 * "What does ISF stand for?", "what's ISF stand for", "What is the acronym QED short for?", "ISF
 * stands for what?": a question ending so, about one short word, asks what an abbreviation is
 * written out; "What will Barclay not stand for?" and "What does Turkiye stand for?" ask something
 * else.
 */
const STANDS_FOR = [
  /\bwhat(?:['’]?s|\s+(?:does|do|did|is|was))\s+(?:the\s+)?(?:(?:letters|acronym|abbreviation|initials)\s+)?["'“‘]?(\p{L}[\p{L}.&]{1,5})["'”’]?(?:\s+(?:acronym|abbreviation))?\s+(?:stand|short)\s+for[\s\p{P}\p{S}]*$/iu,
  /^\s*(?:the\s+)?(?:(?:letters|acronym|abbreviation|initials)\s+)?["'“‘]?(\p{L}[\p{L}.&]{1,5})["'”’]?\s+(?:stands|is\s+short)\s+for\s+what[\s\p{P}\p{S}]*$/iu,
];

/**
 * The word of a question that only says what sort of thing it asks for ("kind" in "What kind of
 * state was Khwarezmia?", "name" in "What is the name of the process...?"): the answer names the
 * thing ("a Muslim state", "trial division") and rarely writes that word, so it is no question
 * term. Only before "of", or as "another name", "the word"... before "for": "Which blood type is
 * rarest?" asks about blood types, and "Which manager did Madrid name for the role?" names.
 */
export function typeWord(question: string): string | null {
  const found = TYPE_WORD.exec(question);
  return (found?.[1] ?? found?.[2])?.toLowerCase() ?? null;
}

/**
 * The abbreviation, folded, without its dots and ampersands ("pge" for "PG&E"), that "What does
 * ISF stand for?" asks to have written out (see `STANDS_FOR`); null for any other question. It is
 * the question's one topic: no answer writes "stand" or "acronym", and "an international
 * stabilization force [ISF]" answers.
 */
export function abbreviationAsked(question: string): string | null {
  const written = STANDS_FOR.map((form) => form.exec(question)?.[1]).find((found) => found !== undefined);
  const letters = fold(written?.replace(/[.&]/gu, '') ?? '');
  return letters.length >= 2 ? letters : null;
}

/** What follows "how many" (and "of the...") up to a mark ending the phrase. */
const HOW_MANY = /\bhow\s+many\s+(?:of\s+(?:the|these|those|its|their|his|her|our)\s+)?([^?.!,;:]*)/iu;

/**
 * The word naming what a "how many" question counts: the last before a stopword, a verb's
 * participle or a word that can only be a verb ("pearls" in "How many pearls were on the gown?",
 * "shares" in "How many Purolator Courier shares were tendered?", "tablets" in "How many of the
 * diet tablets had she swallowed?", "people" in "How many people died?", "hostages" in "How many
 * hostages remain in Gaza?"), without quotation marks. The answer most often writes the number
 * right before it ("6,000 white Akoya pearls"). A verb that is also a noun does not end the phrase
 * ("How many rockets hit Israeli towns?" reads "towns"): ending it there ("rockets") cost a held-out
 * page question its answer.
 */
export function countedThing(question: string): string | null {
  const phrase = (HOW_MANY.exec(question)?.[1]?.trim().split(/\s+/u) ?? []).map((word) => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')).filter(Boolean);
  // A participle after the noun is its verb ("people died"); before it, it qualifies it ("striking miners").
  const end = phrase.findIndex((word, i) => STOPWORDS.has(fold(word)) || (i > 0 && (isParticiple(fold(word)) || isVerbNeverNoun(fold(word)))));
  return phrase.slice(0, end < 0 ? phrase.length : end).at(-1) ?? null;
}

/** Whether WordNet knows a word as a verb and never as a noun ("remain", "live"): after the counted noun, it is the question's verb. */
function isVerbNeverNoun(word: string): boolean {
  return firstSenseWords(word, 'verb').length > 0 && firstSenseWords(word, 'noun').length === 0;
}

/** Whether a folded word is a noun's regular plural ("hostages", "injuries"): WordNet knows what is left without its ending as a noun. */
export function isPluralNoun(word: string): boolean {
  // No plural ends in "ss": "discuss" is no more discuses than "boss" is a herd of bos.
  return /(?<!s)s$/u.test(word) && inflectedFrom(word).some((singular) => firstSenseWords(singular, 'noun').length > 0);
}

/** Whether a word is a verb's -ed or -ing form ("died", "killed", "leaving"), which ends a noun phrase. */
function isParticiple(word: string): boolean {
  return /(?:ed|ing)$/u.test(word) && firstSenseWords(word, 'verb').length > 0;
}

/** The words after "which" or "what" (and an article), where the noun asked about may stand. */
const WHICH_PHRASE = /\b(?:which|what)\s+(?:(?:the|an?)\s+)?(.+)/iu;
/** Lowercase words that may qualify the asked noun of persons before it ("former", "finance" in "Which Brazilian finance minister..."). */
const MAX_PERSON_QUALIFIERS = 2;

/**
 * The noun of persons a "which" or "what" question asks to name: the first word written in lowercase whose
 * first sense WordNet files among persons, read past capitalised words (names and the adjectives
 * of names) and up to two lowercase qualifiers: "official" in "Which U.S. Treasury official
 * told...", "president" in "Which former Rocky Mount Undergarment president...", "member" in
 * "Which German bank's board member said...". A stopword or a mark ending a clause ends the
 * phrase: "What did the president say?" asks for a statement; an adjective before a noun
 * qualifies it: "What official statement..." asks for no official.
 */
export function askedPersonNoun(question: string): string | null {
  const phrase = (WHICH_PHRASE.exec(question)?.[1]?.trim().split(/\s+/u) ?? []).map((written) => ({ written, word: bareWord(written).replace(/[^\p{L}-]/gu, '') }));
  let qualifiers = 0;
  for (const [i, { written, word }] of phrase.entries()) {
    if (word === '' || STOPWORDS.has(word)) return null;
    if (/^\p{Ll}/u.test(written)) {
      if (isRoleNoun(word) && !qualifiesNext(word, phrase[i + 1]?.word)) return word;
      qualifiers += 1;
    }
    if (qualifiers > MAX_PERSON_QUALIFIERS || /[,;:?!]$/u.test(written)) return null;
  }
  return null;
}

/**
 * The noun a "which" or "what" question asks to name, and whether it names persons: the last noun
 * of the phrase after the question word, as the tagger reads the question in its context
 * ("official" in "Which U.S. Treasury official told...", "camp" in "which refugee camp got hit",
 * where "refugee" only qualifies it). Where the tagger reads no noun there, the noun of persons
 * `askedPersonNoun` finds by the lexicon alone. A noun of things counts only where the question
 * asks for no kind the tagger names (see `answerKind`: "Which city hosted..."), which has its own check.
 */
export function askedNoun(question: string): { written: string; person: boolean } | null {
  const head = phraseHead(question);
  if (head === null) {
    const person = askedPersonNoun(question);
    return person === null ? null : { written: person, person: true };
  }
  if (isRoleNoun(baseForm(head))) return { written: head, person: true };
  return answerKind(question) === null ? { written: head, person: false } : null;
}

/** A question word after which `phraseHead` reads a noun phrase, anywhere in the question. */
const WHICH_OR_WHAT = /\b(?:which|what)\b/iu;

/** The last noun, written in lowercase, of the phrase of nouns and adjectives right after "which" or "what" ("camp" in "which refugee camp got hit", "drug" in "Which Glaxo drug was threatened...?"); null when none follows ("What did she say?"). */
function phraseHead(question: string): string | null {
  // Most questions ask who, when or how: only one writing "which" or "what" is tagged.
  if (!WHICH_OR_WHAT.test(question)) return null;
  const document = tagger().tokenize(question) as unknown as PreTagged;
  document.compute(['lexicon', 'preTagger']);
  const [sentence = []] = document.docs;
  const asking = sentence.findIndex((term) => /^(?:which|what)$/iu.test(term.text));
  if (asking < 0) return null;
  let noun: string | null = null;
  for (const term of sentence.slice(asking + 1)) {
    if (/^(?:the|an?)$/iu.test(term.text) && noun === null) continue;
    if (!term.tags.has('Noun') && !term.tags.has('Adjective')) break;
    if (term.tags.has('Noun') && /^\p{Ll}/u.test(term.text)) noun = bareWord(term.text);
  }
  return noun;
}

/** Whether a word is an adjective before the noun `next` ("official" in "What official statement...", "chief" in "Which chief executive..."). */
function qualifiesNext(word: string, next: string | undefined): boolean {
  return next !== undefined && !STOPWORDS.has(next) && firstSenseWords(word, 'adj').length > 0 && firstSenseWords(next, 'noun').length > 0;
}

/** "Who is Hakan Fidan?": the rest of a who-question after its verb "be". */
const WHO_IS = /^\s*who\s*(?:\s+is|\s+was|['’]s)\s+(.+?)[\s?.!]*$/iu;
/** Words inside names that are written in lowercase: "Khalil al-Hayya", "Ursula von der Leyen". */
export const NAME_PARTICLES: ReadonlySet<string> = new Set(['al', 'el', 'bin', 'ibn', 'abu', 'de', 'del', 'da', 'di', 'du', 'van', 'von', 'der', 'den', 'la', 'le']);

/**
 * Whether a who-question asks what a named person is ("Who is Hakan Fidan?", "who is hakan
 * fidan"), not who holds a role ("Who is the IOC president?", "Who is Trump's son-in-law?"):
 * each word after "is" is a name, capitalised or unknown to WordNet, or a particle of one.
 */
function asksWhoSomeoneIs(question: string): boolean {
  const rest = WHO_IS.exec(question)?.[1];
  return rest !== undefined && namesSomeone(rest, question);
}

/**
 * Whether a question that is only a possessive before a word for a role ("hayya's role?", "Fidan's
 * job?") asks a person's role: the owner must be a name (see `namesSomeone`), and one word alone no
 * place ("israel's role?" asks the part a country plays), nor a word the lexicons know ("the
 * diplomat's job?" asks of no one named).
 */
function asksRoleByPossessive(question: string): boolean {
  const owner = ROLE_FRAGMENT.exec(question)?.[1]?.trim();
  if (owner === undefined || !namesSomeone(owner, question)) return false;
  return /\s/u.test(owner) || !isPlaceWord(fold(owner));
}

/** Whether every word of `words`, part of `question`, is a name: capitalised where capitals mark names, unknown to WordNet, or a particle of a name. */
function namesSomeone(words: string, question: string): boolean {
  // In a question Typed In Title Case, capitals mark no name.
  const capitalsMarkNames = /\s\p{Ll}/u.test(question);
  return words.split(/\s+/).every((written) => {
    const word = fold(written).replace(/['’]s$/u, '').replace(/[^\p{L}\p{N}-]/gu, '');
    if (word === '') return false;
    if (NAME_PARTICLES.has(word)) return true;
    if (STOPWORDS.has(word)) return false;
    return (capitalsMarkNames && /\p{Lu}/u.test(written)) || firstSenseWords(word).length === 0;
  });
}

/** Words that ask for a person's role, and are not what the answer says: "What is Fidan's job?", "What position does Katz hold?". */
export const ROLE_WORDS: ReadonlySet<string> = new Set(['job', 'role', 'position', 'title', 'post', 'office', 'occupation', 'profession', 'hold', 'holds', 'occupy']);
/** Words that say which part of a name is asked ("full name", "first name"). */
const NAME_PARTS = ['full', 'first', 'last', 'given', 'middle', 'whole', 'complete'];
/** Words that ask for a name more fully written: no answer writes them. */
export const NAME_WORDS: ReadonlySet<string> = new Set([...NAME_PARTS, 'name', 'names', 'surname', 'surnames']);
/** A part of a name asked for: "full name", "surnames". */
const NAME_ASKED = `(?:(?:${NAME_PARTS.join('|')})\\s+names?|surnames?)`;
/**
 * What/which questions asking how a name is written in full: "What is Erdogan's full name?",
 * "What is the first name of Fidan?". "The last name of the player who scored" asks who scored.
 */
const ASKS_NAME = new RegExp(`\\p{Lu}[\\p{L}\\p{N}-]*(?:['’]s?|s)\\s+${NAME_ASKED}\\b|\\b${NAME_ASKED}\\s+of\\s+\\p{Lu}`, 'u');

/** A question typed as a bare possessive, as chat asks it: "hayya's role?" ("what is..." left unsaid). Not "post" or "title": "trump's post?" asks what he posted. */
const ROLE_FRAGMENT = /^\s*([\p{L}][\p{L}.'’ -]{0,40}?)['’]s?\s+(?:job|role|occupation|profession)[\s?.!]*$/iu;
/**
 * What/which questions asking a named person's role. "What role did Qatar play?" asks what it
 * did, "What is Hamas's position?" its stance and "What is Turkey's role in the talks?" its part:
 * all are left out.
 */
const ASKS_ROLE = [
  /^\s*what(?:\s+(?:is|was)|['’]?s)\s+.+?['’]s?\s+(?:job|role|title|post|occupation|profession)(?:\s+title)?[\s?.!]*$/iu,
  /^\s*(?:what|which)\s+(?:job|role|position|post|office)\s+(?:does|did|do)\s+.+?\s+(?:hold|have|occupy)\b/iu,
];

/** Per kind, the index terms of each entity of that kind a sentence names. */
type NamedKinds = Map<TaggedKind, string[][]>;

/** One word as compromise tags it. */
interface Term {
  text: string;
  /** The punctuation before the word ("“" opening a quotation). */
  pre?: string;
  tags: Set<string>;
}

/**
 * A number written as a year (a split one too: "1987/88") or a decade: "1215", "1990s", "'90s".
 * compromise tags a year only between about 1500 and 2100 and after "in" ("between 1970 and 1975"
 * stays a plain number), and a decade never, yet "when" is answered by "in 1215" or "in the 1950s"
 * as much as by "in 2013".
 */
const YEAR_OR_DECADE = /^(?:1\d{3}|20\d{2})(?:[/-]\d{2})?$|^['’]?\d{1,3}0['’]?s$/u;

/** Words after a number that make it a time: "1 a.m.", "44 BC", "800 CE". */
const TIME_AFTER_NUMBER = /^(?:a\.?m\.?|p\.?m\.?|bc|bce|ad|ce)$/iu;
/** Nouns that name a stretch of time with the word before them: "the pre-Columbian era", "the Ming Dynasty". */
const TIME_SPANS = /^(?:millenni(?:um|a)|eras?|epochs?|dynast(?:y|ies)|reigns?)$/iu;
/** A month's name as one word, in full or abbreviated ("Sept."). */
const MONTH = new RegExp(`^(?:${MONTH_NAMES})\\.?$`, 'u');
/** Words before a month that make it the month, not a noun, verb or name ("in May", not "Theresa May"). */
const MONTH_OPENERS: ReadonlySet<string> = new Set(['in', 'on', 'since', 'by', 'until', 'till', 'from', 'through', 'during', 'before', 'after', 'last', 'next', 'this', 'early', 'mid', 'late']);
/** "Age" names one only capitalised ("the Gilded Age"): "at age 22" is a person's. */
const NAMED_AGE = /^Ages?$/u;
/** A century as written, alone or with its ordinal before a noun: "the 13th century", "13th-century sculpture". */
const CENTURY = /^(?:(.+)-)?centur(?:y|ies)$/u;
/** Ordinals that may number a century: "the early nineteenth century", though not a digit-shifted copy's "91th-century". */
const CENTURY_ORDINAL = /^(?:(?:1|21)st|(?:2|22)nd|(?:3|23)rd|(?:[4-9]|1\d|20)th|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-first)$/iu;

/**
 * The text by which the word at `at` of a tagged sentence names the kind, or null where it does
 * not: the word itself where compromise's tags or its shape say so, and for a year or a time the
 * words around it that do (see `namedYear`, `namedTime`).
 */
function namedAt(kind: TaggedKind, sentence: readonly Term[], at: number): string | null {
  const term = sentence[at];
  if (term === undefined) return null;
  if (KIND_TAGS[kind].some((tag) => term.tags.has(tag))) return term.text;
  if (kind === 'person') return unknownName(term, at, sentence[at + 1]) ? term.text : null;
  if (kind === 'year') return namedYear(term.text);
  return kind === 'time' ? namedTime(term.text, sentence[at - 1]?.text ?? '', sentence[at + 1]?.text ?? '') : null;
}

/**
 * A year written in figures ("1879", "1987/88"). One relative to the report's date ("last year")
 * is a time but names no year: it would outrank "its 1984 agreement" for "What year did Texaco
 * acquire Getty?".
 */
function namedYear(word: string): string | null {
  return YEAR_OR_DECADE.test(word) && !word.endsWith('s') ? word : null;
}

/**
 * A time the word's shape gives with its neighbours: a year or decade, a century, an era or age
 * with the word before it, a number with "a.m." or "BC" after it, a month with a day beside it or a
 * time preposition before it ("On March 18", "18 March", "since May": the lexicon reads "March"
 * as a noun and "May" as a verb).
 */
function namedTime(word: string, before: string, after: string): string | null {
  if (YEAR_OR_DECADE.test(word)) return word;
  if (/^\p{N}/u.test(word) && TIME_AFTER_NUMBER.test(after)) return word;
  if (MONTH.test(word)) return namedMonth(word, before, after);
  const century = CENTURY.exec(word);
  if (century && CENTURY_ORDINAL.test(century[1] ?? before)) return `${before} ${word}`;
  return (TIME_SPANS.test(word) || NAMED_AGE.test(word)) && before !== '' ? `${before} ${word}` : null;
}

/** A month with its day ("March 18", "18 March") or after a time preposition ("since May"), or null: alone, the lexicon's "March" and "May" are a noun and a verb. */
function namedMonth(month: string, before: string, after: string): string | null {
  const isDay = (word: string) => /^\p{N}/u.test(word);
  if (isDay(after)) return `${month} ${after}`;
  return isDay(before) || MONTH_OPENERS.has(before.toLowerCase()) ? `${before} ${month}` : null;
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
 * plain nouns. The first word of a sentence or a quotation is capitalised anyway: it is a name
 * when the next one is too, or when it reads as a name alone ("Askar has released..."). A title
 * ("Miss", "Dr") names no one.
 */
function unknownName(term: Term, at: number, next: Term | undefined): boolean {
  const capitalised = (t: Term | undefined) => t !== undefined && /^\p{Lu}/u.test(t.text);
  if (HONORIFIC.test(term.text)) return false;
  // A quotation's first word is capitalised as a sentence's is (“Thanks are due to...”).
  const opening = at === 0 || OPENING_QUOTE.test(term.pre ?? '');
  const inName = !opening || capitalised(next) || readsAsName(term.text, term.tags);
  // A people's name before a noun qualifies it ("Israeli forces"); alone it names them ("learnt it from the Chinese").
  const qualifies = term.tags.has('Demonym') && next !== undefined && /^\p{Ll}/u.test(next.text);
  return inName && capitalised(term) && !qualifies && !NOT_NAMES.some((tag) => term.tags.has(tag));
}

/** A title before a name, which names no one itself: "Miss" in "Miss Ellen Fetter" (the lexicon reads it as a verb). */
const HONORIFIC = /^(?:Mr|Mrs|Ms|Mx|Miss|Dr|Sir|Dame|Lord|Lady|Madam|Mme|Mlle|Messrs|Rev|Prof)\.?$/u;
/** Punctuation opening a quotation or an aside. */
const OPENING_QUOTE = /["“‘'(]/u;

/** A sentence's first word, past an opening quote or bracket. */
const FIRST_WORD = /^["“‘'(]?(\p{Lu}[\p{L}\p{M}'’-]*)/u;

/**
 * Whether a capitalised word the lexicon `tags` as a noun is a name wherever it stands: WordNet
 * knows it, or the base of an irregular plural ("Children", "Gunmen"), only as a name ("Hamas") or
 * not at all ("Askar", "Witkoff"). "Officials" or "Trump" opening a sentence may be the common
 * word, and "Everyone" is none (see `INDEFINITE_PRONOUNS`).
 */
function readsAsName(word: string, tags: ReadonlySet<string>): boolean {
  const folded = bareName(word);
  if (!tags.has('Noun') || STOPWORDS.has(folded) || INDEFINITE_PRONOUNS.has(folded)) return false;
  const base = baseForm(folded);
  // WordNet's exception lists leave out compounds of "man": "gunmen" is "gunman"s.
  return [base, base.replace(/men$/u, 'man')].every(knownOnlyAsName);
}

/** A possessive ending: "Hamas's", "Houthis’". */
export const POSSESSIVE = /['’]s?$/u;

/** A name's word folded, without its possessive ("Houthis’" → "houthis"). */
export function bareName(word: string): string {
  return fold(word).replace(POSSESSIVE, '');
}

/** Whether WordNet knows a folded word only as a name in its first senses ("hamas"), or not at all ("witkoff"). */
export function knownOnlyAsName(folded: string): boolean {
  const reading = nameReading(folded);
  return !reading.known || reading.name !== null;
}
/** Pronouns the lexicon reads as nouns and WordNet does not know, which name no one ("Everyone in the squad..."). */
export const INDEFINITE_PRONOUNS: ReadonlySet<string> = new Set(['everyone', 'everybody', 'everything', 'anybody', 'anything', 'somebody', 'something', 'nobody', 'nothing', 'none', 'noone']);

/** Whether the sentence may name something of the kind, before tagging it (see `MAY_NAME`): a name may also open it. */
function mayName(text: string, kind: TaggedKind): boolean {
  if (MAY_NAME[kind].test(text)) return true;
  const first = kind === 'person' ? FIRST_WORD.exec(text)?.[1] : undefined;
  return first !== undefined && readsAsName(first, lexiconTags(first));
}

const tagged = new WeakMap<object, NamedKinds>();

/** Whether compromise's lexicon and pre-tagger read a word as a place ("Washington", "Riyadh", "Kuwait"). */
export function isPlaceWord(word: string): boolean {
  const tags = lexiconTags(word);
  return KIND_TAGS.place.some((tag) => tags.has(tag));
}

/**
 * Whether a word is only an interjection ("hey", "pls", "lol"): compromise's lexicon reads it as
 * one and WordNet does not know it. Those WordNet knows may name something ("Holy Roman Empire",
 * "Eureka").
 */
export function isInterjection(word: string): boolean {
  return lexiconTags(word).has('Expression') && !nameReading(word).known;
}

/** Words whose lexicon tags are kept: reading a question's names asks several times of each word. */
const LEXICON_TAGS_CACHE = 20_000;
const lexiconTagsOf = new Map<string, ReadonlySet<string>>();

/** The tags compromise's lexicon and pre-tagger give a word on its own ("Noun", "Place", "Superlative"...). */
export function lexiconTags(word: string): ReadonlySet<string> {
  let tags = lexiconTagsOf.get(word);
  if (tags === undefined) {
    const document = tagger().tokenize(word) as unknown as PreTagged;
    document.compute(['lexicon', 'preTagger']);
    tags = new Set(document.docs.flatMap((sentence) => sentence.flatMap((term) => [...term.tags])));
    if (lexiconTagsOf.size >= LEXICON_TAGS_CACHE) lexiconTagsOf.clear();
    lexiconTagsOf.set(word, tags);
  }
  return tags;
}

function namedKinds(text: string): NamedKinds {
  const found: NamedKinds = new Map();
  const document = tagger().tokenize(text) as unknown as PreTagged;
  document.compute(['lexicon', 'preTagger']);
  for (const sentence of document.docs) {
    sentence.forEach((term, at) => {
      for (const kind of Object.keys(KIND_TAGS) as TaggedKind[]) {
        const named = namedAt(kind, sentence, at);
        if (named === null) continue;
        const list = found.get(kind) ?? [];
        list.push(terms(named, 'query'));
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
  if (kind === 'role') return namesRole(sentence.text, questionTerms);
  if (kind === 'name') return writesFullerName(sentence.text, questionTerms);
  if (!mayName(sentence.text, kind)) return false;
  let kinds = tagged.get(sentence);
  if (!kinds) {
    kinds = namedKinds(sentence.text);
    tagged.set(sentence, kinds);
  }
  return (kinds.get(kind) ?? []).some((entity) => entity.length > 0 && entity.some((term) => !questionTerms.has(term)));
}

/** A word, or a mark that ends or opens an aside. */
const WORD_OR_MARK = /[\p{L}\p{N}][\p{L}\p{N}'’-]*|[,;:()\u2013\u2014]/gu;
/** Words before a name that may hold its title ("Turkish Foreign Minister Hakan Fidan"), and after it that may hold an apposition (", the chief member of..."). */
const TITLE_REACH = 3;
const APPOSITION_REACH = 4;
/** Words before a role that make it a noun phrase of its own, which a comma may set beside a name ("The priest, Fidelis Mukonori"). */
export const DETERMINERS: ReadonlySet<string> = new Set(['the', 'a', 'an', 'his', 'her', 'their', 'its', 'our']);
/** What may lead into an apposition after a name: a comma, or "is", "was", "as". */
const APPOSITION_START = new Set([',', 'is', 'was', 'as']);

/** Words that end an apposition: what follows them says something else ("Hamas, the group that..."). */
const APPOSITION_END = new Set([',', ';', ':', '(', ')', '\u2013', '\u2014', 'that', 'who', 'which', 'whose']);
/** Verbs that show a clause rather than an apposition after a name ("Asked about Katz, the spokesman said..."). */
const CLAUSE_VERBS = new Set(['said', 'says', 'say', 'told', 'added', 'is', 'are', 'was', 'were', 'has', 'have', 'had', 'will', 'would', 'did', 'does', 'do', 'can', 'could']);

/**
 * Whether a role noun stands right before the name at `start`: read back over capitalised words
 * (the rest of a name or title: "Foreign Minister Hakan Fidan", "envoy Steve Witkoff"), stopping
 * at any other word, so the object of a verb ("soldiers killed Sinwar") is not taken for its
 * title; across a comma only after a possessive or determined role ("Hayya’s son, Himam
 * al-Hayya", "The priest, Fidelis Mukonori"), not after "As minister, Katz...".
 */
function titledBefore(tokens: readonly string[], start: number, role: (token: string) => boolean): boolean {
  for (let at = start - 1, words = 0; at >= 0 && words < TITLE_REACH; at -= 1) {
    const token = tokens[at] ?? '';
    if (token === ',') return role(tokens[at - 1] ?? '') && (/['’]s$/u.test(tokens[at - 2] ?? '') || DETERMINERS.has(fold(tokens[at - 2] ?? '')));
    if (role(token)) return true;
    if (!/^\p{Lu}/u.test(token)) return false;
    words += 1;
  }
  return false;
}

/**
 * Whether an apposition after the name ending at `end` gives a role: after a comma, "is", "was"
 * or "as", a role noun among its first words, in a stretch up to the next comma or relative
 * pronoun that holds no verb of a clause ("Witkoff, speaking to reporters", "Asked about Katz,
 * the spokesman said"); a participle after the role qualifies it ("Chanthong Pattamapong, a
 * commodities trader asked to draw up the study").
 */
function titledAfter(tokens: readonly string[], end: number, role: (token: string) => boolean): boolean {
  if (!APPOSITION_START.has(fold(tokens[end + 1] ?? ''))) return false;
  const rest = tokens.slice(end + 2);
  const close = rest.findIndex((token) => APPOSITION_END.has(fold(token)));
  const apposition = close < 0 ? rest : rest.slice(0, close);
  const titled = apposition.slice(0, APPOSITION_REACH).findIndex(role);
  // A participle after the role qualifies it ("a commodities trader asked to draw up the study"); before it, it opens a clause.
  const clause = apposition.some((token, i) => CLAUSE_VERBS.has(fold(token)) || (/^\p{Ll}[\p{Ll}']*(?:ing|ed)$/u.test(token) && !role(token) && (titled < 0 || i < titled)));
  return !clause && titled >= 0;
}

/**
 * Whether the sentence says what the question's named person is: a role noun (WordNet's
 * noun.person: "minister", "envoy", "son") as the name's title, or in an apposition after it
 * ("Jared Kushner, former senior adviser").
 */
function namesRole(text: string, questionTerms: ReadonlySet<string>): boolean {
  const asked = askedBy(questionTerms);
  return titlesName(text, asked, (token) => isWord(token) && !asked(token) && isRoleNoun(bareWord(token)));
}

/**
 * Whether the sentence writes a name of the question with a word of the name beside it that the
 * question does not write: "President Recep Tayyip Erdogan" for Erdogan, "Khalil al-Hayya" for
 * Hayya, "Andrew Witkoff" for Andrew. A common word ("President", "Security" in "UN Security
 * Council", "Interstate Bakeries"), a title ("Mr") or a word of the question is no part of the
 * name asked.
 */
function writesFullerName(text: string, questionTerms: ReadonlySet<string>): boolean {
  const asked = askedBy(questionTerms);
  const tokens = text.match(WORD_OR_MARK) ?? [];
  const nameWord = (token: string) => /^\p{Lu}/u.test(token) && !asked(token) && !isCommonWord(bareWord(token)) && !isAbbreviatedTitle(token);
  return tokens.some((token, at) => /\p{Lu}/u.test(token) && asked(token) && (nameWord(tokens[at - 1] ?? '') || nameWord(tokens[at + 1] ?? '')));
}

/**
 * Whether the sentence names someone besides the question's names by the noun a "which"
 * question asks about (`isAskedNoun`, see `askedPersonNoun`), as the name's title or in an
 * apposition: "Treasury official David Mulford said", "The priest, Fidelis Mukonori, is...",
 * "David Greenberg, Rocky Mount's former president". A sentence writing the noun of no one named
 * ("mediation by a Catholic priest") restates what the question asks.
 */
export function namesPersonAs(text: string, isAskedNoun: (token: string) => boolean, questionTerms: ReadonlySet<string>): boolean {
  const asked = askedBy(questionTerms);
  return titlesName(text, (token) => /^\p{Lu}/u.test(token) && !STOPWORDS.has(fold(token)) && !asked(token), isAskedNoun);
}

/** Lowercase words that may stand between a thing's name and the noun asked ("Ain el-Hilweh refugee camp"). */
const MAX_THING_QUALIFIERS = 2;
/** Lexicon tags of capitalised words that say when, where or whose, not which one: "the August festival", "Beirut refugee camps", "Palestinian camps". */
const NOT_A_THING_NAME = ['Date', 'Month', 'WeekDay', 'Demonym', 'Place'];

/**
 * Whether the sentence names a thing besides the question's names as the noun a "which" question
 * asks about (`asked`, as written; `isAskedNoun` for its tokens, see `askedNoun`): before it
 * ("the Ain el-Hilweh refugee camp", "Glaxo's Zantac drug"), after it ("the carrier Kitty Hawk") or
 * in an apposition ("the mosque, Khalid bin al-Walid,"). The noun must be written in the number
 * asked: "two Beirut refugee camps" names no camp for "Which refugee camp was hit?". The name must
 * be one (see `namesOne`): a capitalised common word ("Local hospital staff", "A Navy supply
 * ship"), a month, a place or a nationality says something else.
 */
export function namesThingAs(text: string, asked: string, isAskedNoun: (token: string) => boolean, questionTerms: ReadonlySet<string>): boolean {
  const questionWord = askedBy(questionTerms);
  const plural = isPluralNoun(asked);
  const isNoun = (token: string) => isAskedNoun(token) && isPluralNoun(fold(token)) === plural;
  const inName = (token: string) => (/^\p{Lu}/u.test(token) || /^\p{Ll}{1,3}-\p{Lu}/u.test(token)) && !STOPWORDS.has(fold(token)) && !questionWord(token);
  const tokens = text.match(WORD_OR_MARK) ?? [];
  const namedBefore = tokens.some((token, at) => {
    if (!isNoun(token)) return false;
    let end = at - 1;
    while (end > at - 1 - MAX_THING_QUALIFIERS && /^\p{Ll}/u.test(tokens[end] ?? '') && !inName(tokens[end] ?? '') && !STOPWORDS.has(fold(tokens[end] ?? ''))) end -= 1;
    let start = end;
    while (inName(tokens[start - 1] ?? '') || NAME_PARTICLES.has(fold(tokens[start - 1] ?? ''))) start -= 1;
    return inName(tokens[end] ?? '') && namesOne(tokens.slice(start, end + 1));
  });
  return namedBefore || titlesName(text, inName, isNoun, namesOne);
}

/** Whether a run of capitalised words names one thing: a word WordNet knows only as a name, or two that say neither when nor where (see `NOT_A_THING_NAME`). */
function namesOne(run: readonly string[]): boolean {
  const kept = run.filter((token) => /^\p{Lu}/u.test(token) || token.includes('-')).filter((token) => !NOT_A_THING_NAME.some((tag) => lexiconTags(token).has(tag)));
  return kept.some((token) => knownOnlyAsName(bareName(token))) || kept.length >= 2;
}

/** Whether a name (a run of tokens `inName` picks, which `names` accepts) has a `role` token as its title before it or in an apposition after it. */
function titlesName(text: string, inName: (token: string) => boolean, role: (token: string) => boolean, names: (run: readonly string[]) => boolean = () => true): boolean {
  const tokens = text.match(WORD_OR_MARK) ?? [];
  for (let start = 0; start < tokens.length; start += 1) {
    if (!inName(tokens[start] ?? '') || inName(tokens[start - 1] ?? '')) continue;
    let end = start;
    while (inName(tokens[end + 1] ?? '')) end += 1;
    if ((titledBefore(tokens, start, role) || titledAfter(tokens, end, role)) && names(tokens.slice(start, end + 1))) return true;
  }
  return false;
}

/** Whether a token is a word, not a mark. */
function isWord(token: string | undefined): boolean {
  return token !== undefined && /^[\p{L}\p{N}]/u.test(token);
}

/** A token folded, without a possessive ending. */
function bareWord(token: string): string {
  return fold(token).replace(/['’]s$/u, '');
}

/** Whether a token is a word the question asks with (one of `questionTerms`, its index terms). */
function askedBy(questionTerms: ReadonlySet<string>): (token: string) => boolean {
  return (token) => isWord(token) && terms(bareWord(token), 'query').some((term) => questionTerms.has(term));
}
