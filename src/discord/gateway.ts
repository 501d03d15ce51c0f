import { Client, DiscordAPIError, GatewayCloseCodes, RESTJSONErrorCodes, Events, GatewayIntentBits, type REST } from 'discord.js';
import { GatewayDispatchEvents, Routes, type APIInteraction } from 'discord-api-types/v10';
import type { Logger } from '../log.ts';
import type { Dispatcher } from './dispatcher.ts';
import { editOriginalResponse, readInteraction, requestOf, serveRequest, type InteractionChannel } from './interaction.ts';
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

/**
 * Runs an interaction callback, taking Discord's 40060 (already acknowledged) for done: it comes
 * when Discord took the callback but its response was lost and the REST client sent it again.
 */
async function acknowledge(callback: () => Promise<unknown>): Promise<void> {
  try {
    await callback();
  } catch (error) {
    if (!(error instanceof DiscordAPIError && error.code === RESTJSONErrorCodes.InteractionHasAlreadyBeenAcknowledged)) throw error;
  }
}

/** Answers over REST: the callback endpoint first, then the interaction's webhook. */
function gatewayChannel(interaction: APIInteraction, rest: REST): InteractionChannel {
  return {
    callback: (body) => acknowledge(() => rest.post(Routes.interactionCallback(interaction.id, interaction.token), { body, auth: false })),
    editOriginal: (message) => editOriginalResponse(rest, interaction, message),
  };
}

/**
 * Serves one raw INTERACTION_CREATE payload, checked like an HTTP body (discord.js hands raw
 * payloads over untyped). Kinds newsdesk registers nothing for are left unanswered; PINGs only
 * ever come to an HTTP endpoint.
 */
async function route(payload: unknown, dispatcher: Dispatcher, rest: REST, logger: Logger): Promise<void> {
  const read = readInteraction(payload);
  if ('problem' in read) return void logger.warn({ problem: read.problem }, 'unreadable interaction ignored');
  const { interaction } = read;
  const request = requestOf(interaction);
  if (request.kind === 'unsupported' || request.kind === 'ping') return void logger.debug({ kind: request.kind }, 'interaction ignored');
  await serveRequest(request, dispatcher, gatewayChannel(interaction, rest));
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
  // The raw payload, not discord.js's Interaction: the HTTP endpoint receives the same one, and one module maps both.
  client.ws.on(GatewayDispatchEvents.InteractionCreate, (payload: unknown) => {
    route(payload, dispatcher, client.rest, logger).catch((error: unknown) => logger.error({ err: error }, 'interaction routing failed'));
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
