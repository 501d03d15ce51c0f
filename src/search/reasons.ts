/**
 * Questions asking why ("Why are Hamas leaders heading to Turkey?") and the sentences that give a
 * reason or a purpose. Who, where, when and how many each want a kind of thing a sentence names
 * (see `answer-kind.ts`); why wants a clause saying what for or what from, which news writes with
 * a connective ("because", "due to", "in response to", "in a bid to") or an infinitive of purpose
 * after the thing done ("are traveling to Turkey to hear details of the plan"). Of two sentences
 * telling of the same trip, the one saying what it is for answers.
 */
import { fold } from './analyzer.ts';
import { inflectedFrom, isVerbLemma } from './wordnet.ts';
import { baseForm } from './word-forms.ts';

/** A question asking for a reason: "why", "how come", "for what reason", "what prompted/caused/led to". */
const ASKS_REASON = /^\s*(?:\p{L}+\s*,\s*)?(?:why\b|how come\b|for what reasons?\b|what (?:prompted|caused|led to|made|drove)\b)/iu;

/** Whether a question asks why something happened or is done. */
export function asksReason(question: string): boolean {
  return ASKS_REASON.test(question);
}

/**
 * Connectives that open a reason or a purpose. Not "since" or "as", as often of time; not "after"
 * or "following" before a noun, which news writes of sequence as much as of cause; not "amid",
 * which sets a scene as often as it gives a cause.
 */
const REASON_CONNECTIVE =
  /\b(?:because|due to|owing to|thanks to|as a result|in response to|in reaction to|in retaliation|in protest|in a bid to|in an effort to|in an attempt to|in order to|so as to|so that|aimed at|designed to|intended to|the reasons?|reasons? for|on the grounds|for fear|citing|prompted by|caused by|driven by|spurred by|fueled by|fuelled by|therefore|thus|hence)\b/iu;

/**
 * "after" or "for" before a word ending in "-ing", after another word: a gerund there gives a cause
 * ("resigned after admitting", "fined for breaking"); opening the sentence, it gives a time ("After
 * resigning, she will teach"). ", saying" and ", arguing" give the reason its subject gave.
 */
const CAUSE_GERUND = /\p{L}\s+(?:after|for)\s+(\p{L}+)ing\b|,\s+(?:say|argu)ing\b/giu;

/**
 * An infinitive that says what for: opening the sentence ("To avoid interference, the stations..."),
 * after a comma ("..., to save money"), or right after a place, a time or a thing a preposition
 * introduces ("are traveling to Turkey to hear details", "in Istanbul on Wednesday to advance the
 * plan"). After a verb, its object, an adjective or a noun, "to" opens what they take ("agreed to
 * disarm", "forced many to sleep", "the need to pressure", "the first woman to win").
 */
const PURPOSE_INFINITIVE =
  /(?:^\W*|,\s*|\b(?:in|on|at|to|for|from|with|by|into|across|through|near|outside|inside)\s+(?:[\p{L}\p{N}'’.-]+\s+){0,2}?[\p{L}\p{N}'’.-]+\s+)to\s+(\p{L}+)/giu;

/**
 * Whether a sentence gives a reason or a purpose: a connective (see `REASON_CONNECTIVE`), a gerund
 * of cause (see `CAUSE_GERUND`), or an infinitive of purpose (see `PURPOSE_INFINITIVE`) of a
 * verb's base form. Read loosely: it orders candidates that already match the question, it never
 * quotes one.
 */
export function statesReason(sentence: string): boolean {
  if (REASON_CONNECTIVE.test(sentence)) return true;
  // ", saying" catches no stem: it gives a reason as it stands.
  if ([...sentence.matchAll(CAUSE_GERUND)].some(([, stem]) => stem === undefined || isGerund(`${fold(stem)}ing`))) return true;
  return [...sentence.matchAll(PURPOSE_INFINITIVE)].some(([, verb = '']) => isBareVerb(verb));
}

/** Whether a word ending in "-ing" is a verb's ("admitting", "making"), read as a participle is (WordNet's exceptions, then its endings stripped), not a noun's ("morning", "nothing"). */
function isGerund(word: string): boolean {
  return [baseForm(word), ...inflectedFrom(word, SHORTEST_VERB)].some((lemma) => lemma !== word && isVerbLemma(lemma));
}

/** The shortest verb an "-ing" word is read from: "doing" is "do". */
const SHORTEST_VERB = 2;

/** Whether a word as written is a verb's base form, as an infinitive writes it. */
function isBareVerb(written: string): boolean {
  const bare = fold(written);
  // "to be held", "to be named": a passive's infinitive is no purpose.
  return bare !== '' && bare !== 'be' && baseForm(bare) === bare && isVerbLemma(bare);
}
