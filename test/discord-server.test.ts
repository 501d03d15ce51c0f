import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  Client,
  DiscordAPIError,
  GatewayIntentBits,
  InteractionResponseType,
  PermissionFlagsBits,
  Routes,
  type Interaction,
} from 'discord.js';
import { startDiscordServer, type DiscordServer } from './support/discord-server.ts';

const TOKEN = 'test-token.loopback.0';

/** A logged-in discord.js client whose interactions go to the handler the current test sets. */
interface ConnectedBot {
  client: Client;
  handle(handler: (interaction: Interaction) => Promise<void>): void;
  /** Errors thrown by handlers, so a test fails with the bot-side cause. */
  errors: unknown[];
}

async function connectBot(discord: DiscordServer, options: { shards?: number[]; shardCount?: number } = {}): Promise<ConnectedBot> {
  const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: discord.apiUrl }, ...options });
  const errors: unknown[] = [];
  let current: (interaction: Interaction) => Promise<void> = async () => {};
  client.on('interactionCreate', (interaction) => void current(interaction).catch((error: unknown) => errors.push(error)));
  const ready = new Promise<void>((resolve) => client.once('clientReady', () => resolve()));
  await client.login(TOKEN);
  await ready;
  return { client, errors, handle: (handler) => (current = handler) };
}

describe('loopback Discord server with the real discord.js client', () => {
  let discord: DiscordServer;
  let bot: ConnectedBot;
  let moderatorRoleId: string;

  beforeAll(async () => {
    discord = await startDiscordServer({
      token: TOKEN,
      guilds: [{ name: 'Newsroom', roles: [{ name: 'Moderator', permissions: PermissionFlagsBits.ManageGuild }] }],
    });
    bot = await connectBot(discord);
    moderatorRoleId = discord.guilds[0]!.roleIds.Moderator!;
    await bot.client.rest.put(Routes.applicationGuildCommands(discord.applicationId, discord.guilds[0]!.id), {
      body: [
        {
          name: 'ask',
          description: 'Ask about the coverage',
          options: [
            { type: 3, name: 'question', description: 'Your question', required: true, autocomplete: true },
            { type: 4, name: 'limit', description: 'How many quotes' },
          ],
        },
      ],
    });
  });

  afterAll(async () => {
    await bot?.client.destroy();
    await discord?.close();
  });

  it('connects, identifies once and is ready with the guild and its channel', async () => {
    await discord.waitForIdentify();
    expect(discord.identifies).toEqual([expect.objectContaining({ shard: [0, 1], intents: GatewayIntentBits.Guilds })]);
    const guild = bot.client.guilds.cache.get(discord.guilds[0]!.id);
    expect(guild?.name).toBe('Newsroom');
    expect(guild?.channels.cache.has(discord.guilds[0]!.channelId)).toBe(true);
    expect(bot.client.application?.id).toBe(discord.applicationId);
  });

  it('records the bulk command overwrite and returns the commands with ids', async () => {
    const [registered] = discord.commands.guild[discord.guilds[0]!.id] ?? [];
    expect(registered).toMatchObject({ name: 'ask', application_id: discord.applicationId, guild_id: discord.guilds[0]!.id });
    expect(registered?.id).toMatch(/^\d+$/);
    const put = discord.calls.find((call) => call.method === 'PUT');
    expect(put).toMatchObject({
      path: Routes.applicationGuildCommands(discord.applicationId, discord.guilds[0]!.id),
      authorized: true,
      status: 200,
      headers: expect.objectContaining({ authorization: '[redacted]' }),
    });
    const fetched = await bot.client.rest.get(Routes.applicationGuildCommands(discord.applicationId, discord.guilds[0]!.id));
    expect(fetched).toEqual(discord.commands.guild[discord.guilds[0]!.id]);
  });

  it('refuses an invalid command definition the way Discord does', async () => {
    const bad = bot.client.rest.put(Routes.applicationCommands(discord.applicationId), {
      body: [{ name: 'Ask Me', description: '' }],
    });
    await expect(bad).rejects.toMatchObject({ status: 400, code: 50035 });
    expect(discord.commands.global).toEqual([]);
  });

  it('delivers a slash command with typed options and records the reply with allowed_mentions', async () => {
    let seen: { question: string | null; limit: number | null; commandId: string; channelId: string | null } | undefined;
    bot.handle(async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      seen = {
        question: interaction.options.getString('question'),
        limit: interaction.options.getInteger('limit'),
        commandId: interaction.commandId,
        channelId: interaction.channelId,
      };
      await interaction.reply({ content: 'Two outlets covered it.', allowedMentions: { parse: [] } });
    });
    const handle = discord.command({ name: 'ask', options: { question: 'Who won?', limit: 3 } });
    const reply = await handle.firstResponse();
    expect(reply).toEqual({
      type: InteractionResponseType.ChannelMessageWithSource,
      data: expect.objectContaining({ content: 'Two outlets covered it.', allowed_mentions: { parse: [] } }),
    });
    expect(seen).toEqual({
      question: 'Who won?',
      limit: 3,
      commandId: discord.commands.guild[discord.guilds[0]!.id]![0]!.id,
      channelId: discord.guilds[0]!.channelId,
    });
    expect(handle.originalMessage?.content).toBe('Two outlets covered it.');
  });

  it('records a deferred reply, its webhook edit and a follow-up in order', async () => {
    bot.handle(async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      await interaction.deferReply({ flags: 'Ephemeral' });
      await interaction.editReply({ content: 'Found it.', allowedMentions: { parse: [] } });
      await interaction.followUp({ content: 'One more source.', allowedMentions: { parse: [] } });
    });
    const handle = discord.command({ name: 'ask', options: { question: 'When?' } });
    expect(await handle.firstResponse()).toMatchObject({
      type: InteractionResponseType.DeferredChannelMessageWithSource,
      data: { flags: 64 },
    });
    expect(await handle.nextEdit()).toMatchObject({ content: 'Found it.' });
    expect(await handle.nextFollowUp()).toMatchObject({ content: 'One more source.' });
    expect(handle.responses.map((response) => response.kind)).toEqual(['callback', 'edit', 'followUp']);
    expect(handle.originalMessage?.content).toBe('Found it.');
    const edit = discord.calls.find((call) => call.method === 'PATCH' && call.path.includes(handle.token));
    expect(edit?.path).toBe(Routes.webhookMessage(discord.applicationId, handle.token, '@original'));
    expect(edit?.authorized).toBe(false);
  });

  it('delivers autocomplete with the focused option and records the type 8 choices', async () => {
    let focused: string | undefined;
    bot.handle(async (interaction) => {
      if (!interaction.isAutocomplete()) return;
      focused = interaction.options.getFocused();
      await interaction.respond([{ name: 'Who won the election?', value: 'who won the election' }]);
    });
    const handle = discord.autocomplete({ name: 'ask', options: { question: 'who w' }, focused: 'question' });
    expect(await handle.firstResponse()).toEqual({
      type: InteractionResponseType.ApplicationCommandAutocompleteResult,
      data: { choices: [{ name: 'Who won the election?', value: 'who won the election' }] },
    });
    expect(focused).toBe('who w');
  });

  it('rejects more than 25 autocomplete choices, so the bot sees the error', async () => {
    let failure: unknown;
    bot.handle(async (interaction) => {
      if (!interaction.isAutocomplete()) return;
      const choices = Array.from({ length: 26 }, (_, i) => ({ name: `choice ${i}`, value: `${i}` }));
      await interaction.respond(choices).catch((error: unknown) => (failure = error));
    });
    const handle = discord.autocomplete({ name: 'ask', options: { question: 'x' }, focused: 'question' });
    await expect(handle.firstResponse(100)).rejects.toThrow(/no interaction callback for autocomplete \/ask .*rejected: .*50035/);
    expect(failure).toBeInstanceOf(DiscordAPIError);
    expect((failure as DiscordAPIError).code).toBe(50035);
  });

  it('delivers a button press on the message it was on and records the type 7 update', async () => {
    bot.handle(async (interaction) => {
      if (interaction.isChatInputCommand()) {
        const row = new ActionRowBuilder<ButtonBuilder>().addComponents(
          new ButtonBuilder().setCustomId('more:1').setLabel('More').setStyle(ButtonStyle.Secondary),
        );
        await interaction.reply({ content: 'Page 1', components: [row], allowedMentions: { parse: [] } });
      } else if (interaction.isButton()) {
        await interaction.update({ content: `Page 2 (from ${interaction.message.id}, ${interaction.customId})`, components: [] });
      }
    });
    const ask = discord.command({ name: 'ask', options: { question: 'More?' } });
    await ask.firstResponse();
    const message = ask.originalMessage!;
    const press = discord.pressButton({ customId: 'more:1', message });
    expect(await press.firstResponse()).toMatchObject({
      type: InteractionResponseType.UpdateMessage,
      data: { content: `Page 2 (from ${message.id}, more:1)`, components: [] },
    });
    expect(press.originalMessage).toMatchObject({ id: message.id, content: `Page 2 (from ${message.id}, more:1)` });
    expect(() => discord.pressButton({ customId: 'missing', message })).toThrow(/no button with custom_id "missing"/);
  });

  it('tells a moderator (Manage Guild role) from a plain member', async () => {
    const seen: { user: string; manageGuild: boolean | undefined; roles: string[] }[] = [];
    bot.handle(async (interaction) => {
      if (!interaction.isChatInputCommand() || !interaction.inCachedGuild()) return;
      seen.push({
        user: interaction.user.username,
        manageGuild: interaction.memberPermissions.has(PermissionFlagsBits.ManageGuild),
        roles: [...interaction.member.roles.cache.keys()].filter((id) => id !== interaction.guildId),
      });
      await interaction.reply({ content: 'ok', allowedMentions: { parse: [] } });
    });
    await discord.command({ name: 'ask', options: { question: 'a' }, user: { id: '501', username: 'mod' }, roles: [moderatorRoleId] }).firstResponse();
    await discord.command({ name: 'ask', options: { question: 'b' }, user: { id: '502', username: 'member' } }).firstResponse();
    await discord
      .command({ name: 'ask', options: { question: 'c' }, user: { id: '503', username: 'admin' }, permissions: PermissionFlagsBits.Administrator })
      .firstResponse();
    expect(seen).toEqual([
      { user: 'mod', manageGuild: true, roles: [moderatorRoleId] },
      { user: 'member', manageGuild: false, roles: [] },
      { user: 'admin', manageGuild: true, roles: [] },
    ]);
  });

  it('rejects a second acknowledgement and a 2001-character reply as Discord does', async () => {
    const failures: unknown[] = [];
    bot.handle(async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      await interaction.reply({ content: 'x'.repeat(2001) }).catch((error: unknown) => failures.push(error));
      await interaction.reply({ content: 'short' });
      // discord.js refuses a second reply itself, so send it the raw way to reach the server.
      const again = { type: InteractionResponseType.ChannelMessageWithSource, data: { content: 'again' } };
      await interaction.client.rest
        .post(Routes.interactionCallback(interaction.id, interaction.token), { body: again, auth: false })
        .catch((error: unknown) => failures.push(error));
    });
    const handle = discord.command({ name: 'ask', options: { question: 'long' } });
    expect(await handle.firstResponse()).toMatchObject({ data: { content: 'short' } });
    await expect.poll(() => failures.length).toBe(2);
    expect(failures.map((failure) => (failure as DiscordAPIError).code)).toEqual([50035, 40060]);
  });

  it('answers with_response=true, serves and deletes @original, and parses a multipart reply with a file', async () => {
    let callbackMessageId: string | undefined;
    let fetchedContent: string | undefined;
    bot.handle(async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      const response = await interaction.reply({
        content: 'Sources attached.',
        files: [{ attachment: Buffer.from('outlet,title\n'), name: 'sources.csv' }],
        allowedMentions: { parse: [] },
        withResponse: true,
      });
      callbackMessageId = response.resource?.message?.id;
      fetchedContent = (await interaction.fetchReply()).content;
      await interaction.deleteReply();
    });
    const handle = discord.command({ name: 'ask', options: { question: 'Files?' } });
    expect(await handle.firstResponse()).toMatchObject({ data: { content: 'Sources attached.' } });
    const callback = handle.responses[0];
    expect(callback?.kind === 'callback' && callback.withResponse).toBe(true);
    expect(callback?.files.map((file) => [file.name, file.data.toString()])).toEqual([['sources.csv', 'outlet,title\n']]);
    await expect.poll(() => handle.responses.at(-1)?.kind).toBe('delete');
    expect(callbackMessageId).toMatch(/^\d+$/);
    expect(handle.responses.at(-1)).toMatchObject({ kind: 'delete', messageId: callbackMessageId });
    expect(fetchedContent).toBe('Sources attached.');
  });

  it('delivers a command sent in a DM with the user and no member', async () => {
    let seen: { inGuild: boolean; user: string; channelId: string | null } | undefined;
    bot.handle(async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      seen = { inGuild: interaction.inGuild(), user: interaction.user.id, channelId: interaction.channelId };
      await interaction.reply({ content: 'dm', allowedMentions: { parse: [] } });
    });
    const handle = discord.command({ name: 'ask', guildId: null, user: { id: '777', username: 'dm-user' } });
    await handle.firstResponse();
    expect(seen).toEqual({ inGuild: false, user: '777', channelId: handle.originalMessage?.channel_id });
  });

  it('lets the client resume after a dropped connection and keeps delivering interactions', async () => {
    discord.dropConnection(0);
    await expect.poll(() => discord.resumes).toBe(1);
    bot.handle(async (interaction) => {
      if (interaction.isChatInputCommand()) await interaction.reply({ content: 'back', allowedMentions: { parse: [] } });
    });
    expect(await discord.command({ name: 'ask' }).firstResponse()).toMatchObject({ data: { content: 'back' } });
    expect(discord.identifies).toHaveLength(1);
  });

  it('records calls to routes it does not know as unexpected 404s', async () => {
    await expect(bot.client.rest.get(Routes.channel('123'))).rejects.toMatchObject({ status: 404 });
    expect(discord.unexpectedCalls).toEqual([expect.objectContaining({ method: 'GET', path: '/channels/123', status: 404 })]);
    expect(bot.errors).toEqual([]);
  });
});

describe('loopback Discord server with two shards', () => {
  it('answers /gateway/bot with two shards, readies each with its own guilds and routes interactions by guild', async () => {
    const discord = await startDiscordServer({ token: TOKEN, shardCount: 2, guilds: [{ name: 'Even' }, { name: 'Odd' }] });
    const bot = await connectBot(discord, { shards: [0, 1], shardCount: 2 });
    try {
      await discord.waitForIdentify(2);
      expect(discord.guilds.map((guild) => guild.shardId)).toEqual([0, 1]);
      expect(discord.identifies.map((entry) => entry.shard).sort()).toEqual([
        [0, 2],
        [1, 2],
      ]);
      const gatewayBot = await bot.client.rest.get(Routes.gatewayBot());
      expect(gatewayBot).toMatchObject({ shards: 2 });
      const shardOf = new Map<string, number>();
      bot.handle(async (interaction) => {
        if (!interaction.isChatInputCommand() || !interaction.inCachedGuild()) return;
        shardOf.set(interaction.guild.name, interaction.guild.shardId);
        await interaction.reply({ content: interaction.guild.name, allowedMentions: { parse: [] } });
      });
      for (const guild of discord.guilds) {
        expect(await discord.command({ name: 'ask', guildId: guild.id }).firstResponse()).toMatchObject({ data: { content: guild.name } });
      }
      expect(Object.fromEntries(shardOf)).toEqual({ Even: 0, Odd: 1 });
    } finally {
      await bot.client.destroy();
      await discord.close();
    }
  });
});

describe('loopback Discord server authentication', () => {
  it('refuses a client with the wrong token', async () => {
    const discord = await startDiscordServer({ token: TOKEN });
    const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: discord.apiUrl } });
    try {
      await expect(client.login('wrong-token.loopback.0')).rejects.toThrow();
      expect(discord.calls).toEqual([expect.objectContaining({ path: '/gateway/bot', status: 401, authorized: false })]);
      expect(discord.identifies).toEqual([]);
    } finally {
      await client.destroy();
      await discord.close();
    }
  });

  it('closes the gateway with 4004 on an IDENTIFY with the wrong token', async () => {
    const discord = await startDiscordServer({ token: TOKEN });
    try {
      const socket = new WebSocket(`${discord.gatewayUrl}?v=10&encoding=json`);
      const hello = await new Promise<{ op: number; d: { heartbeat_interval: number } }>((resolve) =>
        socket.once('message', (raw) => resolve(JSON.parse(String(raw)))),
      );
      expect(hello).toMatchObject({ op: 10, d: { heartbeat_interval: 41_250 } });
      const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
      socket.send(JSON.stringify({ op: 2, d: { token: 'wrong', intents: 1, properties: {} } }));
      expect(await closed).toBe(4004);
    } finally {
      await discord.close();
    }
  });
});
