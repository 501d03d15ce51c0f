/**
 * Groups questions that ask the same thing in other words, for /gaps. Two questions match when
 * their analysed terms (stemmed, stopwords and question words dropped: the analyser /ask uses)
 * overlap by `SAME_QUESTION` or more (Jaccard), so "When does the Rafah crossing open?" and
 * "Rafah crossing opening times" fall together while "Rafah crossing casualties" does not.
 */
import { readQuestion } from './question.ts';

/** Share of terms two wordings must have in common (of the terms either has) to be one question. */
const SAME_QUESTION = 0.5;
/** Other wordings shown with a group. */
const MAX_WORDINGS = 3;

/** A question text and how many times it was asked. */
export interface AskedCount {
  question: string;
  count: number;
}

/** One question in all its wordings: the most asked one, the total count, and some of the others. */
export interface QuestionGroup {
  question: string;
  count: number;
  otherWordings: string[];
}

function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const term of a) if (b.has(term)) shared += 1;
  const union = a.size + b.size - shared;
  return union === 0 ? 0 : shared / union;
}

/** Questions grouped by meaning, most asked first; a wording joins the first group whose leading wording it matches. */
export function groupQuestions(asked: readonly AskedCount[]): QuestionGroup[] {
  const groups: Array<QuestionGroup & { terms: Set<string> }> = [];
  for (const { question, count } of [...asked].sort((a, b) => b.count - a.count)) {
    const terms = new Set(readQuestion(question).terms.map((t) => t.term));
    const group = terms.size > 0 ? groups.find((g) => overlap(g.terms, terms) >= SAME_QUESTION) : undefined;
    if (!group) {
      groups.push({ question, count, otherWordings: [], terms });
      continue;
    }
    group.count += count;
    if (group.otherWordings.length < MAX_WORDINGS) group.otherWordings.push(question);
  }
  return groups.sort((a, b) => b.count - a.count).map(({ terms: _terms, ...group }) => group);
}
