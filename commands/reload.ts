import { ApplicationCommandOptionType, ApplicationCommandType, PermissionFlagsBits } from 'discord-api-types/v10';
import { ReloadInProgressError, ReloadRefusedError } from '../src/search/reload.ts';
import type { Rejection } from '../src/corpus/article.ts';
import type { ReloadReport } from '../src/search/results.ts';
import { ephemeralText, GUILD_CONTEXT, ShownFailure, type Command, type CommandContext } from '../src/discord/command.ts';
import { DiscordLimits } from '../src/discord/limits.ts';
import { embedMessage, escapeText, fitLines, fitText, shareOut, type MessagePayload } from '../src/discord/message.ts';
import { isModerator } from '../src/discord/moderation.ts';

/** What an operator does when the bot runs as several processes and /reload reached one. */
const SCOPE_NOTE = {
  replica: 'Only this replica reloaded: send SIGHUP to every replica (or set CORPUS_POLL_SECONDS) to reload them all.',
  shard: 'Only this shard reloaded: send SIGHUP to the shard manager to reload every shard.',
} as const;

/** What the moderator reads when a reload would drop too much of the coverage, and how to go ahead anyway. */
export function refusedReloadText(error: ReloadRefusedError): string {
  return (
    `Reload refused: it would remove ${error.removed} of the ${error.served} articles served, more than the ` +
    `${Math.round(error.maxLoss * 100)}% allowed. The current corpus keeps serving. Check the corpus folder ` +
    `(an empty or half-synced folder looks like this); if the removal is intended, run \`/reload confirm:true\`.`
  );
}

/** The reload report: counts, then which files were rejected and why, which loaded with a warning or duplicate another, and which articles keep their last good version. */
export function reloadMessage(report: ReloadReport, scope?: CommandContext['reloadScope']): MessagePayload {
  const located = (issue: Rejection) => `${issue.file}${issue.record ? ` #${issue.record}` : ''}: ${issue.reason}`;
  const warnings = report.warnings.map(located);
  const duplicates = report.duplicates.map((d) => `${d.id}: same text as ${d.duplicateOf}`);
  const kept = report.kept.map((k) => `${k.id}: ${k.reason}`);
  const title = 'Corpus reloaded';
  const description =
    `${report.articleCount} articles now served, loaded in ${(report.tookMs / 1000).toFixed(1)} s: ` +
    `${report.added.length} added, ${report.updated.length} updated, ${report.removed.length} removed, ${report.rejected.length} rejected` +
    (warnings.length ? `, ${warnings.length} loaded with a warning` : '') +
    (duplicates.length ? `, ${duplicates.length} not served as duplicates` : '') +
    (kept.length ? `; ${kept.length} kept at their last good version because their file is now unusable.` : '.') +
    (scope ? `\n${SCOPE_NOTE[scope]}` : '');
  const lists = (
    [
      ['Added', report.added],
      ['Updated', report.updated],
      ['Removed', report.removed],
      ['Kept (last good version)', kept],
      ['Rejected', report.rejected.map(located)],
      ['Warnings', warnings],
      ['Duplicates (not served)', duplicates],
    ] as const
  ).filter(([, lines]) => lines.length > 0);
  // Seven full fields would pass the embed's total and the last would be dropped: every list shares the room left.
  const room = DiscordLimits.embedTotal - title.length - description.length - lists.reduce((sum, [name]) => sum + name.length, 0);
  const full = lists.map(([, lines]) => bulleted(lines, DiscordLimits.embedFieldValue));
  const rooms = shareOut(full.map((value) => value.length), room);
  // Only a list given less room than its full field is made again, shorter.
  const fields = lists.map(([name, lines], i) => ({ name, value: (full[i]?.length ?? 0) <= (rooms[i] ?? 0) ? (full[i] ?? '') : bulleted(lines, rooms[i] ?? 0) }));
  return embedMessage({ title, description, fields });
}

/** Lines as bullets within `max` characters, each cut to 300 and escaped; the lines past the room are left out (and never escaped), the counts above saying how many there are. */
function bulleted(lines: readonly string[], max: number): string {
  function* bullets(): Generator<string> {
    for (const line of lines) yield `• ${escapeText(fitText(line, 300))}`;
  }
  return fitLines(bullets(), max);
}

const definition = {
  type: ApplicationCommandType.ChatInput,
  name: 'reload',
  description: 'Moderators: load the corpus again, without a restart',
  contexts: GUILD_CONTEXT,
  default_member_permissions: String(PermissionFlagsBits.ManageGuild),
  options: [{ type: ApplicationCommandOptionType.Boolean, name: 'confirm', description: 'Swap the reload in even if it removes more than the allowed share of the articles', required: false }],
} as const;

export const command: Command<typeof definition> = {
  definition,
  example: '/reload',
  deferred: { ephemeral: true },
  async execute(request, { library, moderatorRoleIds, reloadScope }) {
    if (!isModerator(request.invoker, moderatorRoleIds)) return ephemeralText('Only moderators (Manage Server) can reload the corpus.');
    try {
      const report = await library.reload({ confirm: request.options.confirm === true });
      return { message: reloadMessage(report, reloadScope), ephemeral: true };
    } catch (error) {
      if (error instanceof ReloadInProgressError) return ephemeralText('A reload is already running. Try again when it has finished.');
      if (error instanceof ReloadRefusedError) return ephemeralText(refusedReloadText(error));
      throw new ShownFailure(`The reload failed; the coverage as it was is still served. ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
  },
};
