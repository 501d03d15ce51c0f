/**
 * Questions about what is to come ("When will Witkoff meet Hayya?", "Where will the talks take
 * place?") and the sentences that state a plan. A news story states one event twice: its lead
 * says what "is expected" and a later paragraph what happened last time ("This week's meeting
 * marks Witkoff's second encounter with Hayya."), so for such a question the sentence stating the
 * asked thing as planned is the answer. A question about the past is left alone (a sentence
 * stating a plan often states the fact asked too: "profit rose 12 pct and is expected to rise
 * again"; and a plan stated is often what happened), unless it asks about an earlier occasion
 * than the news reports ("Where did they meet before?"): a plan ranked first then gives way.
 */
import { tokenize } from './analyzer.ts';
import { CLAUSE_END } from './question.ts';

/**
 * A question about the future: "will" as its auxiliary (not "political will", "against their
 * will", "Trump's will", "the will to reform"), "expected/scheduled/going/planning/supposed/meant
 * to", or a "when" asked in the progressive of an arrangement ("When is Witkoff meeting Hayya?";
 * not "When is the Beijing summit?").
 */
const FUTURE_AUXILIARY = /(?<!\b(?:the|a|their|his|her|its|our|my|your|political|free|good|ill|own|last)\s+|['’]s\s+)\bwill\b(?!\s+to\b)|\bwon['’]t\b|\b(?:expected|scheduled|slated|going|planning|supposed|meant) to\b/iu;
const ARRANGEMENT = /^\s*[Ww]hen (?:is|are)\b.*\b\p{Ll}\p{L}*ing\b/u;
/** Asked of the past, a question is no question about plans, whatever it holds: "Did the plan to cut jobs go ahead?", "What was OPEC expected to decide?". */
const PAST_QUESTION = /\b(?:did|didn['’]t|was|were)\b/iu;

/** Whether the question asks about what is to come, read from its auxiliary. */
export function asksAboutPlans(text: string): boolean {
  return !PAST_QUESTION.test(text) && (FUTURE_AUXILIARY.test(text) || ARRANGEMENT.test(text));
}

/**
 * An earlier occasion asked about: "Where did they meet before?", "Who led the talks
 * previously?". "before" counts only with no object ("before the vote" dates the thing asked, it
 * asks for no earlier one), as the question's terms read it (see `CLAUSE_END`). "last" counts only
 * in "last time": "What did the firm earn last year?" asks about the occasion the news reports.
 */
const EARLIER_OCCASION = new RegExp(`\\b(?:previously|formerly|earlier|last time|in the past)\\b|\\bbefore${CLAUSE_END}`, 'iu');

/** An occasion a question asks about beside the one the news reports: one to come, or an earlier one. */
export type Occasion = 'planned' | 'earlier';

/** The occasion the question asks about, beside the one the news reports (see `Occasion`). */
export function occasionAsked(text: string): Occasion | null {
  if (asksAboutPlans(text)) return 'planned';
  return EARLIER_OCCASION.test(text) ? 'earlier' : null;
}

/**
 * What states a verb as planned or expected, right before it, with at most one adverb between
 * ("will also meet", "is expected to meet"). Not a plan given up: "had planned to", "had been
 * expected to".
 */
const PLANNED = /\b(?:will|['’]ll|shall|(?:is|are|be) (?:expected|set|due|scheduled|slated|poised|going|supposed|meant) to|(?<!\bhad\s+)(?:plans?|planned|planning) to|(?:is|are) to)\s+(?:(?:\p{L}+ly|also|then|soon|again|now|not|still|first)\s+)?$/iu;

/**
 * What states as planned what its subject, right before it, is to do ("talks set to focus on",
 * "Witkoff is also set to press"). Not "will", which more often follows a word of the question
 * that is not what it asks about ("the plant will begin refuelling" for "By how much will the
 * plant's accounting change cut earnings?"), nor "due to" without "is" ("losses due to the
 * cancellations").
 */
const PLANNED_FOR_SUBJECT = /^[\s’'s]*(?:(?:is|are)\s+(?:(?:\p{L}+ly|also|still)\s+)?(?:expected|set|due|scheduled|slated|poised) to|(?:(?:\p{L}+ly|also|still)\s+)?(?:expected|set|scheduled|slated|poised) to)\b/iu;

/**
 * Whether the sentence states one of the question's words (`asked`, by index term) as planned or
 * expected: the verb ("Witkoff is expected to meet Hayya") or its subject ("talks set to focus on").
 */
export function statesAsPlanned(text: string, asked: (term: string) => boolean): boolean {
  return tokenize(text, 'index').some(
    (token) => asked(token.term) && (PLANNED.test(text.slice(Math.max(0, token.start - 40), token.start)) || PLANNED_FOR_SUBJECT.test(text.slice(token.end, token.end + 40))),
  );
}
