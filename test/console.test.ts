import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { commands } from '../commands/index.ts';
import { renderMessage } from '../src/cli/terminal.ts';
import { parseCommandLine } from '../src/discord/console.ts';
import { embedMessage, escapeText, link } from '../src/discord/message.ts';
import { createDispatcher } from '../src/discord/bot.ts';
import { Library } from '../src/search/library.ts';
import { tempCorpus } from './fixtures/corpus/temp-corpus.ts';
import { typeIntoConsole } from './support/console-session.ts';
import { HUNG_MS } from './support/hung.ts';

/** Types the lines into a console over the given corpus and returns everything it printed. */
async function session(corpusDir: string, lines: string[]): Promise<string> {
  const library = await Library.open(corpusDir);
  return typeIntoConsole(createDispatcher(library, { MODERATOR_ROLE_IDS: [], COOLDOWN_SECONDS: 0 }, pino({ level: 'silent' })), lines);
}

describe('parseCommandLine', () => {
  it('gives leading text to the main option and reads name: value pairs like Discord', () => {
    expect(parseCommandLine('/ask who met Hayya?', commands)).toEqual({ command: 'ask', options: { question: 'who met Hayya?' } });
    expect(parseCommandLine('/search query: Gaza talks outlet: Al Mayadeen English since: 2025-01-01', commands)).toEqual({
      command: 'search',
      options: { query: 'Gaza talks', outlet: 'Al Mayadeen English', since: '2025-01-01' },
    });
    expect(parseCommandLine('ask private: yes question: what happened?', commands)).toEqual({ command: 'ask', options: { private: true, question: 'what happened?' } });
  });

  it('explains unknown commands and missing required options', () => {
    expect(() => parseCommandLine('/weather', commands)).toThrow(/Unknown command. Try \/help/);
    expect(() => parseCommandLine('/ask', commands)).toThrow(/\/ask needs question, e.g. \/ask question:/);
  });
});

describe('terminal rendering', () => {
  it('shows escaped article text as written, the underscores of file names included', () => {
    const shown = renderMessage(embedMessage({ title: 'Corpus reloaded', fields: [{ name: 'Duplicates (not served)', value: `• ${escapeText('zzz_copy.txt: same text as a*b [c] C:\\dir\\x_1.txt')}` }] }), false);
    expect(shown).toContain('• zzz_copy.txt: same text as a*b [c] C:\\dir\\x_1.txt');
  });

  it('shows an italic line without its stars, and stars the text writes as written', () => {
    const shown = renderMessage(embedMessage({ description: `*Read as a follow-up: what did al-Hayya say?*\n\n> ${escapeText('a *starred* word')}` }), false);
    expect(shown).toContain('Read as a follow-up: what did al-Hayya say?\n');
    expect(shown).not.toContain('*Read as');
    expect(shown).toContain('a *starred* word');
    expect(renderMessage(embedMessage({ description: `${link('title', 'https://ex.org/a*b*c')} *notice*` }), false)).toBe('title <https://ex.org/a%2Ab%2Ac> notice');
  });
});

describe('the local console', () => {
  it('answers the same commands as the bot, rendered for the terminal', async () => {
    const printed = await session('corpus', ['/ask who met Khalil al-Hayya in Istanbul?', '/coverage', '/ask since: soon question: x', '/reload', '/nonsense']);
    expect(printed).toContain('  │ US envoy Steve Witkoff is expected to meet senior Hamas official Khalil al-Hayya in Istanbul on Wednesday');
    expect(printed).toContain('[1] Hamas, US Envoy Set for Istanbul Talks on Gaza — outlet unknown · 2025-11-21');
    expect(printed).toContain('2 articles from 1 named outlet.');
    expect(printed).toContain('`since` must be a day written as YYYY-MM-DD');
    expect(printed).toContain('Corpus reloaded');
    expect(printed).toContain('Unknown command. Try /help');
  });

  it('reads a question whose pronoun names no one as a follow-up to the one before, and says so', async () => {
    const printed = await session('corpus', ['/ask Who is Hakan Fidan?', '/ask What did he discuss with Hayya?', '/ask What did Hamas condemn?', '/ask who is he']);
    expect(printed).toContain('Read as a follow-up: What did Fidan discuss with Hayya?');
    expect(printed).toContain("│ Hakan Fidan has met with Khalil al-Hayya, the chief member of Hamas' political bureau, to discuss the recent developments in Gaza.");
    // A question of stopwords and a pronoun is no option mistake: it follows up the last question naming a person.
    expect(printed).toContain('Read as a follow-up: who is Fidan');
    expect(printed.match(/Read as a follow-up/g)).toHaveLength(2);
  });

  it('pages search results with next and prev, and says when there is no page', async () => {
    const records = Array.from({ length: 6 }, (_, i) => JSON.stringify({ title: `Lighthouse log ${i + 1}`, body: `The lighthouse keeper logged ${i + 2} ships passing on night ${i + 1}.` }));
    const dir = await tempCorpus({ 'lighthouse.jsonl': records.join('\n') });
    const printed = await session(dir, ['next', '/search lighthouse keeper', 'next', 'next', 'prev']);
    expect(printed).toContain('There is no next page: /search shows pages of results.');
    const footers = printed.match(/Page \d of \d/g);
    expect(footers).toEqual(['Page 1 of 2', 'Page 2 of 2', 'Page 1 of 2']);
    expect(printed).toContain('6. ');
  });

  it('opens from npm start without a token, saying so, and leaves on /quit', async () => {
    const env = { ...process.env, DISCORD_TOKEN: '', NO_COLOR: '1' };
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stdin.end('/ask When did Fidan meet al-Hayya?\n/quit\n/ask never reached\n');
    const [code] = await once(child, 'exit');
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toMatch(/^No DISCORD_TOKEN set: starting the local console/);
    expect(stdout).toContain('Turkish Foreign Minister Hakan Fidan met on Saturday');
    expect(stdout).not.toContain('never reached');
  }, HUNG_MS);
});
