import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { AnswerSchema } from '../src/search/results.ts';
import { tempCorpus } from './fixtures/corpus/temp-corpus.ts';
import { HUNG_MS } from './support/hung.ts';
import { newsdesk, newsdeskProcess } from './support/newsdesk-cli.ts';

/** The command line (in this process unless `run` says otherwise) with MAX_FILE_MB unset unless a test sets it, so the caller's environment cannot change the limit. */
function newsdeskWith(args: string[], env: Record<string, string> = {}, run = newsdesk) {
  return run(args, undefined, { MAX_FILE_MB: '', ...env });
}

const record = (i: number) => JSON.stringify({ title: `Harbour report ${i}`, outlet: 'Coast Daily', body: `The harbour crane lifted ${i + 3} containers on shift ${i}, the port authority said.` });
/** A small export (about 1.5 KB): loads under the default limit. */
const smallExport = Array.from({ length: 12 }, (_, i) => record(i)).join('\n');

function jsonLines(text: string): unknown[] {
  return text.trim().split('\n').filter(Boolean).map((line) => JSON.parse(line));
}

describe('newsdesk reports files it could not use', () => {
  it('ask --json on a corpus whose only file was rejected says so on stderr, as JSON lines', async () => {
    // Plain text: a JSON Lines export over the limit is read record by record instead.
    const big = `Title: Harbour\n\n${'The harbour crane lifted containers. '.repeat(Math.ceil((5.1 * 1024 * 1024) / 37))}\n`;
    const dir = await tempCorpus({ 'report.txt': big });
    // A real process: stdout and stderr are the process's own pipes, and nothing else may reach stderr.
    const { code, stdout, stderr } = await newsdeskWith(['ask', 'How many containers did the crane lift?', '--corpus', dir, '--json'], {}, newsdeskProcess);
    expect(code).toBe(0);
    expect(AnswerSchema.parse(JSON.parse(stdout)).answered).toBe(false);
    expect(jsonLines(stderr)).toEqual([{ kind: 'rejected', file: 'report.txt', record: null, reason: expect.stringMatching(/^file is 5\.\d MB, over the 5 MB limit$/u) }]);
  }, HUNG_MS);

  it('search --json writes warnings to stderr as JSON lines too, and nothing else', async () => {
    const dir = await tempCorpus({ 'harbour.jsonl': smallExport, 'dated.md': '---\ntitle: Quay\ndate: soon\n---\n\nThe quay reopened.\n' });
    const { stdout, stderr } = await newsdeskWith(['search', 'harbour crane', '--corpus', dir, '--json']);
    expect(JSON.parse(stdout).total).toBe(12);
    expect(jsonLines(stderr)).toEqual([{ kind: 'warning', file: 'dated.md', record: null, reason: expect.stringContaining('"soon" is not a recognisable date') }]);
  });

  it('names rejected files on stderr in the terminal too', async () => {
    const dir = await tempCorpus({ 'harbour.jsonl': smallExport, 'empty.txt': '' });
    const { code, stdout, stderr } = await newsdeskWith(['ask', 'How many containers did the crane lift on shift 3?', '--corpus', dir]);
    expect(code).toBe(0);
    expect(stdout).toContain('The harbour crane lifted 6 containers on shift 3');
    expect(stderr).toBe('newsdesk: rejected empty.txt: empty file\n');
  });
});

describe('newsdesk file size limit', () => {
  it('honours MAX_FILE_MB from the environment', async () => {
    // Plain text: in a JSON Lines export the limit applies to each record.
    const dir = await tempCorpus({ 'harbour.txt': `Title: Harbour\n\n${'The harbour crane lifted containers. '.repeat(40)}\n` });
    const { stdout } = await newsdeskWith(['corpus', 'check', dir, '--json'], { MAX_FILE_MB: '0.001' });
    const report = JSON.parse(stdout);
    expect(report.articles).toEqual([]);
    expect(report.rejected).toEqual([{ file: 'harbour.txt', record: null, reason: expect.stringContaining('over the 1 KB limit') }]);
  });

  it('lets --max-file-mb win over MAX_FILE_MB', async () => {
    const dir = await tempCorpus({ 'harbour.jsonl': smallExport });
    const { stdout, stderr } = await newsdeskWith(['ask', 'How many containers did the crane lift on shift 3?', '--corpus', dir, '--json', '--max-file-mb', '1'], { MAX_FILE_MB: '0.001' });
    expect(stderr).toBe('');
    expect(AnswerSchema.parse(JSON.parse(stdout)).sentences[0]?.text).toBe('The harbour crane lifted 6 containers on shift 3, the port authority said.');
  });

  it.each([
    [['--max-file-mb', 'lots'], {}, /^newsdesk: --max-file-mb: expected a size in MB/u],
    [[], { MAX_FILE_MB: '-2' }, /^newsdesk: MAX_FILE_MB: expected a size in MB/u],
    // Larger could not be read whole into one string: record files are streamed whatever their size.
    [['--max-file-mb', '1000'], {}, /^newsdesk: --max-file-mb: expected at most 256 MB \(larger JSON Lines and JSON array files are read record by record\)/u],
  ])('exits 1 on a size that is not one, or too large to read whole: %j %j', async (flag, env, message) => {
    const { code, stderr } = await newsdeskWith(['corpus', 'check', 'corpus', ...flag], env);
    expect(code).toBe(1);
    expect(stderr).toMatch(message);
  });
});

describe('newsdesk output into a pipe closed early', () => {
  it('corpus check | head ends quietly instead of dying with EPIPE', async () => {
    const dir = await tempCorpus({ 'harbour.jsonl': smallExport });
    const child = spawn(process.execPath, ['bin/newsdesk.js', 'corpus', 'check', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // Like `head` that has read its lines: the pipe is closed before the report is written into it.
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).not.toContain('EPIPE');
    expect(code).toBe(0);
  }, HUNG_MS);
});
