/**
 * Names of one country as news writes them: common and official names, other spellings and
 * transliterations, native names in Latin script and demonyms (Turkey / Türkiye / Turkiye /
 * Turkish; Israel / Israeli) from the `world-countries` data, with the names WordNet gives the
 * same place (Britain and UK for the United Kingdom; America and US for the United States),
 * rather than a hand list. Only names that analyse to one index term are kept ("Republic of
 * Turkey" gives turkey), each for the one country it names, or the one sovereign country among
 * those it names; the data is read on the first question.
 */
import { createRequire } from 'node:module';
import { acronymOf, fold, terms } from './analyzer.ts';
import { isCommonWord, placeSenses } from './wordnet.ts';

interface CountryRecord {
  name: { common: string; official: string; native?: Record<string, { common: string; official: string }> };
  capital?: string[];
  altSpellings?: string[];
  demonyms?: { eng?: { f: string; m: string } };
  independent?: boolean | null;
}

/** Shortest name kept, but for WordNet's abbreviation (see `abbreviationTerm`): codes ("TR", "IN") are too ambiguous as words. */
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

/**
 * The one index term a name analyses to (see `placeOf`), with the place it names folded
 * ("turkey" of "Republic of Turkey"), leaving out abbreviations (see `abbreviationTerm`) and place
 * names that read as another English word (a demonym reads as one as often: "Afghan", "Polish"):
 * stemmed into one ("France" and "franc", "Emirates" and "emir"), or one WordNet does not know as
 * this place ("Island", Iceland's; not "Turkey" or "Chad").
 */
function nameTerm(name: string, names: readonly string[], demonym: boolean): { term: string; word: string } | null {
  const place = placeOf(name);
  if (place.length < MIN_NAME_LENGTH || !LATIN.test(place) || acronymOf(place) !== null) return null;
  const found = terms(place, 'query');
  const term = found.length === 1 ? (found[0] ?? null) : null;
  if (term === null) return null;
  const word = fold(place);
  if (demonym) return { term, word };
  if (term !== word && isCommonWord(term)) return null;
  return !isCommonWord(word) || wordNetNames(place, names).length > 0 ? { term, word } : null;
}

/**
 * The names WordNet gives the country: those of the place sense sharing one of `names` besides the
 * common one ("United States of America"), so that "Georgia" takes the country's sense, not the
 * state's, and "Russia" not the Soviet Union's; each only where that sense is the first place it
 * names ("Persia" is first the empire, "Zion" first the hill).
 */
function wordNetNames(common: string, names: readonly string[]): string[] {
  const known = new Set(names.filter((name) => name !== common).map((name) => fold(name)));
  const sense = placeSenses(common).find((words) => words.some((name) => known.has(fold(name))));
  return sense === undefined ? [] : sense.filter((name) => placeSenses(name)[0]?.[0] === sense[0]);
}

/**
 * The shortest abbreviation in capitals among a country's WordNet names ("US" of US, U.S., USA,
 * U.S.A.), as the index holds it: news writes the shortest, and a longer one stands as often in
 * another name ("USA Today"). Null when there is none.
 */
function abbreviationTerm(names: readonly string[]): string | null {
  const acronyms = names.flatMap((name) => {
    const acronym = acronymOf(name);
    return acronym === null ? [] : [acronym];
  });
  return acronyms.sort((a, b) => a.length - b.length)[0] ?? null;
}

function load(): PlaceNames {
  const require = createRequire(import.meta.url);
  const countries = require('world-countries/countries.json') as CountryRecord[];
  const byTerm = new Map<string, string[]>();
  const words = new Map<string, Set<string>>();
  const countriesOf = new Map<string, { all: number; sovereign: number }>();
  const countryGroups: { group: string[]; sovereign: boolean }[] = [];
  const capitals = new Map<string, string[]>();
  for (const country of countries) {
    const places = [country.name.common, country.name.official, ...(country.altSpellings ?? []), ...Object.values(country.name.native ?? {}).map((n) => n.common)];
    const demonyms = [country.demonyms?.eng?.f ?? '', country.demonyms?.eng?.m ?? ''];
    const recorded = [...places, ...demonyms];
    // A name WordNet adds that stemming changes is another name to a reader ("Ellas", Greece's, is "Ella").
    const wordNet = wordNetNames(country.name.common, recorded).filter((name) => acronymOf(name) !== null || terms(placeOf(name), 'query').join(' ') === fold(placeOf(name)));
    const candidates = [...[...places, ...wordNet].map((name) => ({ name, demonym: false })), ...demonyms.map((name) => ({ name, demonym: true }))];
    const named = candidates.flatMap(({ name, demonym }) => nameTerm(name, recorded, demonym) ?? []);
    const abbreviation = abbreviationTerm(wordNet);
    const group = [...new Set([...named.map(({ term }) => term), ...(abbreviation === null ? [] : [abbreviation])])];
    for (const { term, word } of named) if (!/\s/u.test(word)) words.set(term, (words.get(term) ?? new Set()).add(word));
    countryGroups.push({ group, sovereign: country.independent === true });
    for (const capital of country.capital ?? []) capitals.set(terms(capital, 'query').join(' '), group);
    for (const term of group) {
      const owners = countriesOf.get(term) ?? { all: 0, sovereign: 0 };
      countriesOf.set(term, { all: owners.all + 1, sovereign: owners.sovereign + (country.independent === true ? 1 : 0) });
    }
  }
  // A name two countries answer to names neither for sure ("Congo", "Korea"), unless one is sovereign and the others its
  // territories, which take its demonym ("American" is also the Northern Mariana Islands', "Indian" the British Indian
  // Ocean Territory's; "China" Taiwan's, in WordNet).
  const owns = (term: string, sovereign: boolean) => {
    const owners = countriesOf.get(term);
    return owners !== undefined && (owners.all === 1 || (sovereign && owners.sovereign === 1));
  };
  for (const { group, sovereign } of countryGroups) {
    const unambiguous = group.filter((term) => owns(term, sovereign));
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
