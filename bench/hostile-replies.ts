/**
 * Cost of building replies from hostile text: /article on CJK walls (no spaces, where discord.js
 * escapeMarkdown was quadratic), /ask on a 900 KB forged question, and escaping alone at growing
 * lengths. Each figure is the median of a few runs, in milliseconds, so the process never blocks
 * for long while it runs.
 *
 *   npm run bench:replies
 */
import { escapeMarkdown } from 'discord.js';
import { pino } from 'pino';
import { commands } from '../commands/index.ts';
import type { Article } from '../src/corpus/article.ts';
import type { CommandContext, Reply } from '../src/discord/command.ts';
import { Dispatcher, type Responder } from '../src/discord/dispatcher.ts';
import { escapeText } from '../src/discord/message.ts';
import { Library } from '../src/search/library.ts';

const RUNS = 5;

/** Median wall time of `RUNS` calls, in milliseconds. */
async function medianMs(work: () => unknown): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)]!;
}

function wall(id: string, characters: number): Article {
  return { id, file: `${id}.txt`, title: `Wall ${id}`, outlet: 'Bench', author: null, published: '2025-05-01', url: null, language: 'zh', paragraphs: ['中'.repeat(characters)], hash: id.padEnd(64, '0') };
}

const sizes = [1_000, 10_000, 120_000];
const library = await Library.fromArticles(sizes.map((size) => wall(String(size), size)));
const context: CommandContext = { library, commands, moderatorRoleIds: [], now: () => 0 };
const dispatcher = new Dispatcher(context, { cooldownMs: 0, logger: pino({ level: 'silent' }) });
const replies: Reply[] = [];
const responder: Responder = {
  reply: async (reply) => void replies.push(reply),
  defer: async () => undefined,
  editReply: async () => undefined,
  update: async () => undefined,
  choices: async () => undefined,
};
const member = { id: '111111111111111111', permissions: 0n, roleIds: [] };

for (const size of sizes) {
  const ms = await medianMs(() => dispatcher.command({ command: 'article', options: { title: String(size) }, invoker: member }, responder));
  console.log(`/article on a ${size.toLocaleString('en')}-character CJK paragraph: ${ms.toFixed(2)} ms`);
}
const forged = 'rates '.repeat(150_000);
const askMs = await medianMs(() => dispatcher.command({ command: 'ask', options: { question: forged }, invoker: member }, responder));
console.log(`/ask with a ${(forged.length / 1000).toFixed(0)} KB question: ${askMs.toFixed(2)} ms (${replies.at(-1)?.message.content})`);
for (const size of [4_096, 120_000, 900_000]) {
  const text = '中_*'.repeat(size / 3);
  console.log(`escapeText on ${size.toLocaleString('en')} characters of unspaced markup: ${(await medianMs(() => escapeText(text))).toFixed(2)} ms`);
}
// For comparison, what the bot used before, on a CJK wall far shorter than an article: quadratic.
for (const size of [2_000, 8_000]) {
  const text = '中'.repeat(size);
  const started = performance.now();
  escapeMarkdown(text, { heading: true, bulletedList: true, numberedList: true, maskedLink: true });
  console.log(`discord.js escapeMarkdown (before) on ${size.toLocaleString('en')} CJK characters: ${(performance.now() - started).toFixed(1)} ms`);
}
