/**
 * Abbreviations and the names they shorten: "CIBC" for "Canadian Imperial Bank of Commerce",
 * "ISF" for "international stabilization force".
 */
import { fold } from './analyzer.ts';
import { COMPANY_SUFFIXES } from './names.ts';
import { STOPWORDS } from './stopwords.ts';

/** Words that may stand inside a name without giving its abbreviation a letter ("Bank of Commerce", "Front Islamique de Salut"). */
const UNLETTERED = new Set(['of', 'and', 'for', 'the', 'in', 'on', 'at', 'to', 'de', 'du', 'des', 'la', 'le', '&']);

/** A company's suffix, which a name's abbreviation leaves out ("International Business Machines Corp <IBM>"). */
const COMPANY_SUFFIX = String.raw`(?:\s+(?:${COMPANY_SUFFIXES.join('|')})\.?)*`;
/**
 * What may stand between the name written out and the abbreviation after it, a company's suffix
 * aside: a bracket ("Named Binary Tag (NBT)", "force [ISF]", "British Petroleum Co Plc <BP>"),
 * "or" ("Named Binary Tag, or NBT") or, after a name in capitals, a comma ("New York Stock
 * Exchange, NYSE, rule").
 */
const BEFORE_ABBREVIATION = new RegExp(String.raw`^${COMPANY_SUFFIX}\s*(?:[(\[<]|,?\s+or\s+)\s*(?:the\s+)?["“‘']?$`, 'iu');
/** A comma alone, which sets an abbreviation off only after a name written in capitals (see `writesOut`). */
const BEFORE_ABBREVIATION_IN_NAME = new RegExp(String.raw`^${COMPANY_SUFFIX}\s*,\s*$`, 'iu');
/**
 * What may stand between an abbreviation and the name written out after it: a bracket, a comma or
 * a dash, "or", "stands for", "(an acronym for", "formally the" ("FIS or Front Islamique de
 * Salut", "NBT, or Named Binary Tag", "TGIF drinks (an acronym for Thank God It's Friday)", "The
 * MCA - formally the Maritime Cargo Authority -"), after one word at most.
 */
const AFTER_ABBREVIATION =
  /^(?:\s+[\p{L}'’-]+)?\s*[)\]>]?\s*(?:[(\[,:–—-]\s*)?(?:(?:or|formally|officially|namely|meaning|known\s+as|i\.e\.|the)\s+)*(?:(?:an?\s+|the\s+)?(?:acronym|abbreviation|short)\s+(?:for|of)\s+|(?:which\s+|that\s+)?(?:stands?|stood|standing)\s+for\s+)?["“‘']?$/iu;
/** Whether the words between an abbreviation and a name after it mark the name as its writing out: a mark, "or" or "for", not words alone ("The KRP kept regional prices..."). */
const MARKED = /[(\[,:–—-]|\bor\b|\bfor\b|\bi\.e\./iu;

/** Whether a text writes a name whose capitalised words' initials spell `acronym`, folded ("Canadian Imperial Bank of Commerce" for cibc). */
export function spellsOut(text: string, acronym: string): boolean {
  if (!/^\p{L}{2,6}$/u.test(acronym)) return false;
  const words = wordsOf(text).map(({ word }) => word);
  return words.some((_, start) => spelledTo(words, start, acronym, true) >= 0);
}

/**
 * Whether a sentence writes out an abbreviation (`letters`, folded) beside it: two or more words
 * other than the abbreviation whose initials spell it, capitalised or not, set off from it as a
 * writer sets a name and its abbreviation apart (see `BEFORE_ABBREVIATION`, `AFTER_ABBREVIATION`).
 * Initials alone meet by chance: "Israeli security forces" away from "ISF", "The KRP kept regional
 * prices", "GE said Pacific Gas and Electric", "OPEC or both OPEC".
 */
export function writesOut(sentence: string, letters: string): boolean {
  const found = wordsOf(sentence);
  const words = found.map(({ word }) => word);
  const isAbbreviation = (word: string) => fold(word).replace(/&/gu, '') === letters;
  const between = (from: number, to: number) => sentence.slice(found[from]?.end ?? 0, found[to]?.start ?? 0);
  return found.some(({ word }, at) => {
    if (!isAbbreviation(word) || !/\p{Lu}/u.test(word)) return false;
    return words.some((_, start) => {
      const end = spelledTo(words, start, letters, false);
      if (end < start + 2 || words.slice(start, end).some(isAbbreviation)) return false;
      if (end <= at) {
        const gap = between(end - 1, at);
        const inCapitals = words.slice(start, end).every((word) => /^\p{Lu}/u.test(word) || UNLETTERED.has(word.toLowerCase()));
        return BEFORE_ABBREVIATION.test(gap) || (inCapitals && BEFORE_ABBREVIATION_IN_NAME.test(gap));
      }
      const gap = between(at, start);
      return start > at && MARKED.test(gap) && AFTER_ABBREVIATION.test(gap);
    });
  });
}

/** A text's words with where each stands, a hyphenated word, one with an ampersand ("PG&E") or an ampersand alone counting as one. */
function wordsOf(text: string): { word: string; start: number; end: number }[] {
  return [...text.matchAll(/[\p{L}&][\p{L}&'’-]*/gu)].map((match) => ({ word: match[0], start: match.index ?? 0, end: (match.index ?? 0) + match[0].length }));
}

/**
 * Where a run of words from `start` whose initials spell `letters` ends (the index after its last
 * word); -1 when the words there spell something else. Linking words inside the run give no letter,
 * a word in capitals gives all of its own ("UN Security Council" for unsc); every other word must
 * be capitalised (`capitalised`), or at least no stopword.
 */
function spelledTo(words: readonly string[], start: number, letters: string, capitalised: boolean): number {
  let spelt = 0;
  let at = start;
  for (; at < words.length && spelt < letters.length; at += 1) {
    const word = words[at] ?? '';
    if (spelt > 0 && UNLETTERED.has(word.toLowerCase())) continue;
    const letterWord = capitalised ? /^\p{Lu}/u.test(word) : !STOPWORDS.has(fold(word));
    const given = /^\p{Lu}{2,}$/u.test(word) ? fold(word) : fold(word).charAt(0);
    if (!letterWord || !letters.startsWith(given, spelt)) return -1;
    spelt += given.length;
  }
  return spelt === letters.length ? at : -1;
}
