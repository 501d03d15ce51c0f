import { DiscordAPIError, REST } from 'discord.js';
import { ConfigError } from '../config.ts';

/** A Discord REST client on Discord's API, or on `apiUrl` (a proxy, a local test server) when given. */
export function restClient(apiUrl: string | undefined, token?: string): REST {
  const rest = new REST(apiUrl ? { api: apiUrl } : {});
  return token ? rest.setToken(token) : rest;
}

/** Network failures that mean nothing answers at the API address. */
const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNRESET', 'UND_ERR_CONNECT_TIMEOUT']);

/** The API address as shown in a message: without any credentials it may carry. */
function shownUrl(apiUrl: string): string {
  const url = new URL(apiUrl);
  return `${url.origin}${url.pathname}`;
}

/** The `code` a thrown value carries (Node's errno codes, discord.js's own), if any. */
function errorCode(error: unknown): unknown {
  return typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
}

/** The network error code of an error or its causes, if any. */
function networkCode(error: unknown): string | undefined {
  for (let cause = error, depth = 0; cause instanceof Error && depth < 5; cause = cause.cause, depth++) {
    const code = errorCode(cause);
    if (typeof code === 'string' && UNREACHABLE.has(code)) return code;
  }
  return undefined;
}

/**
 * A failed login or request as one line naming the setting at fault: a rejected token, an API
 * address where nothing answers, or one that is not Discord's API. Anything else is returned as it was.
 */
export function connectionFailure(error: unknown, apiUrl: string | undefined): unknown {
  const api = apiUrl ? `DISCORD_API_URL: ${shownUrl(apiUrl)}` : "Discord's API";
  if (errorCode(error) === 'TokenInvalid' || (error instanceof DiscordAPIError && error.status === 401)) {
    return new ConfigError('DISCORD_TOKEN: Discord rejected the token. Copy the current one from the Developer Portal (Bot > Reset Token).');
  }
  const code = networkCode(error);
  if (code) return new ConfigError(`${api}: nothing answers there (${code}).`);
  if (error instanceof DiscordAPIError && error.status === 404) {
    return new ConfigError(`${api} answered 404 Not Found: expected the API base, such as https://discord.com/api.`);
  }
  return error;
}
