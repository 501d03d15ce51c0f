import { Writable } from 'node:stream';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { OptionError, type Command, type CommandContext, type Invoker, type Reply } from '../src/discord/command.ts';
import { Dispatcher, type Responder } from '../src/discord/dispatcher.ts';
import { textMessage, type MessagePayload } from '../src/discord/message.ts';

const member: Invoker = { id: '111111111111111111', permissions: 0n, roleIds: [] };

/** Records what a transport would have sent, in order. */
function recordingResponder() {
  const sent: Array<{ kind: string; payload: unknown }> = [];
  const responder: Responder = {
    reply: async (reply: Reply) => void sent.push({ kind: 'reply', payload: reply }),
    defer: async (ephemeral: boolean) => void sent.push({ kind: 'defer', payload: ephemeral }),
    editReply: async (message: MessagePayload) => void sent.push({ kind: 'edit', payload: message }),
    update: async (message: MessagePayload) => void sent.push({ kind: 'update', payload: message }),
    choices: async (choices) => void sent.push({ kind: 'choices', payload: choices }),
  };
  return { sent, responder };
}

function command(name: string, overrides: Partial<Command> = {}): Command {
  return {
    definition: { name, description: `${name} command` },
    example: `/${name}`,
    execute: () => ({ message: textMessage(`${name} done`), ephemeral: false }),
    ...overrides,
  };
}

function setup(commands: Command[], clock = { now: 0 }) {
  const logLines: string[] = [];
  const logger = pino({ level: 'info' }, new Writable({ write: (chunk, _enc, done) => (logLines.push(String(chunk)), done()) }));
  const context = { library: undefined as never, moderatorRoleIds: [], commands, now: () => clock.now } satisfies CommandContext;
  return { dispatcher: new Dispatcher(context, { cooldownMs: 3000, logger }), logLines, clock };
}

const contentOf = (entry: { payload: unknown } | undefined) => ((entry?.payload as Reply).message ?? (entry?.payload as MessagePayload)).content;

describe('Dispatcher', () => {
  it('answers a command and logs one line with command, user and latency', async () => {
    const { dispatcher, logLines } = setup([command('ask')]);
    const { sent, responder } = recordingResponder();
    await dispatcher.command({ command: 'ask', options: {}, invoker: member }, responder);
    expect(sent).toEqual([{ kind: 'reply', payload: { message: textMessage('ask done'), ephemeral: false } }]);
    const line = JSON.parse(logLines.at(-1)!);
    expect(line).toMatchObject({ command: 'ask', userId: member.id, kind: 'command' });
    expect(typeof line.latencyMs).toBe('number');
  });

  it('applies the per-user cooldown and says how long is left', async () => {
    const { dispatcher, clock } = setup([command('ask', { cooldown: true })]);
    const { sent, responder } = recordingResponder();
    const ask = { command: 'ask', options: {}, invoker: member };
    await dispatcher.command(ask, responder);
    clock.now = 1200;
    await dispatcher.command(ask, responder);
    await dispatcher.command({ ...ask, invoker: { ...member, id: '222222222222222222' } }, responder);
    clock.now = 3000;
    await dispatcher.command(ask, responder);
    expect(sent.map(contentOf)).toEqual(['ask done', 'Please wait 2 s before using `/ask` again.', 'ask done', 'ask done']);
    expect((sent[1]!.payload as Reply).ephemeral).toBe(true);
  });

  it('turns an option mistake into a short ephemeral note', async () => {
    const { dispatcher } = setup([command('ask', { execute: () => { throw new OptionError('`since` must be a day.'); } })]);
    const { sent, responder } = recordingResponder();
    await dispatcher.command({ command: 'ask', options: {}, invoker: member }, responder);
    expect(sent[0]).toEqual({ kind: 'reply', payload: { message: textMessage('`since` must be a day.'), ephemeral: true } });
  });

  it('answers a failing handler with an ephemeral reference that is in the log, and keeps serving', async () => {
    const { dispatcher, logLines } = setup([command('boom', { execute: () => { throw new Error('disk on fire'); } }), command('ask')]);
    const { sent, responder } = recordingResponder();
    await dispatcher.command({ command: 'boom', options: {}, invoker: member }, responder);
    const reply = sent[0]!.payload as Reply;
    expect(reply.ephemeral).toBe(true);
    const ref = /ref ([0-9A-F]{6})/.exec(reply.message.content!)?.[1];
    expect(ref).toBeDefined();
    expect(reply.message.content).not.toContain('disk on fire');
    expect(logLines.some((line) => line.includes(`"ref":"${ref}"`) && line.includes('disk on fire'))).toBe(true);
    await dispatcher.command({ command: 'ask', options: {}, invoker: member }, responder);
    expect(contentOf(sent[1])).toBe('ask done');
  });

  it('defers slow commands, then edits the deferred reply, also on failure', async () => {
    const slow = command('reload', { deferred: { ephemeral: true }, execute: async () => ({ message: textMessage('reloaded'), ephemeral: true }) });
    const failing = command('broken', { deferred: { ephemeral: false }, execute: async () => { throw new Error('nope'); } });
    const { dispatcher } = setup([slow, failing]);
    const { sent, responder } = recordingResponder();
    await dispatcher.command({ command: 'reload', options: {}, invoker: member }, responder);
    await dispatcher.command({ command: 'broken', options: {}, invoker: member }, responder);
    expect(sent.map((s) => s.kind)).toEqual(['defer', 'edit', 'defer', 'edit']);
    expect(sent[0]!.payload).toBe(true);
    expect((sent[1]!.payload as MessagePayload).content).toBe('reloaded');
    expect((sent[3]!.payload as MessagePayload).content).toMatch(/Something went wrong \(ref [0-9A-F]{6}\)/);
  });

  it('never offers more autocomplete choices or longer names than Discord accepts', async () => {
    const many = Array.from({ length: 40 }, (_, i) => ({ name: `${i} ${'long title '.repeat(20)}`, value: `id-${i}` }));
    const { dispatcher } = setup([command('article', { autocomplete: () => many })]);
    const { sent, responder } = recordingResponder();
    await dispatcher.autocomplete({ command: 'article', options: {}, invoker: member, focused: { name: 'title', value: 'x' } }, responder);
    const choices = sent[0]!.payload as Array<{ name: string; value: string }>;
    expect(choices).toHaveLength(25);
    for (const choice of choices) expect(choice.name.length).toBeLessThanOrEqual(100);
  });

  it('routes buttons by the command name in their custom_id, and refuses unknown ones', async () => {
    const pager = command('search', { press: (request) => ({ kind: 'update', message: textMessage(`page ${request.customId.split(':')[2]}`) }) });
    const { dispatcher } = setup([pager]);
    const { sent, responder } = recordingResponder();
    await dispatcher.button({ customId: 'search:abc:2', invoker: member, embeds: [] }, responder);
    await dispatcher.button({ customId: 'gone:1', invoker: member, embeds: [] }, responder);
    expect(sent[0]).toEqual({ kind: 'update', payload: textMessage('page 2') });
    expect(sent[1]).toMatchObject({ kind: 'reply', payload: { ephemeral: true } });
  });

  it('sends no second callback after a failed defer or a failed button update', async () => {
    const slow = command('reload', { deferred: { ephemeral: true }, execute: async () => ({ message: textMessage('reloaded'), ephemeral: true }) });
    const pager = command('search', { press: () => ({ kind: 'update', message: textMessage('page 2') }) });
    const { dispatcher, logLines } = setup([slow, pager]);
    const { sent, responder } = recordingResponder();
    const late = Object.assign(new Error('Unknown interaction'), { code: 10062 });
    const refusing: Responder = { ...responder, defer: async () => Promise.reject(late), update: async () => Promise.reject(late) };
    await dispatcher.command({ command: 'reload', options: {}, invoker: member }, refusing);
    await dispatcher.button({ customId: 'search:2', invoker: member, embeds: [] }, refusing);
    expect(sent).toEqual([]);
    expect(logLines.filter((line) => line.includes('Unknown interaction'))).toHaveLength(2);
  });
});
