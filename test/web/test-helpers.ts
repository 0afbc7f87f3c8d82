/**
 * What the web and store tests share: a temporary database per test (PostgreSQL when
 * GALLEY_TEST_DATABASE_URL is set, see test/store/backends.ts), and small documents.
 */

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Express } from 'express';
import request from 'supertest';
import { openStore, type SqliteStore, type Store } from '../../src/store';
import { createApp, type AppOptions } from '../../src/web/app';
import { webBackend, type TestDatabase } from '../store/backends';

/**
 * A short text with one finding of each sort the tests need: a doubled phrase, a line wrap,
 * a space before a comma, and a line-end hyphen.
 */
export const SAMPLE =
  'The committee met to share hardships and hardships with the\n' +
  'people of the region in 2017 , and the report was pub-\n' +
  'lished in March.\n';

/** The sample after accepting only the doubled phrase. */
export const SAMPLE_WITHOUT_DOUBLE = SAMPLE.replace('hardships and hardships', 'hardships');

/** A quotation mark that is never closed: a finding with no suggestion (flag only). */
export const FLAG_ONLY = 'He said "hello and left the room.\n';

export interface TemporaryDatabase {
  folder: string;
  file: string;
  open(): SqliteStore;
  remove(): void;
}

/** A SQLite file in a folder of its own. */
export function temporaryDatabase(): TemporaryDatabase {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'galley-db-'));
  const file = path.join(folder, 'galley.db');
  return {
    folder,
    file,
    open: () => openStore(file),
    remove: () => fs.rmSync(folder, { recursive: true, force: true }),
  };
}

/** A fresh database and app for each test of the file; errors that are bugs are kept, not printed. */
export function useTestApp(options: Partial<AppOptions> = {}): TestApp {
  const context = { bugs: [] as unknown[] } as TestApp;
  beforeEach(async () => {
    context.database = await webBackend.create();
    context.store = await context.database.open();
    context.bugs = [];
    context.app = createApp({
      store: context.store,
      logError: (error) => context.bugs.push(error),
      ...options,
    });
  });
  afterEach(async () => {
    await context.store.close();
    await context.database.remove();
  });
  return context;
}

export interface TestApp {
  database: TestDatabase;
  store: Store;
  app: Express;
  /** What the app logged as bugs (500s). */
  bugs: unknown[];
}

/** Imports `text` through the API and returns the new document's id. */
export async function importText(app: Express, text: string | Buffer, title = 'Sample'): Promise<number> {
  const response = await request(app)
    .post(`/api/documents?title=${encodeURIComponent(title)}`)
    .set('Content-Type', 'text/plain')
    .send(typeof text === 'string' ? Buffer.from(text) : text)
    .expect(201);
  return response.body.id as number;
}

/** The public id of the document's first finding of `kind`. */
export async function findingIdOf(app: Express, documentId: number, kind: string): Promise<string> {
  const response = await request(app).get(`/api/documents/${documentId}/findings?kind=${kind}`).expect(200);
  const id = response.body.findings[0]?.id as string | undefined;
  if (id === undefined) throw new Error(`no ${kind} finding in document ${documentId}`);
  return id;
}

/** The form token (CSRF) a page carries in its forms. */
export function formTokenIn(html: string): string {
  const match = /name="_csrf" value="([0-9a-f]+)"/.exec(html);
  if (!match) throw new Error('the page has no form token');
  return match[1]!;
}
