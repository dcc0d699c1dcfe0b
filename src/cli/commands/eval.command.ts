import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import type { Command } from 'commander';
import { CliError } from '../cli-error.js';
import { loadPipeline, loadServices } from '../modules.js';
import type { CliContext } from '../context.js';
import { printJson, println } from '../io.js';
import { readText } from '../read-input.js';

interface EvalOptions {
  out?: string;
  scorer?: string;
  verbose?: boolean;
  json?: boolean;
}

/** What the answer key says about its source; extraction gets the same facts a user would. */
interface GoldSource {
  published?: string;
  outlet?: string;
}

async function readGoldSource(path: string): Promise<GoldSource> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(path, 'utf8'));
  } catch (e) {
    throw new CliError('file_unreadable', `Cannot read answer key ${path}: ${(e as Error).message}. Fix the JSON or move the file out of the folder.`);
  }
  const source = (parsed as { source?: GoldSource } | null)?.source ?? {};
  return { published: typeof source.published === 'string' ? source.published : undefined, outlet: typeof source.outlet === 'string' ? source.outlet : undefined };
}

/** NAME.txt first (FORMAT.md's convention), then any other extension ingest reads. */
function findText(dir: string, stem: string, extensions: readonly string[]): string | undefined {
  return ['.txt', ...extensions].map((ext) => join(dir, `${stem}${ext}`)).find((p) => existsSync(p));
}

/** Extracts every text that has an answer key in `dir` and writes NAME.pred.json to `outDir`. */
export async function predictFolder(dir: string, outDir: string): Promise<{ predicted: string[]; missingText: string[] }> {
  const [{ extract, toGold }, { ACCEPTED_EXTENSIONS }] = await Promise.all([loadPipeline(), loadServices()]);
  const keys = (await readdir(dir)).filter((n) => n.endsWith('.gold.json')).sort();
  await mkdir(outDir, { recursive: true });
  const predicted: string[] = [];
  const missingText: string[] = [];
  for (const key of keys) {
    const stem = basename(key, '.gold.json');
    const textPath = findText(dir, stem, Object.keys(ACCEPTED_EXTENSIONS));
    if (!textPath) {
      missingText.push(stem);
      continue;
    }
    const source = await readGoldSource(join(dir, key));
    const { text, format } = await readText(textPath, Number.MAX_SAFE_INTEGER);
    const extraction = extract(text, { published: source.published, outlet: source.outlet, format });
    await writeFile(join(outDir, `${stem}.pred.json`), `${JSON.stringify(toGold(extraction), null, 2)}\n`);
    predicted.push(stem);
  }
  return { predicted, missingText };
}

/** Runs the scorer as its own process, exactly as a person would from the shell. */
function runScorer(scorer: string, goldDir: string, predDir: string, flags: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [scorer, goldDir, predDir, ...flags], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code: code ?? 1, stdout, stderr }));
  });
}

export function registerEval(program: Command, ctx: CliContext): void {
  program
    .command('eval')
    .description('extract every NAME.txt that has a NAME.gold.json in each folder and score it with score.mjs')
    .argument('<dirs...>', 'folders holding NAME.txt and NAME.gold.json pairs')
    .option('--out <dir>', 'write the NAME.pred.json files here (default: a temporary folder)')
    .option('--scorer <path>', 'the scorer to run (default ../shared/eval/score.mjs beside the repository, or LIAISON_SCORER)')
    .option('--verbose', 'let the scorer list every missed and spurious item')
    .option('--json', 'print the scorer\'s JSON report for each folder')
    .action(async (dirs: string[], opts: EvalOptions) => {
      const scorer = opts.scorer ? resolve(ctx.io.cwd, opts.scorer) : ctx.config().scorerPath;
      if (!existsSync(scorer)) {
        throw new CliError('scorer_missing', `The scorer ${scorer} does not exist: pass --scorer PATH or set LIAISON_SCORER to score.mjs.`);
      }
      const outRoot = opts.out ? resolve(ctx.io.cwd, opts.out) : await mkdtemp(join(tmpdir(), 'liaison-eval-'));
      const flags = [...(opts.verbose ? ['--verbose'] : []), ...(opts.json ? ['--json'] : [])];
      let scored = 0;
      let failed = false;
      // With --json, one object keyed by folder, so the whole output parses at once.
      const reports: Record<string, unknown> = {};
      for (const [i, raw] of dirs.entries()) {
        const dir = resolve(ctx.io.cwd, raw);
        if (!existsSync(dir)) {
          println(ctx.io.stderr, `skipped ${raw}: no such folder`);
          continue;
        }
        // One prediction folder per gold folder, so two folders with the same file names never collide.
        const outDir = dirs.length === 1 ? outRoot : join(outRoot, `${i + 1}-${basename(dir)}`);
        const { predicted, missingText } = await predictFolder(dir, outDir);
        for (const stem of missingText) println(ctx.io.stderr, `${raw}: ${stem}.gold.json has no ${stem}.txt beside it; scored as an empty prediction`);
        if (predicted.length === 0 && missingText.length === 0) {
          println(ctx.io.stderr, `skipped ${raw}: no *.gold.json answer keys in it`);
          continue;
        }
        const result = await runScorer(scorer, dir, outDir, flags);
        if (opts.json) reports[raw] = result.code === 0 ? JSON.parse(result.stdout) : { error: result.stderr.trim() };
        else {
          println(ctx.io.stdout, `== ${raw} (${predicted.length} text${predicted.length === 1 ? '' : 's'}; predictions in ${outDir})`);
          ctx.io.stdout.write(result.stdout);
        }
        if (result.stderr) ctx.io.stderr.write(result.stderr);
        if (result.code !== 0) failed = true;
        scored++;
      }
      if (opts.json && scored > 0) printJson(ctx.io.stdout, reports);
      if (scored === 0) throw new CliError('nothing_to_evaluate', `None of ${dirs.join(', ')} holds NAME.gold.json answer keys: give folders with NAME.txt + NAME.gold.json pairs.`);
      if (failed) throw new CliError('scorer_failed', `The scorer ${scorer} exited with an error (its message is above).`);
    });
}
