/**
 * Turns news text into index terms. The same analysis runs on articles, sentences and questions so
 * their terms meet:
 * - case and diacritic folding (NFKD, marks stripped): "Türkiye" = "turkiye", "Erdoğan" = "erdogan";
 * - typographic apostrophes are apostrophes; possessives drop: "Hamas's", "Hamas’", "Hamas'" = hamas;
 *   contractions of a stopword are stopwords: "didn't", "where'd", "they've" (not "Sa'd");
 * - dotted acronyms close up: "U.S." = "US"; a short acronym written in capitals ("US", "U.S.",
 *   "FM") is also indexed as itself ("US"), beside its folded stem, so a question asking about
 *   the US can leave out "used", which Porter stems to the same "us" (see `acronymOf`);
 * - hyphenated words index their parts and the closed-up form ("cease-fire" → cease, fire,
 *   ceasefire); a leading Arabic article is dropped from the parts, so "al-Hayya", "Al Hayya" and
 *   "Hayya" all give hayya, and "alhayya" meets the closed-up form;
 * - a percent sign is the word "percent";
 * - numbers are kept (thousands separators dropped), and numbers written out up to 99 become their
 *   digits ("four" = "4", "third" = "3rd", "twenty-first" = "21st"); a decade is a term of its own
 *   ("1990s" = "1990's"); single letters are not kept;
 * - stopwords (function and question words) are dropped, the rest is Porter-stemmed, with
 *   British spellings made American and irregular forms mapped to their base first, from WordNet's
 *   exception lists ("organised" = "organized", "met" = "meet", "children" = "child";
 *   `word-forms.ts` says which forms keep their own meaning).
 * Tokens keep their offsets in the original text so snippets can mark matches without ever
 * rewriting the article's characters.
 */
import { stemmer } from 'stemmer';
import { STOPWORDS } from './stopwords.ts';
import { baseForm, digitsOf } from './word-forms.ts';

/**
 * Goes up whenever the analysis gives other terms for the same text: an index snapshot built by
 * another analysis is stale, since its terms would no longer meet the questions'.
 * 2: WordNet's irregular forms ("fled" = "flee", "children" = "child").
 * 3: numbers written out meet their digits ("four" = "4", "twenty-first" = "21st").
 * 4: British spellings meet American ones ("defence" = "defense").
 * 5: decades are terms of their own ("1990s" = "1990's", not "1990").
 * 6: short acronyms in capitals are also indexed as themselves ("US").
 * 7: also in a possessive or a hyphenated word ("US's", "US-brokered").
 * 8: contractions of stopwords are stopwords ("didn't" was the term "didnt", "where'd" "where").
 * 9: so are "theres", "thats", "wheres" typed without their apostrophe.
 * 10: "%" and the wires' "pct" are the term of "percent".
 * 11: "everyone", "nobody", "nothing" and their like were stopwords, as "anyone" is.
 * 12: they are words again: "Nothing" names a company, and "nobody claimed" a denial.
 * 13: a name of capitals joined by "&" is one word ("AT&T" = "att", "S&P"); it was "at" and "t",
 *    so "What did AT&T say?" held no keyword.
 */
export const ANALYSIS_VERSION = 13;

/** An index term, the folded word it was stemmed from, and where that word sits in the original text. */
export interface Token {
  term: string;
  word: string;
  start: number;
  end: number;
}

/**
 * `index` emits every form a word can be found by; `query` emits only the forms a question means,
 * so "al-Hayya" in a question asks for hayya once, not for hayya and alhayya.
 */
export type AnalysisMode = 'index' | 'query';

/**
 * Capitals joined by "&" are one name ("AT&T", "P&G", "S&P"), never the stopword "at" and a letter;
 * so are one or two letters either side, as chat types them ("at&t", "r&d"). A source for the
 * word patterns of the modules reading names as written.
 */
export const AMPERSAND_NAME = String.raw`(?<![\p{L}\p{N}])(?:\p{Lu}{1,4}&\p{Lu}{1,4}|\p{L}{1,2}&\p{L}{1,2})(?![\p{L}\p{N}])`;

// An ordinal's suffix stays with its digits ("21st" is one word) so it meets "twenty-first", and so
// does a decade's ("1990s", "1990's"), so it is not the year 1990. "50's" alone is a possessive.
const WORD = new RegExp(
  String.raw`${AMPERSAND_NAME}|(?:\p{L}\.){2,}|\p{N}+(?:[.,]\p{N}+)*(?:(?:st|nd|rd|th|ST|ND|RD|TH|(?<=0)s|(?<=\p{N}{3}0)['’]s)(?![\p{L}\p{N}]))?|[\p{L}\p{N}\p{M}]+(?:['’‘\-‐‑][\p{L}\p{N}\p{M}]+)*['’]?|%`,
  'gu',
);
const MARKS = /\p{M}/gu;
/** The hyphens a word may be joined by: hyphen-minus, hyphen and non-breaking hyphen. */
export const HYPHENS = /[-‐‑]/;
const ARABIC_ARTICLES: ReadonlySet<string> = new Set(['al', 'el']);

/** Lowercases and strips diacritics; typographic apostrophes become ASCII. */
export function fold(text: string): string {
  return text.normalize('NFKD').replace(MARKS, '').toLowerCase().replace(/[’‘]/g, "'");
}

/** Index terms of a text, in order, with their offsets. */
export function tokenize(text: string, mode: AnalysisMode = 'index'): Token[] {
  const tokens: Token[] = [];
  let end = 0;
  for (const written of wordsOf(text)) {
    // Only characters no word holds lie between two words, so the next occurrence is the match
    // itself: found so, the words need no match object each, which answering made by the thousand.
    const start = text.indexOf(written, end);
    end = start + written.length;
    for (const { term, word } of cachedWordTerms(written, mode)) tokens.push({ term, word, start, end });
  }
  return tokens;
}

/** The words of a text as written, in order: bulk indexing counts these first and analyses each distinct one once. */
export function wordsOf(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** The index terms of one word as `wordsOf` gives it, each with the folded word it was stemmed from. */
export function termsOfWord(word: string): readonly { term: string; word: string }[] {
  return cachedWordTerms(word, 'index');
}

/** Index terms of a text, in order: `tokenize`'s terms, without an object per token. */
export function terms(text: string, mode: AnalysisMode = 'index'): string[] {
  const found: string[] = [];
  for (const word of wordsOf(text)) for (const { term } of cachedWordTerms(word, mode)) found.push(term);
  return found;
}

const WORD_CACHE_LIMIT = 200_000;
const wordCache: Record<AnalysisMode, Map<string, { term: string; word: string }[]>> = { index: new Map(), query: new Map() };

/** News vocabulary is Zipfian: most words repeat, so folding and stemming each distinct word once pays. */
function cachedWordTerms(word: string, mode: AnalysisMode): { term: string; word: string }[] {
  const cache = wordCache[mode];
  let found = cache.get(word);
  if (!found) {
    if (cache.size >= WORD_CACHE_LIMIT) cache.clear();
    found = wordTerms(word, mode);
    cache.set(word, found);
  }
  return found;
}

function wordTerms(word: string, mode: AnalysisMode): { term: string; word: string }[] {
  if (word === '%') return normalised(PERCENT);
  const folded = fold(word);
  if (/^\p{N}/u.test(folded)) return normalised(folded.replace(/[,']/g, ''));
  const acronym = mode === 'index' ? acronymOf(word) : null;
  if (acronym !== null) return [...normalised(acronym.toLowerCase()), { term: acronym, word: acronym.toLowerCase() }];
  if (/^(?:\p{L}\.){2,}$/u.test(folded) || folded.includes('&')) return normalised(folded.replace(/[.&]/g, ''));
  if (isContractedStopword(folded)) return [];
  const bare = folded.replace(/'s$/, '').replace(/'$/, '').replace(/'/g, '');
  const parts = bare.split(HYPHENS).filter((part) => part.length > 0);
  if (parts.length === 1) return normalised(bare);
  const number = digitsOf(parts.join(''));
  if (number !== null) return [{ term: number, word: bare }];
  const named = ARABIC_ARTICLES.has(parts[0] ?? '') ? parts.slice(1) : parts;
  const found = named.flatMap(normalised);
  if (mode === 'query') return found;
  // "US-brokered" is also the acronym.
  const acronyms = word.split(HYPHENS).flatMap((part) => {
    const letters = acronymOf(part);
    return letters === null ? [] : [{ term: letters, word: letters.toLowerCase() }];
  });
  return [...found, ...acronyms, ...normalised(parts.join(''))];
}

/** The word a percent sign stands for, as "pct" does on the wires (see `word-forms.ts`): "10%" meets "10 percent". */
const PERCENT = 'percent';

/** A contraction's ending after the word it shortens: "where'd", "what'll", "they've", "we're", "I'm". */
const CONTRACTION = /^([\p{L}]+)'(?:ll|d|ve|re|m)$/u;

/** Whether a folded word contracts a stopword ("where'd", "they've"): a name with such an ending ("Sa'd") stays a name. */
function isContractedStopword(folded: string): boolean {
  const stem = CONTRACTION.exec(folded)?.[1];
  return stem !== undefined && STOPWORDS.has(stem);
}

/** Letters of a short acronym in capitals, dotted or not ("US", "U.S.", "FM"). */
const ACRONYM = /^(?:\p{Lu}{2,3}|(?:\p{Lu}\.){2,3})$/u;

/**
 * The index term of a word written as a short acronym in capitals ("US", "U.S.", "US's" → "US"),
 * or null. Longer ones ("NATO", "UNSC") collide with no common word's stem, and a stopword in
 * capitals ("IS", "WHO") stays dropped.
 */
export function acronymOf(written: string): string | null {
  const bare = written.replace(/['’]s?$/u, '');
  if (!ACRONYM.test(bare)) return null;
  const letters = bare.replace(/\./g, '');
  return STOPWORDS.has(letters.toLowerCase()) ? null : letters;
}

function normalised(word: string): { term: string; word: string }[] {
  if (/^\p{N}/u.test(word)) return [{ term: word, word }];
  if (word.length < 2 || STOPWORDS.has(word)) return [];
  const number = digitsOf(word);
  if (number !== null) return [{ term: number, word }];
  const base = baseForm(word);
  // A form whose base frames questions ("told" → "tell") keeps its own term, as "said" is dropped
  // and "told" is indexed as it is: mapping it would make it a term no question asks for.
  return [{ term: stemmer(STOPWORDS.has(base) ? word : base), word }];
}
