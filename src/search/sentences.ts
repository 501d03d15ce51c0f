/**
 * Splits a paragraph into whole sentences. `Intl.Segmenter` follows Unicode sentence boundaries,
 * which break after every abbreviation ("Gen. Smith", "the U.S. President") and inside quotations
 * ("...brothers... We will continue," the president said). Those pieces are joined back when:
 * - a piece ends with a title abbreviation (Mr., Gen., Sen. ...), always followed by a name, or
 *   with a lowercase "v." or "vs." between two names ("Runyon v. McCrary");
 * - a piece ends with a dotted acronym or an initial ("U.S.", "J.", "p.m.") and the next piece
 *   opens a bracket or does not start like a new sentence ("The", "He", ...), or an initial
 *   before another ("A. A. Michelson"; "J. P. Morgan", though "p." also numbers pages);
 * - a piece ends with a month or number abbreviation ("Jan.", "No.") and the next starts with a digit;
 * - the next piece starts with a lowercase letter, so it cannot begin a sentence;
 * - a piece is a list item's number alone ("1." of "1. Finland"; see `LIST_NUMBER`), or ends a
 *   lead-in with it ("The council will: 1." and "Build 200 homes.");
 * - a piece leaves a quotation open, so the quotation and its attribution stay one sentence
 *   (bounded, so a paragraph-long quotation falls back to the segmenter's pieces).
 * A sentence is always a slice of the paragraph, trimmed: its characters are never rewritten.
 */

/** A sentence's place in its paragraph. */
export interface SentenceSpan {
  start: number;
  end: number;
}

const TITLES = new Set([
  'mr', 'mrs', 'ms', 'dr', 'gen', 'lt', 'col', 'maj', 'capt', 'cmdr', 'adm', 'sgt', 'gov', 'sen',
  'rep', 'rev', 'prof', 'pres', 'st', 'mt', 'ft', 'sr', 'jr', 'messrs', 'hon', 'gens',
]);
const NUMBERED = new Set([
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'no', 'nos',
  'vol', 'art', 'ch', 'p', 'pp', 'approx', 'fig', 'vs', 'v', 'op',
]);
/** A lowercase "v." or "vs." after a name, between the parties of a case or a match ("Runyon v. McCrary"); not "240 v." of volts, nor "Super Bowl V.", a numeral. */
const VERSUS = /\p{Lu}[\p{L}'’.-]*\s+(?:v|vs)\.$/u;
/** A piece opening with an initial on its own ("A. Michelson"), not a run of them written close ("A.B. de Villiers"), which opens a sentence as any name does. */
const INITIAL_NEXT = /^\p{Lu}\.(?:\s|$)/u;
/** A letter after a capitalised word ends a label ("Pool B.", "Terminal B."), not a name's initials. */
const LABEL_LETTER = /\p{Lu}[\p{L}'’-]*\s+\p{Lu}\.$/u;
/** How much of a piece's end the patterns for its last words read. */
const ENDING_LENGTH = 60;
/** A piece ending with two initials ("financier J. P."). */
const AFTER_INITIAL = /(?:^|\s)\p{Lu}\.\s*\p{Lu}\.$/u;
const SENTENCE_STARTERS = new Set([
  'the', 'a', 'an', 'he', 'she', 'it', 'they', 'we', 'i', 'you', 'this', 'that', 'these', 'those',
  'there', 'his', 'her', 'its', 'their', 'but', 'and', 'in', 'on', 'at', 'after', 'before', 'when',
  'while', 'if', 'as', 'for', 'officials', 'meanwhile', 'however', 'earlier', 'later',
]);
const MAX_JOINED_LENGTH = 600;
/**
 * A list item's number, alone or ending a lead-in ("1.", "(2)", "The council will: 1."), which the
 * segmenter cuts from the item it opens ("1. Finland", "Build 200 homes."); a longer number alone
 * is a figure a full stop ended after an abbreviation ("the Bagatelles of Sec. 126.").
 */
const LIST_NUMBER = /(?:^|:\s+)\(?\p{N}{1,2}[.)]$/u;

const segmenters = new Map<string, Intl.Segmenter>();

function segmenter(language: string | null): Intl.Segmenter {
  const key = language ?? 'en';
  let found = segmenters.get(key);
  if (!found) {
    found = new Intl.Segmenter(Intl.Segmenter.supportedLocalesOf([key]).length > 0 ? key : 'en', {
      granularity: 'sentence',
    });
    segmenters.set(key, found);
  }
  return found;
}

/**
 * The most of a paragraph given to the segmenter at once. Each piece it returns carries a copy of
 * all it was given, so a paragraph given whole cost the square of its length: a 700 KB one ran
 * the process out of its 4 GB heap. A longer paragraph is given a window at a time, each window
 * starting where the segmenter's last piece in the one before started (see `segmentPieces`).
 */
const SEGMENT_WINDOW = 2000;
/** How far before a window's end a piece must start for its start to be kept: the segmenter reads past a boundary to place it. */
const SEGMENT_LOOKAHEAD = 200;
/**
 * The longest sentence kept whole; a longer run (a page's menu, a wall of marks, sentences the
 * segmenter does not part) is cut at its last sentence mark, else at a space. Tagging a sentence
 * costs more than its length, and a reply shows no more of a quote than this.
 */
export const MAX_SENTENCE_LENGTH = 1000;
/** A mark that may end a sentence, with any closing quotation or bracket and the spaces after it; an ideographic one needs none. */
const SENTENCE_MARK = /[.!?]["'”’)\]]*\s+|[。！？][」』”’)）]*\s*/gu;

/** The sentences of one paragraph, as trimmed spans of it. */
export function splitSentences(paragraph: string, language: string | null = null): SentenceSpan[] {
  const joined: SentenceSpan[] = [];
  for (const piece of segmentPieces(paragraph, segmenter(language))) {
    const last = joined.at(-1);
    if (last && belongTogether(paragraph, last, piece)) last.end = piece.end;
    else joined.push(piece);
  }
  return joined.flatMap((sentence) => withinLength(paragraph, sentence));
}

/**
 * The segmenter's pieces of a paragraph, trimmed, as it gives them for the whole: a window's last
 * pieces, which its end may have cut short, are left to the next window, which starts where they
 * do. (A full stop followed, more than `SEGMENT_LOOKAHEAD` characters on, by a lowercase word the
 * segmenter reads as no sentence end; windowed, it may end one.) A window with no boundary is cut
 * as `withinLength` cuts a sentence too long to keep whole.
 */
function* segmentPieces(paragraph: string, sentences: Intl.Segmenter): Generator<SentenceSpan> {
  let start = 0;
  while (start < paragraph.length) {
    const end = Math.min(paragraph.length, start + SEGMENT_WINDOW);
    const last = end === paragraph.length;
    let next = end;
    const pieces: SentenceSpan[] = [];
    for (const { index, segment } of sentences.segment(paragraph.slice(start, end))) {
      if (!last && index > 0 && start + index <= end - SEGMENT_LOOKAHEAD) next = start + index;
      pieces.push({ start: start + index, end: start + index + segment.length });
    }
    // No boundary: the window is one sentence too long to keep whole, and the next starts where its last cut piece does.
    if (next === end && !last) next = withinLength(paragraph, { start, end }).at(-1)?.start ?? end;
    for (const piece of pieces) {
      if (piece.start >= next) break;
      const span = trimmed(paragraph, piece.start, Math.min(piece.end, next));
      if (span.end > span.start) yield span;
    }
    start = next;
  }
}

/** A sentence as pieces of at most `MAX_SENTENCE_LENGTH` characters, each cut after its last sentence mark or space (see `cutBefore`). */
function withinLength(paragraph: string, sentence: SentenceSpan): SentenceSpan[] {
  const pieces: SentenceSpan[] = [];
  let start = sentence.start;
  while (sentence.end - start > MAX_SENTENCE_LENGTH) {
    const end = cutBefore(paragraph, start + MAX_SENTENCE_LENGTH / 2, start + MAX_SENTENCE_LENGTH);
    pieces.push(trimmed(paragraph, start, end));
    start = end;
  }
  pieces.push(trimmed(paragraph, start, sentence.end));
  return pieces.filter((piece) => piece.end > piece.start);
}

/** Where to cut `text` between `from` and `to`: after the last sentence mark, else after the last space, else at `to` (never inside a surrogate pair). */
function cutBefore(text: string, from: number, to: number): number {
  const stretch = text.slice(from, to);
  let end = -1;
  for (const match of stretch.matchAll(SENTENCE_MARK)) end = (match.index ?? 0) + match[0].length;
  if (end > 0 && end < stretch.length) return from + end;
  for (let at = stretch.length - 1; at > 0; at -= 1) if (/\s/u.test(stretch[at] ?? '')) return from + at + 1;
  const code = text.charCodeAt(to - 1);
  return code >= 0xd800 && code <= 0xdbff ? to - 1 : to;
}

function trimmed(text: string, start: number, end: number): SentenceSpan {
  while (start < end && /\s/.test(text[start] ?? '')) start += 1;
  while (end > start && /\s/.test(text[end - 1] ?? '')) end -= 1;
  return { start, end };
}

/** Whether a word is a title written short before a name ("Mr", "Dr.", "Gen"). */
export function isAbbreviatedTitle(word: string): boolean {
  return TITLES.has(word.replace(/\.$/u, '').toLowerCase());
}

function belongTogether(text: string, before: SentenceSpan, after: SentenceSpan): boolean {
  if (after.end - before.start > MAX_JOINED_LENGTH) return false;
  const head = text.slice(before.start, before.end);
  const next = text.slice(after.start, after.end);
  if (/^\p{Ll}/u.test(next) || LIST_NUMBER.test(head)) return true;
  if (quotationOpen(head)) return true;
  const lastWord = wordBeforeFinalStop(head);
  // Patterns anchored at the end try every start: only the piece's last words are read, and only where its last word asks.
  const ending = head.slice(-ENDING_LENGTH);
  if ((lastWord === 'v' || lastWord === 'vs') && VERSUS.test(ending) && /^\p{Lu}/u.test(next)) return true;
  const letters = lastWord.replace(/^\P{L}+/u, '');
  const bare = letters.toLowerCase();
  if (TITLES.has(bare)) return true;
  const initial = /^\p{Lu}$/u.test(letters);
  // After another initial, a capital is one too ("J. P. Morgan"), not "p." of a page number; alone, "V." is as often a numeral ("Grand Theft Auto V.").
  if (NUMBERED.has(bare) && !(initial && AFTER_INITIAL.test(ending))) return /^\p{N}/u.test(next);
  if (/^(?:\p{L}\.)*\p{L}$/u.test(letters)) {
    // "at 8:51 p.m. (1451 GMT) from Baikonur": an aside in brackets goes on the sentence; another initial goes on the name ("A. A. Michelson").
    if (next.startsWith('(') || (initial && INITIAL_NEXT.test(next) && !LABEL_LETTER.test(ending))) return true;
    const firstWord = /^\p{L}+/u.exec(next)?.[0]?.toLowerCase() ?? '';
    return firstWord !== '' && !SENTENCE_STARTERS.has(firstWord);
  }
  return false;
}

/**
 * The run of non-space characters before a final full stop ("U.S" in "... the U.S."), or '' when
 * the text does not end so. Read back from the end: a pattern for it tries every start in a
 * 600-character piece, and pieces are joined for every paragraph an answer ranks.
 */
function wordBeforeFinalStop(text: string): string {
  if (!text.endsWith('.')) return '';
  let start = text.length - 1;
  while (start > 0 && !/\s/u.test(text[start - 1] ?? ' ')) start -= 1;
  return text.slice(start, -1);
}

function quotationOpen(text: string): boolean {
  const opening = count(text, '“');
  const closing = count(text, '”');
  if (opening !== closing) return opening > closing;
  return count(text, '"') % 2 === 1;
}

/** Occurrences of a character of the Basic Multilingual Plane (one UTF-16 unit, never half of a pair). */
function count(text: string, character: string): number {
  let found = 0;
  for (let at = text.indexOf(character); at >= 0; at = text.indexOf(character, at + 1)) found += 1;
  return found;
}

/** "It is said that...", "It's time to...": an "it" that points at nothing before. */
const DUMMY_IT =
  /^["“‘']?it(?:['’]s| (?:is|was|has been|had been|will be|would be|may be|might be|could be|can be|seems|seemed|appears|appeared|remains|remained|becomes|became|is not|was not|isn't|wasn't))\b[^,.;:]{0,60}?\b(?:that|to|whether|how|why|if)\b/iu;
const PLURAL_PRONOUNS = 'they|their|them';
const PRONOUNS = `he|she|it|his|her|its|him|${PLURAL_PRONOUNS}`;
const ANAPHORIC_START = new RegExp(
  `^["“‘']?(?:${PRONOUNS}|such|(?:this|that|these|those) (?:is|was|are|were|has|had|will|would|could|comes|came|means|meant|follows|followed)|the (?:group|movement|minister|official|statement|president|envoy|ministry|move|decision|company|agency))\\b`,
  'iu',
);
/** What opens a sentence with a pronoun, of those given (a `|`-separated list). */
const openingWith = (pronouns: string) => new RegExp(`^["“‘']?(?:${pronouns})\\b`, 'iu');
const PRONOUN_START = openingWith(PRONOUNS);
const PLURAL_PRONOUN_START = openingWith(PLURAL_PRONOUNS);

/** Whether a sentence starts by pointing back at the one before ("He said...", "This was...", "The group..."), so that one is needed to understand it. */
export function pointsBack(sentence: string): boolean {
  return ANAPHORIC_START.test(sentence) && !DUMMY_IT.test(sentence);
}

/** Whether a sentence opens with a personal pronoun ("They met...", "Their previous summit...") that stands for someone the sentence before names. */
export function opensWithPronoun(sentence: string): boolean {
  return PRONOUN_START.test(sentence) && !DUMMY_IT.test(sentence);
}

/** Whether a sentence opens with a plural pronoun ("They met...", "Their previous summit..."), which stands for all the sentence before names, not only its subject. */
export function opensWithPluralPronoun(sentence: string): boolean {
  return PLURAL_PRONOUN_START.test(sentence);
}

/** Words a heading holds at most; see `states`. */
const HEADING_WORDS = 10;
/** Words that make a clause of a short line ("LAURIE OAKES IS THE NINE NETWORK POLITICAL EDITOR"): a heading names, it does not state. */
const CLAUSE_WORDS = /\b(?:is|are|was|were|has|have|had|will|would|can|could|may|might|must|should|did|does|said|says)\b/iu;

/**
 * Whether a sentence states something a reader can be given as an answer: not a question in the
 * text ("What was discussed?") nor a page's heading or label ("Kenya trip", "Analysis: Jon Sopel,
 * BBC News"), which names a subject without saying anything of it.
 */
export function states(sentence: string): boolean {
  return !sentence.endsWith('?') && !looksLikeHeading(sentence);
}

/**
 * A heading is told by its shape: a few words, no figure in digits (a figure line, "Shr 25 cts vs
 * 22 cts", answers), no word that makes a clause, and no mark that ends a sentence, a quotation
 * or an aside. Only in Latin script: a short line of Chinese has no spaces to count words by, and
 * one of Russian or Hindi is as often a sentence left unpunctuated as a heading. Taken for one
 * too: a short statement that lost its full stop ("Shares rose in early trading") and a figure
 * line in words ("Shr seven cts vs nine cts"), where "Five things we learned from Obama
 * interview" is a heading.
 */
function looksLikeHeading(text: string): boolean {
  if (/\p{N}/u.test(text) || /[\p{Terminal_Punctuation}…"”’'»)\]]$/u.test(text) || !/^[\p{Script=Latin}\P{L}]*$/u.test(text)) return false;
  return text.split(/\s+/u).length <= HEADING_WORDS && !CLAUSE_WORDS.test(text);
}
