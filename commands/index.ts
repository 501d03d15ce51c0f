import type { Command } from '../src/discord/command.ts';
import { command as article } from './article.ts';
import { command as ask } from './ask.ts';
import { command as compare } from './compare.ts';
import { command as coverage } from './coverage.ts';
import { command as findCoverage } from './find-coverage.ts';
import { command as gaps } from './gaps.ts';
import { command as help } from './help.ts';
import { command as reload } from './reload.ts';
import { command as search } from './search.ts';
import { command as timeline } from './timeline.ts';

/** Every command newsdesk registers, in the order /help lists them. */
export const commands: readonly Command[] = [ask, search, compare, timeline, article, coverage, reload, gaps, help, findCoverage];
