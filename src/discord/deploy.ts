import { Routes } from 'discord.js';
import type { Command } from './command.ts';
import { connectionFailure, restClient } from './rest.ts';

/** Where and as whom to register the commands. */
export interface DeployTarget {
  token: string;
  applicationId: string;
  /** Registers for this guild only (instant); globally when undefined (may take up to an hour to show). */
  guildId?: string;
  apiUrl?: string;
}

/**
 * Registers the slash commands by bulk overwrite, so running it twice changes nothing and a
 * command removed from the code disappears from Discord.
 */
export async function deployCommands(target: DeployTarget, definitions: Command['definition'][]): Promise<string> {
  const rest = restClient(target.apiUrl, target.token);
  const route = target.guildId ? Routes.applicationGuildCommands(target.applicationId, target.guildId) : Routes.applicationCommands(target.applicationId);
  let registered: unknown;
  try {
    registered = await rest.put(route, { body: definitions });
  } catch (error) {
    throw connectionFailure(error, target.apiUrl);
  }
  // Discord answers a bulk overwrite with the commands it now holds.
  return `Registered ${Array.isArray(registered) ? registered.length : 0} commands ${target.guildId ? `in guild ${target.guildId}` : 'globally'}.`;
}
