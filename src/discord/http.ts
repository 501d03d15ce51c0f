/**
 * The HTTP interactions transport: Discord POSTs each interaction to `/interactions` and takes the
 * HTTP response as the first answer, so no gateway connection is held and any number of
 * stateless replicas can sit behind a load balancer.
 *
 * Every request is authenticated before anything else is done with it: the Ed25519 signature
 * Discord puts in `X-Signature-Ed25519` must cover `X-Signature-Timestamp` + the raw body bytes,
 * and the timestamp must be within `MAX_CLOCK_SKEW_SECONDS` of now, so a captured request cannot be
 * replayed later. Unsigned, tampered or stale requests get 401 and are never parsed.
 */
import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { InteractionResponseType, InteractionType, MessageFlags, Routes, type REST, type APIEmbed, type APIInteractionResponse } from 'discord.js';
import { z } from 'zod';
import type { Logger } from '../log.ts';
import type { Library } from '../search/library.ts';
import { ephemeralText, type Invoker, type OptionValue } from './command.ts';
import type { Dispatcher, Responder } from './dispatcher.ts';
import type { MessagePayload } from './message.ts';
import { restClient } from './rest.ts';

/** Largest interaction body accepted; Discord's are a few KB. */
export const MAX_BODY_BYTES = 1024 * 1024;
/** How far a request's signed timestamp may be from this machine's clock. */
export const MAX_CLOCK_SKEW_SECONDS = 300;
/** Time a client has to send its request headers; Discord sends small requests at once. */
export const HEADERS_TIMEOUT_MS = 5_000;
/** Time a client has to send its whole request, body included. */
export const REQUEST_TIMEOUT_MS = 10_000;

/** What the endpoint serves once the corpus is indexed. */
export interface InteractionService {
  library: Library;
  dispatcher: Dispatcher;
}

/** Settings of the HTTP interactions endpoint. */
export interface HttpServerOptions {
  /** 0 picks a free port (tests). */
  port: number;
  /** Interface to listen on; all interfaces when undefined. */
  host?: string;
  /** The application's Ed25519 public key, 64 hex digits (Developer Portal > General Information). */
  publicKey: string;
  /** REST base for the follow-up webhook edits; Discord's own when undefined. */
  apiUrl?: string;
  /**
   * Resolves when the corpus is indexed. The server listens before that, so Discord's endpoint
   * check (a PING) and health probes are answered while a large corpus loads.
   */
  service: Promise<InteractionService>;
  logger: Logger;
  /** Clock for the timestamp check, in milliseconds. */
  now?: () => number;
  /** Overrides `HEADERS_TIMEOUT_MS` (tests). */
  headersTimeoutMs?: number;
  /** Overrides `REQUEST_TIMEOUT_MS` (tests). */
  requestTimeoutMs?: number;
}

/** A listening endpoint. */
export interface HttpEndpoint {
  /** Base URL, e.g. `http://127.0.0.1:8080`; interactions go to `${url}/interactions`. */
  url: string;
  close(): Promise<void>;
}

const UserSchema = z.object({ id: z.string().min(1), username: z.string() });
const OptionSchema = z.object({
  name: z.string(),
  type: z.number().int(),
  value: z.union([z.string(), z.number(), z.boolean()]).optional(),
  focused: z.boolean().optional(),
});
const Who = {
  member: z.object({ user: UserSchema, roles: z.array(z.string()), permissions: z.string().regex(/^\d+$/) }).optional(),
  /** Set instead of member in DMs. */
  user: UserSchema.optional(),
};
const Reachable = { application_id: z.string().min(1), token: z.string().min(1), guild_id: z.string().optional() };
const CommandData = z.object({
  name: z.string().min(1),
  options: z.array(OptionSchema).default([]),
  /** Set for a message context-menu command: the message it was used on, found in `resolved.messages`. */
  target_id: z.string().optional(),
  resolved: z.object({ messages: z.record(z.string(), z.object({ content: z.string() })).optional() }).optional(),
});

/** The parts of an incoming interaction newsdesk reads; anything else in it is ignored. */
const InteractionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal(InteractionType.Ping) }),
  z.object({ type: z.literal(InteractionType.ApplicationCommand), data: CommandData, ...Who, ...Reachable }),
  z.object({ type: z.literal(InteractionType.ApplicationCommandAutocomplete), data: CommandData, ...Who, ...Reachable }),
  z.object({
    type: z.literal(InteractionType.MessageComponent),
    data: z.object({ custom_id: z.string() }),
    message: z.object({ embeds: z.array(z.custom<APIEmbed>((embed) => typeof embed === 'object' && embed !== null)).default([]) }).default({ embeds: [] }),
    ...Who,
    ...Reachable,
  }),
]);
type Interaction = z.infer<typeof InteractionSchema>;
type UserInteraction = Exclude<Interaction, { type: InteractionType.Ping }>;

/** Why a request was turned away, as the status and the line logged. */
class Refusal extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** The public key object for the hex key the Developer Portal shows. */
export function publicKeyFromHex(hex: string): KeyObject {
  if (!/^[0-9a-f]{64}$/i.test(hex)) throw new Error('expected an Ed25519 public key of 64 hex digits');
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(hex, 'hex').toString('base64url') }, format: 'jwk' });
}

/**
 * Whether Discord signed this exact request recently: the signature covers the timestamp header
 * followed by the body bytes as received (re-serialised JSON would not verify).
 */
export function isAuthentic(request: { signature: string | undefined; timestamp: string | undefined; body: Buffer }, key: KeyObject, nowMs: number): boolean {
  const { signature, timestamp, body } = request;
  if (!signature || !timestamp || !/^[0-9a-f]{128}$/i.test(signature) || !/^\d{1,12}$/.test(timestamp)) return false;
  if (Math.abs(nowMs / 1000 - Number(timestamp)) > MAX_CLOCK_SKEW_SECONDS) return false;
  return verify(null, Buffer.concat([Buffer.from(timestamp, 'utf8'), body]), key, Buffer.from(signature, 'hex'));
}

function invokerOf(interaction: UserInteraction): Invoker {
  const user = interaction.member?.user ?? interaction.user;
  if (!user) throw new Refusal(400, 'interaction has neither member nor user');
  return {
    id: user.id,
    permissions: interaction.member ? BigInt(interaction.member.permissions) : null,
    roleIds: interaction.member?.roles ?? [],
  };
}

/**
 * Option values by name; subcommand groups carry no value and are not used by newsdesk. A message
 * context-menu command gets the target message's text as option `message`.
 */
function optionValues(data: z.infer<typeof CommandData>): Record<string, OptionValue> {
  if (data.target_id !== undefined) return { message: data.resolved?.messages?.[data.target_id]?.content ?? '' };
  return Object.fromEntries(data.options.flatMap((option) => (option.value === undefined ? [] : [[option.name, option.value]])));
}

/** A message with the ephemeral flag when only the invoker should see it. */
function callbackData(message: MessagePayload, ephemeral: boolean) {
  return { ...message, ...(ephemeral && { flags: MessageFlags.Ephemeral }) };
}

/**
 * Answers one interaction: the first answer becomes the HTTP response (`respond`), later ones
 * (the edit after a defer) go to the interaction's webhook, since the response is already sent.
 */
function responderFor(interaction: UserInteraction, respond: (body: APIInteractionResponse) => Promise<void>, rest: REST): Responder {
  let answered = false;
  const first = async (body: APIInteractionResponse) => {
    if (answered) throw new Error('This interaction was already answered.');
    answered = true;
    await respond(body);
  };
  return {
    reply: ({ message, ephemeral }) => first({ type: InteractionResponseType.ChannelMessageWithSource, data: callbackData(message, ephemeral) }),
    defer: (ephemeral) => first({ type: InteractionResponseType.DeferredChannelMessageWithSource, data: ephemeral ? { flags: MessageFlags.Ephemeral } : {} }),
    update: (message) => first({ type: InteractionResponseType.UpdateMessage, data: message }),
    choices: (choices) => first({ type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices } }),
    editReply: async (message) => {
      if (!answered) throw new Error('Nothing to edit: the interaction was not deferred.');
      await rest.patch(Routes.webhookMessage(interaction.application_id, interaction.token, '@original'), { body: message, auth: false });
    },
  };
}

/**
 * Runs the interaction through the dispatcher. `send` writes the HTTP response and is called once,
 * with the first answer; the returned promise settles when the whole interaction is done (for a
 * deferred command, after its webhook edit).
 */
async function answer(interaction: UserInteraction, service: InteractionService | null, send: (body: APIInteractionResponse) => Promise<void>, rest: REST): Promise<void> {
  if (!service) {
    const note = ephemeralText('newsdesk is still loading the coverage. Try again in a minute.');
    return send(
      interaction.type === InteractionType.ApplicationCommandAutocomplete
        ? { type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices: [] } }
        : { type: InteractionResponseType.ChannelMessageWithSource, data: callbackData(note.message, true) },
    );
  }
  const { dispatcher } = service;
  const invoker = invokerOf(interaction);
  let sent = false;
  const responder = responderFor(interaction, (body) => ((sent = true), send(body)), rest);
  if (interaction.type === InteractionType.MessageComponent) {
    await dispatcher.button({ customId: interaction.data.custom_id, invoker, embeds: interaction.message.embeds }, responder);
  } else {
    const request = { command: interaction.data.name, options: optionValues(interaction.data), invoker, guildId: interaction.guild_id ?? null };
    if (interaction.type === InteractionType.ApplicationCommandAutocomplete) {
      const focused = interaction.data.options.find((option) => option.focused);
      await dispatcher.autocomplete({ ...request, focused: { name: focused?.name ?? '', value: String(focused?.value ?? '') } }, responder);
    } else {
      await dispatcher.command(request, responder);
    }
  }
  if (!sent) throw new Error('the dispatcher finished without answering');
}

/** Reads the body, refusing (413) as soon as it exceeds the limit rather than buffering it all. */
function readBody(request: IncomingMessage): Promise<Buffer> {
  if (Number(request.headers['content-length'] ?? 0) > MAX_BODY_BYTES) return Promise.reject(new Refusal(413, 'body over the size limit'));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      chunks.push(chunk);
      if (size <= MAX_BODY_BYTES) return;
      // Stop reading; the 413 closes the connection (destroying the request here would lose the answer).
      request.off('data', onData).pause();
      reject(new Refusal(413, 'body over the size limit'));
    };
    request.on('data', onData).once('end', () => resolve(Buffer.concat(chunks))).once('error', reject);
  });
}

function parseInteraction(body: Buffer): Interaction {
  let json: unknown;
  try {
    json = JSON.parse(body.toString('utf8'));
  } catch {
    throw new Refusal(400, 'body is not JSON');
  }
  const parsed = InteractionSchema.safeParse(json);
  if (!parsed.success) throw new Refusal(400, `unsupported interaction: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return parsed.data;
}

function sendJson(response: ServerResponse, status: number, body: unknown): Promise<void> {
  return new Promise((resolve) => {
    response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body), () => resolve());
  });
}

/**
 * Starts the HTTP interactions endpoint: `POST /interactions` for Discord, `GET /healthz` for
 * load balancers (200 with the article count once the corpus is indexed, 503 before).
 */
export async function startHttpServer(options: HttpServerOptions): Promise<HttpEndpoint> {
  const { logger } = options;
  const key = publicKeyFromHex(options.publicKey);
  const now = options.now ?? Date.now;
  const rest = restClient(options.apiUrl);
  let service: InteractionService | null = null;
  options.service.then(
    (ready) => (service = ready),
    (error: unknown) => logger.error({ err: error }, 'the interaction service failed to start'),
  );

  async function interactions(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const signature = request.headers['x-signature-ed25519'];
    const timestamp = request.headers['x-signature-timestamp'];
    if (typeof signature !== 'string' || typeof timestamp !== 'string') throw new Refusal(401, 'unsigned request');
    const body = await readBody(request);
    if (!isAuthentic({ signature, timestamp, body }, key, now())) throw new Refusal(401, 'bad signature or stale timestamp');
    const interaction = parseInteraction(body);
    if (interaction.type === InteractionType.Ping) return sendJson(response, 200, { type: InteractionResponseType.Pong });
    return answer(interaction, service, (body) => sendJson(response, 200, body), rest);
  }

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (path === '/interactions') {
      if (request.method !== 'POST') return void response.writeHead(405, { allow: 'POST' }).end();
      return interactions(request, response);
    }
    if (path === '/healthz') {
      if (request.method !== 'GET' && request.method !== 'HEAD') return void response.writeHead(405, { allow: 'GET, HEAD' }).end();
      return service ? sendJson(response, 200, { status: 'ready', articles: service.library.coverage().articleCount }) : sendJson(response, 503, { status: 'loading' });
    }
    response.writeHead(404).end();
  }

  const headersTimeout = options.headersTimeoutMs ?? HEADERS_TIMEOUT_MS;
  const requestTimeout = options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS;
  // A client trickling its request ties up a socket. Node checks these timeouts only every
  // connectionsCheckingInterval (30 s by default), which stretched 5 s into 15 to 27 s.
  const timeouts = { headersTimeout, requestTimeout, connectionsCheckingInterval: Math.max(10, Math.min(1000, Math.floor(headersTimeout / 4))) };
  const server = createServer(timeouts, (request, response) => {
    const remote = request.socket.remoteAddress;
    route(request, response).catch((error: unknown) => {
      const refusal = error instanceof Refusal ? error : null;
      if (refusal) logger.warn({ status: refusal.status, reason: refusal.message, remote }, 'interaction request refused');
      else logger.error({ err: error }, 'interaction request failed');
      if (response.headersSent) return void response.destroy();
      // A refused body may still be arriving: close the connection instead of reading the rest of it.
      if (refusal?.status === 413) response.setHeader('connection', 'close');
      response.writeHead(refusal?.status ?? 500).end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = !options.host || options.host === '0.0.0.0' || options.host === '::' ? '127.0.0.1' : options.host;
  logger.info({ port }, 'listening for interactions on POST /interactions');
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
