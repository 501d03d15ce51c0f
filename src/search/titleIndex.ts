/**
 * Title autocomplete. A small MiniSearch of titles alone, with folded but unstemmed words: a reader
 * typing "negotia" expects "negotiations", which stemming ("negoti") would hide from a prefix
 * search. Every word must match; the last one (still being typed) as a prefix, long ones within
 * one typo.
 */
import MiniSearch from 'minisearch';
import type { Article } from '../corpus/article.ts';
import { fold } from './analyzer.ts';

interface TitleDocument {
  id: string;
  title: string;
}

const TITLE_WORD = /[\p{L}\p{N}]+/gu;

/** Folded title words: "Hamas’s al-Hayya" gives hamas, al, hayya. */
export function titleWords(text: string): string[] {
  return [...fold(text).replace(/'s\b/g, '').matchAll(TITLE_WORD)].map((m) => m[0]);
}

/** The titles of the corpus, searchable as they are typed. */
export class TitleIndex {
  private readonly miniSearch = new MiniSearch<TitleDocument>({
    fields: ['title'],
    tokenize: titleWords,
    processTerm: (term) => term,
  });

  /** Indexes an article's title, if it has one. */
  add(article: Article): void {
    if (article.title !== null) this.miniSearch.add({ id: article.id, title: article.title });
  }

  /** Forgets an article's title. */
  discard(id: string): void {
    if (this.miniSearch.has(id)) this.miniSearch.discard(id);
  }

  /** Indexes many titles, yielding to the event loop between chunks. */
  async addAll(articles: readonly Article[]): Promise<void> {
    const documents = articles.flatMap((a) => (a.title === null ? [] : [{ id: a.id, title: a.title }]));
    await this.miniSearch.addAllAsync(documents, { chunkSize: 500 });
  }

  /** Ids of the articles whose titles best match what was typed. */
  suggest(text: string, limit: number): string[] {
    const words = titleWords(text);
    if (words.length === 0) return [];
    const last = words.length - 1;
    return this.miniSearch
      .search(words.join(' '), {
        combineWith: 'AND',
        prefix: (_term, i) => i === last,
        fuzzy: (term) => (term.length >= 5 ? 1 : false),
      })
      .slice(0, limit)
      .map((result) => result.id as string);
  }
}
