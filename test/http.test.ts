import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, request as httpRequest, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PermissionFlagsBits } from 'discord.js';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerMessage } from '../commands/ask.ts';
import { readConfig } from '../src/config.ts';
import { createDispatcher } from '../src/discord/bot.ts';
import { startHttpServer, type HttpEndpoint, type InteractionService } from '../src/discord/http.ts';
import { MAX_BODY_BYTES } from '../src/discord/http-body.ts';
import { MAX_CLOCK_SKEW_SECONDS } from '../src/discord/http-signature.ts';
import { Library } from '../src/search/library.ts';
import { until } from './support/until.ts';

const APPLICATION_ID = '123456789012345678';
const GUILD_ID = '223456789012345678';
const MODERATOR = { id: '323456789012345678', username: 'moderator' };
const READER = { id: '423456789012345678', username: 'reader' };
const silent = pino({ level: 'silent' });

/** A fresh Ed25519 key pair, the public half as the 64 hex digits the Developer Portal shows. */
function keyPair(): { privateKey: KeyObject; publicHex: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const jwk = publicKey.export({ format: 'jwk' });
  return { privateKey, publicHex: Buffer.from(jwk.x ?? '', 'base64url').toString('hex') };
}

/** A local stand-in for Discord's REST API that records the webhook edits it receives. */
async function startWebhookRecorder(): Promise<{ apiUrl: string; edits: Array<{ method: string; path: string; body: unknown }>; close(): Promise<void> }> {
  const edits: Array<{ method: string; path: string; body: unknown }> = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      edits.push({ method: request.method ?? '', path: decodeURIComponent(request.url ?? ''), body: JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null') });
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: '1' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    apiUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`,
    edits,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

let interactionCount = 0;

/** A slash-command interaction as Discord sends it: in the guild unless `dm`. */
function commandInteraction(name: string, options: Array<{ name: string; type: number; value: string | number | boolean; focused?: boolean }>, who: { user: typeof READER; permissions?: bigint; dm?: boolean; type?: number }) {
  interactionCount += 1;
  return {
    type: who.type ?? 2,
    id: String(900000000000000000n + BigInt(interactionCount)),
    application_id: APPLICATION_ID,
    token: `interaction-token-${interactionCount}`,
    version: 1,
    data: { id: '523456789012345678', name, type: 1, options },
    ...(who.dm
      ? { user: who.user, channel_id: '623456789012345678' }
      : { guild_id: GUILD_ID, member: { user: who.user, roles: [], permissions: String(who.permissions ?? PermissionFlagsBits.SendMessages) } }),
  };
}

describe('HTTP interactions endpoint', () => {
  const { privateKey, publicHex } = keyPair();
  let corpusDir: string;
  let library: Library;
  let endpoint: HttpEndpoint;
  let recorder: Awaited<ReturnType<typeof startWebhookRecorder>>;

  /** Signs like Discord: Ed25519 over timestamp + body. */
  const signature = (timestamp: string, body: Buffer | string, key: KeyObject = privateKey) => sign(null, Buffer.concat([Buffer.from(timestamp), Buffer.from(body)]), key).toString('hex');
  const nowSeconds = () => String(Math.floor(Date.now() / 1000));

  async function post(body: string | Buffer, headers: Record<string, string>, url = `${endpoint.url}/interactions`) {
    const response = await fetch(url, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } });
    const text = await response.text();
    return { status: response.status, contentType: response.headers.get('content-type'), json: text ? (JSON.parse(text) as Record<string, any>) : null };
  }

  function signedPost(interaction: unknown, url?: string) {
    const body = JSON.stringify(interaction);
    const timestamp = nowSeconds();
    return post(body, { 'x-signature-ed25519': signature(timestamp, body), 'x-signature-timestamp': timestamp }, url);
  }

  beforeAll(async () => {
    corpusDir = await mkdtemp(join(tmpdir(), 'newsdesk-http-'));
    await cp('corpus', corpusDir, { recursive: true });
    library = await Library.open(corpusDir);
    recorder = await startWebhookRecorder();
    const dispatcher = createDispatcher(library, { MODERATOR_ROLE_IDS: [], COOLDOWN_SECONDS: 0 }, silent, 'replica');
    endpoint = await startHttpServer({ port: 0, host: '127.0.0.1', publicKey: publicHex, apiUrl: recorder.apiUrl, service: Promise.resolve({ library, dispatcher }), logger: silent });
  });

  afterAll(async () => {
    await endpoint?.close();
    await recorder?.close();
    await rm(corpusDir, { recursive: true, force: true });
  });

  it('answers PING with PONG', async () => {
    const response = await signedPost({ type: 1, id: '1', application_id: APPLICATION_ID, token: 't', version: 1 });
    expect(response).toEqual({ status: 200, contentType: 'application/json', json: { type: 1 } });
  });

  it('answers /ask in the HTTP response with the cited answer, pinging nobody', async () => {
    const question = 'Who met Khalil al-Hayya in Istanbul?';
    const response = await signedPost(commandInteraction('ask', [{ name: 'question', type: 3, value: question }], { user: READER }));
    expect(response.status).toBe(200);
    expect(response.contentType).toBe('application/json');
    expect(response.json?.type).toBe(4);
    const expected = answerMessage(library.answer(question));
    expect(response.json?.data.embeds).toEqual(expected.embeds);
    expect(response.json?.data.embeds[0].description).toMatch(/^> /);
    expect(response.json?.data.allowed_mentions).toEqual({ parse: [] });
    expect(response.json?.data.flags).toBeUndefined();
  });

  it('marks a private answer ephemeral (flags 64)', async () => {
    const response = await signedPost(
      commandInteraction('ask', [{ name: 'question', type: 3, value: 'Who met Khalil al-Hayya?' }, { name: 'private', type: 5, value: true }], { user: READER }),
    );
    expect(response.json).toMatchObject({ type: 4, data: { flags: 64, allowed_mentions: { parse: [] } } });
  });

  it('runs the Find coverage message menu on the target message text', async () => {
    const interaction = commandInteraction('Find coverage', [], { user: READER });
    const targetId = '723456789012345678';
    const data = { ...interaction.data, type: 3, target_id: targetId, resolved: { messages: { [targetId]: { id: targetId, content: 'Did Hakan Fidan meet Hamas?' } } } };
    const response = await signedPost({ ...interaction, data });
    expect(response.json).toMatchObject({ type: 4, data: { flags: 64 } });
    expect(response.json?.data.embeds[0].description).toContain('Turkiye FM meets Hamas politburo chief Khalil al');
    expect(response.json?.data.embeds[0].fields).toContainEqual({ name: 'Query', value: 'Did Hakan Fidan meet Hamas?', inline: true });
  });

  it('answers in DMs, where Discord sends a user instead of a member', async () => {
    const response = await signedPost(commandInteraction('coverage', [], { user: READER, dm: true }));
    expect(response.json?.type).toBe(4);
    expect(response.json?.data.embeds[0].description).toContain(`${library.coverage().articleCount} article`);
  });

  it('answers autocomplete with at most 25 choices (type 8)', async () => {
    const typed = library.suggestTitles('', 1)[0]!.title!.split(' ')[0]!;
    const response = await signedPost(commandInteraction('article', [{ name: 'title', type: 3, value: typed, focused: true }], { user: READER, type: 4 }));
    expect(response.json?.type).toBe(8);
    const choices = response.json?.data.choices as Array<{ name: string; value: string }>;
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.length).toBeLessThanOrEqual(25);
    expect(choices.map((choice) => choice.value)).toEqual(library.suggestTitles(typed, 25).map((ref) => ref.id));
  });

  it('updates the message a pressed button was on (type 7)', async () => {
    const press = { ...commandInteraction('search', [], { user: READER, type: 3 }), data: { custom_id: 'search:gone:2', component_type: 2 } };
    const response = await signedPost(press);
    expect(response.json).toMatchObject({ type: 7, data: { content: expect.stringContaining('expired'), components: [], allowed_mentions: { parse: [] } } });
  });

  it('defers /reload for a moderator (type 5, ephemeral) and edits the original response through the webhook', async () => {
    await writeFile(join(corpusDir, 'added.md'), '---\ntitle: Harbour reopens after storm\noutlet: Coast Herald\ndate: 2025-04-02\n---\n\nThe harbour reopened on Wednesday after a three-day closure.\n');
    const interaction = commandInteraction('reload', [], { user: MODERATOR, permissions: PermissionFlagsBits.ManageGuild });
    const response = await signedPost(interaction);
    expect(response.json).toEqual({ type: 5, data: { flags: 64 } });
    const edit = await until(() => recorder.edits.find((e) => e.path.includes(interaction.token)));
    expect(edit.method).toBe('PATCH');
    expect(edit.path).toBe(`/api/v10/webhooks/${APPLICATION_ID}/${interaction.token}/messages/@original`);
    expect(edit.body).toMatchObject({ embeds: [{ title: 'Corpus reloaded' }], allowed_mentions: { parse: [] } });
    const description = (edit.body as { embeds: Array<{ description: string }> }).embeds[0]!.description;
    expect(description).toContain(`${library.coverage().articleCount} articles now served`);
    expect(description).toContain('1 added');
    expect(description).toContain('Only this replica reloaded: send SIGHUP to every replica');
  });

  it('refuses /reload to a member without Manage Server, through the same deferred path', async () => {
    const interaction = commandInteraction('reload', [], { user: READER });
    expect((await signedPost(interaction)).json).toEqual({ type: 5, data: { flags: 64 } });
    const edit = await until(() => recorder.edits.find((e) => e.path.includes(interaction.token)));
    expect(edit.body).toMatchObject({ content: expect.stringContaining('Only moderators') });
  });

  it('answers 20 concurrent signed requests, each with its own answer', async () => {
    const questions = Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? `Who met Khalil al-Hayya? (${i})` : `What did Hakan Fidan say about the ceasefire? (${i})`));
    const responses = await Promise.all(questions.map((question) => signedPost(commandInteraction('ask', [{ name: 'question', type: 3, value: question }], { user: READER }))));
    responses.forEach((response, i) => {
      expect(response.status).toBe(200);
      expect(response.json?.type).toBe(4);
      expect(response.json?.data.embeds).toEqual(answerMessage(library.answer(questions[i]!)).embeds);
    });
  });

  describe('refuses what Discord did not sign', () => {
    const ping = JSON.stringify({ type: 1, id: '1', application_id: APPLICATION_ID, token: 't', version: 1 });

    it('a tampered body (401)', async () => {
      const timestamp = nowSeconds();
      const response = await post(ping.replace('"type":1', '"type":1 '), { 'x-signature-ed25519': signature(timestamp, ping), 'x-signature-timestamp': timestamp });
      expect(response.status).toBe(401);
    });

    it('a signature made with another timestamp than the header says (401)', async () => {
      const timestamp = nowSeconds();
      const response = await post(ping, { 'x-signature-ed25519': signature(String(Number(timestamp) - 1), ping), 'x-signature-timestamp': timestamp });
      expect(response.status).toBe(401);
    });

    it('a missing signature (401)', async () => {
      expect((await post(ping, { 'x-signature-timestamp': nowSeconds() })).status).toBe(401);
      expect((await post(ping, {})).status).toBe(401);
    });

    it('a signature by another key (401)', async () => {
      const timestamp = nowSeconds();
      const response = await post(ping, { 'x-signature-ed25519': signature(timestamp, ping, keyPair().privateKey), 'x-signature-timestamp': timestamp });
      expect(response.status).toBe(401);
    });

    it('a correctly signed request replayed later than the allowed clock skew (401)', async () => {
      const timestamp = String(Math.floor(Date.now() / 1000) - MAX_CLOCK_SKEW_SECONDS - 5);
      const response = await post(ping, { 'x-signature-ed25519': signature(timestamp, ping), 'x-signature-timestamp': timestamp });
      expect(response.status).toBe(401);
    });
  });

  describe('refuses malformed requests', () => {
    it('an oversized body (413), announced by Content-Length', async () => {
      const body = Buffer.alloc(MAX_BODY_BYTES + 1, 0x20);
      const timestamp = nowSeconds();
      const response = await post(body, { 'x-signature-ed25519': signature(timestamp, body), 'x-signature-timestamp': timestamp });
      expect(response.status).toBe(413);
    });

    it('an oversized body (413) sent in chunks without a length, without reading it all', async () => {
      const url = new URL(`${endpoint.url}/interactions`);
      const status = await new Promise<number>((resolve, reject) => {
        const request = httpRequest({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { 'x-signature-ed25519': '0'.repeat(128), 'x-signature-timestamp': nowSeconds() } });
        request.on('response', (response) => resolve(response.statusCode ?? 0));
        request.on('error', reject);
        const chunk = Buffer.alloc(64 * 1024, 0x20);
        // Twice the limit, and the body never ends: the server must answer without waiting for it
        // (a server that waits is cut off by its request timeout, 408). Every write counts, the ones
        // the stream buffers too: counted only when accepted, the writes went on until the server
        // closed, and a write failing with EPIPE could come before the response was read.
        let sent = 0;
        const pump = () => {
          while (sent < 2 * MAX_BODY_BYTES) {
            sent += chunk.length;
            if (!request.write(chunk)) return void request.once('drain', pump);
          }
        };
        pump();
      });
      expect(status).toBe(413);
    });

    it('malformed JSON with a valid signature (400)', async () => {
      const body = '{"type": 1,';
      const timestamp = nowSeconds();
      expect((await post(body, { 'x-signature-ed25519': signature(timestamp, body), 'x-signature-timestamp': timestamp })).status).toBe(400);
    });

    it('an interaction without the parts newsdesk reads (400)', async () => {
      expect((await signedPost({ type: 2, id: '1', application_id: APPLICATION_ID, token: 't', data: {} })).status).toBe(400);
    });

    it('other paths (404) and other methods (405)', async () => {
      expect((await fetch(`${endpoint.url}/`)).status).toBe(404);
      expect((await fetch(`${endpoint.url}/interactions`)).status).toBe(405);
      expect((await fetch(`${endpoint.url}/healthz`, { method: 'POST' })).status).toBe(405);
    });
  });

  it('reports health: 503 while the corpus loads, then ready with the article count', async () => {
    let ready: (service: InteractionService) => void = () => {};
    const loading = await startHttpServer({ port: 0, host: '127.0.0.1', publicKey: publicHex, service: new Promise((resolve) => (ready = resolve)), logger: silent });
    try {
      const before = await fetch(`${loading.url}/healthz`);
      expect(before.status).toBe(503);
      const early = await signedPost(commandInteraction('coverage', [], { user: READER }), `${loading.url}/interactions`);
      expect(early.json).toMatchObject({ type: 4, data: { flags: 64, content: expect.stringContaining('still loading') } });
      ready({ library, dispatcher: createDispatcher(library, { MODERATOR_ROLE_IDS: [], COOLDOWN_SECONDS: 0 }, silent) });
      await new Promise((resolve) => setImmediate(resolve));
      const after = await fetch(`${loading.url}/healthz`);
      expect(after.status).toBe(200);
      expect(await after.json()).toEqual({ status: 'ready', articles: library.coverage().articleCount });
    } finally {
      await loading.close();
    }
  });
});

describe('HTTP mode configuration', () => {
  it('defaults to the gateway and port 8080', () => {
    expect(readConfig({})).toMatchObject({ INTERACTIONS_MODE: 'gateway', PORT: 8080, TOTAL_SHARDS: 'auto', CORPUS_POLL_SECONDS: 0 });
  });

  it('requires the public key in http mode, and a well-formed one', () => {
    expect(() => readConfig({ INTERACTIONS_MODE: 'http' })).toThrow(/^DISCORD_PUBLIC_KEY: required when INTERACTIONS_MODE is http/);
    expect(() => readConfig({ INTERACTIONS_MODE: 'http', DISCORD_PUBLIC_KEY: 'abc' })).toThrow(/^DISCORD_PUBLIC_KEY: expected the 64-hex-digit public key/);
    expect(readConfig({ INTERACTIONS_MODE: 'http', DISCORD_PUBLIC_KEY: 'ab'.repeat(32), PORT: '9000' })).toMatchObject({ INTERACTIONS_MODE: 'http', PORT: 9000 });
  });

  it.each([
    [{ TOTAL_SHARDS: '0' }, /^TOTAL_SHARDS: expected auto or at least 1 shard/],
    [{ TOTAL_SHARDS: 'many' }, /^TOTAL_SHARDS: expected auto or a number of shards/],
    [{ PORT: 'http' }, /^PORT: expected a port number/],
    [{ INTERACTIONS_MODE: 'webhook' }, /^INTERACTIONS_MODE: expected gateway or http/],
  ])('names the variable and what it expects: %j', (env, message) => {
    expect(() => readConfig(env)).toThrow(message);
  });
});

describe('HTTP endpoint timeouts', () => {
  /** What the endpoint answers a client that sends `opening` and then nothing more. */
  async function answerToStalledClient(opening: string): Promise<string> {
    const endpoint = await startHttpServer({ port: 0, host: '127.0.0.1', publicKey: keyPair().publicHex, service: new Promise(() => undefined), logger: silent, headersTimeoutMs: 200, requestTimeoutMs: 400 });
    try {
      const { port } = new URL(endpoint.url);
      const socket = connect(Number(port), '127.0.0.1');
      let received = '';
      socket.on('data', (chunk) => (received += chunk));
      socket.write(opening);
      await once(socket, 'close');
      return received;
    } finally {
      await endpoint.close();
    }
  }

  it('answers 408 to a client that stops in the middle of its headers, after the configured time', async () => {
    expect(await answerToStalledClient('POST /interactions HTTP/1.1\r\nHost: bot\r\n')).toMatch(/^HTTP\/1\.1 408/);
  });

  it('answers 408 to a client that stops in the middle of its body, after the configured time', async () => {
    expect(await answerToStalledClient('POST /interactions HTTP/1.1\r\nHost: bot\r\nContent-Length: 100\r\nX-Signature-Ed25519: 00\r\nX-Signature-Timestamp: 1\r\n\r\n{"type":')).toMatch(/^HTTP\/1\.1 408/);
  });
});
