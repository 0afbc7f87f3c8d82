import fs from 'node:fs';
import type { Express } from 'express';
import request from 'supertest';
import type { Store } from '../../src/store';
import { createApp } from '../../src/web/app';
import { SEED_FILE } from '../../src/web/paths';
import { SAMPLE, importText, useTestApp } from './test-helpers';

const context = useTestApp();

const HOSTILE_TITLE = '<script>alert("title")</script>';
const HOSTILE_TEXT =
  'We saw script script here <script>alert(1)</script> and then\n' +
  'a link "><img src=x onerror=alert(1)> that was shared shared twice.\n';

/** Every page that shows a document: the list, its findings, its edition. */
async function pagesOf(app: Express, documentId: number): Promise<string[]> {
  const paths = ['/', `/documents/${documentId}`, `/documents/${documentId}/edition`];
  return Promise.all(paths.map(async (path) => (await request(app).get(path).expect(200)).text));
}

/** The page's own scripts are files from /static, with nothing inline. */
const OWN_SCRIPT = /<script src="\/static\/[a-z-]+\.js" defer><\/script>/g;

function withoutOwnScripts(html: string): string {
  return html.replace(OWN_SCRIPT, '');
}

/**
 * No markup from the document survives: no script or image element, and no tag with an event
 * handler once the (escaped, so harmless) attribute values are set aside.
 */
function expectNoMarkupFromTheDocument(html: string): void {
  expect(withoutOwnScripts(html)).not.toMatch(/<script/i);
  expect(html).not.toMatch(/<img/i);
  expect(html.replace(/"[^"]*"/g, '""')).not.toMatch(/<[^>]*\son[a-z]+=/i);
}

describe('a hostile document', () => {
  it('shows its title and text as text on every page', async () => {
    const documentId = await importText(context.app, HOSTILE_TEXT, HOSTILE_TITLE);
    const [list, show, edition] = await pagesOf(context.app, documentId);
    for (const html of [list!, show!, edition!]) {
      expectNoMarkupFromTheDocument(html);
      expect(html).toContain('&lt;script&gt;alert(&#34;title&#34;)&lt;/script&gt;');
    }
    expect(edition).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(edition).toContain('&#34;&gt;&lt;img src=x onerror=alert(1)&gt;');
    expect(show).toContain('&#34;script&#34; is written twice');
  });

  it('escapes every field of a finding the page prints', async () => {
    const documentId = await importText(context.app, SAMPLE);
    const hostile = '"><img src=x onerror=alert(1)><script>alert(2)</script>';
    const store = new Proxy(context.store, {
      get(target, key) {
        if (key === 'findings') {
          return async (...args: Parameters<Store['findings']>) => {
            const page = await target.findings(...args);
            return {
              ...page,
              findings: page.findings.map((finding) => ({
                ...finding,
                id: hostile,
                text: hostile,
                replacement: hostile,
                message: hostile,
                page: hostile,
                status: 'edited',
                decisionText: hostile,
              })),
            };
          };
        }
        const value: unknown = Reflect.get(target, key);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const app = createApp({ store });
    const html = (await request(app).get(`/documents/${documentId}`).expect(200)).text;
    expectNoMarkupFromTheDocument(html);
    // id, text, suggestion, message, page, the edited text, the passage diff's inserted text,
    // the edit field and the two forms' addresses, for each of the 4 findings.
    expect(html.split('&lt;script&gt;alert(2)&lt;/script&gt;')).toHaveLength(10 * 4 + 1);
  });
});

describe('every response', () => {
  it('carries a Content-Security-Policy that forbids inline script, and no inline script or style', async () => {
    const documentId = await importText(context.app, SAMPLE);
    for (const path of [
      '/',
      `/documents/${documentId}`,
      `/documents/${documentId}/edition`,
      '/api/documents',
      '/nowhere',
    ]) {
      const response = await request(context.app).get(path);
      const policy = response.headers['content-security-policy']!;
      expect(policy).toContain("default-src 'none'");
      expect(policy).toContain("script-src 'self'");
      expect(policy).not.toContain('unsafe-inline');
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['x-frame-options']).toBe('DENY');
      expect(response.headers['x-powered-by']).toBeUndefined();
      expect(withoutOwnScripts(response.text)).not.toMatch(/<script|\sstyle=|\son[a-z]+=/i);
    }
  });

  it('serves the stylesheet', async () => {
    await request(context.app)
      .get('/static/galley.css')
      .expect(200)
      .expect('Content-Type', /text\/css/);
  });
});

describe('errors', () => {
  it('answers an unknown API path with a JSON 404 and an unknown page with an HTML 404', async () => {
    await request(context.app).get('/api/nothing').expect(404, { error: 'nothing at GET /api/nothing' });
    const page = await request(context.app)
      .get('/nothing')
      .expect(404)
      .expect('Content-Type', /text\/html/);
    expect(page.text).toContain('nothing at GET /nothing');
    await request(context.app).get('/documents/4').expect(404);
    expect((await request(context.app).get('/documents/x').expect(400)).text).toContain(
      'is not a document id',
    );
  });

  it('answers a bug with a bare 500: no stack, SQL or path, in JSON or HTML', async () => {
    const bugs: unknown[] = [];
    const store = {
      listDocuments: () => {
        throw new Error('SQLITE_ERROR: near "SELEC": syntax error at /work/main/src/store/store.ts:12');
      },
    } as unknown as Store;
    const app = createApp({ store, logError: (error) => bugs.push(error) });
    const api = await request(app).get('/api/documents').expect(500);
    expect(api.body).toEqual({ error: 'internal error' });
    const page = await request(app).get('/').expect(500);
    expect(page.text).toContain('internal error');
    for (const text of [api.text, page.text]) expect(text).not.toMatch(/SQLITE|SELEC|store\.ts|at .*:\d+/);
    expect(bugs).toHaveLength(2);
  });
});

describe('the pages', () => {
  it('list the documents with their progress and a link to each', async () => {
    const documentId = await importText(context.app, SAMPLE, 'Chapter One');
    await request(context.app)
      .post(`/api/documents/${documentId}/decisions`)
      .send({ decision: 'reject', kind: 'spacing' });
    const html = (await request(context.app).get('/').expect(200)).text;
    expect(html).toContain(`<a href="/documents/${documentId}">Chapter One</a>`);
    expect(html).toContain('<progress max="4" value="1">25 %</progress>');
    expect(html).toContain('1 / 4');
    expect(html).toContain(`<a href="/documents/${documentId}?kind=spacing">spacing</a> 1 / 1`);
  });

  it('show a document’s findings 50 a page, with kind, confidence, message, source and suggestion', async () => {
    const documentId = await importText(context.app, fs.readFileSync(SEED_FILE), 'Seed');
    const total = (await context.store.summarise(documentId))!.findings;
    const pages = Math.ceil(total / 50);
    const first = (await request(context.app).get(`/documents/${documentId}`).expect(200)).text;
    expect(first.match(/<li class="finding"/g)).toHaveLength(50);
    expect(first).toContain(`Page 1 of ${pages}`);
    expect(first).toContain(`<a rel="next" href="/documents/${documentId}?page=2">`);
    expect(first).not.toContain('rel="prev"');
    expect(first).toContain('<span class="kind">line-wrap</span>');
    expect(first).toContain('<span class="confidence" title="confidence">0.97</span>');
    expect(first).toContain('Line break inside a paragraph: join the lines.');
    expect(first).toContain('<pre class="source">⏎\n</pre>');
    expect(first).toContain('<pre class="suggestion"> </pre>');

    const last = (await request(context.app).get(`/documents/${documentId}?page=${pages}`).expect(200)).text;
    expect(last.match(/<li class="finding"/g)).toHaveLength(total - (pages - 1) * 50);
    expect(last).toContain(`<ol class="findings" start="${(pages - 1) * 50 + 1}">`);
    expect(last).not.toContain('rel="next"');

    const doubles = (
      await request(context.app).get(`/documents/${documentId}?kind=doubled-phrase`).expect(200)
    ).text;
    expect(
      doubles
        .match(/<span class="kind">([a-z-]+)<\/span>/g)!
        .every((kind) => kind.includes('doubled-phrase')),
    ).toBe(true);
    expect(doubles).toContain('Remove it.');
    expect(doubles).toMatch(/<p class="passage"[^>]*>[^<]*share hardships<del>[^<]*and hardships<\/del>/);

    await request(context.app).get(`/documents/${documentId}?page=0`).expect(400);
  });
});
