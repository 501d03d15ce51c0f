/**
 * When the event a question asks about happens: before the question ("Where did they meet?") or
 * after it ("When will Witkoff meet Hayya?"). News states both of one event: a story's lead says
 * what "is expected" and the next paragraph what happened last time, so a sentence stating the
 * asked verb as planned answers a question about the future, and not one about the past.
 */
import { tokenize } from './analyzer.ts';

/** The time a question asks about. */
export type Tense = 'past' | 'future';

const FUTURE_QUESTION = /\b(?:will|won['’]t|(?:expected|scheduled|slated|going|planning|plans?) to)\b/iu;
/** Past by its auxiliary: "Where did they meet?". A past form alone is left unread: "Where was it held?" may ask of a plan. */
const PAST_QUESTION = /\b(?:did|didn['’]t)\b/iu;

/** The time the question asks about, read from its auxiliary; null when it does not say. */
export function askedTense(text: string): Tense | null {
  if (FUTURE_QUESTION.test(text)) return 'future';
  return PAST_QUESTION.test(text) ? 'past' : null;
}

/** What states a verb as planned or expected, right before it, with at most one adverb between ("will also meet", "is expected to meet"). */
const PLANNED = /\b(?:will|['’]ll|shall|(?:is|are|be|been) (?:expected|set|due|scheduled|slated|poised|going) to|(?:plans?|planned|planning) to|(?:is|are) to)\s+(?:(?:\p{L}+ly|also|then|soon|again|now|not|still|first)\s+)?$/iu;

/** Whether the sentence states one of the question's words (`asked`, by index term) as planned or expected: "Witkoff is expected to meet Hayya". */
export function statesAsPlanned(text: string, asked: (term: string) => boolean): boolean {
  return tokenize(text, 'index').some((token) => asked(token.term) && PLANNED.test(text.slice(Math.max(0, token.start - 40), token.start)));
}
