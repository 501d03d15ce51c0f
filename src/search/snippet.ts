/**
 * Search snippets: the article's best-matching sentence, cut to a window around its first match,
 * as verbatim runs of text with the matched words flagged. The `**`-marked string is derived from
 * the runs and never exceeds `MAX_SNIPPET` characters: marks are dropped, not text cut, when there
 * would be too many.
 */
import type { Article } from '../corpus/article.ts';
import { tokenize } from './analyzer.ts';
import type { ParagraphTerms } from './passages.ts';
import type { Question } from './question.ts';
import { MAX_SNIPPET, type SnippetPart } from './results.ts';
import { scoreSentence, variantLookup, type Sentence, type SentenceCache } from './sentence-ranking.ts';

const WINDOW = 170;
const LEAD = 50;
const ELLIPSIS = '…';

/** A snippet as runs and as a `**`-marked string. */
export interface Snippet {
  text: string;
  parts: SnippetPart[];
}

/** The snippet of an article for a query; with its paragraph filters, only paragraphs that may match are read. */
export function snippetFor(article: Article, question: Question, cache: SentenceCache, passages?: ParagraphTerms): Snippet {
  const sentences = cache.inParagraphs(article, passages ? passages.worthRanking(question) : article.paragraphs.keys());
  let best: Sentence | undefined = sentences[0] ?? cache.inParagraphs(article, [0])[0];
  let bestScore = 0;
  const lookup = variantLookup(question);
  for (const sentence of sentences) {
    const score = scoreSentence(sentence, question, lookup)?.score ?? 0;
    if (score > bestScore) [best, bestScore] = [sentence, score];
  }
  if (!best) return { text: '', parts: [] };
  const matches = tokenize(best.text, 'index').filter((token) => lookup.has(token.term));
  return render(best.text, matches);
}

function render(text: string, matches: readonly { start: number; end: number }[]): Snippet {
  const [from, to] = windowAround(text, matches[0]?.start ?? 0);
  const parts: SnippetPart[] = [];
  if (from > 0) parts.push({ text: ELLIPSIS, match: false });
  const budget = MAX_SNIPPET - (to - from) - (from > 0 ? 1 : 0) - (to < text.length ? 1 : 0);
  let at = from;
  let marks = 0;
  for (const match of matches) {
    if (match.start < at || match.end > to || (marks + 1) * 4 > budget) continue;
    if (match.start > at) parts.push({ text: text.slice(at, match.start), match: false });
    parts.push({ text: text.slice(match.start, match.end), match: true });
    at = match.end;
    marks += 1;
  }
  if (to > at) parts.push({ text: text.slice(at, to), match: false });
  if (to < text.length) parts.push({ text: ELLIPSIS, match: false });
  return { parts, text: parts.map((p) => (p.match ? `**${p.text}**` : p.text)).join('') };
}

/** A window of at most `WINDOW` characters starting a little before `anchor`, cut between words. */
function windowAround(text: string, anchor: number): [number, number] {
  if (text.length <= WINDOW) return [0, text.length];
  let from = Math.max(0, Math.min(anchor - LEAD, text.length - WINDOW));
  if (from > 0) {
    const space = text.indexOf(' ', from);
    from = space === -1 || space >= anchor ? from : space + 1;
  }
  let to = Math.min(text.length, from + WINDOW);
  if (to < text.length) {
    const space = text.lastIndexOf(' ', to);
    to = space > from ? space : to;
  }
  return [from, to];
}
