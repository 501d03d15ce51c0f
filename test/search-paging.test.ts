import { describe, expect, it } from 'vitest';
import { commands } from '../commands/index.ts';
import { command as search } from '../commands/search.ts';
import type { CommandContext, Invoker } from '../src/discord/command.ts';
import { DiscordLimits } from '../src/discord/limits.ts';
import type { MessagePayload } from '../src/discord/message.ts';
import { Library } from '../src/search/library.ts';
import { tempCorpus } from './fixtures/corpus/temp-corpus.ts';

const asker: Invoker = { id: '500000000000000001', permissions: 0n, roleIds: [] };

/** A process serving the commands over its own index of the same corpus, with its own clock. */
async function replica(dir: string, clock: { now: number }): Promise<CommandContext> {
  return { library: await Library.open(dir), commands, moderatorRoleIds: [], now: () => clock.now };
}

function buttonIds(message: MessagePayload): string[] {
  return (message.components ?? []).flatMap((row) => row.components).map((button) => ('custom_id' in button ? button.custom_id : ''));
}

describe('/search paging', () => {
  const records = Array.from({ length: 8 }, (_, i) =>
    JSON.stringify({ title: `Tide table ${i + 1}`, outlet: 'Coast *Daily*', published: `2024-06-0${i + 1}`, body: `High tide reached ${i + 3} metres at the quay on day ${i + 1}.` }),
  ).join('\n');

  it('is served by any process: the search travels in the message, not in memory', async () => {
    const dir = await tempCorpus({ 'tides.jsonl': records });
    const clock = { now: Date.parse('2026-01-01T00:00:00Z') };
    const first = await replica(dir, clock);
    const other = await replica(dir, clock);
    const reply = await search.execute({ command: 'search', options: { query: 'high tide *quay*', outlet: 'Coast *Daily*', since: '2024-06-02' }, invoker: asker }, first);
    expect(reply.message.embeds![0]!.footer!.text).toBe('Page 1 of 2 · 7 articles');
    const next = buttonIds(reply.message)[1]!;
    expect(next.length).toBeLessThanOrEqual(DiscordLimits.customId);
    const outcome = search.press!({ customId: next, invoker: asker, embeds: reply.message.embeds! }, other);
    expect(outcome.kind).toBe('update');
    const paged = outcome.kind === 'update' ? outcome.message : reply.message;
    expect(paged.embeds![0]!.footer!.text).toBe('Page 2 of 2 · 7 articles');
    expect(paged.embeds![0]!.fields).toEqual(reply.message.embeds![0]!.fields);
  });

  it('expires after 15 minutes, saying so and removing the buttons', async () => {
    const dir = await tempCorpus({ 'tides.jsonl': records });
    const clock = { now: Date.parse('2026-01-01T00:00:00Z') };
    const context = await replica(dir, clock);
    const reply = await search.execute({ command: 'search', options: { query: 'tide' }, invoker: asker }, context);
    clock.now += 15 * 60_000;
    const outcome = search.press!({ customId: buttonIds(reply.message)[1]!, invoker: asker, embeds: reply.message.embeds! }, context);
    expect(outcome).toEqual({ kind: 'update', message: expect.objectContaining({ content: expect.stringMatching(/buttons have expired/), components: [] }) });
  });
});
