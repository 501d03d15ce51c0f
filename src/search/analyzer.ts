/**
 * Turns news text into index terms. The same analysis runs on articles, sentences and questions so
 * their terms meet:
 * - case and diacritic folding (NFKD, marks stripped): "Türkiye" = "turkiye", "Erdoğan" = "erdogan";
 * - typographic apostrophes are apostrophes; possessives drop: "Hamas's", "Hamas’", "Hamas'" = hamas;
 * - dotted acronyms close up: "U.S." = "US";
 * - hyphenated words index their parts and the closed-up form ("cease-fire" → cease, fire,
 *   ceasefire); a leading Arabic article is dropped from the parts, so "al-Hayya", "Al Hayya" and
 *   "Hayya" all give hayya, and "alhayya" meets the closed-up form;
 * - numbers are kept (thousands separators dropped), single letters are not;
 * - stopwords (function and question words) are dropped, the rest is Porter-stemmed, with a few
 *   irregular past tenses mapped to their base first ("met" = "meet").
 * Tokens keep their offsets in the original text so snippets can mark matches without ever
 * rewriting the article's characters.
 */
import { stemmer } from 'stemmer';
import { STOPWORDS } from './stopwords.ts';

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

const WORD = /(?:\p{L}\.){2,}|\p{N}+(?:[.,]\p{N}+)*|[\p{L}\p{N}\p{M}]+(?:['’‘\-‐‑][\p{L}\p{N}\p{M}]+)*['’]?/gu;
const MARKS = /\p{M}/gu;
const HYPHENS = /[-‐‑]/;
const ARABIC_ARTICLES: ReadonlySet<string> = new Set(['al', 'el']);

const IRREGULAR_PAST: ReadonlyMap<string, string> = new Map([
  ['met', 'meet'], ['spoke', 'speak'], ['spoken', 'speak'], ['went', 'go'], ['gone', 'go'],
  ['took', 'take'], ['taken', 'take'], ['gave', 'give'], ['given', 'give'], ['made', 'make'],
  ['came', 'come'], ['saw', 'see'], ['seen', 'see'], ['held', 'hold'], ['brought', 'bring'],
  ['fought', 'fight'], ['won', 'win'], ['lost', 'lose'], ['sought', 'seek'], ['struck', 'strike'],
  ['began', 'begin'], ['begun', 'begin'], ['ran', 'run'], ['wrote', 'write'], ['written', 'write'],
  ['chose', 'choose'], ['chosen', 'choose'], ['fell', 'fall'], ['fallen', 'fall'], ['rose', 'rise'],
  ['risen', 'rise'], ['led', 'lead'], ['paid', 'pay'], ['sent', 'send'], ['built', 'build'],
  ['bought', 'buy'], ['sold', 'sell'], ['kept', 'keep'], ['thought', 'think'], ['found', 'find'],
  ['stood', 'stand'], ['understood', 'understand'], ['knew', 'know'], ['grew', 'grow'],
  ['drew', 'draw'], ['flew', 'fly'], ['threw', 'throw'], ['withdrew', 'withdraw'],
  ['withdrawn', 'withdraw'], ['died', 'die'], ['dead', 'die'], ['killed', 'kill'],
]);

/** Lowercases and strips diacritics; typographic apostrophes become ASCII. */
export function fold(text: string): string {
  return text.normalize('NFKD').replace(MARKS, '').toLowerCase().replace(/[’‘]/g, "'");
}

/** Index terms of a text, in order, with their offsets. */
export function tokenize(text: string, mode: AnalysisMode = 'index'): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(WORD)) {
    const start = match.index;
    const end = start + match[0].length;
    for (const { term, word } of cachedWordTerms(match[0], mode)) tokens.push({ term, word, start, end });
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

/** Index terms of a text, in order. */
export function terms(text: string, mode: AnalysisMode = 'index'): string[] {
  return tokenize(text, mode).map((token) => token.term);
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
  const folded = fold(word);
  if (/^\p{N}/u.test(folded)) return normalised(folded.replace(/,/g, ''));
  if (/^(?:\p{L}\.){2,}$/u.test(folded)) return normalised(folded.replace(/\./g, ''));
  const bare = folded.replace(/'s$/, '').replace(/'$/, '').replace(/'/g, '');
  const parts = bare.split(HYPHENS).filter((part) => part.length > 0);
  if (parts.length === 1) return normalised(bare);
  const named = ARABIC_ARTICLES.has(parts[0] ?? '') ? parts.slice(1) : parts;
  const found = named.flatMap(normalised);
  return mode === 'index' ? [...found, ...normalised(parts.join(''))] : found;
}

function normalised(word: string): { term: string; word: string }[] {
  if (/^\p{N}/u.test(word)) return [{ term: word, word }];
  if (word.length < 2 || STOPWORDS.has(word)) return [];
  return [{ term: stemmer(IRREGULAR_PAST.get(word) ?? word), word }];
}
