import {
  Client,
  DiscordAPIError,
  RESTJSONErrorCodes,
  Events,
  GatewayIntentBits,
  MessageFlags,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  type MessageContextMenuCommandInteraction,
} from 'discord.js';
import type { Logger } from '../log.ts';
import type { Invoker, OptionValue } from './command.ts';
import type { Dispatcher, Responder } from './dispatcher.ts';
import type { MessagePayload } from './message.ts';

/** What the gateway bot needs to connect. */
export interface GatewayOptions {
  token: string;
  /** REST base, e.g. a proxy or a local test server; Discord's own when undefined. */
  apiUrl?: string;
  dispatcher: Dispatcher;
  logger: Logger;
}

/** The message in discord.js's option shape; mentions stay disabled whatever the text says. */
function toDiscordJs(message: MessagePayload) {
  return { content: message.content, embeds: message.embeds, components: message.components, allowedMentions: { parse: [] } };
}

function invokerOf(interaction: Interaction): Invoker {
  const roles = interaction.member?.roles;
  return {
    id: interaction.user.id,
    permissions: interaction.memberPermissions?.bitfield ?? null,
    roleIds: Array.isArray(roles) ? roles : roles ? [...roles.cache.keys()] : [],
  };
}

/**
 * Runs an interaction callback, counting Discord's 40060 (already acknowledged) as done: it comes
 * when Discord took the callback but its response was lost and discord.js sent it again.
 */
async function acknowledge(callback: () => Promise<unknown>): Promise<void> {
  try {
    await callback();
  } catch (error) {
    if (!(error instanceof DiscordAPIError && error.code === RESTJSONErrorCodes.InteractionHasAlreadyBeenAcknowledged)) throw error;
  }
}

function responderFor(interaction: ChatInputCommandInteraction | MessageContextMenuCommandInteraction | ButtonInteraction | AutocompleteInteraction): Responder {
  const repliable = interaction as ChatInputCommandInteraction | ButtonInteraction;
  return {
    reply: async ({ message, ephemeral }) => {
      await acknowledge(() => repliable.reply({ ...toDiscordJs(message), ...(ephemeral && { flags: MessageFlags.Ephemeral }) }));
    },
    defer: async (ephemeral) => {
      await acknowledge(() => repliable.deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {}));
    },
    editReply: async (message) => {
      // Through the webhook: after a 40060, discord.js never marked the interaction deferred and its editReply would refuse.
      await repliable.webhook.editMessage('@original', toDiscordJs(message));
    },
    update: async (message) => {
      await acknowledge(() => (interaction as ButtonInteraction).update(toDiscordJs(message)));
    },
    choices: async (choices) => {
      await (interaction as AutocompleteInteraction).respond(choices);
    },
  };
}

/** Routes one gateway interaction to the dispatcher. */
async function route(interaction: Interaction, dispatcher: Dispatcher): Promise<void> {
  const invoker = invokerOf(interaction);
  if (interaction.isChatInputCommand() || interaction.isAutocomplete()) {
    const options: Record<string, OptionValue> = {};
    for (const option of interaction.options.data) if (option.value !== undefined) options[option.name] = option.value;
    const request = { command: interaction.commandName, options, invoker };
    if (interaction.isAutocomplete()) {
      const focused = interaction.options.getFocused(true);
      await dispatcher.autocomplete({ ...request, focused: { name: focused.name, value: String(focused.value) } }, responderFor(interaction));
    } else {
      await dispatcher.command(request, responderFor(interaction));
    }
  } else if (interaction.isMessageContextMenuCommand()) {
    const request = { command: interaction.commandName, options: { message: interaction.targetMessage.content }, invoker };
    await dispatcher.command(request, responderFor(interaction));
  } else if (interaction.isButton()) {
    await dispatcher.button({ customId: interaction.customId, invoker, embeds: interaction.message.embeds.map((embed) => embed.toJSON()) }, responderFor(interaction));
  }
}

/**
 * Connects to Discord's gateway and answers interactions until destroyed. Listeners are attached
 * before login, since the ready event can fire before login() resolves.
 */
export async function startGatewayBot({ token, apiUrl, dispatcher, logger }: GatewayOptions): Promise<Client> {
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: { parse: [] },
    ...(apiUrl && { rest: { api: apiUrl } }),
  });
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  client.on(Events.ClientReady, (c) => logger.info({ user: c.user.tag, guilds: c.guilds.cache.size }, 'connected to Discord'));
  client.on(Events.InteractionCreate, (interaction) => {
    route(interaction, dispatcher).catch((error: unknown) => logger.error({ err: error }, 'interaction routing failed'));
  });
  client.on(Events.Error, (error) => logger.error({ err: error }, 'discord client error'));
  client.on(Events.ShardDisconnect, (event, shard) => logger.warn({ code: event.code, shard }, 'gateway disconnected'));
  await client.login(token);
  await ready;
  return client;
}
