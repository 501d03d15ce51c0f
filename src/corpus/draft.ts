import type { Article } from './article.ts';

/** An article as a format parser sees it: everything but the id, file and hash the loader assigns. */
export type ArticleDraft = Omit<Article, 'id' | 'file' | 'hash'> & {
  /** 1-based record number inside a JSON / JSON Lines file, null for one-article files. */
  record: number | null;
};

/** A problem a parser found, before the loader attaches the file name. */
export interface Issue {
  record: number | null;
  reason: string;
}

/** Everything one file yields. */
export interface ParsedFile {
  drafts: ArticleDraft[];
  rejected: Issue[];
  warnings: Issue[];
}

/** The metadata fields of a draft, all unknown: parsers fill in only what the source gives. */
export const unknownMetadata = {
  title: null,
  outlet: null,
  author: null,
  published: null,
  url: null,
  language: null,
} satisfies Omit<ArticleDraft, 'record' | 'paragraphs'>;

/** A file that yields a single rejection and nothing else. */
export function rejectedFile(reason: string): ParsedFile {
  return { drafts: [], rejected: [{ record: null, reason }], warnings: [] };
}
