/**
 * A loopback Discord-compatible server for end-to-end tests of the bot with the real discord.js client:
 * REST under /api/v10 and a JSON gateway at /gateway on one HTTP server bound to 127.0.0.1.
 * It records every call, dispatches interactions to the right shard and rejects what Discord rejects
 * (message and autocomplete limits, double acknowledgements, late first responses, bad commands).
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket, type RawData } from 'ws';
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ChannelType,
  ComponentType,
  GatewayCloseCodes,
  GatewayDispatchEvents,
  GatewayOpcodes,
  InteractionResponseType,
  InteractionType,
  MessageFlags,
  MessageType,
  PermissionFlagsBits,
  type APIActionRowComponent,
  type APIApplicationCommand,
  type APIApplicationCommandInteractionDataOption,
  type APIApplicationCommandOption,
  type APICommandAutocompleteInteractionResponseCallbackData,
  type APIComponentInMessageActionRow,
  type APIEmbed,
  type APIInteractionDataResolved,
  type APIInteractionResponseCallbackData,
  type APIMessage,
  type APIMessageTopLevelComponent,
  type APIRole,
  type APIUser,
  type RoleFlags,
  type RESTPatchAPIWebhookWithTokenMessageJSONBody,
  type RESTPostAPIWebhookWithTokenJSONBody,
} from 'discord.js';

/** Options for {@link startDiscordServer}. */
export interface DiscordServerOptions {
  /** Bot token the client must present (REST `Authorization: Bot <token>` and gateway IDENTIFY). */
  token: string;
  /** Application id; also the bot user's id. Generated when omitted. */
  applicationId?: string;
  /** Bot user name. */
  botUsername?: string;
  /** Guilds the bot is in; one guild named "Newsroom" when omitted. */
  guilds?: GuildOptions[];
  /** Shard count announced by GET /gateway/bot and required in IDENTIFY; default 1. */
  shardCount?: number;
  /** HELLO heartbeat interval; default 41250 ms, as Discord. */
  heartbeatIntervalMs?: number;
  /** Time after dispatch within which the first interaction callback is accepted; default 3000 ms, as Discord. */
  initialResponseDeadlineMs?: number;
  /** Default timeout of the waiting helpers; default 5000 ms. */
  waitTimeoutMs?: number;
}

/** A guild to create; roles are added to @everyone. */
export interface GuildOptions {
  id?: string;
  name?: string;
  /** Extra roles, e.g. `{ name: 'Moderator', permissions: PermissionFlagsBits.ManageGuild }`. */
  roles?: { id?: string; name: string; permissions?: bigint }[];
}

/** A guild as the server serves it. */
export interface DiscordGuild {
  id: string;
  name: string;
  /** The shard (`(id >> 22) % shardCount`) whose socket receives this guild's events. */
  shardId: number;
  /** Its one text channel. */
  channelId: string;
  /** All roles, @everyone first (its id is the guild id). */
  roles: APIRole[];
  /** Role ids by role name, e.g. `roleIds.Moderator`. */
  roleIds: Record<string, string>;
}

/** One REST request as received. */
export interface RecordedCall {
  method: string;
  /** Path relative to /api/v10 as sent, so equal to discord.js `Routes.*()` (`@original` arrives as `%40original`). */
  path: string;
  query: Record<string, string>;
  /** Parsed JSON body (or multipart `payload_json`); undefined without a body. */
  body: unknown;
  files: UploadedFile[];
  /** Lower-cased request headers; the authorization value is replaced by `[redacted]`. */
  headers: Record<string, string>;
  /** Whether `Authorization: Bot <configured token>` was sent. */
  authorized: boolean;
  /** The route that handled it (e.g. `POST /interactions/:id/:token/callback`), or null when unknown (404). */
  route: string | null;
  status: number;
  /** Error body sent back for 4xx/5xx answers. */
  error?: DiscordErrorBody;
}

/** A file part of a multipart request. */
export interface UploadedFile {
  field: string;
  name: string;
  contentType: string;
  data: Buffer;
}

/** An IDENTIFY the gateway accepted. */
export interface RecordedIdentify {
  shard: [number, number];
  intents: number;
  sessionId: string;
}

/** Stored registered commands. */
export interface RegisteredCommands {
  global: APIApplicationCommand[];
  /** By guild id. */
  guild: Record<string, APIApplicationCommand[]>;
  /** Every bulk overwrite, in order. */
  overwrites: { guildId: string | null; body: unknown }[];
}

/** Where and as whom an interaction happens. */
export interface InteractionContext {
  /** Guild of the interaction; default the first guild; null for a DM with the bot. */
  guildId?: string | null;
  /** Default the guild's text channel (or a DM channel). */
  channelId?: string;
  /** The invoking user; default a plain member "reader". */
  user?: Partial<APIUser> & { id: string };
  /** Member role ids (guild only). */
  roles?: string[];
  /** Member permissions; default computed from @everyone and `roles` (Administrator grants all). */
  permissions?: bigint;
  /** User locale; default en-US. */
  locale?: string;
}

/** Option values by name (types taken from the registered command, else inferred), or raw API options. */
export type CommandOptions =
  | Record<string, string | number | boolean>
  | APIApplicationCommandInteractionDataOption[];

/** A slash-command invocation. */
export interface CommandInvocation extends InteractionContext {
  name: string;
  options?: CommandOptions;
  resolved?: APIInteractionDataResolved;
  /** Makes it a message context-menu command on this message id (its content given in `resolved.messages`). */
  targetId?: string;
}

/** An autocomplete request while the user types the `focused` option. */
export interface AutocompleteInvocation extends CommandInvocation {
  /** Name of the option being typed (record form of `options`). */
  focused?: string;
}

/** A button press. */
export interface ButtonPress extends InteractionContext {
  customId: string;
  /** The message the button is on (e.g. `handle.originalMessage`); default a bot message carrying that button. */
  message?: APIMessage;
}

/** Body of an interaction callback as the bot sent it. */
export interface InteractionCallbackBody {
  type: InteractionResponseType;
  data?: APIInteractionResponseCallbackData &
    Partial<APICommandAutocompleteInteractionResponseCallbackData> & { custom_id?: string; title?: string };
}

/** Something the bot did in answer to one interaction, in arrival order. */
export type InteractionResponse = {
  /** Milliseconds since the interaction was dispatched. */
  elapsedMs: number;
  files: UploadedFile[];
} & (
  | { kind: 'callback'; body: InteractionCallbackBody; withResponse: boolean }
  | { kind: 'edit'; messageId: string; body: RESTPatchAPIWebhookWithTokenMessageJSONBody }
  | { kind: 'followUp'; body: RESTPostAPIWebhookWithTokenJSONBody; message: APIMessage }
  | { kind: 'delete'; messageId: string }
);

/** A dispatched interaction and what the bot answered. */
export interface InteractionHandle {
  readonly id: string;
  readonly token: string;
  /** The INTERACTION_CREATE payload sent to the client. */
  readonly payload: Record<string, unknown>;
  /** Every accepted callback, edit, follow-up and deletion, in order. */
  readonly responses: readonly InteractionResponse[];
  /** The original response message as it stands now (after edits), if there is one. */
  readonly originalMessage: APIMessage | undefined;
  /** The interaction callback (type 4, 5, 6, 7, 8 or 9). */
  firstResponse(timeoutMs?: number): Promise<InteractionCallbackBody>;
  /** The next response of any kind not yet returned by this method. */
  nextResponse(timeoutMs?: number): Promise<InteractionResponse>;
  /** The next edit of a response message not yet returned by this method. */
  nextEdit(timeoutMs?: number): Promise<RESTPatchAPIWebhookWithTokenMessageJSONBody>;
  /** The next follow-up message not yet returned by this method. */
  nextFollowUp(timeoutMs?: number): Promise<RESTPostAPIWebhookWithTokenJSONBody>;
}

/** A running loopback server. */
export interface DiscordServer {
  /** Base for discord.js `rest.api` / the bot's DISCORD_API_URL, e.g. `http://127.0.0.1:PORT/api`. */
  readonly apiUrl: string;
  /** `ws://127.0.0.1:PORT/gateway`. */
  readonly gatewayUrl: string;
  readonly applicationId: string;
  readonly botUser: APIUser;
  readonly shardCount: number;
  readonly guilds: readonly DiscordGuild[];
  /** Every REST call, in order. */
  readonly calls: readonly RecordedCall[];
  /** REST calls no route knows (answered 404). */
  readonly unexpectedCalls: readonly RecordedCall[];
  /** Accepted IDENTIFYs, in order. */
  readonly identifies: readonly RecordedIdentify[];
  readonly commands: RegisteredCommands;
  /** Resolves once `shards` distinct shards (default all) got READY and their GUILD_CREATEs. */
  waitForIdentify(shards?: number, timeoutMs?: number): Promise<void>;
  /** Dispatches a chat-input command interaction (type 2). */
  command(invocation: CommandInvocation): InteractionHandle;
  /** Dispatches an autocomplete interaction (type 4) with one option focused. */
  autocomplete(invocation: AutocompleteInvocation): InteractionHandle;
  /** Dispatches a button interaction (type 3) on a message. */
  pressButton(press: ButtonPress): InteractionHandle;
  /** Sends any gateway dispatch to the shard of `guildId` (shard 0 when omitted). */
  dispatch(event: string, data: unknown, guildId?: string): void;
  /**
   * Accepts the next interaction callback but resets the connection instead of answering, as a
   * response lost on the network would: the client cannot tell it was taken, and a retry gets 40060.
   */
  loseNextCallbackResponse(): void;
  /** Closes a shard's socket with a resumable code, as a network drop would; the client should RESUME. */
  dropConnection(shardId?: number, code?: number): void;
  /** Number of RESUMEs answered with RESUMED. */
  readonly resumes: number;
  /** Closes sockets and the HTTP server, and rejects pending waits. */
  close(): Promise<void>;
}

/** Discord's JSON error body. */
export interface DiscordErrorBody {
  message: string;
  code: number;
  errors?: unknown;
}

const API_PREFIX = '/api/v10';
const DISCORD_EPOCH = 1_420_070_400_000n;
const EVERYONE_PERMISSIONS =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.ReadMessageHistory |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.AttachFiles |
  PermissionFlagsBits.AddReactions |
  PermissionFlagsBits.UseApplicationCommands;
const ALL_PERMISSIONS = Object.values(PermissionFlagsBits).reduce((all, bit) => all | bit, 0n);
const BOT_PERMISSIONS = EVERYONE_PERMISSIONS | PermissionFlagsBits.SendMessagesInThreads;

/** Issues strictly increasing snowflakes. */
class SnowflakeSource {
  private last = 0n;

  next(): string {
    const now = (BigInt(Date.now()) - DISCORD_EPOCH) << 22n;
    this.last = now > this.last ? now : this.last + 1n;
    return this.last.toString();
  }
}

/** The shard a guild belongs to, as Discord computes it. */
export function shardOfGuild(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

/** A guild id that lands on shard `index % shardCount`, so default guilds spread over the shards. */
function guildIdForIndex(index: number, shardCount: number): string {
  const base = 284_000_000_000n - (284_000_000_000n % BigInt(shardCount));
  return (((base + BigInt(index)) << 22n) | 1n).toString();
}

function userObject(user: Partial<APIUser> & { id: string }): APIUser {
  const username = user.username ?? `user${user.id.slice(-4)}`;
  return { discriminator: '0', global_name: null, avatar: null, ...user, username };
}

function roleObject(id: string, name: string, permissions: bigint, position: number): APIRole {
  return {
    id,
    name,
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    icon: null,
    unicode_emoji: null,
    position,
    permissions: permissions.toString(),
    managed: false,
    mentionable: false,
    flags: 0 as RoleFlags,
  };
}

function buildGuild(options: GuildOptions, index: number, shardCount: number, ids: SnowflakeSource): DiscordGuild {
  const id = options.id ?? guildIdForIndex(index, shardCount);
  const extra = options.roles ?? [];
  const roles = [
    roleObject(id, '@everyone', EVERYONE_PERMISSIONS, 0),
    ...extra.map((role, i) => roleObject(role.id ?? ids.next(), role.name, role.permissions ?? 0n, i + 1)),
  ];
  return {
    id,
    name: options.name ?? (index === 0 ? 'Newsroom' : `Newsroom ${index + 1}`),
    shardId: shardOfGuild(id, shardCount),
    channelId: ids.next(),
    roles,
    roleIds: Object.fromEntries(roles.map((role) => [role.name, role.id])),
  };
}

function guildCreatePayload(guild: DiscordGuild, bot: APIUser, joinedAt: string): Record<string, unknown> {
  return {
    id: guild.id,
    name: guild.name,
    icon: null,
    splash: null,
    discovery_splash: null,
    banner: null,
    description: null,
    owner_id: '1',
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    mfa_level: 0,
    nsfw_level: 0,
    premium_tier: 0,
    premium_progress_bar_enabled: false,
    system_channel_id: guild.channelId,
    system_channel_flags: 0,
    rules_channel_id: null,
    public_updates_channel_id: null,
    safety_alerts_channel_id: null,
    vanity_url_code: null,
    preferred_locale: 'en-US',
    features: [],
    emojis: [],
    stickers: [],
    roles: guild.roles,
    channels: [
      {
        id: guild.channelId,
        type: ChannelType.GuildText,
        name: 'news',
        position: 0,
        permission_overwrites: [],
        parent_id: null,
        topic: null,
        nsfw: false,
        last_message_id: null,
        rate_limit_per_user: 0,
        flags: 0,
      },
    ],
    threads: [],
    members: [{ user: bot, roles: [], joined_at: joinedAt, deaf: false, mute: false, flags: 0 }],
    member_count: 2,
    presences: [],
    voice_states: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
    large: false,
    unavailable: false,
    joined_at: joinedAt,
    application_id: null,
    max_members: 500_000,
    max_video_channel_users: 25,
  };
}

/** Permissions of a member with these roles, as Discord computes them without channel overwrites. */
function memberPermissions(guild: DiscordGuild, roleIds: readonly string[]): bigint {
  const granted = guild.roles
    .filter((role) => role.id === guild.id || roleIds.includes(role.id))
    .reduce((all, role) => all | BigInt(role.permissions), 0n);
  return (granted & PermissionFlagsBits.Administrator) !== 0n ? ALL_PERMISSIONS : granted;
}

// ---- Discord's validation of what the bot sends ----

interface Problem {
  path: string;
  message: string;
}

const EMBED_TEXT_LIMITS: [keyof APIEmbed | 'footer.text' | 'author.name', number][] = [
  ['title', 256],
  ['description', 4096],
  ['footer.text', 2048],
  ['author.name', 256],
];

function embedText(embed: APIEmbed, key: string): string {
  if (key === 'footer.text') return embed.footer?.text ?? '';
  if (key === 'author.name') return embed.author?.name ?? '';
  const value = embed[key as keyof APIEmbed];
  return typeof value === 'string' ? value : '';
}

function embedProblems(embed: APIEmbed, path: string): { problems: Problem[]; length: number } {
  const problems: Problem[] = [];
  let length = 0;
  for (const [key, limit] of EMBED_TEXT_LIMITS) {
    const text = embedText(embed, key);
    length += text.length;
    if (text.length > limit) problems.push({ path: `${path}.${key}`, message: `Must be ${limit} or fewer in length.` });
  }
  const fields = embed.fields ?? [];
  if (fields.length > 25) problems.push({ path: `${path}.fields`, message: 'Must be 25 or fewer in length.' });
  fields.forEach((field, i) => {
    length += field.name.length + field.value.length;
    if (field.name.length < 1 || field.name.length > 256)
      problems.push({ path: `${path}.fields.${i}.name`, message: 'Must be between 1 and 256 in length.' });
    if (field.value.length < 1 || field.value.length > 1024)
      problems.push({ path: `${path}.fields.${i}.value`, message: 'Must be between 1 and 1024 in length.' });
  });
  return { problems, length };
}

function componentProblems(rows: readonly APIMessageTopLevelComponent[], path: string): Problem[] {
  const problems: Problem[] = [];
  if (rows.length > 5) problems.push({ path, message: 'Must be 5 or fewer in length.' });
  rows.forEach((row, r) => {
    if (row.type !== ComponentType.ActionRow) return;
    const children = (row as APIActionRowComponent<APIComponentInMessageActionRow>).components;
    if (children.length > 5) problems.push({ path: `${path}.${r}.components`, message: 'Must be 5 or fewer in length.' });
    children.forEach((child, c) => {
      const customId = 'custom_id' in child ? child.custom_id : undefined;
      if (customId !== undefined && (customId.length < 1 || customId.length > 100))
        problems.push({ path: `${path}.${r}.components.${c}.custom_id`, message: 'Must be between 1 and 100 in length.' });
      const label = 'label' in child ? child.label : undefined;
      if (label !== undefined && label.length > 80)
        problems.push({ path: `${path}.${r}.components.${c}.label`, message: 'Must be 80 or fewer in length.' });
    });
  });
  return problems;
}

type MessageData = Partial<RESTPostAPIWebhookWithTokenJSONBody> | RESTPatchAPIWebhookWithTokenMessageJSONBody;

/** What Discord refuses in message content, embeds and components (2000 chars, 10 embeds, 6000 total...). */
function messageProblems(data: MessageData, prefix: string | null): Problem[] {
  const at = (key: string) => (prefix === null ? key : `${prefix}.${key}`);
  const problems: Problem[] = [];
  const content = data.content ?? '';
  if (content.length > 2000) problems.push({ path: at('content'), message: 'Must be 2000 or fewer in length.' });
  const embeds = data.embeds ?? [];
  if (embeds.length > 10) problems.push({ path: at('embeds'), message: 'Must be 10 or fewer in length.' });
  const checked = embeds.map((embed, i) => embedProblems(embed, at(`embeds.${i}`)));
  problems.push(...checked.flatMap((check) => check.problems));
  if (checked.reduce((total, check) => total + check.length, 0) > 6000)
    problems.push({ path: at('embeds'), message: 'Embed size exceeds maximum size of 6000' });
  problems.push(...componentProblems(data.components ?? [], at('components')));
  return problems;
}

function isEmptyMessage(data: MessageData, files: readonly UploadedFile[]): boolean {
  const hasComponents = (data.components ?? []).length > 0;
  return !data.content && (data.embeds ?? []).length === 0 && files.length === 0 && !hasComponents;
}

/** Discord's 400 for autocomplete choices it refuses (more than 25, names over 100 chars). */
function choiceRejection(data: InteractionCallbackBody['data']): Reply | undefined {
  const problems = choiceProblems(data?.choices);
  return problems.length > 0 ? { status: 400, body: invalidFormBody(problems) } : undefined;
}

function choiceProblems(choices: APICommandAutocompleteInteractionResponseCallbackData['choices']): Problem[] {
  if (!Array.isArray(choices)) return [{ path: 'data.choices', message: 'This field is required' }];
  const problems: Problem[] =
    choices.length > 25 ? [{ path: 'data.choices', message: 'Must be 25 or fewer in length.' }] : [];
  choices.forEach((choice, i) => {
    if (choice.name.length < 1 || choice.name.length > 100)
      problems.push({ path: `data.choices.${i}.name`, message: 'Must be between 1 and 100 in length.' });
    if (typeof choice.value === 'string' && choice.value.length > 100)
      problems.push({ path: `data.choices.${i}.value`, message: 'Must be 100 or fewer in length.' });
  });
  return problems;
}

const COMMAND_NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

function nameProblems(name: unknown, path: string): Problem[] {
  if (typeof name !== 'string' || !COMMAND_NAME.test(name) || name !== name.toLowerCase())
    return [{ path: `${path}.name`, message: 'Command name is invalid' }];
  return [];
}

function descriptionProblems(description: unknown, path: string): Problem[] {
  if (typeof description !== 'string' || description.length < 1 || description.length > 100)
    return [{ path: `${path}.description`, message: 'Must be between 1 and 100 in length.' }];
  return [];
}

function optionProblems(options: readonly APIApplicationCommandOption[], path: string): Problem[] {
  const problems: Problem[] = [];
  if (options.length > 25) problems.push({ path, message: 'Must be 25 or fewer in length.' });
  let optionalSeen = false;
  options.forEach((option, i) => {
    const at = `${path}.${i}`;
    problems.push(...nameProblems(option.name, at), ...descriptionProblems(option.description, at));
    const required = 'required' in option && option.required === true;
    if (required && optionalSeen) problems.push({ path: at, message: 'Required options must be placed before non-required options' });
    optionalSeen ||= !required;
    const choices = 'choices' in option ? (option.choices ?? []) : [];
    if (choices.length > 25) problems.push({ path: `${at}.choices`, message: 'Must be 25 or fewer in length.' });
    if (choices.length > 0 && 'autocomplete' in option && option.autocomplete)
      problems.push({ path: `${at}.autocomplete`, message: 'Autocomplete cannot be set with choices' });
    if ('options' in option && option.options) problems.push(...optionProblems(option.options, `${at}.options`));
  });
  if (new Set(options.map((option) => option.name)).size !== options.length)
    problems.push({ path, message: 'Option names must be unique' });
  return problems;
}

/** What Discord refuses in a bulk command overwrite. */
function commandProblems(body: unknown): Problem[] {
  if (!Array.isArray(body)) return [{ path: '_root', message: 'Expected an array' }];
  const commands = body as Partial<APIApplicationCommand>[];
  const problems = commands.flatMap((command, i) => {
    const chatInput = (command.type ?? ApplicationCommandType.ChatInput) === ApplicationCommandType.ChatInput;
    if (!chatInput) return [];
    return [
      ...nameProblems(command.name, `${i}`),
      ...descriptionProblems(command.description, `${i}`),
      ...optionProblems(command.options ?? [], `${i}.options`),
    ];
  });
  const keys = commands.map((command) => `${command.type ?? 1}:${command.name}`);
  if (new Set(keys).size !== keys.length) problems.push({ path: '_root', message: 'Application command names must be unique' });
  return problems;
}

/** Discord's nested `errors` object: `{ data: { content: { _errors: [...] } } }`. */
function invalidFormBody(problems: readonly Problem[]): DiscordErrorBody {
  const errors: Record<string, unknown> = {};
  for (const problem of problems) {
    let node = errors;
    for (const key of problem.path.split('.')) node = (node[key] ??= {}) as Record<string, unknown>;
    ((node._errors ??= []) as unknown[]).push({ code: 'BASE_TYPE_INVALID', message: problem.message });
  }
  return { message: 'Invalid Form Body', code: 50035, errors };
}

// ---- waiting ----

/** Lets callers wait for a condition on recorded state, re-checked after every change. */
class ChangeFeed {
  private readonly waiters = new Set<{ check: () => void; fail: (error: Error) => void }>();

  notify(): void {
    for (const waiter of [...this.waiters]) waiter.check();
  }

  waitFor<T>(probe: () => T | undefined, timeoutMs: number, describe: () => string): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const waiter = {
        check: () => {
          const value = probe();
          if (value === undefined) return;
          settle();
          resolve(value);
        },
        fail: (error: Error) => {
          settle();
          reject(error);
        },
      };
      const timer = setTimeout(() => waiter.fail(new Error(`Timed out after ${timeoutMs} ms: ${describe()}`)), timeoutMs);
      const settle = () => {
        clearTimeout(timer);
        this.waiters.delete(waiter);
      };
      this.waiters.add(waiter);
      waiter.check();
    });
  }

  failAll(reason: string): void {
    for (const waiter of [...this.waiters]) waiter.fail(new Error(reason));
  }
}

// ---- interactions ----

interface InteractionRecord {
  id: string;
  token: string;
  type: InteractionType;
  label: string;
  payload: Record<string, unknown>;
  dispatchedAt: number;
  guildId: string | null;
  channelId: string;
  responses: InteractionResponse[];
  originalMessageId?: string;
  /** For component interactions: the message the component was on. */
  componentMessageId?: string;
}

/** Where a bot message is posted and in answer to what kind of interaction. */
type MessageOrigin = Pick<InteractionRecord, 'channelId' | 'type'>;

/** Callback types Discord accepts per interaction type. */
const ALLOWED_CALLBACKS: Partial<Record<InteractionType, readonly InteractionResponseType[]>> = {
  [InteractionType.ApplicationCommand]: [
    InteractionResponseType.ChannelMessageWithSource,
    InteractionResponseType.DeferredChannelMessageWithSource,
    InteractionResponseType.Modal,
  ],
  [InteractionType.MessageComponent]: [
    InteractionResponseType.ChannelMessageWithSource,
    InteractionResponseType.DeferredChannelMessageWithSource,
    InteractionResponseType.DeferredMessageUpdate,
    InteractionResponseType.UpdateMessage,
    InteractionResponseType.Modal,
  ],
  [InteractionType.ApplicationCommandAutocomplete]: [InteractionResponseType.ApplicationCommandAutocompleteResult],
};

function inferOptionType(value: string | number | boolean): ApplicationCommandOptionType {
  if (typeof value === 'boolean') return ApplicationCommandOptionType.Boolean;
  if (typeof value === 'number')
    return Number.isInteger(value) ? ApplicationCommandOptionType.Integer : ApplicationCommandOptionType.Number;
  return ApplicationCommandOptionType.String;
}

function toOptionData(
  options: CommandOptions | undefined,
  definition: APIApplicationCommand | undefined,
  focused: string | undefined,
): APIApplicationCommandInteractionDataOption[] {
  if (Array.isArray(options)) return options;
  return Object.entries(options ?? {}).map(([name, value]) => {
    const type = definition?.options?.find((option) => option.name === name)?.type ?? inferOptionType(value);
    return { name, type, value, ...(name === focused ? { focused: true } : {}) } as APIApplicationCommandInteractionDataOption;
  });
}

class Handle implements InteractionHandle {
  private readonly cursors = { any: 0, edit: 0, followUp: 0 };

  constructor(
    private readonly record: InteractionRecord,
    private readonly feed: ChangeFeed,
    private readonly defaultTimeoutMs: number,
    private readonly messages: Map<string, APIMessage>,
    private readonly rejectedFor: (token: string) => RecordedCall[],
  ) {}

  get id(): string {
    return this.record.id;
  }

  get token(): string {
    return this.record.token;
  }

  get payload(): Record<string, unknown> {
    return this.record.payload;
  }

  get responses(): readonly InteractionResponse[] {
    return this.record.responses;
  }

  get originalMessage(): APIMessage | undefined {
    const id = this.record.originalMessageId;
    return id === undefined ? undefined : this.messages.get(id);
  }

  firstResponse(timeoutMs = this.defaultTimeoutMs): Promise<InteractionCallbackBody> {
    return this.wait(timeoutMs, 'interaction callback', () => {
      const callback = this.record.responses.find((response) => response.kind === 'callback');
      return callback?.kind === 'callback' ? callback.body : undefined;
    });
  }

  async nextResponse(timeoutMs = this.defaultTimeoutMs): Promise<InteractionResponse> {
    const response = await this.wait(timeoutMs, `response #${this.cursors.any + 1}`, () => this.record.responses[this.cursors.any]);
    this.cursors.any += 1;
    return response;
  }

  async nextEdit(timeoutMs = this.defaultTimeoutMs): Promise<RESTPatchAPIWebhookWithTokenMessageJSONBody> {
    const edit = await this.wait(timeoutMs, `message edit #${this.cursors.edit + 1}`, () => this.nth('edit', this.cursors.edit));
    this.cursors.edit += 1;
    return edit.body;
  }

  async nextFollowUp(timeoutMs = this.defaultTimeoutMs): Promise<RESTPostAPIWebhookWithTokenJSONBody> {
    const followUp = await this.wait(timeoutMs, `follow-up #${this.cursors.followUp + 1}`, () =>
      this.nth('followUp', this.cursors.followUp),
    );
    this.cursors.followUp += 1;
    return followUp.body;
  }

  private nth<K extends InteractionResponse['kind']>(kind: K, index: number): Extract<InteractionResponse, { kind: K }> | undefined {
    return this.record.responses.filter((response): response is Extract<InteractionResponse, { kind: K }> => response.kind === kind)[index];
  }

  private wait<T>(timeoutMs: number, what: string, probe: () => T | undefined): Promise<T> {
    return this.feed.waitFor(probe, timeoutMs, () => {
      const kinds = this.record.responses.map((response) => response.kind).join(', ') || 'none';
      const rejected = this.rejectedFor(this.record.token)
        .map((call) => `${call.method} ${call.path} → ${call.status} ${JSON.stringify(call.error)}`)
        .join('; ');
      return `no ${what} for ${this.record.label} (interaction ${this.record.id}); responses so far: ${kinds}${rejected ? `; rejected: ${rejected}` : ''}`;
    });
  }
}

// ---- HTTP ----

interface ParsedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
  files: UploadedFile[];
}

interface Reply {
  status: number;
  body?: unknown;
}

type RouteHandler = (request: ParsedRequest, params: string[]) => Reply;

interface Route {
  method: string;
  name: string;
  pattern: RegExp;
  /** Whether the bot token is required. */
  auth: boolean;
  handle: RouteHandler;
}

function errorReply(status: number, message: string, code: number): Reply {
  return { status, body: { message, code } satisfies DiscordErrorBody };
}

const NOT_FOUND = (): Reply => errorReply(404, '404: Not Found', 0);

/** A route from a template such as `/webhooks/:app/:token`; parameters are captured in order. */
function route(method: string, template: string, auth: boolean, handle: RouteHandler): Route {
  const pattern = new RegExp(`^${template.replace(/:\w+/g, '([^/]+)')}$`);
  return { method, name: `${method} ${template}`, pattern, auth, handle };
}

/** Discord's 400 for a message body it refuses, or undefined when the body is acceptable. */
function messageRejection(
  data: MessageData,
  files: readonly UploadedFile[],
  rules: { path: string | null; mustHaveContent: boolean },
): Reply | undefined {
  if (rules.mustHaveContent && isEmptyMessage(data, files)) return errorReply(400, 'Cannot send an empty message', 50006);
  const problems = messageProblems(data, rules.path);
  return problems.length > 0 ? { status: 400, body: invalidFormBody(problems) } : undefined;
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function parseBody(raw: Buffer, contentType: string): Promise<{ body: unknown; files: UploadedFile[] }> {
  if (raw.length === 0) return { body: undefined, files: [] };
  if (contentType.startsWith('multipart/form-data')) {
    const form = await new Response(raw, { headers: { 'content-type': contentType } }).formData();
    const files: UploadedFile[] = [];
    let body: unknown;
    for (const [field, value] of form.entries()) {
      if (typeof value === 'string') {
        if (field === 'payload_json') body = JSON.parse(value);
      } else {
        files.push({ field, name: value.name, contentType: value.type, data: Buffer.from(await value.arrayBuffer()) });
      }
    }
    return { body, files };
  }
  return { body: JSON.parse(raw.toString('utf8')), files: [] };
}

function recordedHeaders(request: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined) continue;
    headers[name] = name === 'authorization' ? '[redacted]' : Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

function send(response: ServerResponse, reply: Reply): void {
  if (reply.body === undefined) {
    response.writeHead(reply.status).end();
    return;
  }
  const json = JSON.stringify(reply.body);
  response.writeHead(reply.status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(json) }).end(json);
}

// ---- gateway ----

interface GatewaySession {
  id: string;
  shard: [number, number];
  socket: WebSocket;
  seq: number;
}

function rawText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data as ArrayBuffer).toString('utf8');
}

/** Starts the server on 127.0.0.1 at a random port. */
export async function startDiscordServer(options: DiscordServerOptions): Promise<DiscordServer> {
  const ids = new SnowflakeSource();
  const shardCount = options.shardCount ?? 1;
  const heartbeatIntervalMs = options.heartbeatIntervalMs ?? 41_250;
  const deadlineMs = options.initialResponseDeadlineMs ?? 3000;
  const waitTimeoutMs = options.waitTimeoutMs ?? 5000;
  const applicationId = options.applicationId ?? ids.next();
  const botUser = userObject({ id: applicationId, username: options.botUsername ?? 'newsdesk', bot: true, verified: true });
  const defaultUser = userObject({ id: ids.next(), username: 'reader' });
  const guilds = (options.guilds ?? [{}]).map((guild, i) => buildGuild(guild, i, shardCount, ids));
  const joinedAt = new Date().toISOString();

  const feed = new ChangeFeed();
  const calls: RecordedCall[] = [];
  const identifies: RecordedIdentify[] = [];
  const commands: RegisteredCommands = { global: [], guild: {}, overwrites: [] };
  const interactions = new Map<string, InteractionRecord>();
  const interactionsByToken = new Map<string, InteractionRecord>();
  const messages = new Map<string, APIMessage>();
  const sessions = new Map<string, GatewaySession>();
  const readyShards = new Map<number, GatewaySession>();
  let resumes = 0;

  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const apiUrl = `http://127.0.0.1:${port}/api`;
  const gatewayUrl = `ws://127.0.0.1:${port}/gateway`;

  const guildById = (guildId: string): DiscordGuild => {
    const guild = guilds.find((candidate) => candidate.id === guildId);
    if (!guild) throw new Error(`Unknown guild ${guildId}; the server has ${guilds.map((g) => g.id).join(', ')}`);
    return guild;
  };

  // ---- messages ----

  const attachmentsFrom = (files: readonly UploadedFile[]) =>
    files.map((file) => ({
      id: ids.next(),
      filename: file.name,
      size: file.data.length,
      url: `http://127.0.0.1:${port}/attachments/${file.name}`,
      proxy_url: `http://127.0.0.1:${port}/attachments/${file.name}`,
      content_type: file.contentType,
    }));

  const storeMessage = (origin: MessageOrigin, data: MessageData, files: readonly UploadedFile[], flags = 0): APIMessage => {
    const message: APIMessage = {
      id: ids.next(),
      channel_id: origin.channelId,
      author: botUser,
      content: data.content ?? '',
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: attachmentsFrom(files),
      embeds: data.embeds ?? [],
      components: data.components ?? [],
      pinned: false,
      type: origin.type === InteractionType.ApplicationCommand ? MessageType.ChatInputCommand : MessageType.Default,
      flags: (data.flags ?? 0) | flags,
      webhook_id: applicationId,
      application_id: applicationId,
    };
    messages.set(message.id, message);
    return message;
  };

  const editMessage = (messageId: string, data: MessageData, files: readonly UploadedFile[]): APIMessage => {
    const current = messages.get(messageId);
    if (!current) throw new Error(`no message ${messageId}`);
    const kept = data.attachments
      ? current.attachments.filter((attachment) => data.attachments?.some((kept) => kept.id === attachment.id))
      : current.attachments;
    const edited: APIMessage = {
      ...current,
      content: data.content ?? current.content,
      embeds: data.embeds ?? current.embeds,
      components: data.components ?? current.components,
      attachments: [...kept, ...attachmentsFrom(files)],
      flags: (current.flags ?? 0) & ~MessageFlags.Loading,
      edited_timestamp: new Date().toISOString(),
    };
    messages.set(messageId, edited);
    return edited;
  };

  const respond = (record: InteractionRecord, response: InteractionResponse): void => {
    record.responses.push(response);
    feed.notify();
  };

  const elapsed = (record: InteractionRecord) => Date.now() - record.dispatchedAt;

  // ---- REST handlers ----

  const commandList = (guildId: string | null): APIApplicationCommand[] =>
    guildId === null ? commands.global : (commands.guild[guildId] ?? []);

  const overwriteCommands = (guildId: string | null, body: unknown): Reply => {
    const problems = commandProblems(body);
    if (problems.length > 0) return { status: 400, body: invalidFormBody(problems) };
    const previous = commandList(guildId);
    const stored = (body as Partial<APIApplicationCommand>[]).map((command) => {
      const type = command.type ?? ApplicationCommandType.ChatInput;
      const existing = previous.find((old) => old.name === command.name && old.type === type);
      return {
        default_member_permissions: null,
        nsfw: false,
        options: [],
        ...command,
        type,
        id: existing?.id ?? ids.next(),
        application_id: applicationId,
        version: ids.next(),
        ...(guildId === null ? {} : { guild_id: guildId }),
      } as APIApplicationCommand;
    });
    if (guildId === null) commands.global = stored;
    else commands.guild[guildId] = stored;
    commands.overwrites.push({ guildId, body });
    return { status: 200, body: stored };
  };

  const checkScope = (appId: string | undefined, guildId: string | undefined | null): Reply | undefined => {
    const knownGuild = guildId === null || guilds.some((guild) => guild.id === guildId);
    return appId === applicationId && knownGuild ? undefined : errorReply(403, 'Missing Access', 50001);
  };

  const interactionCallback: RouteHandler = (request, [id, token]) => {
    const record = interactions.get(id ?? '');
    if (!record || record.token !== token || elapsed(record) > deadlineMs) return errorReply(404, 'Unknown interaction', 10062);
    if (record.responses.some((response) => response.kind === 'callback'))
      return errorReply(400, 'Interaction has already been acknowledged.', 40060);
    const body = request.body as InteractionCallbackBody;
    if (!ALLOWED_CALLBACKS[record.type]?.includes(body?.type))
      return { status: 400, body: invalidFormBody([{ path: 'type', message: `Interaction callback type ${body?.type} is not valid for interaction type ${record.type}` }]) };
    const rejection =
      body.type === InteractionResponseType.ApplicationCommandAutocompleteResult
        ? choiceRejection(body.data)
        : messageRejection(body.data ?? {}, request.files, {
            path: 'data',
            mustHaveContent: body.type === InteractionResponseType.ChannelMessageWithSource,
          });
    if (rejection) return rejection;

    const message = callbackMessage(record, body, request.files);
    const withResponse = request.query.get('with_response') === 'true';
    respond(record, { kind: 'callback', body, withResponse, files: request.files, elapsedMs: elapsed(record) });
    if (!withResponse) return { status: 204 };
    return {
      status: 200,
      body: {
        interaction: {
          id: record.id,
          type: record.type,
          response_message_id: message?.id,
          response_message_loading: body.type === InteractionResponseType.DeferredChannelMessageWithSource,
          response_message_ephemeral: ((message?.flags ?? 0) & MessageFlags.Ephemeral) !== 0,
        },
        resource: { type: body.type, ...(message ? { message } : {}) },
      },
    };
  };

  /** The message a callback creates or changes, which later becomes `@original`. */
  const callbackMessage = (record: InteractionRecord, body: InteractionCallbackBody, files: readonly UploadedFile[]) => {
    const data = body.data ?? {};
    switch (body.type) {
      case InteractionResponseType.ChannelMessageWithSource:
      case InteractionResponseType.DeferredChannelMessageWithSource: {
        const loading = body.type === InteractionResponseType.DeferredChannelMessageWithSource ? MessageFlags.Loading : 0;
        const message = storeMessage(record, data, files, loading);
        record.originalMessageId = message.id;
        return message;
      }
      case InteractionResponseType.UpdateMessage:
      case InteractionResponseType.DeferredMessageUpdate: {
        if (record.componentMessageId === undefined) return undefined;
        record.originalMessageId = record.componentMessageId;
        return body.type === InteractionResponseType.UpdateMessage
          ? editMessage(record.componentMessageId, data, files)
          : messages.get(record.componentMessageId);
      }
      default:
        return undefined;
    }
  };

  const webhookRecord = (appId: string | undefined, token: string | undefined): InteractionRecord | undefined => {
    const record = interactionsByToken.get(token ?? '');
    return record && appId === applicationId ? record : undefined;
  };

  const webhookMessageId = (record: InteractionRecord, messageId: string | undefined): string | undefined =>
    messageId === '@original' ? record.originalMessageId : messageId;

  const ownsMessage = (record: InteractionRecord, messageId: string): boolean =>
    messageId === record.originalMessageId ||
    record.responses.some((response) => response.kind === 'followUp' && response.message.id === messageId);

  const UNKNOWN_WEBHOOK = (): Reply => errorReply(404, 'Unknown Webhook', 10015);
  const UNKNOWN_MESSAGE = (): Reply => errorReply(404, 'Unknown Message', 10008);

  /** Resolves `/webhooks/:app/:token/messages/:message` to the interaction and a message it owns. */
  const resolveWebhookMessage = (params: string[]): { record: InteractionRecord; messageId: string } | Reply => {
    const [appId, token, rawMessageId] = params;
    const record = webhookRecord(appId, token);
    if (!record) return UNKNOWN_WEBHOOK();
    const messageId = webhookMessageId(record, rawMessageId);
    if (messageId === undefined || !ownsMessage(record, messageId) || !messages.has(messageId)) return UNKNOWN_MESSAGE();
    return { record, messageId };
  };

  const gatewayBot = (): Reply => ({
    status: 200,
    body: {
      url: gatewayUrl,
      shards: shardCount,
      // max_concurrency = shardCount lets discord.js identify all shards at once instead of 5 s apart.
      session_start_limit: { total: 1000, remaining: 1000, reset_after: 14_400_000, max_concurrency: shardCount },
    },
  });

  const application = {
    id: applicationId,
    name: botUser.username,
    icon: null,
    description: '',
    bot_public: true,
    bot_require_code_grant: false,
    bot: botUser,
    verify_key: '0',
    flags: 0,
    team: null,
    summary: '',
  };

  const followUp: RouteHandler = (request, [appId, token]) => {
    const record = webhookRecord(appId, token);
    if (!record || !record.responses.some((response) => response.kind === 'callback')) return UNKNOWN_WEBHOOK();
    const body = (request.body ?? {}) as RESTPostAPIWebhookWithTokenJSONBody;
    const rejection = messageRejection(body, request.files, { path: null, mustHaveContent: true });
    if (rejection) return rejection;
    const message = storeMessage(record, body, request.files);
    respond(record, { kind: 'followUp', body, message, files: request.files, elapsedMs: elapsed(record) });
    return { status: 200, body: message };
  };

  const editWebhookMessage: RouteHandler = (request, params) => {
    const found = resolveWebhookMessage(params);
    if ('status' in found) return found;
    const body = (request.body ?? {}) as RESTPatchAPIWebhookWithTokenMessageJSONBody;
    const rejection = messageRejection(body, request.files, { path: null, mustHaveContent: false });
    if (rejection) return rejection;
    const message = editMessage(found.messageId, body, request.files);
    respond(found.record, { kind: 'edit', messageId: found.messageId, body, files: request.files, elapsedMs: elapsed(found.record) });
    return { status: 200, body: message };
  };

  const deleteWebhookMessage: RouteHandler = (_request, params) => {
    const found = resolveWebhookMessage(params);
    if ('status' in found) return found;
    messages.delete(found.messageId);
    respond(found.record, { kind: 'delete', messageId: found.messageId, files: [], elapsedMs: elapsed(found.record) });
    return { status: 204 };
  };

  const routes: Route[] = [
    route('GET', '/gateway', false, () => ({ status: 200, body: { url: gatewayUrl } })),
    route('GET', '/gateway/bot', true, gatewayBot),
    route('GET', '/users/@me', true, () => ({ status: 200, body: botUser })),
    route('GET', '/applications/@me', true, () => ({ status: 200, body: application })),
    route('PUT', '/applications/:app/commands', true, (request, [appId]) =>
      checkScope(appId, null) ?? overwriteCommands(null, request.body),
    ),
    route('GET', '/applications/:app/commands', true, (_request, [appId]) =>
      checkScope(appId, null) ?? { status: 200, body: commands.global },
    ),
    route('PUT', '/applications/:app/guilds/:guild/commands', true, (request, [appId, guildId]) =>
      checkScope(appId, guildId) ?? overwriteCommands(guildId ?? null, request.body),
    ),
    route('GET', '/applications/:app/guilds/:guild/commands', true, (_request, [appId, guildId]) =>
      checkScope(appId, guildId) ?? { status: 200, body: commandList(guildId ?? null) },
    ),
    route('POST', '/interactions/:id/:token/callback', false, interactionCallback),
    route('POST', '/webhooks/:app/:token', false, followUp),
    route('GET', '/webhooks/:app/:token/messages/:message', false, (_request, params) => {
      const found = resolveWebhookMessage(params);
      return 'status' in found ? found : { status: 200, body: messages.get(found.messageId) };
    }),
    route('PATCH', '/webhooks/:app/:token/messages/:message', false, editWebhookMessage),
    route('DELETE', '/webhooks/:app/:token/messages/:message', false, deleteWebhookMessage),
  ];

  let loseCallbackResponse = false;
  const handleRequest = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`);
    const method = request.method ?? 'GET';
    const authorized = request.headers.authorization === `Bot ${options.token}`;
    const onApi = url.pathname.startsWith(`${API_PREFIX}/`);
    const rawPath = onApi ? url.pathname.slice(API_PREFIX.length) : url.pathname;
    const call: RecordedCall = {
      method,
      path: rawPath,
      query: Object.fromEntries(url.searchParams),
      body: undefined,
      files: [],
      headers: recordedHeaders(request),
      authorized,
      route: null,
      status: 0,
    };
    calls.push(call);
    let reply: Reply;
    try {
      const parsed = await parseBody(await readBody(request), request.headers['content-type'] ?? '');
      call.body = parsed.body;
      call.files = parsed.files;
      const path = decodeURIComponent(rawPath);
      const route = onApi ? routes.find((candidate) => candidate.method === method && candidate.pattern.test(path)) : undefined;
      call.route = route?.name ?? null;
      if (!route) reply = NOT_FOUND();
      else if (route.auth && !authorized) reply = errorReply(401, '401: Unauthorized', 0);
      else reply = route.handle({ method, path, query: url.searchParams, ...parsed }, route.pattern.exec(path)?.slice(1) ?? []);
    } catch (error) {
      reply = error instanceof SyntaxError ? errorReply(400, 'The request body contains invalid JSON.', 50109) : errorReply(500, String(error), 0);
    }
    call.status = reply.status;
    if (reply.status >= 400) call.error = reply.body as DiscordErrorBody;
    if (loseCallbackResponse && call.route === 'POST /interactions/:id/:token/callback' && reply.status < 300) {
      loseCallbackResponse = false;
      request.socket.resetAndDestroy();
    } else {
      send(response, reply);
    }
    feed.notify();
  };

  server.on('request', (request, response) => void handleRequest(request, response));

  // ---- gateway ----

  const wss = new WebSocketServer({ noServer: true });
  server.on('upgrade', (request, socket, head) => {
    if (new URL(request.url ?? '/', gatewayUrl).pathname !== '/gateway') {
      socket.destroy();
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => acceptGateway(ws));
  });

  const sendDispatch = (session: GatewaySession, event: string, data: unknown): void => {
    session.seq += 1;
    session.socket.send(JSON.stringify({ op: GatewayOpcodes.Dispatch, t: event, s: session.seq, d: data }));
  };

  const identify = (socket: WebSocket, data: { token?: unknown; shard?: unknown; intents?: unknown }): void => {
    if (data.token !== options.token) return socket.close(GatewayCloseCodes.AuthenticationFailed, 'Authentication failed.');
    const shard = Array.isArray(data.shard) ? (data.shard as [number, number]) : undefined;
    if (!shard && shardCount > 1) return socket.close(GatewayCloseCodes.ShardingRequired, 'Sharding required.');
    const [shardId, count] = shard ?? [0, 1];
    if (count !== shardCount || shardId < 0 || shardId >= count) return socket.close(GatewayCloseCodes.InvalidShard, 'Invalid shard.');
    if (typeof data.intents !== 'number') return socket.close(GatewayCloseCodes.InvalidIntents, 'Invalid intent(s).');
    const session: GatewaySession = { id: randomBytes(16).toString('hex'), shard: [shardId, count], socket, seq: 0 };
    sessions.set(session.id, session);
    const shardGuilds = guilds.filter((guild) => guild.shardId === shardId);
    sendDispatch(session, GatewayDispatchEvents.Ready, {
      v: 10,
      user: botUser,
      guilds: shardGuilds.map((guild) => ({ id: guild.id, unavailable: true })),
      session_id: session.id,
      session_type: 'normal',
      resume_gateway_url: gatewayUrl,
      application: { id: applicationId, flags: 0 },
      shard: [shardId, count],
      user_settings: {},
      private_channels: [],
      presences: [],
      relationships: [],
      guild_join_requests: [],
      geo_ordered_rtc_regions: [],
      _trace: ['loopback-gateway'],
    });
    for (const guild of shardGuilds) sendDispatch(session, GatewayDispatchEvents.GuildCreate, guildCreatePayload(guild, botUser, joinedAt));
    identifies.push({ shard: [shardId, count], intents: data.intents, sessionId: session.id });
    readyShards.set(shardId, session);
    feed.notify();
  };

  const resume = (socket: WebSocket, data: { token?: unknown; session_id?: unknown }): void => {
    const session = sessions.get(String(data.session_id));
    if (!session || data.token !== options.token) {
      socket.send(JSON.stringify({ op: GatewayOpcodes.InvalidSession, d: false }));
      return;
    }
    session.socket = socket;
    resumes += 1;
    readyShards.set(session.shard[0], session);
    sendDispatch(session, GatewayDispatchEvents.Resumed, {});
    feed.notify();
  };

  const acceptGateway = (socket: WebSocket): void => {
    socket.send(JSON.stringify({ op: GatewayOpcodes.Hello, d: { heartbeat_interval: heartbeatIntervalMs, _trace: ['loopback-gateway'] } }));
    socket.on('message', (raw) => {
      let packet: { op?: unknown; d?: unknown };
      try {
        packet = JSON.parse(rawText(raw)) as { op?: unknown; d?: unknown };
      } catch {
        socket.close(GatewayCloseCodes.DecodeError, 'Error while decoding payload.');
        return;
      }
      const data = (packet.d ?? {}) as Record<string, unknown>;
      if (packet.op === GatewayOpcodes.Heartbeat) socket.send(JSON.stringify({ op: GatewayOpcodes.HeartbeatAck }));
      else if (packet.op === GatewayOpcodes.Identify) identify(socket, data);
      else if (packet.op === GatewayOpcodes.Resume) resume(socket, data);
    });
  };

  // ---- interactions ----

  const shardSession = (guildId: string | null): GatewaySession => {
    const shardId = guildId === null ? 0 : guildById(guildId).shardId;
    const session = readyShards.get(shardId);
    if (!session || session.socket.readyState !== session.socket.OPEN)
      throw new Error(`Shard ${shardId} has no open gateway session; await discord.waitForIdentify() first`);
    return session;
  };

  const dmChannels = new Map<string, string>();
  const dmChannelId = (userId: string): string => {
    const channelId = dmChannels.get(userId) ?? ids.next();
    dmChannels.set(userId, channelId);
    return channelId;
  };

  const guildOf = (context: InteractionContext): string | null =>
    context.guildId === undefined ? (guilds[0]?.id ?? null) : context.guildId;

  /** The channel an interaction happens in: the given one, else the guild's text channel or the user's DM. */
  const channelOf = (context: InteractionContext): string => {
    const guildId = guildOf(context);
    if (context.channelId) return context.channelId;
    return guildId === null ? dmChannelId(context.user?.id ?? defaultUser.id) : guildById(guildId).channelId;
  };

  const findCommand = (name: string, guildId: string | null): APIApplicationCommand | undefined =>
    [...(guildId === null ? [] : commandList(guildId)), ...commands.global].find((command) => command.name === name);

  const contextPayload = (context: InteractionContext) => {
    const guildId = guildOf(context);
    const user = context.user ? userObject(context.user) : defaultUser;
    const locale = context.locale ?? 'en-US';
    if (guildId === null) {
      const channelId = channelOf(context);
      return {
        guildId,
        channelId,
        fields: {
          user,
          channel: { id: channelId, type: ChannelType.DM, last_message_id: null, recipients: [user], flags: 0 },
          context: 1,
          authorizing_integration_owners: { '0': '0' },
          app_permissions: BOT_PERMISSIONS.toString(),
          locale,
        },
      };
    }
    const guild = guildById(guildId);
    const channelId = channelOf(context);
    const roles = context.roles ?? [];
    return {
      guildId,
      channelId,
      fields: {
        guild_id: guildId,
        guild: { id: guildId, locale: 'en-US', features: [] },
        member: {
          user,
          roles,
          permissions: (context.permissions ?? memberPermissions(guild, roles)).toString(),
          joined_at: joinedAt,
          nick: null,
          avatar: null,
          premium_since: null,
          deaf: false,
          mute: false,
          pending: false,
          flags: 0,
          communication_disabled_until: null,
        },
        channel: { id: channelId, type: ChannelType.GuildText, name: 'news', guild_id: guildId, position: 0, parent_id: null, nsfw: false, topic: null, last_message_id: null, rate_limit_per_user: 0, flags: 0, permissions: BOT_PERMISSIONS.toString() },
        context: 0,
        authorizing_integration_owners: { '0': guildId },
        app_permissions: BOT_PERMISSIONS.toString(),
        locale,
        guild_locale: 'en-US',
      },
    };
  };

  const interact = (
    type: InteractionType,
    label: string,
    context: InteractionContext,
    data: Record<string, unknown>,
    extra: { message?: APIMessage } = {},
  ): InteractionHandle => {
    const { guildId, channelId, fields } = contextPayload(context);
    const session = shardSession(guildId);
    const id = ids.next();
    const token = `itok.${id}.${randomBytes(18).toString('base64url')}`;
    const payload = {
      id,
      token,
      application_id: applicationId,
      type,
      version: 1,
      data,
      ...fields,
      entitlements: [],
      attachment_size_limit: 10 * 1024 * 1024,
      ...(extra.message ? { message: extra.message } : {}),
    };
    const record: InteractionRecord = {
      id,
      token,
      type,
      label,
      payload,
      dispatchedAt: Date.now(),
      guildId,
      channelId,
      responses: [],
      ...(extra.message ? { componentMessageId: extra.message.id } : {}),
    };
    if (extra.message) messages.set(extra.message.id, messages.get(extra.message.id) ?? extra.message);
    interactions.set(id, record);
    interactionsByToken.set(token, record);
    sendDispatch(session, GatewayDispatchEvents.InteractionCreate, payload);
    return new Handle(record, feed, waitTimeoutMs, messages, (t) =>
      calls.filter((call) => call.status >= 400 && call.path.includes(t)),
    );
  };

  const commandData = (invocation: AutocompleteInvocation, guildId: string | null) => {
    const definition = findCommand(invocation.name, guildId);
    return {
      id: definition?.id ?? ids.next(),
      name: invocation.name,
      ...(invocation.targetId
        ? { type: ApplicationCommandType.Message, target_id: invocation.targetId }
        : { type: ApplicationCommandType.ChatInput, options: toOptionData(invocation.options, definition, invocation.focused) }),
      ...(definition?.guild_id ? { guild_id: definition.guild_id } : {}),
      ...(invocation.resolved ? { resolved: invocation.resolved } : {}),
    };
  };

  const buttonMessage = (press: ButtonPress): APIMessage => {
    if (press.message) {
      const current = messages.get(press.message.id) ?? press.message;
      const buttons = (current.components ?? []).flatMap((row) =>
        'components' in row ? (row.components as APIComponentInMessageActionRow[]) : [],
      );
      if (!buttons.some((button) => 'custom_id' in button && button.custom_id === press.customId))
        throw new Error(
          `Message ${current.id} has no button with custom_id ${JSON.stringify(press.customId)}; it has ${JSON.stringify(buttons.map((b) => ('custom_id' in b ? b.custom_id : b.type)))}`,
        );
      return current;
    }
    return storeMessage({ channelId: channelOf(press), type: InteractionType.MessageComponent }, {
      content: 'button host',
      components: [{ type: ComponentType.ActionRow, components: [{ type: ComponentType.Button, style: 1, custom_id: press.customId, label: 'Button' }] }],
    }, []);
  };

  return {
    apiUrl,
    gatewayUrl,
    applicationId,
    botUser,
    shardCount,
    guilds,
    calls,
    get unexpectedCalls() {
      return calls.filter((call) => call.route === null);
    },
    identifies,
    commands,
    waitForIdentify: (shards = shardCount, timeoutMs = waitTimeoutMs) =>
      feed.waitFor(
        () => (new Set(identifies.map((entry) => entry.shard[0])).size >= shards ? true : undefined),
        timeoutMs,
        () => `${shards} shard(s) to identify; identified: ${JSON.stringify(identifies.map((entry) => entry.shard))}; REST calls: ${calls.map((call) => `${call.method} ${call.path} → ${call.status}`).join(', ') || 'none'}`,
      ).then(() => undefined),
    command: (invocation) =>
      interact(InteractionType.ApplicationCommand, `/${invocation.name}`, invocation, commandData(invocation, guildOf(invocation))),
    autocomplete: (invocation) =>
      interact(
        InteractionType.ApplicationCommandAutocomplete,
        `autocomplete /${invocation.name}`,
        invocation,
        commandData(invocation, guildOf(invocation)),
      ),
    pressButton: (press) => {
      const message = buttonMessage(press);
      return interact(
        InteractionType.MessageComponent,
        `button ${press.customId}`,
        { ...press, channelId: press.channelId ?? message.channel_id },
        { custom_id: press.customId, component_type: ComponentType.Button },
        { message },
      );
    },
    dispatch: (event, data, guildId) => sendDispatch(shardSession(guildId ?? null), event, data),
    loseNextCallbackResponse: () => {
      loseCallbackResponse = true;
    },
    dropConnection: (shardId = 0, code = 4000) => readyShards.get(shardId)?.socket.close(code, 'Dropped by the test'),
    get resumes() {
      return resumes;
    },
    close: async () => {
      feed.failAll('The Discord test server closed');
      for (const client of wss.clients) client.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
