import type { SlashCommandBuilder, SlashCommandOptionsOnlyBuilder } from 'discord.js';
import { z } from 'zod';
import { FiltersSchema, type Filters } from '../search/results.ts';
import { OptionError, type AutocompleteRequest, type Choice, type CommandContext, type CommandRequest } from './command.ts';

/** The engine's longest question, also what Discord lets a member type into the option. */
export { MAX_QUESTION_LENGTH as MAX_QUERY_LENGTH } from '../search/question.ts';

/** Adds the outlet / since / until options shared by /ask and /search. */
export function withFilterOptions(builder: SlashCommandOptionsOnlyBuilder | SlashCommandBuilder): SlashCommandOptionsOnlyBuilder {
  return builder
    .addStringOption((o) => o.setName('outlet').setDescription('Only articles from this outlet').setAutocomplete(true).setMaxLength(100))
    .addStringOption((o) => o.setName('since').setDescription('Published on or after this day (YYYY-MM-DD)').setMaxLength(10))
    .addStringOption((o) => o.setName('until').setDescription('Published on or before this day (YYYY-MM-DD)').setMaxLength(10));
}

/** The text of a string option, or undefined when it was not given. */
export function stringOption(request: CommandRequest, name: string): string | undefined {
  const value = request.options[name];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** A required string option; a missing one is the user's mistake, not a crash. */
export function requiredString(request: CommandRequest, name: string): string {
  const value = stringOption(request, name);
  if (value === undefined) throw new OptionError(`Please give the \`${name}\` option.`);
  return value;
}

const realDay = z.string().refine((day) => !Number.isNaN(Date.parse(`${day}T00:00:00Z`)) && new Date(`${day}T00:00:00Z`).toISOString().startsWith(day));

/** Reads and validates the filter options; a malformed date becomes a short message to the user. */
export function filtersFrom(request: CommandRequest): Filters {
  return parseFilters({ outlet: stringOption(request, 'outlet'), since: stringOption(request, 'since'), until: stringOption(request, 'until') });
}

/** Validates outlet / since / until from any front end (slash command, CLI flags); throws OptionError. */
export function parseFilters(raw: { outlet?: string; since?: string; until?: string }): Filters {
  const parsed = FiltersSchema.safeParse(raw);
  if (!parsed.success) {
    const field = String(parsed.error.issues[0]?.path[0] ?? 'date');
    throw new OptionError(`\`${field}\` must be a day written as YYYY-MM-DD, for example 2025-03-23.`);
  }
  for (const field of ['since', 'until'] as const) {
    const day = parsed.data[field];
    if (day !== undefined && !realDay.safeParse(day).success) throw new OptionError(`\`${field}\`: ${day} is not a real day.`);
  }
  const { since, until } = parsed.data;
  if (since && until && since > until) throw new OptionError('`since` must not be later than `until`.');
  return Object.fromEntries(Object.entries(parsed.data).filter(([, value]) => value !== undefined)) as Filters;
}

/** Autocomplete for the outlet filter: outlets in the corpus matching what is typed. */
export function outletChoices(request: AutocompleteRequest, { library }: CommandContext): Choice[] {
  if (request.focused.name !== 'outlet') return [];
  return library.suggestOutlets(request.focused.value).map((outlet) => ({ name: outlet, value: outlet }));
}
