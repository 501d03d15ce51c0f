/**
 * Namesakes: people who share a surname ("Joe Biden", "Hunter Biden"; "King Salman", "Mohammed bin
 * Salman"). News gives a person's whole name once, then the surname alone, so a sentence writing
 * only "Biden" speaks of whichever Biden the story last named in full; asked about Hunter Biden,
 * "Biden said the spending bill would hurt working families" in a story about President Joe Biden
 * is no answer, though it writes the surname.
 */
import { fold } from './analyzer.ts';
import { bareName, knownOnlyAsName, lexiconTags, NAME_PARTICLES, POSSESSIVE } from './answer-kind.ts';
import { namesDayOrMonth } from './dateline.ts';
import { asPattern, capitalsMarkNames, isNameWord, PERSON_TITLES, writtenWordsAt } from './names.ts';
import { STOPWORDS } from './stopwords.ts';
import { isRoleNoun } from './wordnet.ts';

/** Words that end a person's name without being its surname ("Donald Trump Jr."). */
export const NAME_SUFFIXES: ReadonlySet<string> = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);

/** A name of two words or more as a text writes it: the capitalised words before its last, particles left out, and the last. */
export interface WrittenFullName {
  fore: string[];
  surname: string;
}

/**
 * The names of two capitalised words or more a text writes, a suffix and a possessive ending left
 * out: "Hunter Biden", "Israeli Prime Minister Benjamin Netanyahu", "Mohammed bin Salman" (fore
 * words "Mohammed", surname "Salman"), "Donald Trump Jr.'s" (surname "Trump").
 */
export function fullNamesIn(text: string): WrittenFullName[] {
  if (!capitalsMarkNames(text)) return [];
  const found: WrittenFullName[] = [];
  let run: string[] = [];
  const close = () => {
    while (run.length > 2 && NAME_SUFFIXES.has(fold(run.at(-1) ?? '').replace(/\.$/u, ''))) run.pop();
    const surname = run.at(-1);
    if (surname !== undefined && run.length >= 2) found.push({ fore: run.slice(0, -1), surname });
    run = [];
  };
  const words = writtenWordsAt(text);
  words.forEach((word, at) => {
    const gap = at > 0 ? text.slice(words[at - 1]?.end, word.start) : '';
    if (run.length > 0 && !/^[^\S\n]+$/u.test(gap)) close();
    if (run.length > 0 && NAME_PARTICLES.has(fold(word.text))) return;
    if (!isNameWord(word.text, at === 0)) return close();
    run.push(word.text.replace(POSSESSIVE, ''));
    if (POSSESSIVE.test(word.text)) close();
  });
  close();
  return found;
}

/**
 * Whether a capitalised word written before a surname is a given name: a first name the lexicon
 * knows ("Joe", "Benjamin"), or a word WordNet knows only as a name or not at all ("Hakan"). A
 * person's role is a title ("King", "Chancellor"), unless the `texts` never write it before a first
 * name ("Hunter Biden", "Hunter College", but "Chancellor Friedrich Merz"): news writes a title
 * before a person's whole name. A people, a quality, a day or a stopword
 * ("Israeli", "South", "Tuesday", "The") is none.
 */
export function isGivenName(word: string, surname: string, texts: () => readonly string[]): boolean {
  const folded = bareName(word);
  if (STOPWORDS.has(folded) || namesDayOrMonth(folded) || PERSON_TITLES.has(folded)) return false;
  const tags = lexiconTags(folded);
  if (tags.has('FirstName')) return true;
  if (tags.has('Adjective') || tags.has('Demonym') || tags.has('Place')) return false;
  if (!isRoleNoun(folded)) return knownOnlyAsName(folded);
  const other = fold(surname);
  const titles = new RegExp(`(?<![\\p{L}\\p{N}])${asPattern(word)}[^\\S\\n]+(\\p{Lu}[\\p{L}'’-]*)`, 'gu');
  return !texts().some((text) => [...text.matchAll(titles)].some(([, next = '']) => bareName(next) !== other && lexiconTags(bareName(next)).has('FirstName')));
}

/** Letters read back from a surname for the capitalised words before it. */
const MENTION_REACH = 120;

/** A place where a text writes a surname with capitalised words before it: where it ends, and those words. */
export interface SurnameMention {
  end: number;
  fore: string[];
}

/**
 * Where a text writes the surname with capitalised words right before it, past any particle
 * ("President Joe Biden", "Crown Prince Mohammed bin Salman"): the words run back over spaces
 * alone, so "...in Gaza. Biden said" or "Gaza, Biden" names no "Gaza Biden".
 */
export function surnameMentions(text: string, surname: string): SurnameMention[] {
  const mentions: SurnameMention[] = [];
  const written = new RegExp(`(?<![\\p{L}\\p{N}'’-])${asPattern(surname)}(?![\\p{L}\\p{N}])`, 'gu');
  for (const match of text.matchAll(written)) {
    const start = match.index ?? 0;
    const before = text.slice(Math.max(0, start - MENTION_REACH), start);
    const words = writtenWordsAt(before);
    const fore: string[] = [];
    let from = before.length;
    for (let w = words.length - 1; w >= 0; w -= 1) {
      const word = words[w];
      if (!word || !/^[^\S\n]+$/u.test(before.slice(word.end, from))) break;
      if (!NAME_PARTICLES.has(fold(word.text))) {
        if (!/^\p{Lu}/u.test(word.text)) break;
        fore.unshift(word.text);
      }
      from = word.start;
    }
    if (fore.length > 0) mentions.push({ end: start + match[0].length, fore });
  }
  return mentions;
}

/** A name the question writes whole, by its question terms: its surname's, and each word's before it with the word as written. */
export interface AskedFullName {
  surname: number;
  written: string;
  fore: readonly { q: number; word: string }[];
}

/** An asked surname with the question terms of the given names asked with it. */
export interface Namesake {
  surname: number;
  written: string;
  given: ReadonlySet<number>;
  /** Whether a word written before the surname is a given name (see `isGivenName`), read once a word. */
  isGiven: (word: string) => boolean;
}

/** The full names asked that have a given name (see `isGivenName`; "King Salman" has none), read against the retrieved `texts`. */
export function namesakesAsked(names: readonly AskedFullName[], texts: () => readonly string[]): Namesake[] {
  return names.flatMap(({ surname, written, fore }) => {
    const read = new Map<string, boolean>();
    const isGiven = (word: string) => read.get(word) ?? read.set(word, isGivenName(word, written, texts)).get(word) === true;
    const given = new Set(fore.filter(({ word }) => isGiven(word)).map(({ q }) => q));
    return given.size > 0 ? [{ surname, written, given, isGiven }] : [];
  });
}

/** Whom a story last named in full by a surname: the one asked, someone else, or no one yet. */
export type NamedBy = 'asked' | 'other' | null;

/**
 * Reads a story's paragraphs for whom it last named by the namesake's surname up to a place in
 * it (a paragraph, and an offset in it): a mention whose words before the surname hold an asked
 * given name (`isAsked`) names the one asked, one holding another given name someone else; a
 * title alone ("President Biden") names no one, and the mention before it decides.
 */
export function lastNamedBy(paragraphs: readonly string[], namesake: Namesake, isAsked: (word: string) => boolean): (paragraph: number, end: number) => NamedBy {
  const named: { end: number; by: NamedBy }[][] = [];
  const namedIn = (p: number) =>
    (named[p] ??= surnameMentions(paragraphs[p] ?? '', namesake.written).map(({ end, fore }) => ({
      end,
      by: fore.some(isAsked) ? 'asked' : fore.some(namesake.isGiven) ? 'other' : null,
    })));
  return (paragraph, end) => {
    for (let p = paragraph; p >= 0; p -= 1) {
      const last = namedIn(p).findLast((mention) => mention.by !== null && (p < paragraph || mention.end <= end));
      if (last) return last.by;
    }
    return null;
  };
}
