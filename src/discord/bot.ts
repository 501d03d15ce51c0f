import { commands } from '../../commands/index.ts';
import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';
import type { Library } from '../search/library.ts';
import type { FeedbackRecorder } from '../store/recorder.ts';
import type { CommandContext } from './command.ts';
import { Dispatcher } from './dispatcher.ts';
import { LastQuestions } from './last-questions.ts';

/** The dispatcher over every command, as configured: what each transport serves. */
export function createDispatcher(
  library: Library,
  config: Pick<Config, 'MODERATOR_ROLE_IDS' | 'COOLDOWN_SECONDS'>,
  logger: Logger,
  reloadScope?: CommandContext['reloadScope'],
  feedback?: FeedbackRecorder | null,
): Dispatcher {
  return new Dispatcher(
    { library, commands, moderatorRoleIds: config.MODERATOR_ROLE_IDS, now: Date.now, lastQuestions: new LastQuestions(), ...(reloadScope && { reloadScope }), ...(feedback && { feedback }) },
    { cooldownMs: config.COOLDOWN_SECONDS * 1000, logger, ...(feedback?.shared && { sharedCooldowns: feedback }) },
  );
}
