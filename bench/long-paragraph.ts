/**
 * Answer time over a story written as one paragraph of thousands of sentences, for the readings
 * that weigh a sentence against the story before it: a role named alone ("The minister said...",
 * `roles.ts`), a pronoun's referent ("He said..."), a surname another person shares. A scrape can
 * hold such a paragraph; each answer must stay bounded however long it runs.
 *
 * Prints, for each size, the first answer (sentences split and cached) and the median of three
 * more.
 *
 * Run: npm run bench:paragraph -- [--sizes 2500,10000,30000]
 */
import { parseArgs } from 'node:util';
import type { Article } from '../src/corpus/article.ts';
import { Library } from '../src/search/library.ts';

const { values } = parseArgs({ options: { sizes: { type: 'string', default: '2500,10000,30000' } } });

/** One story of `count` sentences after its first, each made by `sentence`, and the question asked of it. */
interface Case {
  name: string;
  first: string;
  sentence: (i: number) => string;
  question: string;
}

const CASES: Case[] = [
  { name: 'role named alone', first: 'Finance Minister Kiichi Miyazawa met bankers in Tokyo on Monday.', sentence: (i) => `The minister said the yen rose ${i}.`, question: 'What did Miyazawa say about the yen?' },
  { name: 'pronoun', first: 'Finance Minister Kiichi Miyazawa met bankers in Tokyo on Monday.', sentence: (i) => `He said the yen rose ${i}.`, question: 'What did Miyazawa say about the yen?' },
  { name: 'shared surname', first: 'Hunter Biden, the son of President Joe Biden, spoke on Monday.', sentence: (i) => `Biden said the spending bill would cost ${i} jobs.`, question: 'What did Hunter Biden say about the spending bill?' },
];

function story(id: string, paragraphs: string[]): Article {
  return { id, file: `${id}.txt`, title: null, outlet: 'Wire', author: null, published: '2025-05-01', url: null, language: 'en', paragraphs, hash: id.padStart(64, '0') };
}

const other = story('other', ['Exporters in Osaka said the yen rose against the dollar.', 'Lawmakers said the spending bill would pass.']);
for (const size of values.sizes.split(',').map(Number)) {
  for (const { name, first, sentence, question } of CASES) {
    const text = [first, ...Array.from({ length: size }, (_, i) => sentence(i))].join(' ');
    const library = await Library.fromArticles([story('long', [text]), other]);
    const timed = () => {
      const started = performance.now();
      library.answer(question);
      return performance.now() - started;
    };
    const cold = timed();
    const warm = [timed(), timed(), timed()].sort((a, b) => a - b)[1] ?? 0;
    console.log(`${String(size).padStart(6)} sentences, ${name.padEnd(17)} first answer ${cold.toFixed(0).padStart(5)} ms, then ${warm.toFixed(0).padStart(5)} ms`);
  }
}
