/**
 * Names of one country as news writes them: common and official names, other spellings and
 * transliterations, native names in Latin script and demonyms (Turkey / Türkiye / Turkiye /
 * Turkish; Israel / Israeli), from the `world-countries` data rather than a hand list. Only names
 * that analyse to one index term and belong to one country are kept ("Republic of Turkey" gives
 * turkey); the data is read on the first question.
 */
import { createRequire } from 'node:module';
import { fold, terms } from './analyzer.ts';

interface CountryRecord {
  name: { common: string; official: string; native?: Record<string, { common: string; official: string }> };
  capital?: string[];
  altSpellings?: string[];
  demonyms?: { eng?: { f: string; m: string } };
}

/** Shortest name kept: two- and three-letter codes ("TR", "USA") are too ambiguous as words. */
const MIN_NAME_LENGTH = 4;
const LATIN = /^[\p{Script=Latin}\s'’.-]+$/u;

/** Each country's names by index term, and the names of one word as written, folded, by their term. */
interface PlaceNames {
  groups: Map<string, string[]>;
  words: Map<string, Set<string>>;
  /** Each capital's index terms, joined by spaces, to its country's name terms. */
  capitals: Map<string, string[]>;
}

let placeNames: PlaceNames | null = null;

/** The place a name names, reading "Republic of X", "State of X" as X. */
function placeOf(name: string): string {
  return (name.split(/\s+of\s+(?:the\s+)?/i).at(-1) ?? name).trim();
}

/** The one index term a name analyses to (see `placeOf`). */
function nameTerm(name: string): string | null {
  const place = placeOf(name);
  if (place.length < MIN_NAME_LENGTH || !LATIN.test(place)) return null;
  const found = terms(place, 'query');
  return found.length === 1 ? (found[0] ?? null) : null;
}

function load(): PlaceNames {
  const require = createRequire(import.meta.url);
  const countries = require('world-countries/countries.json') as CountryRecord[];
  const byTerm = new Map<string, string[]>();
  const words = new Map<string, Set<string>>();
  const countriesOf = new Map<string, number>();
  const countryGroups: string[][] = [];
  const capitals = new Map<string, string[]>();
  for (const country of countries) {
    const names = [
      country.name.common,
      country.name.official,
      ...(country.altSpellings ?? []),
      ...Object.values(country.name.native ?? {}).map((n) => n.common),
      country.demonyms?.eng?.f ?? '',
      country.demonyms?.eng?.m ?? '',
    ];
    const named = names.flatMap((name) => {
      const term = nameTerm(name);
      return term === null ? [] : [{ term, place: placeOf(name) }];
    });
    const group = [...new Set(named.map(({ term }) => term))];
    for (const { term, place } of named) if (!/\s/u.test(place)) words.set(term, (words.get(term) ?? new Set()).add(fold(place)));
    countryGroups.push(group);
    for (const capital of country.capital ?? []) capitals.set(terms(capital, 'query').join(' '), group);
    for (const term of group) countriesOf.set(term, (countriesOf.get(term) ?? 0) + 1);
  }
  // A name two countries answer to ("Republic of China" is Taiwan's too) names neither for sure.
  for (const group of countryGroups) {
    const unambiguous = group.filter((term) => countriesOf.get(term) === 1);
    if (unambiguous.length < 2) continue;
    for (const term of unambiguous) byTerm.set(term, unambiguous);
  }
  return { groups: byTerm, words, capitals };
}

/** The place names, read from the data on first use. */
function loaded(): PlaceNames {
  placeNames ??= load();
  return placeNames;
}

/** Index terms naming the same country as `term` (not `term` itself); empty for other words. */
export function placeVariants(term: string): string[] {
  return (loaded().groups.get(term) ?? []).filter((other) => other !== term);
}

/** Other one-word names of the country a folded word names, folded as written ("turkey" → turkiye, turkish); empty for other words. */
export function placeNameWords(word: string): string[] {
  const [term, ...more] = terms(word, 'query');
  if (term === undefined || more.length > 0) return [];
  const { words } = loaded();
  const found = placeVariants(term).flatMap((other) => [...(words.get(other) ?? [])]);
  return [...new Set(found)].filter((other) => other !== word);
}

/** The name terms of the country whose capital `capital`'s index terms name ("new", "delhi" → india, indian...); empty for other words. */
export function capitalCountry(capital: readonly string[]): string[] {
  const { capitals } = loaded();
  return capitals.get(capital.join(' ')) ?? [];
}
