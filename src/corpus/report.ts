import { UNKNOWN, type Corpus, type Duplicate, type Rejection } from './article.ts';

/** One article as the corpus report lists it; unknown fields are spelled out. */
export interface ArticleRow {
  id: string;
  outlet: string;
  date: string;
  title: string;
  paragraphs: number;
}

/** The data of `corpus check`, ready for a table, JSON or a Discord embed. */
export interface CorpusReport {
  articles: ArticleRow[];
  rejected: Rejection[];
  duplicates: Duplicate[];
  warnings: Rejection[];
}

/** Titles are cut so a row fits a terminal; the id column leads to the full article. */
const MAX_CELL = 72;

/** The report rows of a loaded corpus. */
export function corpusReport(corpus: Corpus): CorpusReport {
  return {
    articles: corpus.articles.map((article) => ({
      id: article.id,
      outlet: article.outlet ?? UNKNOWN,
      date: article.published ?? UNKNOWN,
      title: article.title ?? UNKNOWN,
      paragraphs: article.paragraphs.length,
    })),
    rejected: corpus.rejected,
    duplicates: corpus.duplicates,
    warnings: corpus.warnings,
  };
}

function fit(cell: string): string {
  return cell.length > MAX_CELL ? `${cell.slice(0, MAX_CELL - 1)}…` : cell;
}

/** Left-aligned columns separated by two spaces, numbers right-aligned. */
export function formatTable(headers: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const cells = [headers, ...rows].map((row) => row.map((cell) => fit(String(cell))));
  // Not Math.max(...): spread, each row is an argument, and 140,000 articles overflowed the stack.
  const widths = headers.map((_, column) => cells.reduce((widest, row) => Math.max(widest, row[column]?.length ?? 0), 0));
  const numeric = headers.map((_, column) => rows.length > 0 && rows.every((row) => typeof row[column] === 'number'));
  return cells
    .map((row) =>
      row
        .map((cell, column) => (numeric[column] ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

function section(heading: string, headers: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  return `${heading} (${rows.length})\n${rows.length === 0 ? 'none' : formatTable(headers, rows)}`;
}

function location(issue: Rejection): string {
  return issue.record === null ? issue.file : `${issue.file}#${issue.record}`;
}

/** The corpus report as plain-text tables: articles, rejected files, duplicates, warnings. */
export function formatCorpusReport(report: CorpusReport): string {
  return [
    section('Articles', ['OUTLET', 'DATE', 'PARAS', 'TITLE', 'ID'], report.articles.map((row) => [row.outlet, row.date, row.paragraphs, row.title, row.id])),
    section('Rejected', ['FILE', 'REASON'], report.rejected.map((issue) => [location(issue), issue.reason])),
    section('Duplicates', ['ID', 'SAME TEXT AS'], report.duplicates.map((duplicate) => [duplicate.id, duplicate.duplicateOf])),
    section('Warnings', ['FILE', 'WARNING'], report.warnings.map((issue) => [location(issue), issue.reason])),
  ].join('\n\n');
}

/** Rejected files and warnings as JSON lines (`{"kind":"rejected","file":…,"record":…,"reason":…}`), for stderr beside `--json` output. */
export function corpusIssueLines(corpus: Pick<Corpus, 'rejected' | 'warnings'>): string[] {
  return [
    ...corpus.rejected.map((issue) => JSON.stringify({ kind: 'rejected', ...issue })),
    ...corpus.warnings.map((issue) => JSON.stringify({ kind: 'warning', ...issue })),
  ];
}

/** Rejections named in the terminal before the rest are only counted: `corpus check` lists them all. */
const REJECTIONS_NAMED = 5;

/**
 * What a terminal user reads on stderr when files of the corpus could not be used, so an answer
 * that finds nothing is not taken for an empty coverage; nothing when every file loaded.
 */
export function rejectionNotice(corpus: Pick<Corpus, 'rejected'>, corpusDir: string): string[] {
  const named = corpus.rejected.slice(0, REJECTIONS_NAMED).map((issue) => `newsdesk: rejected ${location(issue)}: ${issue.reason}`);
  const more = corpus.rejected.length - named.length;
  return more > 0 ? [...named, `newsdesk: ${more} more rejected; newsdesk corpus check ${corpusDir} lists them all`] : named;
}
