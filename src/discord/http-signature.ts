/**
 * Discord's request signature: the Ed25519 signature in `X-Signature-Ed25519` must cover
 * `X-Signature-Timestamp` + the raw body bytes, and the timestamp must be within
 * `MAX_CLOCK_SKEW_SECONDS` of now, so a captured request cannot be replayed later.
 */
import { createPublicKey, verify, type KeyObject } from 'node:crypto';

/** How far a request's signed timestamp may be from this machine's clock. */
export const MAX_CLOCK_SKEW_SECONDS = 300;

/** The public key object for the hex key the Developer Portal shows. */
export function publicKeyFromHex(hex: string): KeyObject {
  if (!/^[0-9a-f]{64}$/i.test(hex)) throw new Error('expected an Ed25519 public key of 64 hex digits');
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(hex, 'hex').toString('base64url') }, format: 'jwk' });
}

/**
 * Whether Discord signed this exact request recently: the signature covers the timestamp header
 * followed by the body bytes received (re-serialised JSON would not verify).
 */
export function isAuthentic(request: { signature: string | undefined; timestamp: string | undefined; body: Buffer }, key: KeyObject, nowMs: number): boolean {
  const { signature, timestamp, body } = request;
  if (!signature || !timestamp || !/^[0-9a-f]{128}$/i.test(signature) || !/^\d{1,12}$/.test(timestamp)) return false;
  if (Math.abs(nowMs / 1000 - Number(timestamp)) > MAX_CLOCK_SKEW_SECONDS) return false;
  return verify(null, Buffer.concat([Buffer.from(timestamp, 'utf8'), body]), key, Buffer.from(signature, 'hex'));
}
