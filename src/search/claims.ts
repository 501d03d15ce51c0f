/**
 * The claim a yes/no question checks: "Did Qatar condemn the strike?" asks whether the coverage
 * says Qatar condemned it. Its verb is what a quoted sentence must state, in the word or a
 * paraphrase, to confirm or deny the claim; a sentence about the strike that never says anyone
 * condemned it answers nothing, however well it matches the rest.
 */
import { fold } from './analyzer.ts';
import { baseForm } from './word-forms.ts';
import { DETERMINERS, lexiconTags } from './answer-kind.ts';
import { affirmed } from './question.ts';
import { STOPWORDS } from './stopwords.ts';
import { firstSenseWords, inflectedFrom, isVerbLemma } from './wordnet.ts';

/**
 * The auxiliary opening a yes/no question: "do" before a bare verb ("Did Qatar condemn..."),
 * "have" or "be" before a participle ("Has Hamas accepted...", "Was the hospital destroyed...").
 */
const YES_NO = /^\s*(?:(did|does|do|will|would|can|could|should)|(has|have|had)|(is|are|was|were))\s+/iu;
/** Words after which the next word is a noun of the subject ("the plan", "this plan"), though it may be a verb too. */
const SUBJECT_OPENERS = new Set([...DETERMINERS, 'this', 'that', 'these', 'those', 'any', 'some', 'every', 'each']);
/** Forms of "be" between a perfect's auxiliary and its participle: "Has Hamas been disarmed?". */
const BE_FORMS = new Set(['be', 'been', 'being']);
/**
 * Verbs whose meaning lies in their object ("make progress", "take part", "give up"), plain verbs
 * of saying, whose claim is what was said ("Did Hamas say it would disarm?"), and verbs of belief
 * and intent, whose claim is what is believed or meant ("Does Yeutter think Japan can avoid the
 * sanctions?" is answered by "Yeutter said he doubted Japan could avoid...", "Did Greenland plan a
 * listing?" by "The firm will be floated..."): none is a claim a sentence must write.
 */
export const LIGHT_VERBS: ReadonlySet<string> = new Set([
  'make', 'take', 'get', 'give', 'go', 'come', 'keep', 'put', 'set', 'let', 'become', 'remain', 'seem', 'happen', 'have', 'be', 'do',
  'say', 'tell', 'state', 'speak', 'talk', 'mention', 'add', 'note',
  'think', 'believe', 'expect', 'hope', 'want', 'wish', 'plan', 'intend', 'consider', 'feel',
]);
/** Subjects that are the reader or the bot, not anyone in the coverage. */
const READER = new Set(['i', 'we', 'you']);
/** The furthest a verb may stand from the auxiliary: past a subject of a few words. */
const MAX_SUBJECT_WORDS = 6;
/** Particles that make a phrasal verb with the verb before them ("bring up", "call off"). */
const PARTICLES = new Set(['up', 'out', 'off', 'down', 'on', 'in', 'over', 'back', 'away', 'about']);
/** Words that open a verb's object or complement: a determiner, a pronoun ("say he felt"), a preposition or particle. */
const OBJECT_OPENERS = new Set([...SUBJECT_OPENERS, ...PARTICLES, 'it', 'them', 'him', 'us', 'me', 'he', 'she', 'they', 'we', 'to', 'for', 'of', 'with', 'at', 'by', 'from', 'into', 'against', 'after', 'before']);

/** The claim of a yes/no question: its verb, folded as written, and what it relates. */
export interface Claim {
  verb: string;
  /** The verb's lemma, with its particle where WordNet holds the two as one verb ("bring_up"). */
  lemma: string;
  /** The names and nouns of its subject, each a name's words or one noun, folded ([["alfred", "warren"]] in "Did Alfred Warren call GM foolish?"). */
  subject: string[][];
  /** The names and nouns of the question besides the verb, the same way: what the claim relates ([["qatar"], ["strike"], ["doha"]]). */
  named: string[][];
  /**
   * True when the verb is a present participle after "be" ("Is Witkoff meeting Fidan?"): such a
   * question describes what goes on in its own words ("holding hostages" for "still has 48
   * captives", "chasing a title" for "bidding for"), so only whose deed it is can be checked.
   */
  progressive: boolean;
}

/** The claim of a yes/no question ("condemn" by "Qatar" in "Did Qatar condemn the strike?"); null for other questions, or when its verb is light or one of saying. */
export function claimOf(written: string): Claim | null {
  const question = affirmed(written);
  const opening = YES_NO.exec(question);
  if (!opening) return null;
  const words = question.slice(opening[0].length).match(/[\p{L}][\p{L}'’-]*/gu) ?? [];
  // "Should I believe that...?", "Can you tell me...?" ask about the reader, not the coverage.
  if (READER.has(fold(words[0] ?? ''))) return null;
  // After "be", a participle: "Has Hamas been disarmed?", "Will investors be allowed to trade...?".
  let afterBe = opening[3] !== undefined;
  for (let at = 1; at < Math.min(words.length, MAX_SUBJECT_WORDS + 1); at += 1) {
    const written = words[at] ?? '';
    if (BE_FORMS.has(fold(written))) afterBe = true;
    if (!/^\p{Ll}/u.test(written) || inSubject(words, at) || BE_FORMS.has(fold(written))) continue;
    const word = fold(written);
    if (LIGHT_VERBS.has(baseForm(word))) return null;
    const progressive = afterBe && word.endsWith('ing');
    // "Is Hamas hoping to disarm?": the claim is the verb hoped for.
    if (progressive && fold(words[at + 1] ?? '') === 'to') continue;
    const verb = opening[1] !== undefined && !afterBe ? bareVerb(words, at) : participleVerb(word, afterBe);
    if (verb === undefined) continue;
    const next = words[at + 1] ?? '';
    // "bring up the blocking", not "march on Sunday": a particle before a name is a preposition.
    const phrasal = PARTICLES.has(fold(next)) && !/^\p{Lu}/u.test(words[at + 2] ?? '') && isVerbLemma(`${verb}_${fold(next)}`) ? `${verb}_${fold(next)}` : null;
    if (LIGHT_VERBS.has(verb)) return null;
    return {
      verb: word,
      lemma: phrasal ?? verb,
      subject: namesAndNouns(words.slice(0, at)),
      named: [...namesAndNouns(words.slice(0, at)), ...namesAndNouns(words.slice(at + 1))],
      progressive,
    };
  }
  return null;
}

/** The names (runs of capitalised words) and nouns among words, folded: news names a person by the surname alone, so a name is held by any of its words. */
function namesAndNouns(words: readonly string[]): string[][] {
  const found: string[][] = [];
  words.forEach((written, i) => {
    const word = fold(written);
    if (STOPWORDS.has(word) || BE_FORMS.has(word)) return;
    if (/^\p{Lu}/u.test(written) && i > 0 && /^\p{Lu}/u.test(words[i - 1] ?? '') && found.length > 0) found.at(-1)?.push(word);
    else if (/^\p{Lu}/u.test(written) || isNoun(word)) found.push([word]);
  });
  return found;
}

/**
 * Whether the word at `at` belongs to the subject: after a determiner or a possessive ("the plan",
 * "Trump's plan"), or as the noun heading a name a determiner opens ("the Sara Lee strike", not
 * "the Basin Pipeline come back").
 */
function inSubject(words: readonly string[], at: number): boolean {
  let before = at - 1;
  while (before >= 0 && /^\p{Lu}/u.test(words[before] ?? '')) before -= 1;
  const previous = words[at - 1] ?? '';
  const word = fold(words[at] ?? '');
  const headsName = before < at - 1 && SUBJECT_OPENERS.has(fold(words[before] ?? '')) && isNoun(word) && !LIGHT_VERBS.has(word);
  return SUBJECT_OPENERS.has(fold(previous)) || /['’]s?$/u.test(previous) || headsName;
}

/**
 * The lemma of a bare verb at `at` ("condemn"), or undefined when the word is no verb, or a noun
 * too that nothing after it shows a verb: "Did Bangladesh dock workers end their strike?" and "Did
 * Hong Kong stock prices fall...?" read on to "end" and "fall". A determiner, pronoun, preposition,
 * name or adjective after it shows it a verb, and so does a noun no verb follows ("Did Hamas free
 * hostages?", "Did Israel cut aid to Gaza?").
 */
function bareVerb(words: readonly string[], at: number): string | undefined {
  const word = fold(words[at] ?? '');
  if (!isVerbLemma(word)) return undefined;
  if (firstSenseWords(word, 'noun').length === 0) return word;
  const next = words[at + 1];
  if (next === undefined) return undefined;
  const tags = lexiconTags(fold(next));
  const opens = OBJECT_OPENERS.has(fold(next)) || /^\p{Lu}/u.test(next) || (tags.has('Adjective') && !tags.has('Noun'));
  const after = words[at + 2];
  const object = isNoun(fold(next)) && (after === undefined || !isVerbLemma(fold(after)));
  return opens || object ? word : undefined;
}

/**
 * The lemma of a participle ("accepted" → accept, "hit" → hit, "meeting" → meet in "Is Witkoff
 * meeting Fidan?"). After a form of "be", "-ing" is as often an adjective ("Is Hamas willing...?");
 * a word is its own participle only where the lexicon reads it as a verb ("hit", not "summit" in
 * "Was Trump at the summit?" nor "ready").
 */
function participleVerb(word: string, afterBe: boolean): string | undefined {
  if (afterBe && word.endsWith('ing') && lexiconTags(word).has('Adjective')) return undefined;
  const forms = [baseForm(word), ...inflectedFrom(word)].filter((form) => form !== word);
  return (lexiconTags(word).has('Verb') ? [...forms, word] : forms).find(isVerbLemma);
}

/**
 * Whether a word is a noun WordNet knows that the lexicon does not read as a word of another kind
 * only ("over", which WordNet holds as a noun of cricket) nor as a gerund ("stop eating").
 */
function isNoun(word: string): boolean {
  const tags = lexiconTags(word);
  return firstSenseWords(word, 'noun').length > 0 && (tags.has('Noun') || (tags.has('Verb') && !tags.has('Gerund')));
}
