import { ApplicationCommandType } from 'discord-api-types/v10';
import { isSlashCommand, MEMBER_CONTEXTS, type Command } from '../src/discord/command.ts';
import { embedMessage } from '../src/discord/message.ts';

const definition = {
  type: ApplicationCommandType.ChatInput,
  name: 'help',
  description: 'What each command does, with an example',
  contexts: MEMBER_CONTEXTS,
  options: [],
} as const;

export const command: Command<typeof definition> = {
  definition,
  example: '/help',
  execute(_request, { commands }) {
    return {
      message: embedMessage({
        title: 'newsdesk',
        description:
          'Answers come as sentences quoted verbatim from the coverage, each cited to its article. ' +
          'Press Helpful or Not helpful under an answer: the moderators see, with /gaps, what the coverage does not answer.',
        fields: commands.map((c) =>
          isSlashCommand(c)
            ? { name: `/${c.definition.name}`, value: `${c.definition.description}\nExample: \`${c.example}\`` }
            : { name: `${c.definition.name} (message menu)`, value: c.example },
        ),
      }),
      ephemeral: true,
    };
  },
};
