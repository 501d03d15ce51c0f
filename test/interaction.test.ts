import { PermissionFlagsBits } from 'discord.js';
import type { APIInteractionResponse } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { command as ask } from '../commands/ask.ts';
import { command as findCoverage } from '../commands/find-coverage.ts';
import { command as gaps } from '../commands/gaps.ts';
import { ephemeralText, OptionError } from '../src/discord/command.ts';
import { interactionFromBody } from '../src/discord/http-body.ts';
import { autocompleteResponder, buttonResponder, commandResponder, requestOf, type InteractionChannel } from '../src/discord/interaction.ts';
import { textMessage, type MessagePayload } from '../src/discord/message.ts';
import { readArguments } from '../src/discord/options.ts';

const GUILD_ID = '223456789012345678';
const MEMBER = { id: '423456789012345678', username: 'reader' };
const ROLE_ID = '523456789012345678';
const CHANNEL_ID = '723456789012345678';
const DM_CHANNEL_ID = '623456789012345678';

/** An interaction payload as Discord sends it over either transport, through the HTTP endpoint's check. */
function interaction(type: number, data: object, where: 'guild' | 'dm' = 'guild', extra: object = {}) {
  const who =
    where === 'guild'
      ? { guild_id: GUILD_ID, channel: { id: CHANNEL_ID, type: 0 }, member: { user: MEMBER, roles: [ROLE_ID], permissions: String(PermissionFlagsBits.ManageGuild) } }
      : { user: MEMBER, channel_id: DM_CHANNEL_ID };
  return interactionFromBody(Buffer.from(JSON.stringify({ type, id: '900000000000000001', application_id: '123456789012345678', token: 'tok', version: 1, data, ...who, ...extra })));
}

const slash = (name: string, options: object[]) => ({ id: '1', name, type: 1, options });

describe('mapping a raw interaction to the engine request', () => {
  it('reads a slash command: its options by name, the member, their permissions and roles, the guild and the channel', () => {
    const raw = interaction(2, slash('ask', [{ name: 'question', type: 3, value: 'Who met Hayya?' }, { name: 'private', type: 5, value: true }]));
    expect(requestOf(raw)).toEqual({
      kind: 'command',
      request: {
        command: 'ask',
        options: { question: 'Who met Hayya?', private: true },
        invoker: { id: MEMBER.id, permissions: PermissionFlagsBits.ManageGuild, roleIds: [ROLE_ID] },
        guildId: GUILD_ID,
        channelId: CHANNEL_ID,
      },
    });
  });

  it('reads a command in DMs as the user, with no permissions, roles or guild, in the channel an older payload names by id', () => {
    const raw = interaction(2, slash('gaps', [{ name: 'days', type: 4, value: 7 }]), 'dm');
    expect(requestOf(raw)).toEqual({
      kind: 'command',
      request: { command: 'gaps', options: { days: 7 }, invoker: { id: MEMBER.id, permissions: null, roleIds: [] }, guildId: null, channelId: DM_CHANNEL_ID },
    });
  });

  it('reads a command with no channel as one in no channel', () => {
    const raw = interactionFromBody(Buffer.from(JSON.stringify({ type: 2, id: '1', application_id: '2', token: 't', data: slash('coverage', []), user: MEMBER })));
    expect(requestOf(raw)).toMatchObject({ kind: 'command', request: { channelId: null } });
  });

  it('gives a message menu command the message text as its option `message`', () => {
    const raw = interaction(2, { id: '1', name: 'Find coverage', type: 3, target_id: '77', resolved: { messages: { 77: { id: '77', content: 'Did Fidan meet Hamas?' } } } });
    expect(requestOf(raw)).toMatchObject({ kind: 'command', request: { command: 'Find coverage', options: { message: 'Did Fidan meet Hamas?' } } });
  });

  it('reads an autocomplete request with the option being typed', () => {
    const raw = interaction(4, slash('search', [{ name: 'query', type: 3, value: 'rafah' }, { name: 'outlet', type: 3, value: 'Al Ma', focused: true }]));
    expect(requestOf(raw)).toMatchObject({ kind: 'autocomplete', request: { command: 'search', options: { query: 'rafah', outlet: 'Al Ma' }, focused: { name: 'outlet', value: 'Al Ma' } } });
  });

  it('reads a button press with the embeds of the message it is on', () => {
    const embeds = [{ title: 'Search results', fields: [{ name: 'Query', value: 'rafah', inline: true }] }];
    const raw = interaction(3, { custom_id: 'search:2:1:abc', component_type: 2 }, 'guild', { message: { id: '5', embeds } });
    expect(requestOf(raw)).toMatchObject({ kind: 'button', request: { customId: 'search:2:1:abc', invoker: { id: MEMBER.id }, embeds } });
  });

  it('answers a PING as a ping', () => {
    expect(requestOf(interactionFromBody(Buffer.from('{"type":1,"id":"1","application_id":"2","token":"t","version":1}')))).toEqual({ kind: 'ping' });
  });

  it.each([
    ['a user menu command', 2, { id: '1', name: 'Profile', type: 2, target_id: '9', resolved: { users: {} } }],
    ['a select menu', 3, { custom_id: 'pick', component_type: 3, values: ['a'] }],
  ])('leaves %s, which newsdesk never registers, unsupported', (_kind, type, data) => {
    expect(requestOf(interaction(type, data))).toMatchObject({ kind: 'unsupported' });
  });

  it.each([
    ['no one acting', { type: 2, id: '1', application_id: '2', token: 't', data: slash('ask', []) }],
    ['a command without a name', { type: 2, id: '1', application_id: '2', token: 't', data: {}, user: MEMBER }],
    ['a modal submit', { type: 5, id: '1', application_id: '2', token: 't', data: { custom_id: 'm', components: [] }, user: MEMBER }],
    ['permissions that are not a number', { type: 2, id: '1', application_id: '2', token: 't', data: slash('ask', []), member: { user: MEMBER, roles: [], permissions: 'all' } }],
  ])('refuses a body with %s', (_what, body) => {
    expect(() => interactionFromBody(Buffer.from(JSON.stringify(body)))).toThrow(/unsupported interaction/);
  });

  const answerable = { id: '1', application_id: '2', token: 't' };
  it.each([
    ['a malformed member beside a user', { ...answerable, type: 2, data: slash('ask', []), member: {}, user: MEMBER }],
    ['a member whose permissions are no number, beside a user', { ...answerable, type: 2, data: slash('ask', []), member: { user: MEMBER, roles: [], permissions: 'all' }, user: MEMBER }],
    ['an option value that is an object', { ...answerable, type: 2, data: slash('ask', [{ name: 'question', type: 3, value: { text: 'rafah' } }]), user: MEMBER }],
    ['a focused value that cannot be read as text', { ...answerable, type: 4, data: slash('ask', [{ name: 'outlet', type: 3, value: { toString: 1 }, focused: true }]), user: MEMBER }],
    ['a message menu target whose text is not text', { ...answerable, type: 2, data: { id: '1', name: 'Find coverage', type: 3, target_id: '77', resolved: { messages: { 77: { id: '77', content: 7 } } } }, user: MEMBER }],
    ['embed fields that are not a list', { ...answerable, type: 3, data: { custom_id: 'search:2:1:abc', component_type: 2 }, message: { embeds: [{ fields: 'Query' }] }, user: MEMBER }],
    ['an embed field whose value is not text', { ...answerable, type: 3, data: { custom_id: 'search:2:1:abc', component_type: 2 }, message: { embeds: [{ fields: [{ name: 'Query', value: 5 }] }] }, user: MEMBER }],
    ['a guild id that is not text', { ...answerable, type: 2, data: slash('coverage', []), guild_id: { id: 1 }, user: MEMBER }],
    ['a channel without an id', { ...answerable, type: 2, data: slash('coverage', []), channel: { type: 0 }, user: MEMBER }],
  ])('refuses, before reading it, a body with %s', (_what, body) => {
    expect(() => interactionFromBody(Buffer.from(JSON.stringify(body)))).toThrow(/unsupported interaction/);
  });
});

/** A channel that records the callbacks and edits it is asked to send. */
function recordingChannel() {
  const sent: Array<APIInteractionResponse | { edit: MessagePayload }> = [];
  const channel: InteractionChannel = {
    callback: async (body) => void sent.push(body),
    editOriginal: async (message) => void sent.push({ edit: message }),
  };
  return { sent, channel };
}

describe('answering each kind of interaction', () => {
  it('replies to a command, ephemeral with flag 64, or defers and then edits the original response', async () => {
    const { sent, channel } = recordingChannel();
    const responder = commandResponder(channel);
    await responder.reply(ephemeralText('Only you see this.'));
    await responder.reply({ message: textMessage('Everyone sees this.'), ephemeral: false });
    await responder.defer(true);
    await responder.editReply(textMessage('Done.'));
    expect(sent).toEqual([
      { type: 4, data: { ...textMessage('Only you see this.'), flags: 64 } },
      { type: 4, data: textMessage('Everyone sees this.') },
      { type: 5, data: { flags: 64 } },
      { edit: textMessage('Done.') },
    ]);
  });

  it('answers autocomplete with choices, and a button with a reply or an update of its message', async () => {
    const { sent, channel } = recordingChannel();
    await autocompleteResponder(channel).choices([{ name: 'Reuters', value: 'Reuters' }]);
    await buttonResponder(channel).update(textMessage('Page 2'));
    await buttonResponder(channel).reply(ephemeralText('Not yours.'));
    expect(sent).toEqual([
      { type: 8, data: { choices: [{ name: 'Reuters', value: 'Reuters' }] } },
      { type: 7, data: textMessage('Page 2') },
      { type: 4, data: { ...textMessage('Not yours.'), flags: 64 } },
    ]);
  });
});

describe("reading a command's arguments from its definition", () => {
  it('gives each declared option by name, text trimmed, and drops what the command does not declare', () => {
    expect(readArguments(ask, { question: '  Who met Hayya?  ', private: true, outlet: '   ', limit: 3 })).toEqual({ question: 'Who met Hayya?', private: true });
  });

  it('refuses a required option that is missing or blank, naming it', () => {
    expect(() => readArguments(ask, { outlet: 'Reuters' })).toThrow(new OptionError('Please give the `question` option.'));
    expect(() => readArguments(ask, { question: ' ' })).toThrow(OptionError);
  });

  it("reads a number from the console's text, and refuses text that is no number", () => {
    expect(readArguments(gaps, { days: '7' })).toEqual({ days: 7 });
    expect(readArguments(gaps, { days: 7 })).toEqual({ days: 7 });
    expect(() => readArguments(gaps, { days: 'a week' })).toThrow(new OptionError('`days` must be a number.'));
  });

  it("gives a message menu command the message's text, and nothing when the message has none", () => {
    expect(readArguments(findCoverage, { message: ' Did Fidan meet Hamas? ' })).toEqual({ message: 'Did Fidan meet Hamas?' });
    expect(readArguments(findCoverage, { message: '' })).toEqual({});
  });
});
