import { ApplicationCommandOptionType, ApplicationCommandType } from 'discord-api-types/v10';
import { fold } from '../search/analyzer.ts';
import type { Library } from '../search/library.ts';
import { MAX_QUESTION_LENGTH, readQuestion } from '../search/question.ts';
import { unnamedPronoun } from '../search/follow-up.ts';
import { describeFilterProblem, readFilters, type Filters, type RawFilters } from '../search/filters.ts';
import { displayText } from './message.ts';
import {
  isSlashDefinition,
  MESSAGE_OPTION,
  OptionError,
  type ArgumentsOfOptions,
  type AutocompleteRequest,
  type Choice,
  type Command,
  type CommandContext,
  type CommandDefinition,
  type CommandRequest,
  type DeclaredOption,
  type OptionValue,
  type RawOptions,
} from './command.ts';

/** The engine's longest question, also what Discord lets a member type into the option. */
export { MAX_QUESTION_LENGTH as MAX_QUERY_LENGTH } from '../search/question.ts';

/** The since / until options (/compare has no outlet filter: it lists outlets). */
export const DATE_OPTIONS = [
  { type: ApplicationCommandOptionType.String, name: 'since', description: 'Published on or after this day (YYYY-MM-DD)', required: false, max_length: 10 },
  { type: ApplicationCommandOptionType.String, name: 'until', description: 'Published on or before this day (YYYY-MM-DD)', required: false, max_length: 10 },
] as const;

/** The outlet / since / until options shared by /ask, /search and /timeline. */
export const FILTER_OPTIONS = [
  { type: ApplicationCommandOptionType.String, name: 'outlet', description: 'Only articles from this outlet', required: false, autocomplete: true, max_length: 100 },
  ...DATE_OPTIONS,
] as const;

/** The filter arguments, as a command declaring some or all of `FILTER_OPTIONS` receives them. */
export type FilterArguments = ArgumentsOfOptions<(typeof FILTER_OPTIONS)[number]>;

/** The options a command declares: a message menu command's one is the message's text. */
function declaredOptions(definition: CommandDefinition): readonly DeclaredOption[] {
  if (isSlashDefinition(definition)) return definition.options ?? [];
  return definition.type === ApplicationCommandType.Message ? [MESSAGE_OPTION] : [];
}

/**
 * The value a handler receives for a declared option, or undefined when it was not given: text
 * trimmed (blank counts as not given), a number read from the console's text, a boolean only as such.
 */
function argumentValue(option: DeclaredOption, value: OptionValue | undefined): OptionValue | undefined {
  switch (option.type) {
    case ApplicationCommandOptionType.String:
      return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
    case ApplicationCommandOptionType.Integer:
    case ApplicationCommandOptionType.Number: {
      const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
      if (number === undefined || (typeof number === 'number' && Number.isFinite(number))) return number;
      throw new OptionError(`\`${option.name}\` must be a number.`);
    }
    case ApplicationCommandOptionType.Boolean:
      return typeof value === 'boolean' ? value : undefined;
  }
}

/**
 * The arguments a command's handler receives: each option its definition declares, read by its
 * type; a required one not given is the user's mistake, not a crash. Options it does not declare
 * are dropped, so a handler only ever sees what its `ArgumentsOf` type says.
 */
export function readArguments(command: Command, options: RawOptions): RawOptions {
  const read: RawOptions = {};
  for (const option of declaredOptions(command.definition)) {
    const value = argumentValue(option, options[option.name]);
    if (value !== undefined) read[option.name] = value;
    else if (option.required) throw new OptionError(`Please give the \`${option.name}\` option.`);
  }
  return read;
}

/**
 * Reads and validates the filter options; a malformed date, or an outlet the coverage does not
 * hold (which would only ever find nothing), becomes a short message to the user.
 */
export function filtersFrom({ outlet, since, until }: FilterArguments, library: Library): Filters {
  const filters = checkedFilters({ outlet, since, until });
  if (filters.outlet !== undefined) requireKnownOutlet(filters.outlet, library);
  return filters;
}

/** How many outlet names a refused outlet filter suggests. */
const OUTLET_SUGGESTIONS = 3;
/** Outlets compared with a refused name, largest first: bounds the work a mistyped outlet costs in a corpus of thousands. */
const COMPARED_OUTLETS = 500;

/** Throws an OptionError naming the closest outlets when no article comes from `outlet`. */
function requireKnownOutlet(outlet: string, library: Library): void {
  const outlets = library.coverage().outlets.flatMap((entry) => (entry.outlet === null ? [] : [entry.outlet]));
  const wanted = outlet.toLowerCase();
  if (outlets.some((name) => name.toLowerCase() === wanted)) return;
  const closest = closestNames(outlet, outlets.slice(0, COMPARED_OUTLETS), OUTLET_SUGGESTIONS);
  const named = `No article in the coverage is from “${displayText(outlet, 100)}”.`;
  throw new OptionError(closest.length ? `${named} Closest outlets: ${closest.map((name) => displayText(name, 100)).join(', ')}.` : named);
}

/**
 * The names nearest to what was typed: by edit distance between folded names (each cut a little
 * past the typed length, so a long name costs no more than a short one), ties by order given.
 */
function closestNames(typed: string, names: readonly string[], limit: number): string[] {
  const folded = fold(typed);
  return names
    .map((name, order) => ({ name, order, distance: editDistance(folded, fold(name).slice(0, folded.length + 10)) }))
    .sort((a, b) => a.distance - b.distance || a.order - b.order)
    .slice(0, limit)
    .map(({ name }) => name);
}

/** Levenshtein distance: insertions, deletions and substitutions, each costing one. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * The question or query option, refused as an input error when it holds nothing to look for
 * ("?", emoji only, only stopwords): answered privately like any other option mistake.
 */
export function usableQuestion(text: string): string {
  const { notice } = readQuestion(text);
  if (notice) throw new OptionError(notice);
  return text;
}

/**
 * The question option of /ask: as `usableQuestion`, but a question of stopwords and a pronoun
 * ("who is he?") goes to the engine, which reads it as a follow-up to the member's earlier
 * questions, or says whom the pronoun leaves unsaid.
 */
export function usableAsk(text: string): string {
  const { terms, notice } = readQuestion(text);
  if (notice !== null && !(terms.length === 0 && text.length <= MAX_QUESTION_LENGTH && unnamedPronoun(text) !== null)) throw new OptionError(notice);
  return text;
}

/** The filters when the engine's rules accept them; a refused one is the member's mistake, told with the option's name. */
function checkedFilters(raw: RawFilters): Filters {
  const read = readFilters(raw);
  if ('problem' in read) throw new OptionError(describeFilterProblem(read.problem, (field) => `\`${field}\``));
  return read.filters;
}

/** Autocomplete for the outlet filter: outlets in the corpus matching what is typed. */
export function outletChoices(request: AutocompleteRequest, { library }: CommandContext): Choice[] {
  if (request.focused.name !== 'outlet') return [];
  return library.suggestOutlets(request.focused.value).map((outlet) => ({ name: outlet, value: outlet }));
}

/**
 * Longest text taken from an option that declares no length: a message's text for Find coverage
 * (4,000 characters is Discord's own message limit), and any option Discord should not have sent.
 */
const MAX_UNDECLARED_OPTION = 4000;

/** The max_length a command declares for a string option, or undefined. */
function declaredMaxLength(command: Command, name: string): number | undefined {
  const options = isSlashDefinition(command.definition) ? (command.definition.options ?? []) : [];
  const option = options.find((candidate) => candidate.name === name);
  return option && 'max_length' in option ? option.max_length : undefined;
}

/** Longest text an option's value is cut to. */
function lengthLimit(command: Command, name: string): number {
  return declaredMaxLength(command, name) ?? MAX_UNDECLARED_OPTION;
}

/** Option values with every text cut to its option's length limit. */
function cutOptions(options: CommandRequest['options'], command: Command): CommandRequest['options'] {
  return Object.fromEntries(Object.entries(options).map(([name, value]) => [name, typeof value === 'string' ? value.slice(0, lengthLimit(command, name)) : value]));
}

/**
 * The request with every string option checked against its declared length before any work is
 * done on it: Discord enforces max_length, but a forged or replayed request does not, and a 900 KB
 * question must cost nothing. A declared option over its length is refused (OptionError); other
 * text is cut to `MAX_UNDECLARED_OPTION`.
 */
export function boundedOptions(request: CommandRequest, command: Command): CommandRequest {
  for (const [name, value] of Object.entries(request.options)) {
    const declared = declaredMaxLength(command, name);
    if (typeof value === 'string' && declared !== undefined && value.length > declared) throw new OptionError(`\`${name}\` is too long: at most ${declared} characters.`);
  }
  return { ...request, options: cutOptions(request.options, command) };
}

/** An autocomplete request with its texts cut to their options' lengths: suggestions need no more. */
export function boundedAutocomplete(request: AutocompleteRequest, command: Command): AutocompleteRequest {
  const focused = { ...request.focused, value: request.focused.value.slice(0, lengthLimit(command, request.focused.name)) };
  return { ...request, options: cutOptions(request.options, command), focused };
}
