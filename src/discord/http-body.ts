/**
 * Reading an interaction request's body: bounded in size while it arrives, then checked to be an
 * interaction newsdesk can read (interaction.ts says what that is) before anything is done with it.
 */
import type { IncomingMessage } from 'node:http';
import type { APIInteraction } from 'discord-api-types/v10';
import { readInteraction } from './interaction.ts';

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

/** The interaction a verified body holds; refused (400) when it is not JSON or not an interaction newsdesk reads. */
export function interactionFromBody(body: Buffer): APIInteraction {
  let json: unknown;
  try {
    json = JSON.parse(body.toString('utf8'));
  } catch {
    throw new Refusal(400, 'body is not JSON');
  }
  const read = readInteraction(json);
  if ('problem' in read) throw new Refusal(400, `unsupported interaction: ${read.problem}`);
  return read.interaction;
}
