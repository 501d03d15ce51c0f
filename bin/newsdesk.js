#!/usr/bin/env node
// The `newsdesk` command: runs the TypeScript CLI through tsx, the same code path as npm scripts and tests.
import { register } from 'tsx/esm/api';

register();
const { main, processIO } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2), processIO());
