/**
 * Answer quality bench: newsdesk beside a Lucene 8 baseline on the same SQuAD v1.1 dev questions.
 *
 * - full corpus: all 2,067 paragraphs indexed, a fixed sample of 2,000 questions asked: top-1 (the
 *   first quoted sentence holds a gold answer; an unanswered question counts as a miss), top-3 (any
 *   quoted sentence does), answered rate, right-when-answered, answer p50/p99;
 * - titles left out: a quarter of the Wikipedia articles removed from the corpus, the same sample
 *   asked: how often a question whose article is absent still gets an answer (it should not), and
 *   top-1 on the questions whose article is present.
 * Lucene (`../shared/peers/lucene/run.sh`) runs on the same corpora and questions; it always quotes
 * the best sentence of its top document, so its answered rate is the share with any hit.
 *
 * - with `--long`, also real-length articles: 2,000 articles of 800–2,000 words
 *   (`long-articles.ts`: Reuters, Brown press and SQuAD runs joined), and the first 250 questions of
 *   the split's sample whose SQuAD paragraph stands unchanged in one of them, so the answer is one
 *   sentence among ~3 million words of other text, as in a news archive; and the first 250
 *   questions about left-out titles, asked of those articles without any that holds one of their
 *   paragraphs: how often a question about an absent topic gets an answer from long articles.
 *
 * With `--lowercase`, every question is asked typed all in lowercase (see `asTyped`).
 *
 * Run: npm run bench:quality -- [--split report|tune] [--no-lucene] [--misses N] [--long] [--lowercase]
 *   `report` (default) is the sample and fold the README quotes; `tune` is a disjoint sample with
 *   another fold of titles left out, for trying changes without fitting the reported figures.
 */
import type { Article } from '../src/corpus/article.ts';
import { askLucene, askNewsdesk, asTyped, type Asked, FIGURES_HEADER, figuresOf, inScratchDirectory, LUCENE_CONFIGURATION, row, TYPED_IN_LOWERCASE } from './asked.ts';
import { heldOutTitles, holdsAnswer, readSquad, realLengthSet, sampleOf, type Squad, type SquadQuestion, type SquadSplit } from './squad.ts';

const LONG_QUESTIONS = 250;

async function reportLong(squad: Squad, sample: readonly SquadQuestion[], leftOut: ReadonlySet<string>, withLucene: boolean): Promise<void> {
  const { articles, questions, kept, absent } = await realLengthSet(squad, sample, leftOut, LONG_QUESTIONS);
  const words = articles.reduce((sum, a) => sum + a.paragraphs.join(' ').split(/\s+/).length, 0);
  console.log(`\nreal-length articles: ${articles.length} articles (${(words / 1e6).toFixed(1)} million words), ${questions.length} questions whose paragraph is among them;`);
  console.log(`absent: ${absent.length} questions about left-out titles, over the ${kept.length} articles holding none of their paragraphs`);
  const answeredAbsent = async (ask: (articles: readonly Article[], questions: readonly SquadQuestion[]) => Promise<Asked<SquadQuestion>[]>) => figuresOf(await ask(kept, absent)).answered;
  console.log(row('newsdesk', figuresOf(await askNewsdesk(articles, questions)), await answeredAbsent(askNewsdesk)));
  if (withLucene) {
    const lucene = await inScratchDirectory(async (work) => ({
      present: await askLucene(articles, questions, work),
      absent: figuresOf(await askLucene(kept, absent, work)).answered,
    }));
    console.log(row('lucene', figuresOf(lucene.present), lucene.absent));
  }
}

function printMisses(asked: readonly Asked[], count: number): void {
  for (const a of asked.filter((x) => !holdsAnswer(x.first, x.question.answers)).slice(0, count)) {
    console.log(`- ${a.question.question}  [gold: ${a.question.answers[0]}]\n    ${a.answered ? a.first : '(unanswered)'}`);
  }
}

function option(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

async function main(): Promise<void> {
  const split = (option('--split') ?? 'report') as SquadSplit;
  const withLucene = !process.argv.includes('--no-lucene');
  const squad = await readSquad();
  const sample = asTyped(sampleOf(squad, split));
  const leftOut = heldOutTitles(squad, split);
  const keptArticles = squad.articles.filter((a) => !leftOut.has(a.file.replace(/\.json$/, '')));
  const absent = sample.filter((q) => leftOut.has(q.title));
  const present = sample.filter((q) => !leftOut.has(q.title));
  console.log(`SQuAD v1.1 dev, split "${split}"${TYPED_IN_LOWERCASE ? ', typed in lowercase' : ''}: ${sample.length} questions over ${squad.articles.length} paragraphs;`);
  console.log(`titles left out: ${leftOut.size} of ${new Set(squad.questions.map((q) => q.title)).size} (${keptArticles.length} paragraphs kept; ${absent.length} questions absent, ${present.length} present)\n`);

  const full = await askNewsdesk(squad.articles, sample);
  const withoutTitles = await askNewsdesk(keptArticles, sample);
  const absentAnswered = (asked: readonly Asked<SquadQuestion>[]) => figuresOf(asked.filter((a) => leftOut.has(a.question.title))).answered;
  const presentOnly = (asked: readonly Asked<SquadQuestion>[]) => figuresOf(asked.filter((a) => !leftOut.has(a.question.title)));

  console.log(FIGURES_HEADER);
  console.log('full corpus');
  console.log(row('newsdesk', figuresOf(full)));
  let lucene: { full: Asked<SquadQuestion>[]; withoutTitles: Asked<SquadQuestion>[] } | null = null;
  if (withLucene) {
    lucene = await inScratchDirectory(async (work) => ({ full: await askLucene(squad.articles, sample, work), withoutTitles: await askLucene(keptArticles, sample, work) }));
    console.log(row('lucene', figuresOf(lucene.full)));
  }
  console.log('titles left out (figures over the questions whose article is present; last column over the absent ones)');
  console.log(row('newsdesk', presentOnly(withoutTitles), absentAnswered(withoutTitles)));
  if (lucene) console.log(row('lucene', presentOnly(lucene.withoutTitles), absentAnswered(lucene.withoutTitles)));
  if (process.argv.includes('--long')) await reportLong(squad, sample, leftOut, withLucene);
  if (withLucene) console.log(`\nlucene: ${LUCENE_CONFIGURATION}`);
  const misses = Number(option('--misses') ?? 0);
  if (misses > 0) {
    console.log(`\nfirst ${misses} misses (full corpus):`);
    printMisses(full, misses);
    console.log(`\nabsent questions answered:`);
    for (const a of withoutTitles.filter((x) => x.answered && leftOut.has(x.question.title)).slice(0, misses)) console.log(`- ${a.question.question}\n    ${a.first}`);
  }
}

await main();
