/**
 * Namesakes: people who share a surname ("Joe Biden", "Hunter Biden"; "Eric Trump", "Donald
 * Trump"). News names a person in full, then by the surname alone, so in a story naming only
 * President Joe Biden in full, "Biden said the spending bill would hurt working families" is no
 * answer about Hunter Biden, though it writes the surname. Telling who a bare surname is takes
 * more than a story's words (a lead naming a relative first, a couple named together, a nickname
 * one outlet writes and another does not), so a bare surname is read as someone else's only in a
 * story where nothing could make it the one asked.
 */
import { fold } from './analyzer.ts';
import { bareName, knownOnlyAsName, lexiconTags, NAME_PARTICLES, POSSESSIVE } from './answer-kind.ts';
import { namesDayOrMonth } from './dateline.ts';
import { asPattern, capitalsMarkNames, isNameWord, NAME_SUFFIXES, PARTICLE_RUN, PERSON_TITLES, writtenWordsAt } from './names.ts';
import { STOPWORDS } from './stopwords.ts';
import { isRoleNoun } from './wordnet.ts';

/** A regular expression's source matching `pattern` as whole words only. */
function wholeWords(pattern: string): string {
  return `(?<![\\p{L}\\p{N}'’-])(?:${pattern})(?![\\p{L}\\p{N}])`;
}

/** A name of two words or more as a text writes it: the capitalised words before its last, particles left out, and the last. */
export interface WrittenFullName {
  fore: string[];
  surname: string;
}

/**
 * The people a question asks about by a name of two capitalised words or more, a suffix left out:
 * "Hunter Biden", "Israeli Prime Minister Benjamin Netanyahu", "Mohammed bin Salman" (fore words
 * "Mohammed", surname "Salman"), "Donald Trump Jr." (surname "Trump"). A name with a possessive, or
 * after a person's role and "of" or "for", names someone else by them ("Hunter Biden's father",
 * "the lawyer for Hunter Biden"), who may share the surname.
 */
export function fullNamesIn(text: string): WrittenFullName[] {
  if (!capitalsMarkNames(text)) return [];
  const found: WrittenFullName[] = [];
  const words = writtenWordsAt(text);
  let run: string[] = [];
  let start = 0;
  const close = (owned = false) => {
    while (NAME_SUFFIXES.has(fold(run.at(-1) ?? ''))) run.pop();
    const surname = run.at(-1);
    const related = run.length >= 2 && /(\p{L}+)\s+(?:of|for)\s+(?:the\s+)?$/iu.exec(text.slice(0, words[start]?.start));
    if (surname !== undefined && run.length >= 2 && !owned && !(related && isRoleNoun(fold(related[1] ?? '')))) found.push({ fore: run.slice(0, -1), surname });
    run = [];
  };
  words.forEach((word, at) => {
    const gap = at > 0 ? text.slice(words[at - 1]?.end, word.start) : '';
    // An initial is passed over, "Robert F. Kennedy" is Robert Kennedy.
    if (/^\.[^\S\n]+$/u.test(gap) && /^\p{Lu}$/u.test(run.at(-1) ?? '')) run.pop();
    else if (run.length > 0 && !/^[^\S\n]+$/u.test(gap)) close();
    if (run.length > 0 && NAME_PARTICLES.has(fold(word.text))) return;
    if (!isNameWord(word.text, at === 0)) return close();
    if (run.length === 0) start = at;
    run.push(word.text.replace(POSSESSIVE, ''));
    if (POSSESSIVE.test(word.text)) close(true);
  });
  close();
  return found;
}

/**
 * Whether a capitalised word written before a surname is a given name: a first name the lexicon
 * knows ("Joe", "Benjamin"), or a word WordNet knows only as a name or not at all ("Hakan"). A
 * person's role is a title ("King", "Chancellor", "Mayor"), unless the `texts` never write it in
 * lowercase nor before another name ("Hunter Biden", but "the mayor", "Chancellor Friedrich
 * Merz", "Ayatollah Ali Khamenei"): news writes the role itself in lowercase, and a title before
 * a person's whole name. A people, a quality, a day or a stopword ("Israeli", "South", "Tuesday",
 * "The") is none.
 */
function isGivenName(word: string, surname: string, texts: () => readonly string[]): boolean {
  const folded = bareName(word);
  if (STOPWORDS.has(folded) || namesDayOrMonth(folded) || PERSON_TITLES.has(folded)) return false;
  const tags = lexiconTags(folded);
  if (tags.has('FirstName')) return true;
  if (tags.has('Adjective') || tags.has('Demonym') || tags.has('Place')) return false;
  if (!isRoleNoun(folded)) return knownOnlyAsName(folded);
  const other = fold(surname);
  const titles = new RegExp(`${wholeWords(asPattern(word))}[^\\S\\n]+(\\p{Lu}[\\p{L}'’-]*)`, 'gu');
  const common = new RegExp(wholeWords(asPattern(folded)), 'u');
  return !texts().some((text) => common.test(text) || [...text.matchAll(titles)].some(([, next = '']) => bareName(next) !== other && !NAME_PARTICLES.has(fold(next))));
}

/** Letters read back from a surname for the words before it. */
const MENTION_REACH = 120;

/** Nouns of kinship: "the son of President Joe Biden" introduces the son, not Joe Biden. */
const KIN_NOUNS: ReadonlySet<string> = new Set([
  'son', 'daughter', 'father', 'mother', 'brother', 'sister', 'wife', 'husband', 'widow', 'widower', 'spouse', 'nephew', 'niece', 'uncle', 'aunt',
  'cousin', 'grandson', 'granddaughter', 'grandfather', 'grandmother', 'stepson', 'stepdaughter', 'stepfather', 'stepmother', 'child', 'children', 'sons', 'daughters', 'brothers', 'sisters',
]);

/** A place where a text writes a surname with capitalised words right before it. */
interface SurnameMention {
  /** Those words, nearest last. */
  fore: string[];
  /** Whether the mention only tells whose relative the story's subject is ("the son of President Joe Biden", "the older brother of Chiefs tight end Travis Kelce"), or names one of two by a suffix ("Robert F. Kennedy Jr."). */
  aside: boolean;
}

/**
 * The places a text writes the surname (`surname`, a global pattern of it; see `surnamePattern`)
 * with capitalised words right before it, past any particle
 * or initial ("President Joe Biden", "Crown Prince Mohammed bin Salman", "Joseph R. Biden", "Mr.
 * Biden"); a possessive and a name going on past the surname are skipped. The words run back over
 * spaces alone, so "...in Gaza. Biden said" or "Gaza, Biden" names no "Gaza Biden".
 */
function* surnameMentions(text: string, surname: RegExp): Generator<SurnameMention> {
  for (const match of text.matchAll(surname)) {
    const start = match.index ?? 0;
    // "Joe Biden's son Hunter Biden" introduces the son; "Lyndon B. Johnson Space Center" names no one.
    const after = /^(?:['’]|[^\S\n]+(\p{Lu}[\p{L}]*))/u.exec(text.slice(start + match[0].length, start + match[0].length + 8));
    const suffixed = after !== null && NAME_SUFFIXES.has(fold(after[1] ?? ''));
    if (after && !suffixed) continue;
    const before = text.slice(Math.max(0, start - MENTION_REACH), start);
    const words = writtenWordsAt(before);
    const fore: string[] = [];
    let from = before.length;
    for (let w = words.length - 1; w >= 0; w -= 1) {
      const word = words[w];
      const gap = word ? before.slice(word.end, from) : '';
      // An initial or an abbreviated title, stopped: "R. Biden", "Mr. Biden", "Sen. Biden".
      const stopped = word !== undefined && (/^\p{Lu}$/u.test(word.text) || PERSON_TITLES.has(fold(word.text))) && /^\.[^\S\n]+$/u.test(gap);
      if (!word || !(stopped || /^[^\S\n]+$/u.test(gap))) break;
      if (NAME_PARTICLES.has(fold(word.text)) || (stopped && word.text.length === 1)) {
        from = word.start;
        continue;
      }
      if (!/^\p{Lu}/u.test(word.text)) break;
      fore.unshift(word.text);
      from = word.start;
    }
    if (fore.length === 0) continue;
    // A kin noun and "of" within the few words before the name: "the son of U.S. President Joe Biden".
    const kin = /(\p{L}+)\s+of\s+(?:[^\s,;:]+\s+){0,4}[^\s,;:]*$/u.exec(before.slice(0, from));
    yield { fore, aside: suffixed || (kin !== null && KIN_NOUNS.has(fold(kin[1] ?? ''))) };
  }
}

/** A name the question writes whole, by its question terms: its surname's, and each word's before it with the word as written. */
export interface AskedFullName {
  surname: number;
  written: string;
  fore: readonly { q: number; word: string }[];
}

/** An asked surname, the question terms of the given names asked with it, and the first names of others the coverage gives it. */
export interface Namesake {
  surname: number;
  given: ReadonlySet<number>;
  /** First names, folded, that a story naming the one asked in full writes right before the surname too ("joe" beside "Hunter Biden"). */
  others: ReadonlySet<string>;
  /** The surname as written, a global pattern (see `surnameMentions`). */
  surnameWritten: RegExp;
  /** Any given name asked, in any case, initials run together or with stops (see `namesOnlyOthers`). */
  givenWritten: RegExp;
}

/** A pattern of any of the given names, in any case: a headline may be in capitals ("HUNTER BIDEN PLEADS GUILTY"), and initials asked run together ("JD") are as often written with stops ("J.D."). */
function givenPattern(given: readonly string[]): RegExp {
  const spelt = (word: string) => (/^\p{Lu}{2,3}$/u.test(word) ? [...word].join('\\.?\\s?') : asPattern(word));
  return new RegExp(wholeWords(given.map(spelt).join('|')), 'iu');
}

/**
 * The full names asked that have a given name (see `isGivenName`; "King Salman" has none) and
 * whose surname the retrieved `stories` give someone else as well: a story writes the name asked
 * in full ("Hunter Biden") and another first name, of another initial, right before the surname
 * ("President Joe Biden"). Only such a story tells two people apart: "Bob Menendez" in one story
 * and "Robert Menendez" in another, or "Jim Comey" asked of stories writing "James Comey", may be
 * one person.
 */
export function namesakesAsked(names: readonly AskedFullName[], stories: () => readonly string[]): Namesake[] {
  return names.flatMap(({ surname, written, fore }) => {
    const given = fore.filter(({ word }) => isGivenName(word, written, stories));
    if (given.length === 0) return [];
    const givenWritten = given.map(({ word }) => word);
    const named = new RegExp(wholeWords(`(?:${givenWritten.map(asPattern).join('|')})[^\\S\\n]+${PARTICLE_RUN}${asPattern(written)}`), 'u');
    const surnameWritten = new RegExp(wholeWords(asPattern(written)), 'gu');
    // A first name with the same initial may be the same one's, spelt or shortened otherwise ("Jim" and "James", "Mohammed" and "Mohammad").
    const initials = new Set(givenWritten.map((word) => bareName(word).charAt(0)));
    const others = new Set<string>();
    for (const story of stories()) {
      if (!named.test(story)) continue;
      for (const { fore: before } of surnameMentions(story, surnameWritten)) {
        const nearest = bareName(before.at(-1) ?? '');
        if (!initials.has(nearest.charAt(0)) && lexiconTags(nearest).has('FirstName')) others.add(nearest);
      }
    }
    return others.size > 0 ? [{ surname, given: new Set(given.map(({ q }) => q)), others, surnameWritten, givenWritten: givenPattern(givenWritten) }] : [];
  });
}

/**
 * Whether a story names by the namesake's surname only others the coverage tells apart from the
 * one asked: neither its headline nor its text writes a given name asked, and every time it
 * writes the surname with capitalised words before it (but for an aside, see `SurnameMention`),
 * the word right before is one of `others` ("President Joe Biden vetoed..."). A title, an initial
 * word or any other name there ("President Biden", "The Trump administration", "Mohammad bin
 * Salman" for "Mohammed") may be the one asked, and the story is left as it is.
 */
export function namesOnlyOthers(title: string | null, paragraphs: readonly string[], namesake: Namesake): boolean {
  if (title !== null && namesake.givenWritten.test(title)) return false;
  let named = false;
  for (const paragraph of paragraphs) {
    if (namesake.givenWritten.test(paragraph)) return false;
    for (const { fore, aside } of surnameMentions(paragraph, namesake.surnameWritten)) {
      if (aside) continue;
      if (!namesake.others.has(bareName(fore.at(-1) ?? ''))) return false;
      named = true;
    }
  }
  return named;
}
