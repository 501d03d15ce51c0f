/**
 * Follow-up questions. Members ask as in a conversation: "Where did they meet before?" right after
 * "When will Witkoff meet Hayya?" asks about Witkoff and Hayya, and alone it names no one to look
 * for. A pronoun the question itself does not name anyone for is read through the names of the
 * question before, when they say plainly whom it means; the reply then shows the question as read,
 * so a wrong reading is plain to see and easy to correct by asking with the names.
 */
import { bareName, isPlaceWord, isPluralNoun, lexiconTags, NAME_PARTICLES, POSSESSIVE } from './answer-kind.ts';
import { isNameWord, PARTICLE_NAME, writtenWordsAt, type WrittenWord } from './names.ts';
import { STOPWORDS } from './stopwords.ts';
import { firstSenseWords, inflectedFrom, isRoleNoun } from './wordnet.ts';

/** Third-person pronouns, by whom they may stand for: several (or a group), one person, one thing. */
const PRONOUNS = {
  plural: new Set(['they', 'them', 'their', 'theirs']),
  person: new Set(['he', 'him', 'his', 'she', 'her', 'hers']),
  thing: new Set(['it', 'its']),
} as const;

/** Pronouns that stand before what their referent owns, and "her", which may. */
const POSSESSIVES = new Set(['their', 'theirs', 'his', 'hers', 'its']);

/**
 * The question as a follow-up to `previous`: each third-person pronoun that no name of its own
 * stands before is replaced by the names `previous` writes ("they" by "Witkoff and Hayya", "his" by
 * "Witkoff's"), when those say whom it means: "he" or "she" one person, "it" one name in a question
 * naming nothing itself ("Is it true that Hamas..." is no follow-up), "they" any names but places.
 * Null when nothing is replaced: the question stands on its own, or `previous` names no one it
 * could mean.
 */
export function readAsFollowUp(text: string, previous: string): string | null {
  const read = previousRead(previous);
  if (read.names.length === 0) return null;
  const words = writtenWordsAt(text);
  const firstName = firstNameAt(words);
  // "Did they accept it?": the names "they" stands for are not what "it" stands for.
  const meant = new Map<PronounKind, string | null>();
  const taken = new Set<string>();
  let asked = '';
  let from = 0;
  words.forEach((word, at) => {
    const pronoun = word.text.toLowerCase();
    const kind = pronounKind(pronoun);
    if (kind === null || (firstName >= 0 && firstName < at)) return;
    if (!meant.has(kind)) {
      const standsFor = meaning(kind, { ...read, names: read.names.filter((name) => !taken.has(name.written)) }, firstName >= 0);
      for (const name of standsFor ?? []) taken.add(name.written);
      meant.set(kind, standsFor === null ? null : listed(standsFor.map((name) => name.written)));
    }
    const name = meant.get(kind);
    if (name === null || name === undefined) return;
    const owns = POSSESSIVES.has(pronoun) || (pronoun === 'her' && ownsNext(words[at + 1]));
    asked += text.slice(from, word.start) + name + (owns ? "'s" : '');
    from = word.end;
  });
  return from === 0 ? null : asked + text.slice(from);
}

/**
 * The first pronoun of a person or of several that no name of the question stands before ("they"
 * in "Where did they meet before?"), as written; null when there is none. Unanswered, such a
 * question is told so: it may be about someone the coverage names often. "It" is left out, as it
 * often points at nothing ("How long did it take?").
 */
export function unnamedPronoun(text: string): string | null {
  const words = writtenWordsAt(text);
  const firstName = firstNameAt(words);
  const kind = (word: WrittenWord) => pronounKind(word.text.toLowerCase());
  const pronoun = words.find((word, at) => (firstName < 0 || at < firstName) && (kind(word) === 'plural' || kind(word) === 'person'));
  return pronoun?.text ?? null;
}

/** What an unanswered question whose `pronoun` names no one is told. */
export function unnamedNotice(pronoun: string): string {
  return `The question does not say whom “${pronoun}” stands for: ask again with the names, or right after a question that names them.`;
}

/** Where the question's first name stands among its words; -1 when it names no one. */
function firstNameAt(words: readonly WrittenWord[]): number {
  return words.findIndex((word, at) => isNameWord(word.text, at === 0) || PARTICLE_NAME.test(word.text));
}

type PronounKind = keyof typeof PRONOUNS;

/** Whom a word may stand for, when it is a third-person pronoun. */
function pronounKind(word: string): PronounKind | null {
  return (Object.keys(PRONOUNS) as PronounKind[]).find((kind) => PRONOUNS[kind].has(word)) ?? null;
}

/**
 * Whom a pronoun of the kind stands for among the previous question's names; null when they do not
 * say: "he" after two people, or after a person it does not name ("Did the Turkish minister meet
 * Hayya?" may be asking about either).
 */
function meaning(kind: PronounKind, previous: Previous, questionNames: boolean): Name[] | null {
  const persons = previous.names.filter((name) => !name.place);
  if (kind === 'plural') return persons.length > 0 && !previous.unnamedPersons ? persons : null;
  const one = kind === 'person' ? persons : previous.names;
  if (one.length !== 1 || one[0]?.group || (kind === 'person' && previous.unnamedPersons) || (kind === 'thing' && questionNames)) return null;
  return one;
}

/** Names as a sentence lists them: "Witkoff", "Witkoff and Hayya", "Fidan, Witkoff and Hayya". */
function listed(names: readonly string[]): string {
  return names.length === 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** Whether "her" stands before something she owns ("her son"), not as the object ("told her", "asked her about"). */
function ownsNext(next: WrittenWord | undefined): boolean {
  return next !== undefined && !STOPWORDS.has(next.text.toLowerCase()) && !isNameWord(next.text, false);
}

/** A name a question writes: whether it names a place (which "they" or "he" do not stand for) or a group ("Turkish officials", which "he" does not). */
interface Name {
  written: string;
  place: boolean;
  group: boolean;
}

/** What the previous question says of whom a pronoun may stand for: its names, and whether it also speaks of persons it does not name ("the minister"). */
interface Previous {
  names: Name[];
  unnamedPersons: boolean;
}

/**
 * The names a question writes, each once, as what a pronoun may stand for: a run of name words,
 * without its possessive; with the noun it owns when it owns one ("Witkoff's son" is who "he" means
 * next); with the plural noun it qualifies ("Turkish officials"). A name qualifying a thing ("the
 * UN vote") and a nationality alone ("Turkish") stand for no one.
 */
function previousRead(text: string): Previous {
  const words = writtenWordsAt(text);
  const isName = (at: number) => isNameWord(words[at]?.text ?? '', at === 0) || (at > 0 && PARTICLE_NAME.test(words[at]?.text ?? ''));
  const names: Name[] = [];
  const inNames = new Set<number>();
  for (let at = 0; at < words.length; at += 1) {
    if (!isName(at)) continue;
    let end = at + 1;
    while (end < words.length && joined(text, words[end - 1], words[end]) && (isName(end) || (NAME_PARTICLES.has(bareName(words[end]?.text ?? '')) && isName(end + 1)))) end += 1;
    const { name, past } = referent(text, words, at, end);
    if (name !== null && !names.some((known) => known.written === name.written)) names.push(name);
    for (let n = at; n < past; n += 1) inNames.add(n);
    at = end - 1;
  }
  const unnamedPersons = words.some((word, at) => !inNames.has(at) && /^\p{Ll}/u.test(word.text) && [word.text, ...inflectedFrom(word.text)].some(isRoleNoun));
  return { names, unnamedPersons };
}

/**
 * What the name words from `start` to `end` stand for, with the noun after them that makes them
 * someone's (see `previousRead`), null for none; and the index past the last word it took.
 */
function referent(text: string, words: readonly WrittenWord[], start: number, end: number): { name: Name | null; past: number } {
  const run = words.slice(start, end);
  const last = run.at(-1);
  const next = words[end];
  const noun = last !== undefined && next !== undefined && /^\s+$/u.test(text.slice(last.end, next.start)) && /^\p{Ll}/u.test(next.text) && firstSenseWords(next.text, 'noun').length > 0 ? next : undefined;
  const owner = noun !== undefined && last !== undefined && POSSESSIVE.test(last.text);
  if (noun !== undefined && (owner || isPluralNoun(noun.text))) return { name: { written: text.slice(run[0]?.start, noun.end), place: false, group: !owner }, past: end + 1 };
  const qualifier = noun !== undefined && ARTICLES.has(words[start - 1]?.text.toLowerCase() ?? '');
  const nationality = run.length === 1 && ['Adjective', 'Demonym'].some((tag) => lexiconTags(bareName(last?.text ?? '')).has(tag));
  const place = run.every((word) => isPlaceWord(bareName(word.text)));
  return { name: qualifier || nationality ? null : { written: text.slice(run[0]?.start, last?.end).replace(POSSESSIVE, ''), place, group: false }, past: end };
}

/** Articles before a name that qualifies the noun after it ("the UN vote"). */
const ARTICLES = new Set(['the', 'a', 'an']);

/** Whether two words stand one space apart, the first no possessive: the words of one name. */
function joined(text: string, left: WrittenWord | undefined, right: WrittenWord | undefined): boolean {
  return left !== undefined && right !== undefined && /^\s+$/u.test(text.slice(left.end, right.start)) && !POSSESSIVE.test(left.text);
}
