import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const REUTERS = new URL('../../shared/data/reuters21578/reuters21578.jsonl', import.meta.url);
const RECORDS_PER_FILE = 1_000;

/** One Reuters-21578 story as `../shared/data` holds it (the fields the benches read). */
export interface ReutersRecord {
  id: string;
  date?: string;
  title?: string;
  body?: string;
  topics?: string[];
}

/** A Reuters date ("26-FEB-1987 15:01:01.79") as `YYYY-MM-DD`, or null when unreadable. */
export function reutersDay(reutersDate: string | undefined): string | null {
  const parsed = reutersDate ? new Date(reutersDate.replace(/\.\d+$/, '')) : null;
  return parsed && !Number.isNaN(parsed.getTime()) ? parsed.toISOString().slice(0, 10) : null;
}

/** A Reuters body's paragraphs: the wire text indents each paragraph and hard-wraps its lines. */
export function reutersParagraphs(body: string): string[] {
  return body
    .split(/\n\s{3,}|\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p.length > 0);
}

/** Every Reuters-21578 story, in file order. */
export async function readReutersRecords(): Promise<ReutersRecord[]> {
  return (await readFile(REUTERS, 'utf8'))
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as ReutersRecord);
}

/**
 * Writes the first `count` Reuters-21578 stories with a body into `dir` as JSON Lines files of
 * 1,000 records (outlet "Reuters"), and returns their titles, which the benches turn into questions.
 */
export async function writeReutersCorpus(dir: string, count: number): Promise<string[]> {
  const records = (await readReutersRecords())
    .filter((record) => record.body?.trim())
    .slice(0, count);
  for (let start = 0; start < records.length; start += RECORDS_PER_FILE) {
    const lines = records.slice(start, start + RECORDS_PER_FILE).map(({ id, date, title, body }) => JSON.stringify({ id, date, title, body, outlet: 'Reuters' }));
    await writeFile(join(dir, `reuters-${String(start / RECORDS_PER_FILE).padStart(2, '0')}.jsonl`), lines.join('\n') + '\n');
  }
  return records.flatMap((record) => (record.title ? [record.title] : []));
}
