/**
 * The HTTP interactions transport: Discord POSTs each interaction to `/interactions` and takes the
 * HTTP response for the first answer, so no gateway connection is held and any number of
 * stateless replicas can sit behind a load balancer.
 *
 * Every request is authenticated before anything else is done with it (http-signature.ts):
 * unsigned, tampered or stale requests get 401 and are never parsed. The body is read within a
 * size limit and checked to be an interaction (http-body.ts); interaction.ts maps it to the
 * engine's request, like the gateway's.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { InteractionResponseType, type APIInteraction, type APIInteractionResponse } from 'discord-api-types/v10';
import type { REST } from 'discord.js';
import type { Logger } from '../log.ts';
import type { Library } from '../search/library.ts';
import type { Dispatcher } from './dispatcher.ts';
import { interactionFromBody, readBody, Refusal } from './http-body.ts';
import { isAuthentic, publicKeyFromHex } from './http-signature.ts';
import { editOriginalResponse, loadingServer, requestOf, serveRequest, type InteractionChannel } from './interaction.ts';
import { restClient } from './rest.ts';

/** Time a client has to send its request headers; Discord sends small requests at once. */
const HEADERS_TIMEOUT_MS = 5_000;
/** Time a client has to send its whole request, body included. */
const REQUEST_TIMEOUT_MS = 10_000;

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

/**
 * Answers through the HTTP response first (`respond`, called once) and the interaction's webhook
 * after that (the edit that follows a defer), since the response is already sent by then.
 */
function httpChannel(interaction: APIInteraction, respond: (body: APIInteractionResponse) => Promise<void>, rest: REST): InteractionChannel {
  let answered = false;
  return {
    callback: async (body) => {
      if (answered) throw new Error('This interaction was already answered.');
      answered = true;
      await respond(body);
    },
    editOriginal: async (message) => {
      if (!answered) throw new Error('Nothing to edit: the interaction was not deferred.');
      await editOriginalResponse(rest, interaction, message);
    },
  };
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
    const interaction = interactionFromBody(body);
    const served = requestOf(interaction);
    // A PING is Discord checking the endpoint: answered while the corpus is still loading too.
    if (served.kind === 'ping') return sendJson(response, 200, { type: InteractionResponseType.Pong });
    if (served.kind === 'unsupported') throw new Refusal(400, `unsupported interaction: ${served.reason}`);
    const channel = httpChannel(interaction, (answer) => sendJson(response, 200, answer), rest);
    await serveRequest(served, service?.dispatcher ?? loadingServer, channel);
    if (!response.headersSent) throw new Error('the dispatcher finished without answering');
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
  const address = server.address();
  // A string address is a pipe or socket path, which listen() was not given.
  const port = typeof address === 'object' && address !== null ? address.port : options.port;
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
