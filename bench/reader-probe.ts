/**
 * Reader probes: questions a news reader would ask of the seed articles (`corpus/`), written by
 * helpers who read the two stories and had not seen newsdesk's answers, each answerable one with a
 * verbatim fragment of the sentence that answers it, written before any was asked
 * (`bench/reader-probe/*.tsv`: question, answerable|absent, fragment; where two sentences answer,
 * as for a question about both stories, their fragments are written apart by " || "). Kept here
 * so that later rounds ask the same questions again; a list kept outside the repository was once
 * lost.
 *
 * For each file: answerable questions right first (the first quote that is no lead-in holds the
 * fragment, or one of them), right later (another quote does), wrong, or refused; absent ones
 * refused or quoted, with the mean confidence of each; answers telling a story's fact from its attribution are listed
 * beside what was expected. Judged by the fragment alone, so a right answer worded in
 * another sentence counts as wrong: the figures compare versions, the helpers' own reports judge.
 *
 * Run: npm run bench:probe
 */
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { Library } from '../src/search/library.ts';
import type { Answer } from '../src/search/results.ts';

const PROBES = fileURLToPath(new URL('./reader-probe/', import.meta.url));
const CORPUS = fileURLToPath(new URL('../corpus/', import.meta.url));

interface ProbeQuestion {
  question: string;
  answerable: boolean;
  /** The fragments any of which the answering sentence holds. */
  fragments: string[];
}

type Verdict = 'right first' | 'right later' | 'wrong' | 'refused' | 'quoted' | 'story fact';

function parseProbe(text: string): ProbeQuestion[] {
  return text
    .split('\n')
    .slice(1)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const [question = '', kind = '', fragment = ''] = line.split('\t');
      return { question, answerable: kind === 'answerable', fragments: fragment.split(' || ') };
    });
}

function verdictOf(probe: ProbeQuestion, answer: Answer): Verdict {
  if (!answer.answered) return 'refused';
  if (!probe.answerable) return 'quoted';
  // A date, outlet or byline from the story's attribution is written as the page wrote it in the fragment ("23 Mar 2025"): listed for a reader to judge.
  if (answer.fact !== null) return 'story fact';
  const first = answer.sentences.find((s) => !s.context)?.text ?? '';
  const holds = (text: string) => probe.fragments.some((fragment) => text.includes(fragment));
  if (holds(first)) return 'right first';
  return answer.sentences.some((s) => holds(s.text)) ? 'right later' : 'wrong';
}

function tally(rows: readonly { probe: ProbeQuestion; verdict: Verdict; confidence: number }[], answerable: boolean): string {
  const mine = rows.filter((row) => row.probe.answerable === answerable);
  const verdicts: Verdict[] = answerable ? ['right first', 'right later', 'wrong', 'refused', 'story fact'] : ['refused', 'quoted'];
  return verdicts
    .map((verdict) => {
      const those = mine.filter((row) => row.verdict === verdict);
      const mean = those.length === 0 ? 0 : those.reduce((sum, row) => sum + row.confidence, 0) / those.length;
      return `${verdict} ${those.length} (mean confidence ${mean.toFixed(2)})`;
    })
    .join(', ');
}

async function main(): Promise<void> {
  const library = await Library.open(CORPUS);
  for (const file of (await readdir(PROBES)).filter((name) => name.endsWith('.tsv')).sort()) {
    const probes = parseProbe(await readFile(PROBES + file, 'utf8'));
    const rows = probes.map((probe) => {
      const answer = library.answer(probe.question);
      return { probe, answer, verdict: verdictOf(probe, answer), confidence: answer.confidence };
    });
    const count = (answerable: boolean) => probes.filter((p) => p.answerable === answerable).length;
    console.log(`${file}: ${probes.length} questions`);
    console.log(`  answerable (${count(true)}): ${tally(rows, true)}`);
    console.log(`  absent (${count(false)}): ${tally(rows, false)}`);
    for (const { probe, answer } of rows.filter((row) => row.verdict === 'story fact')) console.log(`    ${probe.question} → ${answer.fact?.asked} ${answer.fact?.value ?? 'unknown'} (expected "${probe.fragments.join(' || ')}")`);
  }
}

await main();
