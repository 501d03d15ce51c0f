import { readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { command as reload } from '../commands/reload.ts';
import { commands } from '../commands/index.ts';
import type { CommandContext, Invoker } from '../src/discord/command.ts';
import { Library } from '../src/search/library.ts';
import { ReloadRefusedError } from '../src/search/reload.ts';
import { tempCorpus } from './fixtures/corpus/temp-corpus.ts';

const moderator: Invoker = { id: '400000000000000002', permissions: 0n, roleIds: ['300000000000000003'] };

function story(title: string, sentence: string): string {
  return `date 2025-12-01 ${title}\n\n${sentence}\n`;
}

const stories = {
  'ferry.txt': story('Ferry resumes', 'The island ferry resumed its crossings on Monday after the storm.'),
  'bridge.txt': story('Bridge reopens', 'The old swing bridge reopened to traffic on Tuesday morning.'),
  'market.txt': story('Market moves', 'The fish market moved to the north quay on Wednesday.'),
};

async function emptyDirectory(dir: string): Promise<void> {
  for (const name of await readdir(dir)) await rm(join(dir, name), { recursive: true });
}

describe('a reload whose files turned bad', () => {
  it('keeps serving the last good version of an article whose file is now rejected, and says so', async () => {
    const dir = await tempCorpus(stories);
    const library = await Library.open(dir, { maxFileBytes: 1000 });
    await writeFile(join(dir, 'ferry.txt'), story('Ferry resumes', 'The island ferry resumed. '.repeat(100)));
    const report = await library.reload();
    expect(report.removed).toEqual([]);
    expect(report.kept).toEqual([{ id: 'ferry.txt', reason: expect.stringContaining('over the 1000 bytes limit') }]);
    expect(report.articleCount).toBe(3);
    expect(library.answer('When did the island ferry resume its crossings?').sentences[0]?.text).toBe('The island ferry resumed its crossings on Monday after the storm.');
  });

  it('keeps the last good version of an article whose file became a broken link (a lost mount)', async () => {
    const dir = await tempCorpus(stories);
    const library = await Library.open(dir);
    await rm(join(dir, 'bridge.txt'));
    await symlink(join(dir, 'gone', 'bridge.txt'), join(dir, 'bridge.txt'));
    const report = await library.reload();
    expect(report.kept).toEqual([{ id: 'bridge.txt', reason: 'broken symlink' }]);
    expect(library.answer('When did the swing bridge reopen?').answered).toBe(true);
  });

  it('keeps the last good version of a JSON record that is now invalid, and loads the others', async () => {
    const record = (title: unknown, body: string) => JSON.stringify({ title, outlet: 'Coast Daily', body });
    const dir = await tempCorpus({ 'wire.jsonl': [record('Tide', 'High tide reached four metres.'), record('Crane', 'The crane lifted ten containers.')].join('\n') });
    const library = await Library.open(dir);
    await writeFile(join(dir, 'wire.jsonl'), [record('Tide', 'High tide reached five metres.'), record({ nested: true }, 'The crane lifted ten containers.')].join('\n'));
    const report = await library.reload();
    expect(report.updated).toEqual(['wire.jsonl#1']);
    expect(report.kept).toEqual([{ id: 'wire.jsonl#2', reason: expect.stringContaining('invalid record') }]);
    expect(library.answer('How many containers did the crane lift?').answered).toBe(true);
  });

  it('still removes the articles of a deleted file', async () => {
    const dir = await tempCorpus(stories);
    const library = await Library.open(dir);
    await rm(join(dir, 'market.txt'));
    const report = await library.reload();
    expect(report).toMatchObject({ removed: ['market.txt'], kept: [], articleCount: 2 });
  });
});

describe('a reload that would lose much of the coverage', () => {
  it('refuses to swap in an emptied corpus directory, and the old index keeps serving', async () => {
    const dir = await tempCorpus(stories);
    const library = await Library.open(dir);
    await emptyDirectory(dir);
    const refused = library.reload();
    await expect(refused).rejects.toBeInstanceOf(ReloadRefusedError);
    await expect(refused).rejects.toThrow('would remove 3 of the 3 articles served (100%), more than the 50% allowed');
    expect(library.coverage().articleCount).toBe(3);
    expect(library.reloading).toBe(false);
    expect(library.answer('When did the swing bridge reopen?').answered).toBe(true);
  });

  it('swaps in the smaller corpus when the reload is confirmed', async () => {
    const dir = await tempCorpus(stories);
    const library = await Library.open(dir);
    await rm(join(dir, 'ferry.txt'));
    await rm(join(dir, 'bridge.txt'));
    await expect(library.reload()).rejects.toBeInstanceOf(ReloadRefusedError);
    const report = await library.reload({ confirm: true });
    expect(report.removed.sort()).toEqual(['bridge.txt', 'ferry.txt']);
    expect(library.coverage().articleCount).toBe(1);
  });

  it('allows the share of losses the library was configured with', async () => {
    const dir = await tempCorpus(stories);
    const library = await Library.open(dir, { maxLoss: 0.7 });
    await rm(join(dir, 'ferry.txt'));
    await rm(join(dir, 'bridge.txt'));
    expect((await library.reload()).articleCount).toBe(1);
    await emptyDirectory(dir);
    await expect(library.reload()).rejects.toBeInstanceOf(ReloadRefusedError);
  });
});

describe('/reload confirm', () => {
  async function context(dir: string): Promise<CommandContext> {
    return { library: await Library.open(dir), commands, moderatorRoleIds: ['300000000000000003'], now: () => 0 };
  }

  it('tells the moderator why the reload was refused and how to confirm it', async () => {
    const dir = await tempCorpus(stories);
    const served = await context(dir);
    await emptyDirectory(dir);
    const reply = await reload.execute({ command: 'reload', options: {}, invoker: moderator }, served);
    expect(reply.ephemeral).toBe(true);
    expect(reply.message.content).toContain('Reload refused: it would remove 3 of the 3 articles served');
    expect(reply.message.content).toContain('/reload confirm:true');
    expect(served.library.coverage().articleCount).toBe(3);
  });

  it('reloads with confirm:true, and lists the articles kept at their last good version', async () => {
    const dir = await tempCorpus({ ...stories, 'notes.txt': story('Notes', 'The harbour notes were filed on Friday.') });
    const served = await context(dir);
    await rm(join(dir, 'ferry.txt'));
    await rm(join(dir, 'bridge.txt'));
    await rm(join(dir, 'market.txt'));
    await writeFile(join(dir, 'notes.txt'), '');
    const reply = await reload.execute({ command: 'reload', options: { confirm: true }, invoker: moderator }, served);
    const embed = reply.message.embeds?.[0];
    expect(embed?.description).toContain('1 kept at their last good version');
    expect(embed?.fields).toContainEqual({ name: 'Kept (last good version)', value: '• notes.txt: empty file' });
    expect(served.library.coverage().articleCount).toBe(1);
  });

  it('offers the confirm option in the command definition', () => {
    expect(reload.definition).toMatchObject({ options: [{ name: 'confirm', type: 5 }] });
  });
});
