// Entry point of the `liaison` command (bin/liaison.mjs loads it through tsx).
import { processIo } from './io.js';
import { runCli } from './program.js';

process.exitCode = await runCli(process.argv, processIo());
