import { ApplicationCommandOptionType, ApplicationCommandType, ButtonStyle, ComponentType } from 'discord-api-types/v10';
import type { Answer } from '../src/search/results.ts';
import { ephemeralText, MEMBER_CONTEXTS, type Command } from '../src/discord/command.ts';
import type { StoryFact } from '../src/search/story-questions.ts';
import { attributionLine, displayDate, displayText, embedMessage, fitEach, type MessagePayload } from '../src/discord/message.ts';
import { DiscordLimits } from '../src/discord/limits.ts';
import { FILTER_OPTIONS, filtersFrom, MAX_QUERY_LENGTH, outletChoices, usableAsk } from '../src/discord/options.ts';

/**
 * Room for all quoted sentences together: with the title, the two fields and the footer, the embed
 * stays under Discord's 6,000-character total, so the quotes are never cut after their markers
 * are added and no source field is dropped to make room.
 */
const QUOTES_ROOM = 3000;

/** Room for a notice, which may repeat words of the question or an outlet's name. */
const NOTICE_ROOM = 500;

/** Room for a story's fact: a headline, an outlet or a byline. */
const FACT_ROOM = 300;

/** Room for a follow-up's question as read, names put in for its pronouns: within the embed's total beside the quotes, the title and the two fields. */
const READ_AS_ROOM = 300;

/** The first line of a question read with names for its pronouns: the question as read, so a wrong reading is plain to see; nothing for a question read as asked. */
function readAsLine({ readAs }: Answer): string {
  if (readAs === null) return '';
  const read = displayText(readAs.question, READ_AS_ROOM);
  return readAs.from === 'follow-up' ? `*Read as a follow-up: ${read}*\n\n` : `*Read as: ${read} (names taken from the quoted story)*\n\n`;
}

/** How each fact of a story is named before its value. */
const FACT_LABELS: Record<StoryFact, string> = { headline: 'Headline', published: 'Published', outlet: 'Outlet', author: 'Byline' };

/** The fact a question about a story asked, from the story's attribution; nothing for any other question. */
function factLine({ fact }: Answer): string {
  if (fact === null) return '';
  const value = fact.asked === 'published' ? displayDate(fact.value) : displayText(fact.value, FACT_ROOM);
  return `**${FACT_LABELS[fact.asked]}:** ${value} **[${fact.citation}]**\n\n`;
}

/**
 * Below this confidence the footer says the quotes may not answer: answers around 0.5 are right
 * about half the time, so a reader should weigh them as the closest passages, not the answer.
 */
const UNSURE = 0.5;

/** The footer under an answer: quoted verbatim, how sure, and under `UNSURE`, that it may not answer. */
function answerFooter(answer: Answer): string {
  if (!answer.answered) return 'Not in the coverage';
  // Judged on the percentage shown, so "50%" never carries the warning and "49%" always does.
  const percent = Math.round(answer.confidence * 100);
  const sure = `Quoted verbatim · confidence ${percent}%`;
  return percent < UNSURE * 100 ? `${sure} · these may not answer the question` : sure;
}

/**
 * An answer's text: the fact a question about a story asked, a notice on the stories quoted
 * ("Only one story holds..."), then the quotes. The fact and the notice take their room from the
 * quotes', so the embed's total stays as budgeted.
 */
function answeredText(answer: Answer): string {
  const opening = factLine(answer) + (answer.notice === null ? '' : `*${displayText(answer.notice, NOTICE_ROOM)}*\n\n`);
  const room = Math.floor((QUOTES_ROOM - opening.length) / Math.max(1, answer.sentences.length));
  return opening + answer.sentences.map((sentence) => `> ${displayText(sentence.text, room)} **[${sentence.citation}]**`).join('\n\n');
}

/** What an unanswered question is told: its notice, or that nothing was found, and whether closest articles follow. */
function unansweredText(answer: Answer, withRelated: boolean): string {
  return (answer.notice === null ? "I couldn't find this in the coverage." : displayText(answer.notice, NOTICE_ROOM)) + (withRelated ? ' These articles come closest:' : '');
}

/** The feedback buttons' custom_ids: `ask:<recorded ask id>:<1 helpful | 0 not helpful>`. */
const VOTES = { helpful: '1', notHelpful: '0' } as const;

/** "Helpful" and "Not helpful" under a recorded answer; any member may press each, a later press replacing an earlier one. */
function feedbackButtons(askId: string): NonNullable<MessagePayload['components']> {
  const button = (label: string, vote: string, style: ButtonStyle.Success | ButtonStyle.Secondary) => ({ type: ComponentType.Button as const, style, label, custom_id: `ask:${askId}:${vote}` });
  return [{ type: ComponentType.ActionRow as const, components: [button('Helpful', VOTES.helpful, ButtonStyle.Success), button('Not helpful', VOTES.notHelpful, ButtonStyle.Secondary)] }];
}

/** The answer as posted: quoted sentences with [n] markers, then the numbered sources; feedback buttons when the ask was recorded. */
export function answerMessage(answer: Answer, askId: string | null = null): MessagePayload {
  // Every quote's [n] keeps its source line: long titles and links are shortened to share the field, never left out.
  const sources = fitEach(answer.sources, DiscordLimits.embedFieldValue, (source, room) => {
    const marker = `**[${source.n}]** `;
    return marker + attributionLine(source, room - marker.length);
  });
  const related = fitEach(answer.related, DiscordLimits.embedFieldValue, (article, room) => `• ${attributionLine(article, room - 2)}`);
  const fields = answer.answered
    ? [{ name: 'Sources', value: sources }, ...(related ? [{ name: 'Related coverage', value: related }] : [])]
    : related
      ? [{ name: 'Closest articles', value: related }]
      : [];
  const description = readAsLine(answer) + (answer.answered ? answeredText(answer) : unansweredText(answer, related !== ''));
  return embedMessage({
    title: displayText(answer.question, DiscordLimits.embedTitle),
    description,
    fields,
    footer: { text: answerFooter(answer) },
  }, askId === null ? [] : feedbackButtons(askId));
}

const definition = {
  type: ApplicationCommandType.ChatInput,
  name: 'ask',
  description: 'Ask a question: get sentences quoted from the coverage, each cited',
  contexts: MEMBER_CONTEXTS,
  options: [
    { type: ApplicationCommandOptionType.String, name: 'question', description: 'What do you want to know?', required: true, max_length: MAX_QUERY_LENGTH },
    ...FILTER_OPTIONS,
    { type: ApplicationCommandOptionType.Boolean, name: 'private', description: 'Only you see the answer', required: false },
  ],
} as const;

export const command: Command<typeof definition> = {
  definition,
  example: '/ask question: Who met Khalil al-Hayya in Istanbul?',
  cooldown: true,
  execute({ options, invoker, guildId, channelId }, { library, feedback, lastQuestions, now }) {
    const filters = filtersFrom(options, library);
    const conversation = { userId: invoker.id, channelId };
    const at = now();
    const answer = library.answer(usableAsk(options.question), filters, lastQuestions?.earlier(conversation, at));
    lastQuestions?.remember(conversation, answer.question, at);
    const askId = feedback?.recordAsk(answer, { userId: invoker.id, guildId: guildId ?? null }) ?? null;
    return { message: answerMessage(answer, askId), ephemeral: options.private === true };
  },
  autocomplete: outletChoices,
  press(request, { feedback }) {
    const [, askId = '', vote = ''] = request.customId.split(':');
    if (!feedback?.recording || !askId || !Object.values<string>(VOTES).includes(vote)) return { kind: 'reply', reply: ephemeralText('Feedback is not being recorded at the moment. Thank you all the same.') };
    const helpful = vote === VOTES.helpful;
    feedback.recordVote(askId, request.invoker.id, helpful);
    return { kind: 'reply', reply: ephemeralText(helpful ? 'Thanks: marked as helpful. Pressing the other button changes your vote.' : 'Thanks: marked as not helpful. The moderators see which answers missed, to improve the coverage.') };
  },
};
