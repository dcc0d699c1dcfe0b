import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { loadApi, loadStorage } from '../modules.js';
import { println } from '../io.js';
import { parsePortOption } from '../options.js';

export function registerServe(program: Command, ctx: CliContext): void {
  program
    .command('serve')
    .description('serve the HTTP API and the web UI until interrupted (Ctrl-C)')
    .option('--port <port>', 'port to listen on (default LIAISON_PORT, PORT or 8080; 0 picks a free one)', parsePortOption)
    .option('--no-sample', 'do not ingest the sample texts in eval/ into an empty database')
    .action(async (opts: { port?: number; sample: boolean }) => {
      const config = ctx.config();
      const { openStore } = await loadStorage();
      const { startServer } = await loadApi();
      const store = await openStore(config);
      let server;
      try {
        server = await startServer({ config, store, port: opts.port, seedSample: opts.sample, log: (line) => println(ctx.io.stderr, line) });
      } catch (error) {
        await store.close();
        throw error;
      }
      const running = server;
      // Stay up until a signal; then close the server before the database it reads from.
      await new Promise<void>((resolve) => {
        const stop = () => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          resolve();
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
      println(ctx.io.stderr, 'stopping…');
      await running.close();
      await store.close();
    });
}
