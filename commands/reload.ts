import { PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import { ReloadInProgressError } from '../src/search/library.ts';
import type { ReloadReport } from '../src/search/results.ts';
import { ephemeralText, type Command, type CommandContext } from '../src/discord/command.ts';
import { DiscordLimits } from '../src/discord/limits.ts';
import { embedMessage, escapeText, fitLines, fitText, type MessagePayload } from '../src/discord/message.ts';
import { isModerator } from '../src/discord/moderation.ts';

/** What an operator does when the bot runs as several processes and /reload reached one. */
const SCOPE_NOTE = {
  replica: 'Only this replica reloaded: send SIGHUP to every replica (or set CORPUS_POLL_SECONDS) to reload them all.',
  shard: 'Only this shard reloaded: send SIGHUP to the shard manager to reload every shard.',
} as const;

/** The reload report: counts, then which files were rejected and why. */
export function reloadMessage(report: ReloadReport, scope?: CommandContext['reloadScope']): MessagePayload {
  const list = (ids: string[]) => fitLines(ids.map((id) => `• ${escapeText(fitText(id, 300))}`), DiscordLimits.embedFieldValue);
  const rejected = report.rejected.map((r) => `• ${escapeText(fitText(`${r.file}${r.record ? ` #${r.record}` : ''}: ${r.reason}`, 300))}`);
  return embedMessage({
    title: 'Corpus reloaded',
    description:
      `${report.articleCount} articles now served, loaded in ${(report.tookMs / 1000).toFixed(1)} s: ` +
      `${report.added.length} added, ${report.updated.length} updated, ${report.removed.length} removed, ${report.rejected.length} rejected.` +
      (scope ? `\n${SCOPE_NOTE[scope]}` : ''),
    fields: [
      ...(report.added.length ? [{ name: 'Added', value: list(report.added) }] : []),
      ...(report.updated.length ? [{ name: 'Updated', value: list(report.updated) }] : []),
      ...(report.removed.length ? [{ name: 'Removed', value: list(report.removed) }] : []),
      ...(rejected.length ? [{ name: 'Rejected', value: fitLines(rejected, DiscordLimits.embedFieldValue) }] : []),
    ],
  });
}

export const command: Command = {
  definition: new SlashCommandBuilder()
    .setName('reload')
    .setDescription('Moderators: load the corpus again, without a restart')
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .toJSON(),
  example: '/reload',
  deferred: { ephemeral: true },
  async execute(request, { library, moderatorRoleIds, reloadScope }) {
    if (!isModerator(request.invoker, moderatorRoleIds)) return ephemeralText('Only moderators (Manage Server) can reload the corpus.');
    try {
      return { message: reloadMessage(await library.reload(), reloadScope), ephemeral: true };
    } catch (error) {
      if (error instanceof ReloadInProgressError) return ephemeralText('A reload is already running. Try again when it has finished.');
      throw error;
    }
  },
};
