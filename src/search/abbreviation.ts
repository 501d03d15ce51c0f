/**
 * Abbreviations and the names they shorten: "CIBC" for "Canadian Imperial Bank of Commerce",
 * "ISF" for "international stabilization force".
 */
import { fold } from './analyzer.ts';
import { STOPWORDS } from './stopwords.ts';

/** Words that may stand inside a name without giving its abbreviation a letter ("Bank of Commerce", "Front Islamique de Salut"). */
const UNLETTERED = new Set(['of', 'and', 'for', 'the', 'in', 'on', 'at', 'to', 'de', 'du', 'des', 'la', 'le', '&']);

/** How many words may stand between an abbreviation and the name it shortens ("TGIF (an acronym for Thank Goodness It's Funny)"). */
const WRITTEN_OUT_GAP = 3;

/** Whether a text writes a name whose capitalised words' initials spell `acronym`, folded ("Canadian Imperial Bank of Commerce" for cibc). */
export function spellsOut(text: string, acronym: string): boolean {
  if (!/^\p{L}{2,6}$/u.test(acronym)) return false;
  const words = wordsOf(text);
  return words.some((_, start) => spelledTo(words, start, acronym, true) >= 0);
}

/**
 * Whether a sentence writes out an abbreviation (`letters`, folded) beside it: words whose initials
 * spell it, capitalised or not, ending just before it ("Named Binary Tag (NBT)", "international
 * stabilization force [ISF]") or starting just after it. Initials alone meet by chance ("Israeli
 * security forces"), so the abbreviation itself must stand by them.
 */
export function writesOut(sentence: string, letters: string): boolean {
  const words = wordsOf(sentence);
  const written = words.flatMap((word, at) => (fold(word) === letters && /\p{Lu}/u.test(word) ? [at] : []));
  return written.some((at) =>
    words.some((_, start) => {
      const end = start === at ? -1 : spelledTo(words, start, letters, false);
      return end >= 0 && (end <= at ? at - end <= WRITTEN_OUT_GAP : start > at && start - at - 1 <= WRITTEN_OUT_GAP);
    }),
  );
}

/** A text's words, a hyphenated word or an ampersand counting as one. */
function wordsOf(text: string): string[] {
  return text.match(/[\p{L}&][\p{L}'’-]*/gu) ?? [];
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
