/**
 * The one interaction model: Discord's raw interaction (`APIInteraction`, as the gateway's
 * INTERACTION_CREATE and the HTTP endpoint's verified body both carry it) becomes the engine's
 * request here, and the engine's answers become Discord's interaction responses here. A transport
 * only brings the payload and carries the answers (`InteractionChannel`), so adding an interaction
 * kind touches this module and the command that handles it, never a transport. What a payload
 * must hold to be read is checked here too, beside the code that reads it, for both transports.
 */
import {
  ApplicationCommandType,
  ComponentType,
  InteractionResponseType,
  InteractionType,
  MessageFlags,
  Routes,
  type APIApplicationCommandInteractionDataOption,
  type APIInteraction,
  type APIInteractionResponse,
} from 'discord-api-types/v10';
import type { REST } from 'discord.js';
import { z } from 'zod';
import { ephemeralText, type AutocompleteRequest, type ButtonRequest, type CommandRequest, type Invoker, type RawOptions, type Reply } from './command.ts';
import type { AutocompleteResponder, ButtonResponder, CommandResponder, Dispatcher } from './dispatcher.ts';
import type { MessagePayload } from './message.ts';

const Id = z.string().min(1);
/** A guild member as newsdesk reads them: who, with which roles, and their permissions as a decimal bit set. */
const Member = z.looseObject({ user: z.looseObject({ id: Id }), roles: z.array(z.string()), permissions: z.string().regex(/^\d+$/) });
/** Who acted: a member in a guild, or a user in DMs. A member that is there is read, so a malformed one is refused even beside a user. */
const Actor = z.union([z.looseObject({ member: Member }), z.looseObject({ member: z.never().optional(), user: z.looseObject({ id: Id }) })]);
/** What an answer needs: the interaction's id and token, and its application for the webhook edit; and the guild and channel it came from. */
const Answerable = z.looseObject({ id: Id, application_id: Id, token: Id, guild_id: z.string().optional(), channel: z.looseObject({ id: Id }).optional(), channel_id: z.string().optional() }).and(Actor);
/** A command option with the value a handler may read (subcommands carry none); `focused` marks the one being typed. */
const Option = z.looseObject({ name: z.string(), type: z.number().int(), value: z.union([z.string(), z.number(), z.boolean()]).optional(), focused: z.boolean().optional() });
const CommandData = { name: Id, type: z.number().int() };
/** The messages a message menu command was used on, by id: the target's text is the command's `message` option. */
const ResolvedMessages = z.looseObject({ messages: z.record(z.string(), z.looseObject({ content: z.string() })).optional() });
/** The embeds of the message a button is on, whose fields hold a paged result's state (paging.ts). */
const ButtonMessage = z.looseObject({ embeds: z.array(z.looseObject({ fields: z.array(z.looseObject({ name: z.string(), value: z.string() })).optional() })) });

/**
 * Every part of an interaction `requestOf` reads, checked; every other field is left untouched.
 * A kind missing here is refused before it is read.
 */
const Envelope = z.union([
  z.looseObject({ type: z.literal(InteractionType.Ping) }),
  z
    .looseObject({
      type: z.literal(InteractionType.ApplicationCommand),
      data: z.looseObject({ ...CommandData, options: z.array(Option).optional(), target_id: z.string().optional(), resolved: ResolvedMessages.optional() }),
    })
    .and(Answerable),
  z.looseObject({ type: z.literal(InteractionType.ApplicationCommandAutocomplete), data: z.looseObject({ ...CommandData, options: z.array(Option) }) }).and(Answerable),
  z
    .looseObject({
      type: z.literal(InteractionType.MessageComponent),
      data: z.looseObject({ custom_id: z.string(), component_type: z.number().int() }),
      message: ButtonMessage.optional(),
    })
    .and(Answerable),
]);
/** A body that passes the envelope check, typed by the interaction Discord documents: nothing `requestOf` reads is left unchecked. */
const InteractionBody = z.custom<APIInteraction>((body) => Envelope.safeParse(body).success);

/** The interaction a payload holds (an HTTP body's JSON, a gateway event's data), or the first part of it newsdesk cannot read. */
export function readInteraction(json: unknown): { interaction: APIInteraction } | { problem: string } {
  const read = InteractionBody.safeParse(json);
  if (read.success) return { interaction: read.data };
  // The custom check only says no: the envelope, checked again, names the part that did not fit.
  return { problem: Envelope.safeParse(json).error?.issues[0]?.message ?? 'invalid' };
}

/** An interaction as the engine serves it, whatever transport brought it. */
export type InteractionRequest =
  | { kind: 'ping' }
  | { kind: 'command'; request: CommandRequest }
  | { kind: 'autocomplete'; request: AutocompleteRequest }
  | { kind: 'button'; request: ButtonRequest }
  /** A kind newsdesk registers nothing for (a user menu, a select menu, a modal), or one with no one acting. */
  | { kind: 'unsupported'; reason: string };

/** A request a member made: what the dispatcher serves. */
export type MemberRequest = Extract<InteractionRequest, { kind: 'command' | 'autocomplete' | 'button' }>;

/** What the engine reads of an interaction: what it is, who acted, where, and with what. */
export function requestOf(interaction: APIInteraction): InteractionRequest {
  if (interaction.type === InteractionType.Ping) return { kind: 'ping' };
  const invoker = invokerOf(interaction);
  if (!invoker) return { kind: 'unsupported', reason: 'neither member nor user' };
  const guildId = interaction.guild_id ?? null;
  // Discord sends the channel whole; `channel_id` is what older payloads carry.
  const channelId = interaction.channel?.id ?? interaction.channel_id ?? null;
  switch (interaction.type) {
    case InteractionType.ApplicationCommand: {
      const { data } = interaction;
      if (data.type === ApplicationCommandType.ChatInput) return { kind: 'command', request: { command: data.name, options: optionValues(data.options), invoker, guildId, channelId } };
      // A message menu command reads the message it was used on as its option `message`; a checked body may still lack it, hence `?.`.
      if (data.type === ApplicationCommandType.Message) {
        return { kind: 'command', request: { command: data.name, options: { message: data.resolved?.messages?.[data.target_id]?.content ?? '' }, invoker, guildId, channelId } };
      }
      return { kind: 'unsupported', reason: `application command type ${data.type}` };
    }
    case InteractionType.ApplicationCommandAutocomplete: {
      const { data } = interaction;
      const focused = data.options.find((option) => 'focused' in option && option.focused === true);
      return {
        kind: 'autocomplete',
        request: {
          command: data.name,
          options: optionValues(data.options),
          invoker,
          guildId,
          focused: { name: focused?.name ?? '', value: focused && 'value' in focused ? String(focused.value) : '' },
        },
      };
    }
    case InteractionType.MessageComponent: {
      if (interaction.data.component_type !== ComponentType.Button) return { kind: 'unsupported', reason: `component type ${interaction.data.component_type}` };
      // A button keeps its state in the message it is on (paging.ts); a body without one has nothing to page.
      return { kind: 'button', request: { customId: interaction.data.custom_id, invoker, embeds: interaction.message?.embeds ?? [] } };
    }
    case InteractionType.ModalSubmit:
      return { kind: 'unsupported', reason: 'modal submit' };
  }
}

/** Who acted: the member in a guild (with their permissions and roles), the user in DMs. */
function invokerOf(interaction: Exclude<APIInteraction, { type: InteractionType.Ping }>): Invoker | null {
  const { member } = interaction;
  const user = member?.user ?? interaction.user;
  if (!user) return null;
  return { id: user.id, permissions: member ? BigInt(member.permissions) : null, roleIds: member?.roles ?? [] };
}

/** Option values by name; subcommands and their groups carry no value and newsdesk declares none. */
function optionValues(options: readonly APIApplicationCommandInteractionDataOption[] = []): RawOptions {
  return Object.fromEntries(options.flatMap((option) => ('value' in option ? [[option.name, option.value]] : [])));
}

/** How one interaction's answers travel: the only part of answering that differs between transports. */
export interface InteractionChannel {
  /** Sends the interaction's first answer, its callback. */
  callback(body: APIInteractionResponse): Promise<void>;
  /** Replaces the original response: the answer that follows a defer. */
  editOriginal(message: MessagePayload): Promise<void>;
}

/** Edits the original response through the interaction's webhook, as both transports do after a defer. */
export async function editOriginalResponse(rest: REST, interaction: { application_id: string; token: string }, message: MessagePayload): Promise<void> {
  await rest.patch(Routes.webhookMessage(interaction.application_id, interaction.token, '@original'), { body: message, auth: false });
}

/** A reply as Discord's callback: a new message, flagged ephemeral when only the invoker should see it. */
function replyCallback({ message, ephemeral }: Reply): APIInteractionResponse {
  return { type: InteractionResponseType.ChannelMessageWithSource, data: { ...message, ...(ephemeral && { flags: MessageFlags.Ephemeral }) } };
}

/** Answers a command: a reply, or a defer and then an edit of the original response. */
export function commandResponder(channel: InteractionChannel): CommandResponder {
  return {
    reply: (reply) => channel.callback(replyCallback(reply)),
    defer: (ephemeral) => channel.callback({ type: InteractionResponseType.DeferredChannelMessageWithSource, data: ephemeral ? { flags: MessageFlags.Ephemeral } : {} }),
    editReply: (message) => channel.editOriginal(message),
  };
}

/** Answers an autocomplete request with its choices. */
export function autocompleteResponder(channel: InteractionChannel): AutocompleteResponder {
  return { choices: (choices) => channel.callback({ type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices } }) };
}

/** Answers a button press: a reply to the presser, or the message it was on replaced. */
export function buttonResponder(channel: InteractionChannel): ButtonResponder {
  return {
    reply: (reply) => channel.callback(replyCallback(reply)),
    update: (message) => channel.callback({ type: InteractionResponseType.UpdateMessage, data: message }),
  };
}

/** What serves members' requests, one method per kind: the dispatcher, or `loadingServer` before it exists. */
export type RequestServer = Pick<Dispatcher, 'command' | 'autocomplete' | 'button'>;

const LOADING_NOTE = ephemeralText('newsdesk is still loading the coverage. Try again in a minute.');

/** Answers while the corpus loads: no suggestions, and a note for anything else. */
export const loadingServer: RequestServer = {
  command: (_request, responder) => responder.reply(LOADING_NOTE),
  autocomplete: (_request, responder) => responder.choices([]),
  button: (_request, responder) => responder.reply(LOADING_NOTE),
};

/** Serves a request with the responder of its kind: the one switch over interaction kinds. */
export async function serveRequest(request: MemberRequest, server: RequestServer, channel: InteractionChannel): Promise<void> {
  switch (request.kind) {
    case 'command':
      return server.command(request.request, commandResponder(channel));
    case 'autocomplete':
      return server.autocomplete(request.request, autocompleteResponder(channel));
    case 'button':
      return server.button(request.request, buttonResponder(channel));
  }
}
