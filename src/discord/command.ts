import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  InteractionContextType,
  type APIApplicationCommandBasicOption,
  type APIEmbed,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
  type RESTPostAPIContextMenuApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import type { Library } from '../search/library.ts';
import type { FeedbackRecorder } from '../store/recorder.ts';
import type { LastQuestions } from './last-questions.ts';
import { textMessage, type MessagePayload } from './message.ts';

/** Where members' commands can be used: in a server, and in a DM with the bot. Set explicitly, so no Discord default decides. */
export const MEMBER_CONTEXTS = [InteractionContextType.Guild, InteractionContextType.BotDM] as const;
/** Where moderators' commands can be used: only in a server, where moderators exist. */
export const GUILD_CONTEXT = [InteractionContextType.Guild] as const;

/** A slash-command option value as Discord delivers it. */
export type OptionValue = string | number | boolean;
/** Option values by name, as a transport delivers them, before they are read against the command's definition. */
export type RawOptions = Record<string, OptionValue>;

/** What a handler receives for each option type newsdesk declares. */
interface OptionValueOf {
  [ApplicationCommandOptionType.String]: string;
  [ApplicationCommandOptionType.Integer]: number;
  [ApplicationCommandOptionType.Number]: number;
  [ApplicationCommandOptionType.Boolean]: boolean;
}

/** An option a slash command declares, as registered; definitions are declared `as const`, hence read-only. */
export type DeclaredOption = Readonly<Extract<APIApplicationCommandBasicOption, { type: keyof OptionValueOf }>>;

/** A slash command's registration JSON, with its options' names and types known to the compiler. */
export type SlashDefinition = Readonly<Omit<RESTPostAPIChatInputApplicationCommandsJSONBody, 'options' | 'contexts'>> & {
  readonly options?: readonly DeclaredOption[];
  readonly contexts?: readonly InteractionContextType[];
};
/** A context-menu command's registration JSON. */
export type MenuDefinition = Readonly<Omit<RESTPostAPIContextMenuApplicationCommandsJSONBody, 'contexts'>> & { readonly contexts?: readonly InteractionContextType[] };
/** What a command registers with Discord. */
export type CommandDefinition = SlashDefinition | MenuDefinition;

/** The option a message menu command reads: the text of the message it was used on (absent when it has none). */
export const MESSAGE_OPTION = { type: ApplicationCommandOptionType.String, name: 'message', description: 'The text of the message the menu was used on' } as const;

/** The arguments named by declared options: required ones always present, the others when given. */
export type ArgumentsOfOptions<O extends DeclaredOption> = { [K in Extract<O, { required: true }> as K['name']]: OptionValueOf[K['type']] } & {
  [K in Exclude<O, { required: true }> as K['name']]?: OptionValueOf[K['type']];
};

/**
 * A command's arguments as its handler reads them, derived from its definition: each declared
 * option by name, typed by its option type, so renaming an option fails to compile.
 */
export type ArgumentsOf<D extends CommandDefinition> = D extends { type: ApplicationCommandType.Message }
  ? ArgumentsOfOptions<typeof MESSAGE_OPTION>
  : D extends { options: readonly (infer O extends DeclaredOption)[] }
    ? ArgumentsOfOptions<O>
    : Record<never, never>;

/** Who is acting: enough to check permissions and cooldowns, whatever the transport. */
export interface Invoker {
  id: string;
  /** The member's guild permissions; null outside a guild (in DMs). */
  permissions: bigint | null;
  roleIds: readonly string[];
}

/**
 * A slash command as the engine sees it, from Discord, the HTTP endpoint or the console: its
 * options as delivered (`RawOptions`), or, as its handler receives them, its typed arguments.
 */
export interface CommandRequest<Options = RawOptions> {
  command: string;
  options: Readonly<Options>;
  invoker: Invoker;
  /** The guild it was used in; null or absent in DMs and the console. */
  guildId?: string | null;
  /** The channel it was used in, where a member's follow-up questions belong; null or absent in the console. */
  channelId?: string | null;
}

/** An autocomplete request: the option being typed and what is typed so far. */
export interface AutocompleteRequest extends CommandRequest {
  focused: { name: string; value: string };
}

/** A press of one of the bot's buttons. */
export interface ButtonRequest {
  customId: string;
  invoker: Invoker;
  /** Embeds of the message the button is on: where a button keeps its state, so any process can serve the press. */
  embeds: readonly APIEmbed[];
}

/** What a command answers, and whether only the invoker sees it. */
export interface Reply {
  message: MessagePayload;
  ephemeral: boolean;
}

/** What a button press does: replace the message it was on, or answer the presser alone. */
export type ButtonOutcome = { kind: 'update'; message: MessagePayload } | { kind: 'reply'; reply: Reply };

/** An autocomplete suggestion. */
export interface Choice {
  name: string;
  value: string;
}

/** A short note only the invoker sees. */
export function ephemeralText(text: string): Reply {
  return { message: textMessage(text), ephemeral: true };
}

/** What every handler may use. */
export interface CommandContext {
  library: Library;
  /** Roles whose members may run moderator commands besides those with Manage Server. */
  moderatorRoleIds: readonly string[];
  /** Every registered command, for /help. */
  commands: readonly Command[];
  /** The process /reload reaches when the bot runs as several (an HTTP replica, a shard); absent for one process. */
  reloadScope?: 'replica' | 'shard';
  now: () => number;
  /** Records /ask and its feedback votes, and reads /gaps; absent when recording is off. */
  feedback?: FeedbackRecorder;
  /** The last questions of each member in each channel, which /ask reads a follow-up through; absent, every question is read on its own. */
  lastQuestions?: LastQuestions;
}

/** One command: its registration JSON and its handlers, which receive the arguments its definition declares. */
export interface Command<D extends CommandDefinition = CommandDefinition> {
  /** A slash command, or a message context-menu command (whose request carries the message text as option `message`). */
  definition: D;
  /** An example invocation, shown by /help (for a menu command, how to reach it and what it does). */
  example: string;
  /** Set for work that may outlast Discord's 3-second window: the reply is deferred, then edited. */
  deferred?: { ephemeral: boolean };
  /** Set for commands subject to the per-user cooldown. */
  cooldown?: boolean;
  /** Answers the command; the dispatcher calls it with `readArguments`, which reads exactly the options `D` declares. */
  execute(request: CommandRequest<ArgumentsOf<D>>, context: CommandContext): Reply | Promise<Reply>;
  autocomplete?(request: AutocompleteRequest, context: CommandContext): Choice[];
  /** Handles buttons whose custom_id starts with `<command name>:`. */
  press?(request: ButtonRequest, context: CommandContext): ButtonOutcome;
}

/** A slash command, as opposed to a context-menu one: the only kind typed, and the only kind with options. */
export function isSlashCommand(command: Command): command is Command<SlashDefinition> {
  return isSlashDefinition(command.definition);
}

/** Whether a definition registers a slash command (the type Discord assumes when none is given). */
export function isSlashDefinition(definition: CommandDefinition): definition is SlashDefinition {
  return definition.type === undefined || definition.type === ApplicationCommandType.ChatInput;
}

/**
 * A failure whose reason the invoker may read (a moderator's failed reload): logged under a
 * reference like any failure, and its message shown with that reference.
 */
export class ShownFailure extends Error {}

/** A user-facing problem with an option (a malformed date...): answered with a short ephemeral note. */
export class OptionError extends Error {}
