import { PermissionFlagsBits } from 'discord.js';
import type { Invoker } from './command.ts';

/**
 * Whether the invoker may run moderator commands: Manage Server (or Administrator) in the guild,
 * or one of the configured moderator roles. Discord hides such commands from others already;
 * this check holds even if a server's integration settings open the command to everyone.
 */
export function isModerator(invoker: Invoker, moderatorRoleIds: readonly string[]): boolean {
  const permissions = invoker.permissions ?? 0n;
  if ((permissions & (PermissionFlagsBits.ManageGuild | PermissionFlagsBits.Administrator)) !== 0n) return true;
  return invoker.roleIds.some((role) => moderatorRoleIds.includes(role));
}
