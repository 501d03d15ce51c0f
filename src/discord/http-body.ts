/**
 * Reading an interaction request's body: bounded in size while it arrives, then checked to be an
 * interaction newsdesk can read before anything is done with it.
 */
import type { IncomingMessage } from 'node:http';
import { InteractionType, type APIInteraction } from 'discord-api-types/v10';
import { z } from 'zod';

/** Largest interaction body accepted; Discord's are a few KB. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** Why a request was turned away: the status, and the line logged. */
export class Refusal extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Reads the body, refusing (413) the moment it exceeds the limit rather than buffering it all. */
export function readBody(request: IncomingMessage): Promise<Buffer> {
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

const Id = z.string().min(1);
/** Who acted: a member in a guild, with the permissions newsdesk checks, or a user in DMs. */
const Actor = z.union([
  z.looseObject({ member: z.looseObject({ user: z.looseObject({ id: Id }), roles: z.array(z.string()), permissions: z.string().regex(/^\d+$/) }) }),
  z.looseObject({ user: z.looseObject({ id: Id }) }),
]);
/** What an answer needs: the interaction's id and token, and its application for the webhook edit. */
const Answerable = z.looseObject({ id: Id, application_id: Id, token: Id }).and(Actor);
const Option = z.looseObject({ name: z.string(), type: z.number().int() });
const CommandData = { name: Id, type: z.number().int() };

/**
 * The parts of an interaction newsdesk reads, checked; every other field is left untouched. Only
 * this is checked by hand: past it, the body is typed by Discord's own API types.
 */
const Envelope = z.union([
  z.looseObject({ type: z.literal(InteractionType.Ping) }),
  z.looseObject({ type: z.literal(InteractionType.ApplicationCommand), data: z.looseObject({ ...CommandData, options: z.array(Option).optional() }) }).and(Answerable),
  z.looseObject({ type: z.literal(InteractionType.ApplicationCommandAutocomplete), data: z.looseObject({ ...CommandData, options: z.array(Option) }) }).and(Answerable),
  z
    .looseObject({
      type: z.literal(InteractionType.MessageComponent),
      data: z.looseObject({ custom_id: z.string(), component_type: z.number().int() }),
      /** Where a button keeps its state (paging.ts). */
      message: z.looseObject({ embeds: z.array(z.looseObject({})) }).optional(),
    })
    .and(Answerable),
]);
/** A body that passes the envelope check, typed by the interaction Discord documents. */
const InteractionBody = z.custom<APIInteraction>((body) => Envelope.safeParse(body).success);

/** The interaction a verified body holds; refused (400) when it is not JSON or not an interaction newsdesk reads. */
export function interactionFromBody(body: Buffer): APIInteraction {
  let json: unknown;
  try {
    json = JSON.parse(body.toString('utf8'));
  } catch {
    throw new Refusal(400, 'body is not JSON');
  }
  const parsed = InteractionBody.safeParse(json);
  // Checked again for the log line only: the refusal names the first part that did not fit.
  if (!parsed.success) throw new Refusal(400, `unsupported interaction: ${Envelope.safeParse(json).error?.issues[0]?.message ?? 'invalid'}`);
  return parsed.data;
}
