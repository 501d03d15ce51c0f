/**
 * The one interaction model: Discord's raw interaction (`APIInteraction`, as the gateway's
 * INTERACTION_CREATE and the HTTP endpoint's verified body both carry it) becomes the engine's
 * request here, and the engine's answers become Discord's interaction responses here. A transport
 * only brings the payload and carries the answers (`InteractionChannel`), so adding an interaction
 * kind touches this module and the command that handles it, never a transport.
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
import type { AutocompleteRequest, ButtonRequest, CommandRequest, Invoker, OptionValue, Reply } from './command.ts';
import type { AutocompleteResponder, ButtonResponder, CommandResponder, Dispatcher } from './dispatcher.ts';
import type { MessagePayload } from './message.ts';

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
  switch (interaction.type) {
    case InteractionType.ApplicationCommand: {
      const { data } = interaction;
      if (data.type === ApplicationCommandType.ChatInput) return { kind: 'command', request: { command: data.name, options: optionValues(data.options), invoker, guildId } };
      // A message menu command reads the message it was used on as its option `message`; HTTP bodies are checked for the envelope only, hence `?.`.
      if (data.type === ApplicationCommandType.Message) {
        return { kind: 'command', request: { command: data.name, options: { message: data.resolved?.messages?.[data.target_id]?.content ?? '' }, invoker, guildId } };
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
function optionValues(options: readonly APIApplicationCommandInteractionDataOption[] = []): Record<string, OptionValue> {
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

/** Serves a request through the dispatcher with the responder of its kind: the one switch over interaction kinds. */
export async function serveRequest(request: MemberRequest, dispatcher: Dispatcher, channel: InteractionChannel): Promise<void> {
  switch (request.kind) {
    case 'command':
      return dispatcher.command(request.request, commandResponder(channel));
    case 'autocomplete':
      return dispatcher.autocomplete(request.request, autocompleteResponder(channel));
    case 'button':
      return dispatcher.button(request.request, buttonResponder(channel));
  }
}
