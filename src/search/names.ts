/**
 * Names as a text writes them: which words are a name's, how far a name with its title runs
 * ("West Berlin state central bank president Dieter Hiss"), and which words of a titled name only
 * describe the one its last word names ("Israeli Prime Minister Benjamin Netanyahu" is Netanyahu).
 */
import { AMPERSAND_NAME, fold } from './analyzer.ts';
import { NAME_PARTICLES } from './answer-kind.ts';
import { namesDayOrMonth } from './dateline.ts';
import { STOPWORDS } from './stopwords.ts';
import { firstSenseWords, isCommonWord, isRoleNoun } from './wordnet.ts';

/** A word as written, with its apostrophes and hyphens ("Witkoff’s", "al-Hayya"), or a name joined by "&" ("AT&T"). */
const WRITTEN_WORD = new RegExp(String.raw`${AMPERSAND_NAME}|[\p{L}\p{N}][\p{L}\p{N}'’-]*`, 'gu');

/** The words of a text as written. */
export function writtenWords(text: string): string[] {
  return text.match(WRITTEN_WORD) ?? [];
}

/** Whether capitals in a text mark names: not in one Typed In Title Case, which writes no word in lowercase after its first. */
export function capitalsMarkNames(text: string): boolean {
  return /\s\p{Ll}/u.test(text);
}

/** A word as written and where it stands in its text. */
export interface WrittenWord {
  text: string;
  start: number;
  end: number;
}

/** The words of a text as written, with their offsets. */
export function writtenWordsAt(text: string): WrittenWord[] {
  return [...text.matchAll(WRITTEN_WORD)].map((m) => ({ text: m[0], start: m.index ?? 0, end: (m.index ?? 0) + m[0].length }));
}

/** Particles hyphenated to a surname, written in lowercase: "al-Hayya", "el-Sheikh", "bin-Salman". */
export const PARTICLE_NAME = /^(?:al|el|bin|ibn|abu)-\p{L}/u;

/** Words that end a person's name without being its surname ("Donald Trump Jr."), folded. */
export const NAME_SUFFIXES: ReadonlySet<string> = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);

/** A company's suffixes, folded, which end its name ("International Business Machines Corp"). */
export const COMPANY_SUFFIXES: readonly string[] = ['corp', 'co', 'cos', 'inc', 'ltd', 'plc', 'ag', 'nv', 'sa', 'llc'];

/** Words after a name that a story writes only after a company's, as it writes them (see `nameWrittenAs`). */
const COMPANY_ENDING = '(?:Inc|Corp|Co|Cos|Ltd|Plc|PLC|AG|NV|SA|SpA|Group|Holdings|Industries)';
/** Titles that make the name after them a person's (a first name or two may stand between). */
const PERSON_TITLE = 'Mr|Mrs|Ms|Miss|Dr|President|Premier|Minister|Secretary|Senator|Sen|Rep|Governor|Gov|Judge|General|Gen|Chairman|Sir|Lord|Prince|King|Queen|Pope';
/** The titles of `PERSON_TITLE`, folded. */
export const PERSON_TITLES: ReadonlySet<string> = new Set(PERSON_TITLE.split('|').map(fold));

/** Name particles before a surname, as a regular expression's source: "bin ", "al-", "von der ". */
export const PARTICLE_RUN = `(?:(?:${[...NAME_PARTICLES].join('|')})(?:[^\\S\\n]+|-))*`;

/** Text to match as written inside a regular expression, its special characters escaped. */
export function asPattern(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

/** How texts write a word a question took for a name: an organisation's, a person's, or a common word's. */
export type WrittenAs = 'organisation' | 'person' | 'common';

/**
 * How texts write a name of one word: before a company's ending ("Rexnord Inc", "Conoco Corp") it
 * names an organisation; after a title, a first name or two between ("Mr Sarney", "President Jose
 * Sarney"), a person; in lowercase within sentences, twice or more, and never capitalised there,
 * a common word (a question typed in lowercase made "ceasefire" a name). Null when none of these plainly.
 */
export function nameWrittenAs(name: string, texts: readonly string[]): WrittenAs | null {
  const escaped = asPattern(name);
  const organisation = new RegExp(`\\b${escaped}\\s+${COMPANY_ENDING}\\b`, 'gu');
  const person = new RegExp(`\\b(?:${PERSON_TITLE})\\.?\\s+(?:\\p{Lu}[\\p{L}'’.-]*\\s+){0,2}${escaped}\\b`, 'gu');
  // Within a sentence: after a word and a space, so a headline's or a sentence's first word does not count.
  const lowercase = new RegExp(`(?<=[\\p{Ll},;] )${escaped.toLowerCase()}\\b`, 'gu');
  const capitalised = new RegExp(`(?<=[\\p{Ll},;] )${escaped.charAt(0).toUpperCase()}${escaped.slice(1).toLowerCase()}\\b`, 'gu');
  const [asOrganisation = 0, asPerson = 0, asLowercase = 0, asCapitalised = 0] = [organisation, person, lowercase, capitalised].map((written) =>
    texts.reduce((sum, text) => sum + (text.match(written)?.length ?? 0), 0),
  );
  // Never capitalised within a sentence: a surname that is also a word ("Cook", "Young") is, after its first name.
  if (asLowercase >= 2 && asCapitalised === 0 && asOrganisation + asPerson === 0) return 'common';
  if (asOrganisation === asPerson) return null;
  return asOrganisation > asPerson ? 'organisation' : 'person';
}

/**
 * Whether texts name someone other than `fullName` by its surname: a capitalised word stands right
 * before the surname, past any particle, that is no word of the full name nor a title the texts
 * give it ("President Biden" or "Joe Biden" beside "Hunter Biden"; "King Salman" beside "Mohammed
 * bin Salman"; not "Minister Fidan" where "Foreign Minister Hakan Fidan" is written). A sentence's
 * first word counts too, which only costs the shorter reading.
 */
export function namesOthersBy(surname: string, fullName: string, texts: readonly string[]): boolean {
  // A word from its start (a run of capitals is not tried at each of its letters), within a line and a sentence: "...in Gaza. Witkoff said" names no one "Gaza".
  const wordBefore = `(?<![\\p{L}\\p{N}'’-])(\\p{Lu}[\\p{L}'’-]*)[^\\S\\n]+`;
  const before = new RegExp(`${wordBefore}${PARTICLE_RUN}${asPattern(surname)}(?![\\p{L}\\p{N}])`, 'gu');
  // The full name's own words, and the titles the texts give it ("Foreign Minister Hakan Fidan"), are the same one.
  const titled = new RegExp(`${wordBefore}${asPattern(fullName)}(?![\\p{L}\\p{N}])`, 'gu');
  const own = new Set([...fullName.split(/\s+/u), ...texts.flatMap((text) => [...text.matchAll(titled)].map(([, word = '']) => word))].map(fold));
  // A day or a month ("On Tuesday Fidan said") is nobody.
  const other = (word: string) => !own.has(fold(word)) && !STOPWORDS.has(fold(word)) && !namesDayOrMonth(fold(word));
  return texts.some((text) => [...text.matchAll(before)].some(([, word = '']) => other(word)));
}

/** Lowercase words a title may hold between capitalised ones ("West Berlin state central bank president Dieter Hiss"). */
const TITLE_WORDS = 4;

/**
 * Whether a word as written is a name's: capitalised, no stopword (nor a contraction of one, "We'd",
 * nor a negated verb, "Can't"), no day or month, and, opening its sentence, no common word.
 */
export function isNameWord(word: string, opensSentence: boolean): boolean {
  const folded = fold(word).replace(/['’](?:s|d|re|ll|ve|m)$/u, '');
  return /^\p{Lu}/u.test(word) && !/n['’]t$/u.test(folded) && !STOPWORDS.has(folded) && !namesDayOrMonth(folded) && (!opensSentence || !isCommonWord(folded));
}

/** Where the name starting at `start` ends: past capitalised words, name particles, role nouns, and a title's lowercase words that end in a role noun before a name. */
export function namePhraseEnd(words: readonly string[], start: number, isName: (word: string, at: number) => boolean): number {
  let end = start + 1;
  while (end < words.length) {
    const word = words[end] ?? '';
    if (isName(word, end) || NAME_PARTICLES.has(fold(word)) || isRoleNoun(fold(word))) {
      end += 1;
      continue;
    }
    const title = words.slice(end, end + TITLE_WORDS + 1);
    const nameAt = title.findIndex((w, i) => isName(w, end + i));
    if (nameAt <= 0 || !isRoleNoun(fold(title[nameAt - 1] ?? '')) || title.slice(0, nameAt).some((w) => /^\p{Lu}/u.test(w) || (STOPWORDS.has(fold(w)) && fold(w) !== 'of'))) break;
    end += nameAt;
  }
  return end;
}

/** A name written with its title: the words that describe its bearer, and the last, which names them alone. */
export interface TitledName {
  title: string[];
  name: string;
  /** How a story introduces the bearer: the title's role word, first names and name ("Minister Benjamin Netanyahu", "President Kibaki"). */
  bearer: string;
}

/**
 * The names a text writes with a title before them ("Israeli Prime Minister Benjamin Netanyahu",
 * "Bank of Japan governor Satoshi Sumita", "President Kennedy"): news names the bearer by the last
 * word alone once introduced ("Netanyahu said..."). The name is a proper one (capitalised, then
 * lowercase, and no common word: not "Super Bowl", "Amazon River"); the title holds a role noun
 * that is no adjective too ("National", "Great"). A name without a title ("Hakan Fidan") or a
 * title without a name after it ("the Turkish president") is none.
 */
export function titledNames(text: string): TitledName[] {
  const words = writtenWords(text);
  const isName = (word: string, at: number) => isNameWord(word, at === 0);
  const found: TitledName[] = [];
  for (let start = 0; start < words.length; ) {
    const word = words[start] ?? '';
    if (!isName(word, start) && !isTitleWord(word)) {
      start += 1;
      continue;
    }
    const end = namePhraseEnd(words, start, isName);
    const phrase = words.slice(start, end);
    const role = phrase.findLastIndex(isTitleWord);
    const last = phrase.length - 1;
    const name = phrase[last] ?? '';
    const named = phrase.slice(role + 1).every((w, i) => isName(w, start + role + 1 + i));
    if (role >= 0 && role < last && named && isProperName(name)) found.push({ title: phrase.slice(0, last), name, bearer: phrase.slice(role).join(' ') });
    start = end;
  }
  return found;
}

/**
 * Whether a word names a role a title gives ("minister", "envoy", "President"), as written (not
 * "tackled", a tackle's verb), and not a quality ("National", "Super"), a particle ("da") or a
 * stopword ("have", the haves).
 */
function isTitleWord(word: string): boolean {
  const folded = fold(word);
  if (NAME_PARTICLES.has(folded) || STOPWORDS.has(folded) || !isRoleNoun(folded)) return false;
  return firstSenseWords(folded, 'noun').includes(folded) && firstSenseWords(folded, 'adj').length === 0;
}

/** Whether a word is a proper name as written: capitalised then lowercase ("Netanyahu", not "UHF" or "T"), and no common word ("Bowl"). */
function isProperName(word: string): boolean {
  return /^\p{Lu}\p{Ll}/u.test(word) && !isCommonWord(fold(word).replace(/['’]s$/u, ''));
}
