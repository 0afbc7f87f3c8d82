import fs from 'node:fs';
import request from 'supertest';
import { SEED_FILE } from '../../../src/web/paths';
import { formTokenIn, importText, useTestApp } from '../test-helpers';

const context = useTestApp();

async function formToken(documentId: number): Promise<string> {
  const html = (await request(context.app).get(`/documents/${documentId}`).expect(200)).text;
  return formTokenIn(html);
}

async function pendingOf(documentId: number, kind: string, minConfidence = 0) {
  return (
    await context.store.findings(documentId, { kind: kind as never, status: 'pending', minConfidence })
  ).findings.filter((finding) => finding.replacement !== null);
}

describe('batch review on the pages', () => {
  it('previews how many findings a batch decides, with a sample of their diffs, then decides and undoes it', async () => {
    const documentId = await importText(context.app, fs.readFileSync(SEED_FILE), 'Seed');
    const expected = (await pendingOf(documentId, 'running-header', 0.9)).length;
    expect(expected).toBeGreaterThan(20);

    const preview = (
      await request(context.app)
        .get(`/documents/${documentId}/batch?kind=running-header&minConfidence=0.9`)
        .expect(200)
    ).text;
    expect(preview).toContain(`<strong>accept ${expected}</strong>`);
    expect(preview.match(/<p class="passage"/g)).toHaveLength(20);
    expect(preview).toContain('<del>');

    const token = await formToken(documentId);
    const decided = await request(context.app)
      .post(`/documents/${documentId}/batch`)
      .type('form')
      .send({ _csrf: token, kind: 'running-header', minConfidence: '0.90', decision: 'accept' })
      .expect(303);
    const location = decided.headers.location!;
    expect(location).toMatch(
      new RegExp(`^/documents/${documentId}\\?kind=running-header&batch=[0-9a-f-]{36}&count=${expected}$`),
    );
    expect(await pendingOf(documentId, 'running-header', 0.9)).toHaveLength(0);

    const page = (await request(context.app).get(location).expect(200)).text;
    expect(page).toContain(`Decided ${expected} findings in one batch.`);
    const undo = /<form class="batch-done" method="post" action="([^"]+)"/.exec(page)![1]!;
    await request(context.app)
      .post(undo)
      .type('form')
      .send({ _csrf: token, kind: 'running-header' })
      .expect(303);
    expect(await pendingOf(documentId, 'running-header', 0.9)).toHaveLength(expected);
  });

  it('lists the mechanical kinds as groups, each linked to its batch screen', async () => {
    const documentId = await importText(context.app, fs.readFileSync(SEED_FILE), 'Seed');
    const html = (await request(context.app).get(`/documents/${documentId}`).expect(200)).text;
    const groups = [...html.matchAll(/<a href="\/documents\/\d+\/batch\?kind=([a-z-]+)">/g)].map(
      (match) => match[1],
    );
    expect(groups).toEqual(['running-header', 'page-number', 'line-wrap', 'hyphenation']);
  });

  it('filters the flags by confidence, and keeps the filter across pages', async () => {
    const documentId = await importText(context.app, fs.readFileSync(SEED_FILE), 'Seed');
    const total = (await context.store.findings(documentId, { kind: 'line-wrap', minConfidence: 0.95 }))
      .total;
    const html = (
      await request(context.app).get(`/documents/${documentId}?kind=line-wrap&minConfidence=0.95`).expect(200)
    ).text;
    expect(html).toContain(`Showing line-wrap, confidence ≥ 0.95: ${total} findings.`);
    expect(html).toContain(
      `href="/documents/${documentId}?kind=line-wrap&amp;minConfidence=0.95&amp;page=2"`,
    );
    const confidences = [...html.matchAll(/title="confidence">([\d.]+)</g)].map((match) => Number(match[1]));
    expect(confidences.length).toBe(50);
    expect(confidences.every((confidence) => confidence >= 0.95)).toBe(true);
    await request(context.app).get(`/documents/${documentId}?minConfidence=2`).expect(400);
  });

  it('refuses a batch post without the form token, and decides nothing', async () => {
    const documentId = await importText(context.app, fs.readFileSync(SEED_FILE), 'Seed');
    const before = (await pendingOf(documentId, 'line-wrap')).length;
    await request(context.app)
      .post(`/documents/${documentId}/batch`)
      .type('form')
      .send({ kind: 'line-wrap', minConfidence: '0.9', decision: 'accept' })
      .expect(403);
    expect(await pendingOf(documentId, 'line-wrap')).toHaveLength(before);
  });

  it('answers 400 for an unknown kind and 404 for an unknown batch', async () => {
    const documentId = await importText(context.app, fs.readFileSync(SEED_FILE), 'Seed');
    await request(context.app).get(`/documents/${documentId}/batch?kind=furniture`).expect(400);
    const token = await formToken(documentId);
    await request(context.app)
      .post(`/documents/${documentId}/batches/00000000-0000-4000-8000-000000000000/undo`)
      .type('form')
      .send({ _csrf: token })
      .expect(404);
  });
});

describe('the batch sample', () => {
  it('links each sampled flag to the review page that holds it', async () => {
    const documentId = await importText(context.app, fs.readFileSync(SEED_FILE), 'Seed');
    const preview = (
      await request(context.app).get(`/documents/${documentId}/batch?kind=line-wrap`).expect(200)
    ).text;
    const links = [...preview.matchAll(/<li id="([^"]+)"><a href="([^"]+)">/g)].map((match) => ({
      anchor: match[1]!,
      href: match[2]!.replace(/&amp;/g, '&'),
    }));
    expect(links.length).toBeGreaterThan(5);
    // The sample spreads over the document, so some flags are past the first page.
    expect(links.some((link) => link.href.includes('&page='))).toBe(true);
    for (const { anchor, href } of links) {
      expect(href.endsWith(`#${anchor}`)).toBe(true);
      const page = (await request(context.app).get(href.split('#')[0]!).expect(200)).text;
      expect(page).toContain(`<li class="finding" id="${anchor}"`);
    }
  });
});
