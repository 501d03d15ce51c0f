/**
 * The code the parse pool's threads run for a large index build: a batch of articles analysed
 * into flat arrays (`article-analysis.ts`), so analysis takes both cores instead of the main
 * thread's one.
 */
import { analyseBatch, type AnalysedBatch, type BatchTask } from './article-analysis.ts';

/** Analyses one batch; piscina calls the default export. */
export default function analyseInWorker({ run, articles }: BatchTask): AnalysedBatch {
  return analyseBatch(articles, run);
}
