/**
 * Names of one country as news writes them: common and official names, other spellings and
 * transliterations, native names in Latin script, demonyms (Turkey / Türkiye / Turkiye /
 * Turkish; Israel / Israeli) and the initials of a name of several words written in capitals (US,
 * UK), from the `world-countries` data rather than a hand list. Only names that analyse to one
 * index term are kept ("Republic of Turkey" gives turkey), each for the one country it names, or
 * the one sovereign country among those it names; the data is read on the first question.
 */
import { createRequire } from 'node:module';
import { acronymOf, fold, terms } from './analyzer.ts';
import { isCommonWord } from './wordnet.ts';

interface CountryRecord {
  name: { common: string; official: string; native?: Record<string, { common: string; official: string }> };
  capital?: string[];
  altSpellings?: string[];
  demonyms?: { eng?: { f: string; m: string } };
  independent?: boolean | null;
}

/** Shortest name kept, but for initials (see `initialsTerm`): other two- and three-letter codes ("TR", "IN") are too ambiguous as words. */
const MIN_NAME_LENGTH = 4;
const LATIN = /^[\p{Script=Latin}\s'’.-]+$/u;

/** Each country's names by index term, and the names of one word as written, folded, by their term. */
interface PlaceNames {
  groups: Map<string, string[]>;
  words: Map<string, Set<string>>;
  /** Each capital's index terms, joined by spaces, to its country's name terms. */
  capitals: Map<string, string[]>;
  /** Each name term of a country to the index terms of its capitals of one term ("american" → washington). */
  seats: Map<string, string[]>;
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

/**
 * The acronym term of a code that spells the initials of one of the country's names of several
 * words ("US" of United States, "UK" of United Kingdom, "UAE"), as an article writes it in
 * capitals; null for another code ("IN", "TR"), which reads as a word.
 */
function initialsTerm(code: string, names: readonly string[]): string | null {
  const acronym = acronymOf(code);
  if (acronym === null || acronym !== code) return null;
  const spells = (name: string) => {
    const words = name.split(/\s+/u).filter((word) => /^\p{Lu}/u.test(word));
    return words.length > 1 && words.map((word) => word.charAt(0)).join('') === acronym;
  };
  return names.some(spells) ? acronym : null;
}

function load(): PlaceNames {
  const require = createRequire(import.meta.url);
  const countries = require('world-countries/countries.json') as CountryRecord[];
  const byTerm = new Map<string, string[]>();
  const words = new Map<string, Set<string>>();
  const countriesOf = new Map<string, { all: number; sovereign: number }>();
  const countryGroups: { group: string[]; sovereign: boolean; seats: string[] }[] = [];
  const commonWords = new Set<string>();
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
      if (term !== null && isCommonWord(fold(placeOf(name)))) commonWords.add(term);
      return term === null ? [] : [{ term, place: placeOf(name) }];
    });
    const initials = (country.altSpellings ?? []).flatMap((code) => initialsTerm(code, names) ?? []);
    const group = [...new Set([...named.map(({ term }) => term), ...initials])];
    for (const { term, place } of named) if (!/\s/u.test(place)) words.set(term, (words.get(term) ?? new Set()).add(fold(place)));
    const capitalTerms = (country.capital ?? []).map((capital) => terms(capital, 'query'));
    // "Washington D.C." is Washington in the news.
    const seats = (country.capital ?? []).flatMap((capital) => {
      const found = terms(capital.split(/\s+/u).filter((word) => acronymOf(word) === null).join(' '), 'query');
      return found.length === 1 ? found : [];
    });
    countryGroups.push({ group, sovereign: country.independent === true, seats });
    for (const found of capitalTerms) capitals.set(found.join(' '), group);
    for (const term of group) {
      const owners = countriesOf.get(term) ?? { all: 0, sovereign: 0 };
      countriesOf.set(term, { all: owners.all + 1, sovereign: owners.sovereign + (country.independent === true ? 1 : 0) });
    }
  }
  // A name two countries answer to names neither for sure ("Congo", "Korea"), unless one is sovereign and the others its
  // territories, which take its demonym ("American" is also the Northern Mariana Islands', "Indian" the British Indian
  // Ocean Territory's); an English word two answer to is that word ("Island": Iceland's, and the Pitcairn Islands).
  const owns = (term: string, sovereign: boolean) => {
    const owners = countriesOf.get(term);
    return owners !== undefined && (owners.all === 1 || (sovereign && owners.sovereign === 1 && !commonWords.has(term)));
  };
  const seatsOf = new Map<string, string[]>();
  for (const { group, sovereign, seats } of countryGroups) {
    const unambiguous = group.filter((term) => owns(term, sovereign));
    for (const term of unambiguous) if (seats.length > 0) seatsOf.set(term, seats);
    if (unambiguous.length < 2) continue;
    for (const term of unambiguous) byTerm.set(term, unambiguous);
  }
  return { groups: byTerm, words, capitals, seats: seatsOf };
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

/**
 * Index terms of the capital of the country `term` names ("american", "US" → washington), which
 * news writes for its government ("Washington would ensure..."); empty for other words.
 */
export function seatVariants(term: string): string[] {
  return loaded().seats.get(term) ?? [];
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
