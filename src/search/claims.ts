/**
 * The claim a yes/no question checks: "Did Qatar condemn the strike?" asks whether the coverage
 * says Qatar condemned it. Its verb is what a quoted sentence must state, in the word or a
 * paraphrase, to confirm or deny the claim; a sentence about the strike that never says anyone
 * condemned it answers nothing, however well it matches the rest.
 */
import { fold } from './analyzer.ts';
import { baseForm } from './word-forms.ts';
import { lexiconTags } from './answer-kind.ts';
import { STOPWORDS } from './stopwords.ts';
import { firstSenseWords, inflectedFrom, isVerbLemma } from './wordnet.ts';

/** The auxiliary opening a yes/no question: before a bare verb ("Did Qatar condemn...") or a participle ("Has Hamas accepted...", "Was the hospital destroyed..."). */
const YES_NO = /^\s*(?:(did|does|do|will|would|can|could|should)|(has|have|had|is|are|was|were))\s+/iu;
/** Words after which the next word is a noun of the subject ("the plan", "Trump's plan"), though it may be a verb too. */
const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'its', 'his', 'her', 'their', 'our', 'any', 'some', 'every', 'each']);
/**
 * Verbs whose meaning lies in their object ("make progress", "take part", "give up"), and plain
 * verbs of saying, whose claim is what was said ("Did Hamas say it would disarm?"): neither is a
 * claim a sentence must write.
 */
const LIGHT_VERBS = new Set(['make', 'take', 'get', 'give', 'go', 'come', 'keep', 'put', 'set', 'let', 'become', 'remain', 'seem', 'happen', 'have', 'be', 'do', 'say', 'tell', 'state', 'speak', 'talk', 'mention', 'add', 'note']);
/** Subjects that are the reader or the bot, not anyone in the coverage. */
const READER = new Set(['i', 'we', 'you']);
/** The furthest a verb may stand from the auxiliary: past a subject of a few words. */
const MAX_SUBJECT_WORDS = 6;
/** Particles that make a phrasal verb with the verb before them ("bring up", "call off"). */
const PARTICLES = new Set(['up', 'out', 'off', 'down', 'on', 'in', 'over', 'back', 'away', 'about']);
/** Words that open a verb's object or complement: a determiner, a pronoun, a preposition. */
const OBJECT_OPENERS = new Set([...DETERMINERS, 'it', 'them', 'him', 'us', 'me', 'to', 'for', 'of', 'with', 'on', 'in', 'at', 'by', 'from', 'over', 'about', 'into', 'against', 'after', 'before', 'up', 'out', 'off', 'down', 'back', 'away']);

/**
 * Whether a word opens a verb's object or complement (see `OBJECT_OPENERS`), or is a name or an
 * adjective ("blame weak orders"). A noun may be the verb's object ("cut power") as well as the
 * head of a noun phrase ("dock workers", "strike end"): it is not taken for one.
 */
function opensObject(word: string | undefined): boolean {
  if (word === undefined) return false;
  const tags = lexiconTags(fold(word));
  return OBJECT_OPENERS.has(fold(word)) || /^\p{Lu}/u.test(word) || (tags.has('Adjective') && !tags.has('Noun'));
}

/** Whether a word is a noun WordNet knows that the lexicon does not read as a word of another kind only ("over", which WordNet holds as a noun of cricket). */
function isNoun(word: string): boolean {
  const tags = lexiconTags(word);
  return firstSenseWords(word, 'noun').length > 0 && (tags.has('Noun') || tags.has('Verb'));
}

/** The claim of a yes/no question: its verb and the words of its subject, folded as written. */
export interface Claim {
  verb: string;
  /** The verb's lemma, with its particle where WordNet holds the two as one verb ("bring_up"). */
  lemma: string;
  subject: string[];
  /** The names and nouns of the question besides the verb, folded: what the claim relates ("qatar", "strike", "doha"). */
  named: string[];
}

/** The claim of a yes/no question ("condemn" by "Qatar" in "Did Qatar condemn the strike?"); null for other questions, or when its verb is light or one of saying. */
export function claimOf(question: string): Claim | null {
  const opening = YES_NO.exec(question);
  if (!opening) return null;
  const bare = opening[1] !== undefined;
  const words = question.slice(opening[0].length).match(/[\p{L}][\p{L}'’-]*/gu) ?? [];
  // "Should I believe that...?", "Can you tell me...?" ask about the reader, not the coverage.
  if (READER.has(fold(words[0] ?? ''))) return null;
  for (let at = 1; at < Math.min(words.length, MAX_SUBJECT_WORDS + 1); at += 1) {
    const written = words[at] ?? '';
    const previous = words[at - 1] ?? '';
    const subjectNoun = DETERMINERS.has(fold(previous)) || /['’]s?$/u.test(previous);
    if (!/^\p{Ll}/u.test(written) || subjectNoun) continue;
    const word = fold(written);
    // After a form of "be", "-ing" is as often an adjective ("Is Hamas willing...?") as a verb.
    const participle = opening[2] !== undefined && /^(?:is|are|was|were)$/iu.test(opening[2]) ? !word.endsWith('ing') : true;
    const verb = (bare ? [word] : participle ? [baseForm(word), ...inflectedFrom(word)].filter((form) => form !== word) : []).find(isVerbLemma);
    // A word that is a noun too is read as the verb only before its object or complement: "Did the Sara Lee strike end?" asks about a strike.
    if (verb === undefined || (bare && firstSenseWords(word, 'noun').length > 0 && !opensObject(words[at + 1]))) continue;
    const particle = fold(words[at + 1] ?? '');
    const phrasal = PARTICLES.has(particle) && isVerbLemma(`${verb}_${particle}`) ? `${verb}_${particle}` : null;
    const named = words.map(fold).filter((other, i) => i !== at && !STOPWORDS.has(other) && (/^\p{Lu}/u.test(words[i] ?? '') || isNoun(other)));
    return LIGHT_VERBS.has(verb) ? null : { verb: word, lemma: phrasal ?? verb, subject: words.slice(0, at).map(fold), named };
  }
  return null;
}
