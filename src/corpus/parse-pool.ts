import { createRequire } from 'node:module';
import os from 'node:os';
import { pathToFileURL } from 'node:url';
import { MessageChannel } from 'node:worker_threads';
import { Piscina } from 'piscina';
import type { ParsedFile } from './draft.ts';
import type { ParseTask, StartedTask } from './parse-worker.ts';
import { formatSeconds } from './regular-files.ts';

/** Thrown when a task runs past its time budget; its worker has been terminated and is replaced on demand. */
export class ParseTimeoutError extends Error {
  override readonly name = 'ParseTimeoutError';
  constructor(readonly budgetMs: number) {
    super(`took over ${formatSeconds(budgetMs)} to parse`);
  }
}

/** How one task runs: its budget from the moment a worker is free for it, and a signal that gives up on it. */
export interface ParseRunOptions {
  budgetMs: number;
  signal?: AbortSignal | undefined;
}

/**
 * Worker threads that parse corpus files, one per CPU. A task's budget starts when a worker
 * begins it, not when it is queued, so a file waiting behind a slow one (or behind a worker still
 * starting up) is not blamed for the wait.
 */
export class ParsePool {
  // Untyped: besides parse tasks it runs other modules' tasks (`runModule`).
  readonly #pool: Piscina;

  constructor(readonly threads: number) {
    // Workers import the TypeScript sources, so they load tsx's hooks whatever started this
    // process (tsx, the bin script's `register()`, vitest); the loader is resolved from this
    // package so the working directory does not matter.
    const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
    this.#pool = new Piscina({
      filename: new URL('./parse-worker.ts', import.meta.url).href,
      minThreads: threads,
      maxThreads: threads,
      execArgv: ['--import', tsxLoader],
      // Below the main thread's priority: on a busy machine the event loop, which answers
      // queries and keeps the gateway heartbeat, gets a core before a parse does.
      niceIncrement: 10,
      // Queued tasks start in the order they were given: piscina otherwise sends a task it could
      // not place to the back of the queue, and one thread's analysis batches must run in order.
      stricterFIFO: true,
    });
  }

  /** Parses one task in a worker; rejects with `ParseTimeoutError` past the budget, or the signal's reason when it aborts. */
  async run(task: ParseTask, options: ParseRunOptions): Promise<ParsedFile> {
    options.signal?.throwIfAborted();
    const { port1: startNotice, port2: started } = new MessageChannel();
    const overBudget = new AbortController();
    const signal = options.signal ? AbortSignal.any([options.signal, overBudget.signal]) : overBudget.signal;
    let finished = false;
    let timer: NodeJS.Timeout | undefined;
    const startBudget = (): void => {
      if (!finished) timer = setTimeout(() => overBudget.abort(), options.budgetMs);
    };
    startNotice.once('message', startBudget);
    try {
      const startedTask: StartedTask = { task, started };
      return (await this.#pool.run(startedTask, { signal, transferList: [started] })) as ParsedFile;
    } catch (error) {
      if (options.signal?.aborted) throw options.signal.reason;
      if (overBudget.signal.aborted) throw new ParseTimeoutError(options.budgetMs);
      throw error;
    } finally {
      finished = true;
      clearTimeout(timer);
      startNotice.close();
    }
  }

  /**
   * Runs a task with another worker module's default export on these threads, with no budget: for
   * work over text already parsed, such as the index build's analysis, which would otherwise keep
   * one core busy while this pool's sit idle.
   */
  async runModule<T, R>(module: URL, task: T): Promise<R> {
    return (await this.#pool.run(task, { filename: module.href })) as R;
  }

  /** Stops every worker; tasks still queued are rejected. */
  async close(): Promise<void> {
    await this.#pool.destroy();
  }
}

let shared: ParsePool | undefined;

/** The process's parse pool, started on first use with one worker per CPU. */
export function sharedParsePool(): ParsePool {
  shared ??= new ParsePool(os.availableParallelism());
  return shared;
}
