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
