/**
 * Title autocomplete. A small MiniSearch of titles alone, with folded but unstemmed words: a reader
 * typing "negotia" expects "negotiations", which stemming ("negoti") would hide from a prefix
 * search. Every word must match; the last one (still being typed) as a prefix, long ones within
 * one typo; a country's name no title holds as the name titles write ("Turkey" for "Turkiye").
 */
import { setImmediate } from 'node:timers/promises';
import MiniSearch, { type SearchResult } from 'minisearch';
import type { Article } from '../corpus/article.ts';
import { fold } from './analyzer.ts';
import { placeNameWords } from './place-names.ts';
import { STOPWORDS } from './stopwords.ts';

interface TitleDocument {
  id: string;
  title: string;
  /** The title's words between spaces (" hamas envoy meets "), for cheap whole-word checks. */
  key: string;
}

const TITLE_WORD = /[\p{L}\p{N}]+/gu;
/** Titles indexed between two turns of the event loop while filling: a few milliseconds' work. */
const FILL_CHUNK = 500;

/** Folded title words: "Hamas’s al-Hayya" gives hamas, al, hayya. */
export function titleWords(text: string): string[] {
  return [...fold(text).replace(/'s\b/g, '').matchAll(TITLE_WORD)].map((m) => m[0]);
}

function titleDocument(id: string, title: string): TitleDocument {
  return { id, title, key: ` ${titleWords(title).join(' ')} ` };
}

/** The titles of the corpus, searchable as they are typed. */
export class TitleIndex {
  private readonly miniSearch = new MiniSearch<TitleDocument>({
    fields: ['title'],
    storeFields: ['key'],
    tokenize: titleWords,
    processTerm: (term) => term,
  });

  private readonly frequencies = new Map<string, number>();

  /** Ids whose titles `fill` has still to index: an `add` or `discard` of one meanwhile takes it off, as it is newer. */
  private readonly unfilled = new Set<string>();

  /** Indexes an article's title, if it has one. */
  add(article: Article): void {
    this.unfilled.delete(article.id);
    if (article.title === null) return;
    const document = titleDocument(article.id, article.title);
    this.count(document.key, 1);
    this.miniSearch.add(document);
  }

  /** Forgets an article's title. */
  discard(id: string): void {
    this.unfilled.delete(id);
    if (!this.miniSearch.has(id)) return;
    this.count(String(this.miniSearch.getStoredFields(id)?.key ?? ''), -1);
    this.miniSearch.discard(id);
  }

  /**
   * Indexes many titles: the first chunk at once, the rest between turns of the event loop, so a
   * restart can serve answers while autocomplete fills in (100,000 titles take seconds). The
   * promise settles when all are in; an `add` or `discard` of one of them meanwhile wins.
   */
  fill(articles: readonly Article[]): Promise<void> {
    const documents = articles.flatMap((a) => (a.title === null ? [] : [titleDocument(a.id, a.title)]));
    for (const document of documents) this.unfilled.add(document.id);
    const addChunk = (from: number) => {
      for (const document of documents.slice(from, from + FILL_CHUNK)) {
        if (!this.unfilled.delete(document.id)) continue;
        this.count(document.key, 1);
        this.miniSearch.add(document);
      }
    };
    addChunk(0);
    return (async () => {
      for (let from = FILL_CHUNK; from < documents.length; from += FILL_CHUNK) {
        await setImmediate();
        addChunk(from);
      }
    })();
  }

  /** A word no title holds, as another name of the country it names that titles hold ("Turkey FM" finds "Turkiye FM meets..."); else as typed. */
  private asTitled(word: string): string {
    if (this.frequency(word) > 0) return word;
    return placeNameWords(word).find((other) => this.frequency(other) > 0) ?? word;
  }

  private frequency(word: string): number {
    return this.frequencies.get(word) ?? 0;
  }

  private count(key: string, change: 1 | -1): void {
    for (const word of new Set(key.split(' ').filter(Boolean))) {
      const n = this.frequency(word) + change;
      if (n > 0) this.frequencies.set(word, n);
      else this.frequencies.delete(word);
    }
  }

  /**
   * Ids of the articles whose titles best match what was typed. Only the rarest complete word is
   * searched (or, when there is none, the last word as a prefix); the other words only filter the
   * titles found, as common ones ("inc", the "u" and "s" of "U.S.", a half-typed "co") would
   * otherwise walk postings of most of the corpus on every keystroke. Typo tolerance is a second
   * pass, only when the first found nothing: fuzzy matching the title vocabulary is the costly
   * part at 100,000 titles.
   */
  suggest(text: string, limit: number): string[] {
    const words = titleWords(text)
      .filter((w, i, all) => i === all.length - 1 || !STOPWORDS.has(w))
      .map((w) => this.asTitled(w));
    if (words.length === 0) return [];
    const last = words.length - 1;
    const lastWord = words[last] ?? '';
    const complete = words.slice(0, last).filter((w) => this.frequency(w) > 0);
    const rarest = complete.sort((x, y) => Number(x.length < 2) - Number(y.length < 2) || this.frequency(x) - this.frequency(y))[0];
    const longest = [...words].sort((x, y) => y.length - x.length)[0] ?? lastWord;
    const query = rarest ?? (lastWord.length >= 2 ? lastWord : longest);
    const prefix = rarest === undefined && query === lastWord;
    const accept = (result: SearchResult) => {
      const key = String(result.key);
      return words.every((w, i) => key.includes(i === last ? ` ${w}` : ` ${w} `));
    };
    const found = this.miniSearch.search(query, { prefix, filter: accept });
    if (found.length > 0) return found.slice(0, limit).map((result) => result.id as string);
    const spelled = words.filter((w) => w.length >= 3);
    if (spelled.length === 0) return [];
    return this.miniSearch
      .search(spelled.join(' '), {
        combineWith: 'AND',
        prefix: (term) => term === lastWord,
        fuzzy: (term) => (term.length >= 5 ? 1 : false),
      })
      .slice(0, limit)
      .map((result) => result.id as string);
  }
}
