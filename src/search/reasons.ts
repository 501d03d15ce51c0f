/**
 * Questions asking why ("Why are Hamas leaders heading to Turkey?") and the sentences that give a
 * reason or a purpose. Who, where, when and how many each want a kind of thing a sentence names
 * (see `answer-kind.ts`); why wants a clause saying what for or what from, which news writes with
 * a connective ("because", "due to", "in response to", "in a bid to") or an infinitive of purpose
 * after the thing done ("are traveling to Turkey to hear details of the plan"). Of two sentences
 * telling of the same trip, the one saying what it is for answers.
 */
import { fold, terms } from './analyzer.ts';
import { STOPWORDS } from './stopwords.ts';
import { isVerbLemma } from './wordnet.ts';
import { baseForm } from './word-forms.ts';

/** A question asking for a reason: "why", "how come", "for what reason", "what prompted/caused/led to". */
const ASKS_REASON = /^\s*(?:\p{L}+\s*,\s*)?(?:why\b|how come\b|for what reasons?\b|what (?:prompted|caused|led to|made|drove)\b)/iu;

/** Whether a question asks why something happened or is done. */
export function asksReason(question: string): boolean {
  return ASKS_REASON.test(question);
}

/**
 * Connectives that open a reason or a purpose. Not "since" or "as", as often of time; not "after"
 * or "following", which news writes of sequence as much as of cause.
 */
const REASON_CONNECTIVE =
  /\b(?:because|due to|owing to|thanks to|as a result|in response to|in reaction to|in retaliation|in protest|in a bid to|in an effort to|in an attempt to|in order to|so as to|so that|aimed at|designed to|intended to|the reasons?|reasons? for|on the grounds|for fear|amid|citing|prompted by|caused by|driven by|spurred by|fueled by|fuelled by|therefore|thus|hence)\b/iu;

/**
 * Words before "to" that take an infinitive as their complement, not as a purpose: "expected to
 * meet", "agreed to disarm", "the need to pressure"; as index terms, so every inflection is met. An
 * infinitive after anything else that is no stopword ("traveling to Turkey to hear", "in Istanbul
 * on Wednesday to advance") says what for.
 */
const TAKES_INFINITIVE: ReadonlySet<string> = new Set(
  [
  'able', 'about', 'agree', 'aim', 'ask', 'attempt', 'decide', 'due', 'eager', 'expect', 'fail', 'going', 'have', 'hope', 'intend', 'likely', 'manage', 'mean', 'need',
  'offer', 'order', 'plan', 'pledge', 'poise', 'prepare', 'promise', 'ready', 'refuse', 'seek', 'seem', 'set', 'slate', 'try', 'unable', 'unlikely', 'urge', 'vow', 'want',
  'wish', 'willing', 'effort', 'bid', 'call', 'right', 'chance', 'decision', 'move', 'way', 'used', 'use', 'tend', 'continue', 'begin', 'start', 'threaten', 'appear',
  ].flatMap((word) => terms(word, 'query')),
);

/** A word and the one after it, as written: the frame an infinitive of purpose is read in. */
const TO_INFINITIVE = /([\p{L}\p{N}'’-]+)\s+to\s+(?=(\p{L}+))/gu;

/** An infinitive opening a sentence, which says what the rest is done for: "To avoid interference, the stations...". */
const OPENING_INFINITIVE = /^\W*to\s+(\p{L}+)/iu;

/**
 * Whether a sentence gives a reason or a purpose: a connective (see `REASON_CONNECTIVE`), or "to"
 * before a verb's base form, opening the sentence or after a word that takes no infinitive of its
 * own ("to Turkey to hear"). Read loosely: it orders candidates that already match the question,
 * it never quotes one.
 */
export function statesReason(sentence: string): boolean {
  if (REASON_CONNECTIVE.test(sentence)) return true;
  if (isBareVerb(OPENING_INFINITIVE.exec(sentence)?.[1] ?? '')) return true;
  for (const [, before = '', verb = ''] of sentence.matchAll(TO_INFINITIVE)) {
    const head = fold(before);
    if (!STOPWORDS.has(head) && !terms(head, 'query').some((term) => TAKES_INFINITIVE.has(term)) && isBareVerb(verb)) return true;
  }
  return false;
}

/** Whether a word as written is a verb's base form, as an infinitive writes it. */
function isBareVerb(written: string): boolean {
  const bare = fold(written);
  return bare !== '' && baseForm(bare) === bare && isVerbLemma(bare);
}
