import { REST } from 'discord.js';

/** A Discord REST client on Discord's API, or on `apiUrl` (a proxy, a local test server) when given. */
export function restClient(apiUrl: string | undefined, token?: string): REST {
  const rest = new REST(apiUrl ? { api: apiUrl } : {});
  return token ? rest.setToken(token) : rest;
}
