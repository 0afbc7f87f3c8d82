/**
 * The review app on a 1,000-page document (the seed ×45, issue 4's bar): the median time of the
 * review page (first and last page of flags), of one decision (by the API, and from the review page
 * answered in place) and of the history page, through HTTP on a local port,
 * against the built app (dist/) with a temporary SQLite file. Each request is timed alone,
 * after warm-up requests.
 */

import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { repeatSeed } from './bench-input';
import { distDirectory } from './built-analyser';
import type { Measure } from './measure';
import { summarise } from './statistics';

type AppModule = typeof import('../../src/web/app');
type StoreModule = typeof import('../../src/store');

export const REVIEW_COPIES = 45;

export async function measureReviewApp(seed: string, requests: number): Promise<Measure[]> {
  const { createApp } = (await import(
    pathToFileURL(path.join(distDirectory, 'web/app.js')).href
  )) as AppModule;
  const { openStore } = (await import(
    pathToFileURL(path.join(distDirectory, 'store/index.js')).href
  )) as StoreModule;
  const folder = mkdtempSync(path.join(os.tmpdir(), 'galley-bench-'));
  const store = openStore(path.join(folder, 'galley.db'));
  const server = createApp({ store, logError: () => undefined }).listen(0, '127.0.0.1');
  try {
    await new Promise((resolve) => server.once('listening', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const started = performance.now();
    const summary = await store.importDocument('Seed ×45', repeatSeed(seed, REVIEW_COPIES));
    const importMs = performance.now() - started;
    const pages = Math.ceil(summary.findings / 50);
    const listed = (await (
      await fetch(`${base}/api/documents/${summary.id}/findings?limit=${requests + 5}`)
    ).json()) as {
      findings: Array<{ id: string }>;
    };

    const time = async (call: () => Promise<Response>): Promise<number[]> => {
      const times: number[] = [];
      for (let i = 0; i < requests + 3; i++) {
        const start = performance.now();
        const response = await call();
        await response.arrayBuffer();
        if (!response.ok) throw new Error(`the review app answered ${response.status}`);
        if (i >= 3) times.push(performance.now() - start);
      }
      return times;
    };
    const firstPage = await time(() => fetch(`${base}/documents/${summary.id}`));
    const lastPage = await time(() => fetch(`${base}/documents/${summary.id}?page=${pages}`));
    let next = 0;
    const decisions = await time(() =>
      fetch(`${base}/api/findings/${listed.findings[next++ % listed.findings.length]!.id}/decision`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ decision: 'accept' }),
      }),
    );
    // The review page's own decision: a form post answered with the flag's HTML and the counts.
    const reviewHtml = await (await fetch(`${base}/documents/${summary.id}`)).text();
    const formToken = /name="_csrf" value="([0-9a-f]+)"/.exec(reviewHtml)![1]!;
    const inPlace = await time(() =>
      fetch(
        `${base}/documents/${summary.id}/findings/${listed.findings[next++ % listed.findings.length]!.id}/decision`,
        {
          method: 'POST',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Galley-Fragment': 'flag' },
          body: new URLSearchParams({ _csrf: formToken, decision: 'reject' }).toString(),
        },
      ),
    );
    // The history of a busy afternoon: 100 decisions spread over the line wraps.
    const wraps = (await store.findings(summary.id, { kind: 'line-wrap' })).findings;
    for (let k = 0; k < 100; k++)
      await store.decide(summary.id, wraps[Math.floor((k * wraps.length) / 100)]!.id, { decision: 'accept' });
    const historyPage = await time(() => fetch(`${base}/documents/${summary.id}/history`));
    const label = `review app, seed ×${REVIEW_COPIES} (${summary.findings} findings, ${pages} pages of flags)`;
    return [
      {
        id: 'review-import',
        label: `${label}: import and analyse, once`,
        unit: 'ms',
        summary: summarise([importMs]),
      },
      {
        id: 'review-page-first',
        label: `${label}: review page, first page`,
        unit: 'ms',
        summary: summarise(firstPage),
        target: { comparison: 'below', value: 300 },
      },
      {
        id: 'review-page-last',
        label: `${label}: review page, last page`,
        unit: 'ms',
        summary: summarise(lastPage),
        target: { comparison: 'below', value: 300 },
      },
      {
        id: 'review-history',
        label: `${label}: history page (100+ decisions)`,
        unit: 'ms',
        summary: summarise(historyPage),
        target: { comparison: 'below', value: 300 },
      },
      {
        id: 'review-decision',
        label: `${label}: one decision (POST, one transaction)`,
        unit: 'ms',
        summary: summarise(decisions),
        target: { comparison: 'below', value: 20 },
      },
      {
        id: 'review-decision-in-place',
        label: `${label}: one decision from the review page, answered in place (flag HTML and counts)`,
        unit: 'ms',
        summary: summarise(inPlace),
        target: { comparison: 'below', value: 20 },
      },
    ];
  } finally {
    await new Promise((resolve) => server.close(resolve));
    await store.close();
    rmSync(folder, { recursive: true, force: true });
  }
}
