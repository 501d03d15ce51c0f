/**
 * When the event a question asks about happens: before the question ("Where did they meet?") or
 * after it ("When will Witkoff meet Hayya?"). News states both of one event: a story's lead says
 * what "is expected" and the next paragraph what happened last time, so a sentence stating the
 * asked verb as planned answers a question about the future, and not one about the past.
 */
import { tokenize } from './analyzer.ts';

/** The time a question asks about. */
export type Tense = 'past' | 'future';

/** Future by its auxiliary, or a "when" asked in the progressive, of an arrangement: "When is Witkoff meeting Hayya?". */
const FUTURE_QUESTION = /\b(?:will|won['’]t|(?:expected|scheduled|slated|going|planning|plans?) to)\b|^\s*when (?:is|are)\b.*\b\p{L}{2,}ing\b/iu;
/** Past by its auxiliary: "Where did they meet?". A past form alone is left unread: "Where was it held?" may ask of a plan. */
const PAST_QUESTION = /\b(?:did|didn['’]t)\b/iu;

/** The time the question asks about, read from its auxiliary; null when it does not say. */
export function askedTense(text: string): Tense | null {
  if (FUTURE_QUESTION.test(text)) return 'future';
  return PAST_QUESTION.test(text) ? 'past' : null;
}

/** What states a verb as planned or expected, right before it, with at most one adverb between ("will also meet", "is expected to meet"). */
const PLANNED = /\b(?:will|['’]ll|shall|(?:is|are|be|been) (?:expected|set|due|scheduled|slated|poised|going) to|(?:plans?|planned|planning) to|(?:is|are) to)\s+(?:(?:\p{L}+ly|also|then|soon|again|now|not|still|first)\s+)?$/iu;

/**
 * What states as planned what its subject, right before it, is to do ("talks set to focus on",
 * "Witkoff is also set to press"). Not "will", which more often follows a word of the question
 * that is not what it asks about ("the plant will begin refuelling" for "By how much will the
 * plant's accounting change cut earnings?").
 */
const PLANNED_FOR_SUBJECT = /^[\s’'s]*(?:(?:is|are)\s+)?(?:(?:\p{L}+ly|also|still)\s+)?(?:expected|set|due|scheduled|slated|poised) to\b/iu;

/**
 * Whether the sentence states one of the question's words (`asked`, by index term) as planned or
 * expected: the verb ("Witkoff is expected to meet Hayya") or its subject ("talks set to focus on").
 */
export function statesAsPlanned(text: string, asked: (term: string) => boolean): boolean {
  return tokenize(text, 'index').some(
    (token) => asked(token.term) && (PLANNED.test(text.slice(Math.max(0, token.start - 40), token.start)) || PLANNED_FOR_SUBJECT.test(text.slice(token.end, token.end + 40))),
  );
}
