import { ApplicationCommandOptionType, ApplicationCommandType, PermissionFlagsBits } from 'discord-api-types/v10';
import { isGapsWindow, MAX_GAPS_DAYS, type GapsReport } from '../src/store/gaps.ts';
import { ephemeralText, GUILD_CONTEXT, OptionError, type Command } from '../src/discord/command.ts';
import { DiscordLimits } from '../src/discord/limits.ts';
import { displayDate, displayText, embedMessage, fitLines, type MessagePayload } from '../src/discord/message.ts';
import { isModerator } from '../src/discord/moderation.ts';

/** The window /gaps looks back over when no `days` is given. */
const DEFAULT_DAYS = 30;
/** Longest question shown in a list line, so ten lines fit a field. */
const MAX_QUESTION = 150;

const quoted = (question: string) => `“${displayText(question, MAX_QUESTION)}”`;

/** What readers could not find: unanswered questions grouped by meaning, unhelpful answers, most cited articles. */
export function gapsMessage(report: GapsReport): MessagePayload {
  const unanswered = report.unanswered.map(
    (group) => `**${group.count}×** ${quoted(group.question)}${group.otherWordings.length ? ` · also asked as ${group.otherWordings.map(quoted).join(', ')}` : ''}`,
  );
  const notHelpful = report.notHelpful.map((answer) => `**${answer.notHelpful}×** not helpful (${answer.helpful} helpful): ${quoted(answer.question)}`);
  const cited = report.mostCited.map((article) => `**${article.count}×** ${displayText(article.title ?? 'Untitled article', 150)} (${displayText(article.id, 100)})`);
  const empty = unanswered.length + notHelpful.length + cited.length === 0;
  return embedMessage({
    title: `Knowledge gaps · last ${report.days} day${report.days === 1 ? '' : 's'}`,
    description: empty
      ? 'No questions were recorded in this period.'
      : 'Questions the coverage did not answer (the same question in other words counted together), answers marked "Not helpful", and the articles answers cite most.',
    fields: [
      { name: 'Not answered', value: fitLines(unanswered, DiscordLimits.embedFieldValue) || 'none' },
      { name: 'Marked not helpful', value: fitLines(notHelpful, DiscordLimits.embedFieldValue) || 'none' },
      { name: 'Most cited articles', value: fitLines(cited, DiscordLimits.embedFieldValue) || 'none' },
    ],
    footer: { text: `${displayDate(report.since)} to ${displayDate(report.until)} UTC` },
  });
}

const definition = {
  type: ApplicationCommandType.ChatInput,
  name: 'gaps',
  description: 'Moderators: what members asked that the coverage did not answer',
  contexts: GUILD_CONTEXT,
  default_member_permissions: String(PermissionFlagsBits.ManageGuild),
  options: [{ type: ApplicationCommandOptionType.Integer, name: 'days', description: `How many days back to look (default ${DEFAULT_DAYS})`, required: false, min_value: 1, max_value: MAX_GAPS_DAYS }],
} as const;

export const command: Command<typeof definition> = {
  definition,
  example: '/gaps days: 7',
  deferred: { ephemeral: true },
  async execute(request, { moderatorRoleIds, feedback }) {
    if (!isModerator(request.invoker, moderatorRoleIds)) return ephemeralText('Only moderators (Manage Server) can see the knowledge gaps.');
    if (!feedback?.recording) return ephemeralText('Questions are not being recorded (FEEDBACK_RECORDING=off), so there are no gaps to show.');
    const days = request.options.days ?? DEFAULT_DAYS;
    if (!isGapsWindow(days)) throw new OptionError(`\`days\` must be a whole number of days, from 1 to ${MAX_GAPS_DAYS}.`);
    return { message: gapsMessage(await feedback.gaps(days, request.guildId ?? null)), ephemeral: true };
  },
};
