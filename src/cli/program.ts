import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command, CommanderError } from 'commander';
import { ENV_VARS } from '../config.js';
import { AppError } from '../domain/index.js';
import { EXIT, exitCodeFor } from './cli-error.js';
import { registerEval } from './commands/eval.command.js';
import { registerExport } from './commands/export.command.js';
import { registerExtract } from './commands/extract.command.js';
import { registerIngest } from './commands/ingest.command.js';
import { registerListCommands } from './commands/list.commands.js';
import { registerServe } from './commands/serve.command.js';
import { registerShow } from './commands/show.command.js';
import { createCliContext, type CliContext, type GlobalOptions } from './context.js';
import { println, type CliIo } from './io.js';

function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'package.json'), 'utf8')) as { version?: string };
  return pkg.version ?? 'unknown';
}

function environmentHelp(): string {
  const width = Math.max(...Object.keys(ENV_VARS).map((k) => k.length));
  return `\nEnvironment:\n${Object.entries(ENV_VARS).map(([k, v]) => `  ${k.padEnd(width)}  ${v}`).join('\n')}`;
}

export function createProgram(ctx: CliContext): Command {
  const program = new Command('liaison')
    .description('Build a sourced, dated record of alliance diplomacy from news texts.')
    .version(packageVersion(), '-V, --version')
    .option('--db <file>', 'SQLite database file (default: LIAISON_DB or ./data/liaison.db)')
    .addHelpText('after', environmentHelp())
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({
      writeOut: (s) => ctx.io.stdout.write(s),
      writeErr: (s) => ctx.io.stderr.write(s),
    })
    .exitOverride()
    .hook('preAction', (root) => ctx.setGlobals(root.opts<GlobalOptions>()));
  registerIngest(program, ctx);
  registerExtract(program, ctx);
  registerShow(program, ctx);
  registerListCommands(program, ctx);
  registerExport(program, ctx);
  registerServe(program, ctx);
  registerEval(program, ctx);
  // Sub-commands (and theirs) inherit the output and exit handling of the root.
  const inherit = (cmd: Command) => {
    for (const sub of cmd.commands) {
      sub.exitOverride().configureOutput(program.configureOutput()).showHelpAfterError('(run with --help for usage)');
      inherit(sub);
    }
  };
  inherit(program);
  return program;
}

/** Parses argv, runs one command and returns the exit code; never throws. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const ctx = createCliContext(io);
  const program = createProgram(ctx);
  try {
    await program.parseAsync([...argv], { from: 'node' });
    return ctx.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander has already printed its message; help and --version are not failures.
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (error instanceof AppError) {
      println(io.stderr, `error: ${error.message}`);
      return exitCodeFor(error);
    }
    // Anything else is a bug: keep the stack so it can be reported.
    println(io.stderr, `error: unexpected failure: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return EXIT.failed;
  }
}
