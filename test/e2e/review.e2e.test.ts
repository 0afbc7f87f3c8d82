/// <reference lib="dom" />
/**
 * The review app in a real browser: Debian's chromium driven by playwright-core. An editor
 * reviews the seed with the keyboard alone (accept, reject, undo, edit in place without a page
 * reload, the help, a batch of running headers accepted, undone and accepted again), downloads
 * the edition and finds the decisions in it, follows each change of the edition to its
 * decision, and takes a pasted document from import to a downloaded edition without the
 * mouse; a hostile document shows its markup as text and runs nothing. Screenshots of the review and edition pages go to artifacts/ (ignored by git).
 *
 *   npm run test:e2e          (CHROMIUM=/path/to/chromium to use another browser)
 */

import fs from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type { SqliteStore } from '../../src/store';
import { openStore } from '../../src/store';
import { createApp } from '../../src/web/app';
import { SEED_FILE } from '../../src/web/paths';

jest.setTimeout(60_000);

const ARTIFACTS = path.join(__dirname, '..', '..', 'artifacts');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const HOSTILE =
  'He wrote <script>window.pwned = 1</script> in the text, and then\n' +
  'a link "><img src=x onerror="window.pwned = 2"> that was shared shared twice.\n';

let folder: string;
let store: SqliteStore;
let server: Server;
let base: string;
let browser: BrowserContext;
let page: Page;
let seedId: number;
/** Script errors on any page: there must be none. */
const pageErrors: Error[] = [];

beforeAll(async () => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'galley-e2e-'));
  store = openStore(path.join(folder, 'galley.db'));
  seedId = (await store.importDocument('Seed', fs.readFileSync(SEED_FILE, 'utf8'))).id;
  server = createApp({ store }).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launchPersistentContext(path.join(folder, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
    viewport: { width: 1280, height: 1000 },
    acceptDownloads: true,
  });
  page = browser.pages()[0] ?? (await browser.newPage());
  page.on('pageerror', (error) => pageErrors.push(error));
  fs.mkdirSync(ARTIFACTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
  await store?.close();
  fs.rmSync(folder, { recursive: true, force: true });
});

/** The id of the element that has the focus. */
function focusedId(): Promise<string> {
  return page.evaluate(() => document.activeElement?.id ?? '');
}

async function statusOf(publicId: string): Promise<string> {
  const finding = (await store.findings(seedId, {})).findings.find((candidate) =>
    publicId.endsWith(`-${candidate.id}`),
  );
  return finding!.status;
}

/** Presses a key that decides, and waits for the flag's answer (the page is not reloaded). */
async function pressAndDecide(key: string): Promise<void> {
  await Promise.all([
    page.waitForResponse((response) => response.url().endsWith('/decision') && response.ok()),
    page.keyboard.press(key),
  ]);
  await page.waitForFunction(() => !document.querySelector('form[aria-busy]'));
}

/** The status a flag's list item shows. */
async function shownStatus(id: string): Promise<string | null> {
  return page.textContent(`[id="${id}"] .status`);
}

describe('reviewing the seed with the keyboard alone', () => {
  it('moves between flags, accepts, rejects, undoes and edits in place, without a page reload', async () => {
    await page.goto(`${base}/documents/${seedId}?kind=doubled-phrase`);
    // A reload would lose this mark.
    await page.evaluate(() => Object.assign(window, { notReloaded: true }));
    const reviewedBefore = Number(await page.textContent('#reviewed'));
    await page.keyboard.press('j');
    const first = await focusedId();
    expect(first).toMatch(/^d\d+-/);
    await pressAndDecide('a');
    expect(await statusOf(first)).toBe('accepted');
    expect(await shownStatus(first)).toBe('accepted');
    expect(Number(await page.textContent('#reviewed'))).toBe(reviewedBefore + 1);
    // After a decision the next flag has the focus.
    const second = await focusedId();
    expect(second).not.toBe(first);

    await pressAndDecide('r');
    expect(await statusOf(second)).toBe('rejected');
    await page.keyboard.press('k');
    expect(await focusedId()).toBe(second);
    await pressAndDecide('u');
    expect(await statusOf(second)).toBe('pending');
    expect(await shownStatus(second)).toBe('pending');
    expect(await focusedId()).toBe(second);

    await page.keyboard.press('k');
    expect(await focusedId()).toBe(first);
    await page.keyboard.press('j');
    // The edit field opens with the suggestion (here: remove the copy) selected; save it as is.
    await page.keyboard.press('e');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
    await pressAndDecide('Control+Enter');
    expect(await statusOf(second)).toBe('edited');
    expect(await shownStatus(second)).toBe('edited');
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(
      true,
    );
    expect(page.url()).toContain('kind=doubled-phrase');

    await page.keyboard.press('?');
    expect(await page.isVisible('#keyboard-help')).toBe(true);
    await page.screenshot({ path: path.join(ARTIFACTS, 'review-help.png') });
    await page.keyboard.press('Escape');
    expect(await page.isVisible('#keyboard-help')).toBe(false);
    // Esc in the page's filter field is the field's: no error, the focus stays.
    await page.focus('input[name="minConfidence"]');
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('minConfidence');
    expect(pageErrors).toEqual([]);
    await page.screenshot({ path: path.join(ARTIFACTS, 'review.png'), fullPage: false });
  });

  it('batch-accepts the running headers after a preview, and undoes the batch in one step', async () => {
    const pendingHeaders = async (): Promise<number> =>
      (await store.findings(seedId, { kind: 'running-header', status: 'pending' })).total;
    const before = await pendingHeaders();
    await page.goto(`${base}/documents/${seedId}?kind=running-header`);
    await page.focus('a[href$="/batch?kind=running-header"]');
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    await page.screenshot({ path: path.join(ARTIFACTS, 'batch.png') });
    await page.focus('button.batch-confirm');
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    expect(await pendingHeaders()).toBeLessThan(before);
    await page.focus('form.batch-done button');
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    expect(await pendingHeaders()).toBe(before);
    await page.goto(`${base}/documents/${seedId}/batch?kind=running-header`);
    await page.focus('button.batch-confirm');
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  });

  it('downloads an edition that holds the accepted changes and only them', async () => {
    await page.goto(`${base}/documents/${seedId}/edition`);
    await page.screenshot({ path: path.join(ARTIFACTS, 'edition.png') });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('a[href$="download?format=text"]'),
    ]);
    const edition = fs.readFileSync((await download.path())!, 'utf8');
    const source = fs.readFileSync(SEED_FILE, 'utf8');
    expect(edition).not.toBe(source);
    expect(source).toContain('share hardships\nand hardships');
    expect(edition).not.toContain('share hardships\nand hardships');
    expect(edition).toContain('share hardships, share glory');
    // The running headers accepted as a batch are gone.
    expect(edition).not.toContain('China Aerospace Studies Institute\n');
  });

  it('links every change of the edition to the decision that made it', async () => {
    await page.goto(`${base}/documents/${seedId}/edition`);
    const traces = await page.$$eval('pre.edition a.trace', (links) =>
      links.map((link) => (link as HTMLAnchorElement).href),
    );
    expect(traces.length).toBeGreaterThan(10);
    for (const trace of new Set(traces)) {
      const history = await (await page.request.get(trace)).text();
      expect(history).toMatch(/<td>(accept|edit)<\/td>/);
    }
    await Promise.all([page.waitForURL(/\/history\?finding=/), page.click('pre.edition a.trace')]);
    expect(await page.textContent('p.summary')).toMatch(/decisions about d\d+-/);
  });
});

describe('from import to edition with the keyboard alone', () => {
  /** Presses Tab until the focused element matches the selector. */
  async function tabTo(selector: string): Promise<void> {
    for (let presses = 0; presses < 300; presses++) {
      if (await page.evaluate((wanted) => document.activeElement?.matches(wanted) ?? false, selector)) return;
      await page.keyboard.press('Tab');
    }
    throw new Error(`Tab never reached ${selector}`);
  }

  it('pastes the seed, accepts a flag, and downloads an edition with that change only', async () => {
    await page.goto(`${base}/`);
    await tabTo('details.import summary');
    if (!(await page.evaluate(() => document.querySelector('details.import')!.hasAttribute('open'))))
      await page.keyboard.press('Enter');
    await tabTo('input[name="title"]');
    await page.keyboard.type('Keyboard seed');
    await tabTo('textarea[name="text"]');
    const source = fs.readFileSync(SEED_FILE, 'utf8');
    await page.keyboard.insertText(source);
    await tabTo('form[action="/documents"] button');
    await Promise.all([page.waitForURL(/\/documents\/\d+$/), page.keyboard.press('Enter')]);
    const documentId = Number(/\/documents\/(\d+)$/.exec(page.url())![1]);

    await page.keyboard.press('j');
    const accepted = await focusedId();
    await pressAndDecide('a');
    await tabTo('a[href$="/edition"]');
    await Promise.all([page.waitForURL(/\/edition$/), page.keyboard.press('Enter')]);
    await tabTo('a[href$="download?format=text"]');
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    const edition = fs.readFileSync((await download.path())!, 'utf8');

    // The edition is the source with the one accepted finding applied, and nothing else.
    const finding = (await store.findings(documentId)).findings.find((candidate) =>
      accepted.endsWith(`-${candidate.id}`),
    )!;
    expect(finding.status).toBe('accepted');
    expect(edition).toBe(source.slice(0, finding.start) + finding.replacement + source.slice(finding.end));
    expect((await store.history(documentId)).map((entry) => entry.findingId)).toEqual([finding.id]);
  });
});

describe('a hostile document', () => {
  it('shows its markup as text and runs none of it', async () => {
    const id = (await store.importDocument('<script>window.pwned = 3</script>', HOSTILE)).id;
    for (const address of [`${base}/`, `${base}/documents/${id}`, `${base}/documents/${id}/edition`]) {
      await page.goto(address);
      expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
      expect(await page.locator('img').count()).toBe(0);
    }
    await page.goto(`${base}/documents/${id}`);
    expect(await page.textContent('main')).toContain('<script>window.pwned = 1</script>');
  });
});
