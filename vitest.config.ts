import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Guards against a hang, not speed checks: a worker's first corpus load starts the parse workers,
    // which run at a low priority and, beside a CPU-heavy process, take tens of seconds to come up.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    globalSetup: ['test/support/postgres-server.ts', 'test/support/scratch-directory.ts'],
    // Vitest's default (one worker fewer than the cores) is a single worker on a 2-core machine,
    // which then sits idle while a test waits on a bot process or a socket: one per core keeps both busy.
    maxWorkers: '100%',
    // Files share their worker's module cache instead of each loading discord.js, compromise and a
    // parse pool afresh (about 40% of the suite's CPU). Safe here: no test mocks a module or stubs a
    // global, and files in one worker run one after another.
    isolate: false,
  },
});
