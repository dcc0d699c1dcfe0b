/**
 * What every browser test needs: a built UI, the real server over a fresh SQLite file, and
 * Debian's Chromium driven by playwright-core. Nothing here is mocked.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import type { BrowserContext, Page } from 'playwright-core';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CHROMIUM_PATH = '/usr/bin/chromium';
export const CHROMIUM_MISSING = `Chromium not found at ${CHROMIUM_PATH}: browser tests skipped`;

/** Flags that keep Chromium from reaching for hosts this offline machine cannot reach. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Browser tests run when Chromium is there; under CI its absence is a failure, not a skip. */
export function hasChromium(): boolean {
  if (existsSync(CHROMIUM_PATH)) return true;
  if (process.env.CI) throw new Error(`${CHROMIUM_MISSING}, but CI is set: install it with "apt-get install -y chromium".`);
  console.warn(CHROMIUM_MISSING);
  return false;
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Builds web/dist when it is missing or older than the sources, so tests never run a stale UI. */
export async function ensureWebBuilt(): Promise<void> {
  const webDir = join(REPO_ROOT, 'web');
  const index = join(webDir, 'dist', 'index.html');
  const sources = Math.max(newestMtime(join(webDir, 'src')), statSync(join(webDir, 'index.html')).mtimeMs);
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return;
  const { build } = await import('vite');
  // vitest sets NODE_ENV=test, which would give a development React build.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: join(webDir, 'vite.config.ts'), mode: 'production', logLevel: 'warn' });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
}

export interface TestServer {
  url: string;
  close(): Promise<void>;
}

/**
 * The real server (`startServer`) on a free port over an empty SQLite file in a temp folder.
 * `now` fixes the server clock, so what counts as upcoming does not drift with the date.
 */
export async function startTestServer(options: { now?: string } = {}): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'liaison-browser-'));
  const { loadConfig } = await import('../../src/config.js');
  const { openStore } = await import('../../src/storage/index.js');
  const { startServer } = await import('../../src/api/index.js');
  const config = loadConfig({ LIAISON_DB: join(dir, 'test.db'), LIAISON_HOST: '127.0.0.1', LIAISON_PORT: '0' }, REPO_ROOT);
  const store = await openStore(config);
  const clock = options.now ? () => new Date(options.now!) : undefined;
  const server = await startServer({ config, store, clock, port: 0, seedSample: false, log: () => {} });
  return {
    url: server.url,
    async close() {
      await Promise.race([server.close(), new Promise((done) => setTimeout(done, 10_000).unref())]);
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface TestBrowser {
  context: BrowserContext;
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Chromium with a fresh temporary profile. Playwright refuses `--user-data-dir` in `args`,
 * so the profile goes through `launchPersistentContext`, which takes the same folder.
 */
export async function launchBrowser(baseURL: string): Promise<TestBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'liaison-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    headless: true,
    baseURL,
    viewport: { width: 1360, height: 900 },
  });
  return {
    context,
    newPage: () => context.newPage(),
    async close() {
      // A browser that hangs on exit must not hang the suite: give it ten seconds, then go on.
      await Promise.race([context.close(), new Promise((done) => setTimeout(done, 10_000).unref())]);
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
