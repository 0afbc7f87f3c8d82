/**
 * Issue 5, "no input crashes it": every row of bad-input.cases.ts at every place input enters
 * Galley: the command line (`analyse`, `clean`), the API's import (text/plain and a multipart
 * upload), the page's import form (a file and a pasted text), the decision calls' JSON bodies,
 * and the ids in paths. Each gets a clear error (a status and a message naming the problem) or
 * a correct result: never a 500, never a crash, never a document half imported.
 */

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Express } from 'express';
import request from 'supertest';
import { createApp } from '../../src/web/app';
import { SAMPLE, findingIdOf, formTokenIn, importText, useTestApp } from '../web/test-helpers';
import {
  BATCH_BODIES,
  DECISION_BODIES,
  DEFAULT_TEST_LIMIT,
  FILE_CASES,
  UNKNOWN_IDS,
  type BodyCase,
  type FileCase,
  type Refusal,
} from './bad-input.cases';
import { problemsOf } from './finding-checks';
import { galley } from '../cli/in-process-cli';

let folder: string;

beforeAll(() => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'galley-bad-input-'));
});

afterAll(() => {
  fs.rmSync(folder, { recursive: true, force: true });
});

/** The text of a valid file, as an independent decoder reads it (a leading BOM dropped). */
function textOf(bytes: Buffer): string {
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}

const BOUNDARY = 'galley-robustness-7f3a9c';

/** A multipart/form-data body, built by hand so that every byte of a part is sent as it is. */
function multipart(parts: Array<{ name: string; filename?: string; data: Buffer | string }>): Buffer {
  const chunks: Buffer[] = [];
  for (const { name, filename, data } of parts) {
    const disposition = `form-data; name="${name}"${filename === undefined ? '' : `; filename="${filename}"`}`;
    const type = filename === undefined ? '' : 'Content-Type: text/plain\r\n';
    chunks.push(Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: ${disposition}\r\n${type}\r\n`));
    chunks.push(Buffer.from(data), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${BOUNDARY}--\r\n`));
  return Buffer.concat(chunks);
}

function postMultipart(app: Express, url: string, body: Buffer): request.Test {
  return request(app).post(url).set('Content-Type', `multipart/form-data; boundary=${BOUNDARY}`).send(body);
}

/** The message of an error page, as the reader sees it. */
function pageError(html: string): string {
  const match = /<p class="error">([^<]*)<\/p>/.exec(html);
  if (!match) throw new Error(`not an error page: ${html.slice(0, 200)}`);
  const entities: Record<string, string> = {
    '&amp;': '&',
    '&lt;': '<',
    '&gt;': '>',
    '&#34;': '"',
    '&#39;': "'",
  };
  return match[1]!.replace(/&(amp|lt|gt|#34|#39);/g, (entity) => entities[entity]!);
}

function expectApiRefusal(response: request.Response, refusal: Refusal): void {
  expect({ status: response.status, body: response.body as unknown }).toEqual({
    status: refusal.status,
    body: { error: expect.stringMatching(refusal.message) },
  });
}

function expectPageRefusal(response: request.Response, refusal: Refusal): void {
  expect(response.status).toBe(refusal.status);
  expect(pageError(response.text)).toMatch(refusal.message);
}

async function documentCount(app: Express): Promise<number> {
  const response = await request(app).get('/api/documents').expect(200);
  return (response.body.documents as unknown[]).length;
}

/** What is stored for document `id` holds `text`: its findings are well-formed, its edition is the text. */
async function expectStored(app: Express, id: number, text: string, row: FileCase): Promise<void> {
  const { body } = await request(app).get(`/api/documents/${id}/findings`).expect(200);
  expect(problemsOf(text, body.findings)).toEqual([]);
  if (row.noFindings) expect(body.findings).toEqual([]);
  // Nothing is accepted yet: the text edition is the source, byte for byte.
  const edition = await request(app).get(`/api/documents/${id}/edition?format=text`).expect(200);
  expect(edition.text === text).toBe(true);
}

describe.each(FILE_CASES)('a file with $name', (row) => {
  const context = useTestApp();
  const maxBytes = row.maxBytes ?? DEFAULT_TEST_LIMIT;
  let app: Express;

  beforeEach(() => {
    app = createApp({ store: context.store, maxBytes, logError: (error) => context.bugs.push(error) });
  });

  afterEach(() => {
    // A 500 is logged as a bug, with its stack: there must be none.
    expect(context.bugs).toEqual([]);
  });

  test('galley analyse and galley clean', async () => {
    const bytes = row.bytes();
    const file = path.join(folder, `${FILE_CASES.indexOf(row)}.txt`);
    fs.writeFileSync(file, bytes);
    const limit = ['--max-bytes', String(maxBytes)];
    const analysed = await galley('analyse', file, '--format', 'json', ...limit);
    const cleaned = await galley('clean', file, ...limit);
    if (row.refusal) {
      for (const outcome of [analysed, cleaned]) {
        // Exit status 2, nothing on stdout, one line on stderr naming the file and the problem.
        expect(outcome).toMatchObject({ status: 2, stdout: '' });
        expect(outcome.stderr).toMatch(/^galley: [^\n]+\n$/);
        const prefix = `galley: ${file}: `;
        expect(outcome.stderr.startsWith(prefix)).toBe(true);
        expect(outcome.stderr.slice(prefix.length, -1)).toMatch(row.refusal.message);
      }
      return;
    }
    const text = textOf(bytes);
    expect(analysed).toMatchObject({ status: 0, stderr: '' });
    const report = JSON.parse(analysed.stdout);
    expect(report.length).toBe(text.length);
    expect(problemsOf(text, report.findings)).toEqual([]);
    if (row.noFindings) expect(report.findings).toEqual([]);
    expect(cleaned).toMatchObject({ status: 0, stderr: '' });
    if (row.noFindings) expect(cleaned.stdout === text).toBe(true);
  });

  test('POST /api/documents, as text/plain and as a multipart upload', async () => {
    const bytes = row.bytes();
    const asText = await request(app).post('/api/documents').set('Content-Type', 'text/plain').send(bytes);
    const asUpload = await postMultipart(
      app,
      '/api/documents',
      multipart([{ name: 'file', filename: 'input.txt', data: bytes }]),
    );
    if (row.refusal) {
      expectApiRefusal(asText, row.refusal);
      expectApiRefusal(asUpload, row.refusal);
      expect(await documentCount(app)).toBe(0);
      return;
    }
    const text = textOf(bytes);
    for (const response of [asText, asUpload]) {
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({ length: text.length });
      await expectStored(app, response.body.id, text, row);
    }
    expect(await documentCount(app)).toBe(2);
  });

  test('POST /documents, the import form, with the file uploaded and pasted', async () => {
    const bytes = row.bytes();
    const token = formTokenIn((await request(app).get('/').expect(200)).text);
    const uploaded = await postMultipart(
      app,
      '/documents',
      multipart([
        { name: '_csrf', data: token },
        { name: 'title', data: '' },
        { name: 'file', filename: 'input.txt', data: bytes },
      ]),
    );
    const pasted = await postMultipart(
      app,
      '/documents',
      multipart([
        { name: '_csrf', data: token },
        { name: 'text', data: bytes },
      ]),
    );
    const refusal = row.formRefusal ?? row.refusal;
    if (refusal) {
      expectPageRefusal(uploaded, refusal);
      expectPageRefusal(pasted, refusal);
      expect(await documentCount(app)).toBe(0);
      return;
    }
    const text = textOf(bytes);
    // A pasted text's line ends are the browser's CRLF: they become LF (README, "Importing").
    for (const [response, stored] of [
      [uploaded, text],
      [pasted, text.replace(/\r\n/g, '\n')],
    ] as const) {
      expect(response.status).toBe(303);
      const id = Number(/^\/documents\/(\d+)$/.exec(response.headers.location ?? '')?.[1]);
      await expectStored(app, id, stored, row);
      // The review page and the edition preview show the document, whatever it holds.
      await request(app).get(`/documents/${id}`).expect(200);
      await request(app).get(`/documents/${id}/edition`).expect(200);
    }
    expect(await documentCount(app)).toBe(2);
  });
});

describe('JSON bodies of the wrong shape', () => {
  const context = useTestApp();

  afterEach(() => {
    expect(context.bugs).toEqual([]);
  });

  function send(url: string, { body, contentType = 'application/json' }: BodyCase): request.Test {
    return request(context.app).post(url).set('Content-Type', contentType).send(body);
  }

  async function expectNothingDecided(documentId: number): Promise<void> {
    const history = await request(context.app).get(`/api/documents/${documentId}/history`).expect(200);
    expect(history.body.decisions).toEqual([]);
  }

  test.each(DECISION_BODIES)('POST /api/findings/:id/decision with $name', async (row) => {
    const documentId = await importText(context.app, SAMPLE);
    const findingId = await findingIdOf(context.app, documentId, 'doubled-phrase');
    const response = await send(`/api/findings/${findingId}/decision`, row);
    expectApiRefusal(response, { status: 400, message: row.message });
    await expectNothingDecided(documentId);
  });

  test.each(BATCH_BODIES)('POST /api/documents/:id/decisions with $name', async (row) => {
    const documentId = await importText(context.app, SAMPLE);
    const response = await send(`/api/documents/${documentId}/decisions`, row);
    expectApiRefusal(response, { status: 400, message: row.message });
    await expectNothingDecided(documentId);
  });
});

describe('ids that name nothing', () => {
  const context = useTestApp();

  afterEach(() => {
    expect(context.bugs).toEqual([]);
  });

  test.each(UNKNOWN_IDS.map((row) => [`${row.method.toUpperCase()} ${row.path.slice(0, 90)}`, row] as const))(
    '%s',
    async (_name, row) => {
      const documentId = await importText(context.app, SAMPLE);
      const finding = await findingIdOf(context.app, documentId, 'doubled-phrase');
      const url = row.path.replace('{finding}', finding);
      let call = request(context.app)[row.method](url);
      if (row.page && row.method === 'post') {
        const token = formTokenIn(
          (await request(context.app).get(`/documents/${documentId}`).expect(200)).text,
        );
        call = call.type('form').send({ ...row.body, _csrf: token });
      } else if (row.body) {
        call = call.send(row.body);
      }
      const response = await call;
      const refusal = { status: row.status, message: row.message };
      if (row.page) expectPageRefusal(response, refusal);
      else expectApiRefusal(response, refusal);
    },
  );
});
