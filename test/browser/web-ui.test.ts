/**
 * A new user's first session, in a real Chromium against the real server: open the
 * dashboard, paste the seed article, follow a proposal to its evidence, find a visit on the
 * timeline and the map, confirm a draft, and check that markup in an article stays text.
 * Each main view is saved as a screenshot: under docs/screenshots/ when LIAISON_SCREENSHOTS=docs
 * (to refresh the README's pictures), else in a temporary folder so a test run leaves the
 * working tree as it was.
 */
import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Response } from 'playwright-core';
import { ensureWebBuilt, hasChromium, launchBrowser, REPO_ROOT, startTestServer } from './harness.js';
import type { TestBrowser, TestServer } from './harness.js';
import { readSeedArticle, runsWithShared, SEED_ARTICLE } from '../shared-files.js';

const SEED = readSeedArticle();
const SHOTS = process.env.LIAISON_SCREENSHOTS === 'docs' ? join(REPO_ROOT, 'docs', 'screenshots') : join(tmpdir(), 'liaison-screenshots');

/** Resolves with the first response to `method path` (path may be a prefix followed by ? or /). */
function apiResponse(page: Page, method: string, pathPrefix: string | RegExp): Promise<Response> {
  const response = page.waitForResponse((r) => {
    if (r.request().method() !== method) return false;
    const path = new URL(r.url()).pathname + new URL(r.url()).search;
    return typeof pathPrefix === 'string' ? path === pathPrefix || path.startsWith(pathPrefix + '?') || path.startsWith(pathPrefix + '/') : pathPrefix.test(path);
  });
  // A test that fails before awaiting it must not also leave an unhandled rejection behind.
  response.catch(() => undefined);
  return response;
}

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: false });
}

/** The other bundled texts, posted through the API so the record looks like a working one. */
async function loadSampleTexts(baseUrl: string): Promise<void> {
  const dir = join(REPO_ROOT, 'eval');
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) {
    let published: string | undefined;
    try {
      published = JSON.parse(readFileSync(join(dir, file.replace(/\.txt$/, '.gold.json')), 'utf8')).source?.published;
    } catch {
      continue;
    }
    if (!published) continue;
    const res = await fetch(`${baseUrl}/api/documents`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: readFileSync(join(dir, file), 'utf8'), published }),
    });
    if (!res.ok) console.warn(`sample ${file} not ingested: ${res.status} ${await res.text()}`);
  }
}

const enabled = hasChromium();

describe.skipIf(!enabled || !runsWithShared)('web UI in Chromium', () => {
  let server: TestServer;
  let browser: TestBrowser;

  beforeAll(async () => {
    if (!SEED) throw new Error(`The seed article is missing at ${SEED_ARTICLE}: the tests paste it as a new user would. Check out ../shared beside the repository.`);
    await ensureWebBuilt();
    // The clock sits on the seed's publication day, so its meetings count as upcoming.
    server = await startTestServer({ now: '2025-04-02T09:00:00Z' });
    await loadSampleTexts(server.url);
    browser = await launchBrowser(server.url);
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  }, 60_000);

  async function open(path: string, waitFor: Array<[string, string | RegExp]>): Promise<Page> {
    const page = await browser.newPage();
    page.setDefaultTimeout(15_000);
    const responses = waitFor.map(([method, p]) => apiResponse(page, method, p));
    await page.goto(path);
    for (const r of await Promise.all(responses)) expect(r.ok(), `${r.url()} answered ${r.status()}`).toBe(true);
    return page;
  }

  it('opens the dashboard', async () => {
    const page = await open('/', [['GET', '/api/dashboard']]);
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    await page.getByRole('heading', { name: 'Review queue' }).waitFor();
    await page.getByRole('heading', { name: 'Latest documents' }).waitFor();
    expect(Number(await page.getByLabel('Drafts waiting for review').textContent())).toBeGreaterThan(0);
    await shot(page, 'dashboard');
    await page.close();
  });

  it('adds the seed article by pasting it with its date, and shows its record beside the text', async () => {
    const page = await open('/#/add', []);
    await page.getByLabel('Article text').fill(SEED);
    await page.getByLabel('Publication date').fill('2025-04-02');
    const posted = apiResponse(page, 'POST', '/api/documents');
    const loaded = apiResponse(page, 'GET', /^\/api\/documents\/[^/?]+$/);
    await page.getByRole('button', { name: 'Add and extract' }).click();
    expect((await posted).status()).toBe(201);
    expect((await loaded).ok()).toBe(true);

    const text = page.getByRole('region', { name: 'Document text' });
    await text.waitFor();
    expect(await text.textContent()).toBe((await (await loaded).json()).text);

    // Choosing a highlighted name shows its evidence and the records it took part in.
    await text.getByRole('button', { name: 'Mark Rutte' }).first().click();
    const selection = page.getByRole('region', { name: 'Selection' });
    await selection.getByRole('link', { name: 'Mark Rutte', exact: true }).waitFor();
    expect(await selection.textContent()).toMatch(/Sarajevo/);
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, 'document');

    // Choosing an event shades its sentence in the text.
    const events = page.getByRole('region', { name: /^Events/ });
    await events.getByRole('button', { name: /Sarajevo/ }).first().click();
    const shaded = await page.locator('.evidence-selected').allTextContents();
    expect(shaded.join('')).toMatch(/Sarajevo/);

    // The event's own page: its evidence, participants and history.
    const eventLoaded = apiResponse(page, 'GET', /^\/api\/events\/[^/?]+$/);
    await selection.getByRole('heading').getByRole('link').click();
    expect((await eventLoaded).ok()).toBe(true);
    await page.getByRole('heading', { level: 1, name: /Sarajevo/ }).waitFor();
    expect(await page.getByRole('region', { name: 'Evidence' }).textContent()).toContain('Mark Rutte to Sarajevo and Kosovo in March');
    await page.getByRole('region', { name: 'History' }).getByText(/ingested|No changes yet/).first().waitFor();
    await shot(page, 'event');
    await page.goBack();
    await text.waitFor();

    // Back to the person: the mention leads to the entity page.
    await text.getByRole('button', { name: 'Mark Rutte' }).first().click();
    await selection.getByRole('link', { name: 'Mark Rutte', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Mark Rutte' }).waitFor();
    await page.getByRole('heading', { name: /^Events/ }).waitFor();
    await shot(page, 'entity');
    await page.close();
  });

  it('opens the NATO Mission Iraq proposal and sees status "expected" with the quoted sentence', async () => {
    const page = await open('/#/proposals', [['GET', '/api/events']]);
    const expected = page.getByRole('region', { name: 'Status: expected' });
    await expected.getByRole('article').first().waitFor();
    await shot(page, 'proposals');
    // The card whose subject is the mission (its label is the text's own wording).
    const card = expected.getByRole('article').filter({ has: page.getByRole('link', { name: 'NATO Mission Iraq', exact: true }) }).first();
    await card.waitFor();

    const detail = apiResponse(page, 'GET', /^\/api\/events\/[^/?]+$/);
    await card.getByRole('heading').getByRole('link').click();
    expect((await detail).ok()).toBe(true);
    await page.getByRole('heading', { level: 1 }).waitFor();
    const subjects = page.getByRole('region', { name: 'Participants by role' });
    await subjects.getByRole('link', { name: 'NATO Mission Iraq', exact: true }).waitFor();
    expect(await page.locator('.badge.status').first().textContent()).toBe('expected');
    const evidence = page.getByRole('region', { name: 'Evidence' }).locator('blockquote');
    expect((await evidence.allTextContents()).join(' ')).toContain('ministers are expected to approve an enlarged scope for NATO Mission Iraq (NMI)');
    await page.close();
  });

  it("finds Mark Rutte's visit to Sarajevo on the timeline", async () => {
    const page = await open('/#/timeline', [['GET', '/api/timeline']]);
    await page.locator('.vis-item').first().waitFor();
    const suggestions = apiResponse(page, 'GET', '/api/entities');
    await page.getByLabel('Involving entity', { exact: true }).fill('Rutte');
    expect((await suggestions).ok()).toBe(true);
    const filtered = apiResponse(page, 'GET', /^\/api\/timeline\?.*entity=/);
    await page.getByRole('button', { name: 'Mark Rutte' }).click();
    expect((await filtered).ok()).toBe(true);
    await page.getByText('Events involving').getByRole('link', { name: 'Mark Rutte' }).waitFor();
    await page.locator('.vis-item').first().waitFor();
    await shot(page, 'timeline');

    const item = page.locator('.vis-item').filter({ hasText: /Sarajevo/ }).first();
    await item.waitFor();
    await item.click();
    const chosen = page.getByRole('region', { name: /Sarajevo/ });
    await chosen.waitFor();
    expect(await chosen.textContent()).toMatch(/2025-03/);
    await shot(page, 'timeline');
    await page.close();
  });

  it("finds Mark Rutte's visit to Sarajevo on the map", async () => {
    const page = await open('/#/map', [['GET', '/api/map']]);
    await page.getByRole('button', { name: /^Sarajevo: / }).click();
    const list = page.getByRole('list', { name: 'Events at Sarajevo' });
    await list.waitFor();
    await shot(page, 'map');
    await list.getByRole('link', { name: /Rutte/ }).first().waitFor();
    await page.close();
  });

  it('draws the graph of who meets whom', async () => {
    const page = await open('/#/graph', [['GET', '/api/graph']]);
    await page.locator('.graph-host canvas').first().waitFor();
    await page.getByRole('button', { name: 'NATO', exact: true }).click();
    await page.getByRole('link', { name: /Centre the graph on NATO/ }).waitFor();
    await shot(page, 'graph');
    await page.close();
  });

  it('confirms a draft from the keyboard and it is still confirmed after a reload', async () => {
    const page = await open('/#/review', [['GET', '/api/review']]);
    const current = page.locator('.review-item[aria-current="true"]');
    await current.waitFor();
    await shot(page, 'review');
    const link = current.getByRole('link').first();
    const label = (await link.textContent())!;
    const recordHref = (await link.getAttribute('href'))!;

    // j moves to the next record and k comes back: the selection follows the keys.
    const nextHref = (await page.locator('.review-item').nth(1).getByRole('link').first().getAttribute('href'))!;
    await page.keyboard.press('j');
    await page.locator(`.review-item[aria-current="true"] a[href="${nextHref}"]`).waitFor();
    await page.keyboard.press('k');
    await page.locator(`.review-item[aria-current="true"] a[href="${recordHref}"]`).waitFor();

    const confirmed = apiResponse(page, 'POST', /^\/api\/review\/(entity|event|quote)\/[^/]+\/confirm$/);
    await page.keyboard.press('c');
    expect((await confirmed).ok()).toBe(true);
    await page.getByRole('status').filter({ hasText: `Confirmed: ${label}` }).waitFor();

    const reloaded = apiResponse(page, 'GET', '/api/review');
    await page.reload();
    expect((await reloaded).ok()).toBe(true);
    await page.locator('.review-item').first().waitFor();
    expect(await page.locator(`.review-item a[href="${recordHref}"]`).count()).toBe(0);

    const confirmedList = apiResponse(page, 'GET', /^\/api\/review\?.*state=confirmed/);
    await page.getByLabel('Show').selectOption('confirmed');
    expect((await confirmedList).ok()).toBe(true);
    const row = page.locator('.review-item').filter({ has: page.locator(`a[href="${recordHref}"]`) });
    await row.waitFor();
    expect(await row.locator('.badge.state-confirmed').textContent()).toBe('confirmed');
    await page.close();
  });

  it('creates a meeting with a session and participants through the form', async () => {
    const page = await open('/#/events/new?type=meeting', []);
    await page.getByLabel('Label').fill('EU-AU ministerial on peace financing');
    await page.getByLabel('Status', { exact: true }).selectOption('scheduled');
    await page.getByLabel('Date', { exact: true }).fill('2025-05-21');

    const pick = async (label: string, query: string, name: string) => {
      const hits = apiResponse(page, 'GET', '/api/entities');
      await page.getByLabel(label, { exact: true }).fill(query);
      expect((await hits).ok()).toBe(true);
      await page.getByRole('list', { name: `${label}: suggestions` }).getByRole('button', { name, exact: true }).click();
    };
    await pick('Add a place', 'Brussels', 'Brussels');
    await pick('Add a participant', 'NATO', 'NATO');
    await page.getByLabel('Role of NATO').selectOption('host');
    await page.getByRole('button', { name: 'Add a session' }).click();
    await page.getByLabel('Session label').fill('closed session with partners');
    await pick('Add a participant to session 1', 'Kallas', 'Kaja Kallas');

    const created = apiResponse(page, 'POST', '/api/events');
    await page.getByRole('button', { name: 'Create' }).click();
    expect((await created).status()).toBe(201);
    await page.getByRole('heading', { level: 1, name: 'EU-AU ministerial on peace financing' }).waitFor();
    const sessions = page.getByRole('region', { name: /^Sessions/ });
    await sessions.getByRole('link', { name: 'closed session with partners' }).waitFor();
    const roles = page.getByRole('region', { name: 'Participants by role' });
    await roles.getByRole('heading', { name: 'host' }).waitFor();
    await roles.getByRole('link', { name: 'NATO', exact: true }).waitFor();
    // A record made by hand names its maker.
    expect(await page.getByRole('region', { name: 'Evidence' }).textContent()).toMatch(/Entered by hand/);
    await page.getByRole('region', { name: 'History' }).getByText(/local\s+created/).waitFor();
    await page.close();
  });

  it('uploads a text file with its date, outlet and URL', async () => {
    const page = await open('/#/add', []);
    await page.getByLabel('Upload a file').check();
    await page.getByLabel('Text file').setInputFiles({
      name: 'visit.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('VIENNA\nThe OSCE Chair visited Chisinau on Tuesday for talks with the Moldovan foreign minister.\n'),
    });
    await page.getByLabel('Publication date').fill('2025-03-12');
    await page.getByLabel('Outlet').fill('Upload Test Wire');
    await page.getByLabel('URL').fill('https://example.org/osce-visit');
    const posted = apiResponse(page, 'POST', '/api/documents');
    await page.getByRole('button', { name: 'Add and extract' }).click();
    expect((await posted).status()).toBe(201);
    await page.getByRole('region', { name: 'Document text' }).getByText(/visited Chisinau/).waitFor();
    expect(await page.getByRole('article').textContent()).toContain('Upload Test Wire');
    expect(await page.getByRole('link', { name: 'source' }).getAttribute('href')).toBe('https://example.org/osce-visit');
    await page.close();
  });

  it('shows markup in a pasted article as text and never runs it', async () => {
    const page = await open('/#/add', []);
    const hostile =
      'GENEVA (Test Wire)\nDiplomats met in Geneva on Monday. A reader comment pasted into the story read ' +
      '<script>window.__pwned = "script"</script> and <img src="x" onerror="window.__pwned = \'img\'"> before it was removed.';
    await page.getByLabel('Article text').fill(hostile);
    await page.getByLabel('Publication date').fill('2025-05-05');
    const posted = apiResponse(page, 'POST', '/api/documents');
    await page.getByRole('button', { name: 'Add and extract' }).click();
    expect((await posted).status()).toBe(201);
    const text = page.getByRole('region', { name: 'Document text' });
    await text.waitFor();
    expect(await text.textContent()).toContain('<script>window.__pwned = "script"</script>');
    expect(await text.textContent()).toContain('<img src="x" onerror=');
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(await page.locator('#root script, #root img').count()).toBe(0);
    await page.close();
  });
});
