/**
 * Word forms that mean the same and should meet as one index term.
 *
 * Numbers written out meet their digits: "four" = "4", "third" = "3rd", "twenty-first" = "21st",
 * up to 99 (news style spells out small numbers, readers type digits). The words come from the
 * `number-to-words` package rather than a typed list.
 *
 * British spellings meet American ones: "defence" = "defense", "organisation" = "organization",
 * "archaeologist" = "archeologist", from the British-to-American list the
 * `american-british-english-translator` package ships (1,700 words), so a reader's spelling finds
 * an outlet's.
 *
 * Irregular word forms meet their base, so "held" meets "hold", "struck" meets "strike" and
 * "children" meets "child": Porter stemming only strips regular endings.
 *
 * The forms are WordNet 3.0's exception lists (verb.exc, noun.exc, adj.exc) as the `wink-lexicon`
 * package ships them. A form is mapped to its base only when WordNet gives it no reading of its
 * own in the same role, so a word news uses in its own right keeps its meaning:
 * - a form that is itself a WordNet lemma of the list's part of speech is left alone: "lay",
 *   "felt", "ground", "wound", "bound" are verbs of their own; "data" and "men" are nouns of their
 *   own; "better" and "best" are adjectives of their own, so they do not turn into "good";
 * - a form that is a regular inflection of a WordNet verb is left to the stemmer: "leaves" and
 *   "lives" are mostly "leave" and "live" in news, not "leaf" and "life".
 * The rest ("met", "held", "led", "left", "rose", "struck", "children", "women", "bigger") map to
 * their base, and so do the -ie verbs Porter splits ("died", "dies" → "die"). `NEWS_READINGS` keeps
 * four choices of the hand-kept list this replaced. Lemmas come from WordNet's index files, read
 * once through `wordnet.ts` (which keeps them for its own lookups), on first use (about 0.1 s).
 */
import { createRequire } from 'node:module';
import { inflectedFrom, lemmasOf } from './wordnet.ts';

const require = createRequire(import.meta.url);

/** The shortest verbs a regular form may come from ("goes" from "go"). */
const SHORTEST_VERB = 2;

/** Each exception list and the WordNet part of speech it belongs to. */
const EXCEPTION_LISTS = [
  { list: 'wn-verb-exceptions.js', pos: 'verb' },
  { list: 'wn-noun-exceptions.js', pos: 'noun' },
  { list: 'wn-adjective-exceptions.js', pos: 'adj' },
] as const;

/** British spelling → American spelling, one word each. */
const BRITISH_SPELLINGS = 'american-british-english-translator/data/british_spellings.json';


/**
 * The choices of the hand-kept list that WordNet's lists replaced, where the rule above would
 * undo them: news uses "found", "fell" and "saw" almost only as past tenses (the verbs "to found",
 * "to fell" and "to saw" write "founded", "felled" and "sawed" there), and a reader asking how
 * many "died" is answered by "13 dead", a derivation that no exception list holds; and the wires
 * write "percent" as "pct".
 */
const NEWS_READINGS: ReadonlyMap<string, string> = new Map([
  ['found', 'find'], ['fell', 'fall'], ['saw', 'see'], ['dead', 'die'], ['pct', 'percent'],
]);

let bases: ReadonlyMap<string, string> | null = null;
let americanSpellings: ReadonlyMap<string, string> | null = null;
let numbers: ReadonlyMap<string, string> | null = null;

/** Past this, numbers are written in digits anyway ("a hundred" is not "100" in a count of hundreds). */
const LARGEST_WRITTEN_NUMBER = 99;

/** The digits of a number written out and closed up ("four" → "4", "twentyfirst" → "21st"), or null. */
export function digitsOf(word: string): string | null {
  numbers ??= writtenNumbers();
  return numbers.get(word) ?? null;
}

function writtenNumbers(): Map<string, string> {
  const written = require('number-to-words') as {
    toWords(n: number): string;
    toWordsOrdinal(n: number): string;
    toOrdinal(n: number): string;
  };
  const closedUp = (words: string) => words.replace(/[\s-]/g, '');
  const found = new Map<string, string>();
  for (let n = 1; n <= LARGEST_WRITTEN_NUMBER; n += 1) {
    found.set(closedUp(written.toWords(n)), String(n));
    found.set(closedUp(written.toWordsOrdinal(n)), written.toOrdinal(n));
  }
  return found;
}

/** The base of a word in American spelling: "met" → "meet", "organised" → "organized", or the word itself. */
export function baseForm(word: string): string {
  bases ??= irregularBases();
  americanSpellings ??= new Map(Object.entries(require(BRITISH_SPELLINGS) as Record<string, string>));
  const spelt = americanSpellings.get(word) ?? word;
  return NEWS_READINGS.get(spelt) ?? bases.get(spelt) ?? spelt;
}

function irregularBases(): Map<string, string> {
  const verbs = lemmasOf('verb', null);
  const found = new Map<string, string>();
  const ownReadings = new Set<string>();
  for (const { list, pos } of EXCEPTION_LISTS) {
    const forms = require(`wink-lexicon/src/${list}`) as Record<string, string>;
    const lemmas = pos === 'verb' ? verbs : lemmasOf(pos, new Set(Object.keys(forms)));
    // A verb exception is WordNet's own call ("dying" is "die", not "dye"); a noun or adjective one
    // that also reads as a regular verb form ("leaves", "lives") is left to the stemmer.
    const regularVerbForm = (form: string) => pos !== 'verb' && inflectedFrom(form, SHORTEST_VERB).some((base) => verbs.has(base));
    for (const [form, base] of Object.entries(forms)) {
      if (lemmas.has(form) || regularVerbForm(form)) ownReadings.add(form);
      else if (!found.has(form)) found.set(form, base);
    }
  }
  for (const form of ownReadings) found.delete(form);
  for (const verb of verbs) {
    // Porter stems "died" and "dies" to "di" but "die" to "die": the -ie verbs need their base.
    if (verb.endsWith('ie')) for (const ending of ['d', 's']) found.set(`${verb}${ending}`, verb);
  }
  return found;
}
