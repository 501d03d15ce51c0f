/**
 * The code a parse worker thread runs. Parsing (Readability over linkedom above all) can take
 * seconds on hostile input, so it never runs on the thread that answers queries and keeps the
 * Discord heartbeat; see `parse-pool.ts`.
 */
import type { MessagePort } from 'node:worker_threads';
import { decodeArticleBytes } from './decoding.ts';
import { type ParsedFile, rejectedFile } from './draft.ts';
import { parseArticleText } from './format.ts';
import { parseRecordTexts, type RecordText } from './formats/json-records.ts';

/** One unit of parsing work: a whole file, or a batch of records cut from a record file. */
export type ParseTask = { kind: 'file'; file: string; bytes: Uint8Array } | { kind: 'records'; records: RecordText[] };

/** Decodes a whole file's bytes and parses them with the parser its format calls for. */
function parseFileBytes(file: string, bytes: Uint8Array): ParsedFile {
  const decoded = decodeArticleBytes(bytes);
  if ('rejection' in decoded) return rejectedFile(decoded.rejection);
  const parsed = parseArticleText(file, decoded.text);
  const decodingNotes = decoded.warnings.map((reason) => ({ record: null, reason }));
  return { ...parsed, warnings: [...decodingNotes, ...parsed.warnings] };
}

/** A task as sent to a worker, with the port on which the worker says it has begun: that starts the task's time budget. */
export interface StartedTask {
  task: ParseTask;
  started: MessagePort;
}

/** Runs one task; piscina calls the default export. */
export default function runParseTask({ task, started }: StartedTask): ParsedFile {
  started.postMessage('started');
  started.close();
  return task.kind === 'file' ? parseFileBytes(task.file, task.bytes) : parseRecordTexts(task.records);
}
