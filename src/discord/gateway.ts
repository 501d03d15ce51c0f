import {
  Client,
  DiscordAPIError,
  GatewayCloseCodes,
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
import { connectionFailure } from './rest.ts';

/** What the gateway bot needs to connect. */
export interface GatewayOptions {
  token: string;
  /** REST base, e.g. a proxy or a local test server; Discord's own when undefined. */
  apiUrl?: string;
  dispatcher: Dispatcher;
  logger: Logger;
  /**
   * Called when Discord closes the gateway for good (a revoked token, invalid intents...), with one
   * line saying why: discord.js does not reconnect then, and the process would otherwise end with 0.
   */
  onFatalClose?: (reason: string) => void;
}

/** Gateway close codes after which Discord will not take the connection back, and what the operator must do. */
const FATAL_CLOSES: ReadonlyMap<number, string> = new Map([
  [GatewayCloseCodes.AuthenticationFailed, 'DISCORD_TOKEN: Discord rejected the token (gateway close 4004): it was reset or revoked. Set the current token and restart.'],
  [GatewayCloseCodes.InvalidShard, 'Discord refused the shard (gateway close 4010): check TOTAL_SHARDS.'],
  [GatewayCloseCodes.ShardingRequired, 'Discord requires sharding (gateway close 4011): start with npm run start:sharded.'],
  [GatewayCloseCodes.InvalidAPIVersion, 'Discord refused the gateway API version (gateway close 4012): update discord.js.'],
  [GatewayCloseCodes.InvalidIntents, 'Discord refused the gateway intents (gateway close 4013).'],
  [GatewayCloseCodes.DisallowedIntents, 'Discord refused a privileged intent (gateway close 4014): enable it in the Developer Portal.'],
]);


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
    const request = { command: interaction.commandName, options, invoker, guildId: interaction.guildId };
    if (interaction.isAutocomplete()) {
      const focused = interaction.options.getFocused(true);
      await dispatcher.autocomplete({ ...request, focused: { name: focused.name, value: String(focused.value) } }, responderFor(interaction));
    } else {
      await dispatcher.command(request, responderFor(interaction));
    }
  } else if (interaction.isMessageContextMenuCommand()) {
    const request = { command: interaction.commandName, options: { message: interaction.targetMessage.content }, invoker, guildId: interaction.guildId };
    await dispatcher.command(request, responderFor(interaction));
  } else if (interaction.isButton()) {
    await dispatcher.button({ customId: interaction.customId, invoker, embeds: interaction.message.embeds.map((embed) => embed.toJSON()) }, responderFor(interaction));
  }
}

/**
 * Connects to Discord's gateway and answers interactions until destroyed. Listeners are attached
 * before login, since the ready event can fire before login() resolves.
 */
export async function startGatewayBot({ token, apiUrl, dispatcher, logger, onFatalClose }: GatewayOptions): Promise<Client> {
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
  client.on(Events.ShardDisconnect, (event, shard) => {
    logger.warn({ code: event.code, shard }, 'gateway disconnected');
    const fatal = FATAL_CLOSES.get(event.code);
    if (fatal) onFatalClose?.(fatal);
  });
  try {
    await client.login(token);
  } catch (error) {
    await client.destroy();
    throw connectionFailure(error, apiUrl);
  }
  await ready;
  return client;
}
