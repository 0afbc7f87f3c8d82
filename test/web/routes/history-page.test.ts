import fs from 'node:fs';
import request from 'supertest';
import { SEED_FILE } from '../../../src/web/paths';
import { importText, useTestApp } from '../test-helpers';

const context = useTestApp();

describe('the history page', () => {
  it('lists every decision newest first, filterable, each linked to its flag on the right page', async () => {
    const documentId = await importText(context.app, fs.readFileSync(SEED_FILE), 'Seed');
    const wraps = (await context.store.findings(documentId, { kind: 'line-wrap' })).findings;
    const early = wraps[0]!;
    const late = wraps[120]!;
    await context.store.decide(documentId, early.id, { decision: 'accept' });
    await context.store.decide(documentId, late.id, { decision: 'edit', text: ' <b>x</b> ' });
    await context.store.decide(documentId, early.id, { decision: 'reject' });

    const html = (await request(context.app).get(`/documents/${documentId}/history`).expect(200)).text;
    expect(html).toContain('3 decisions, newest first');
    const decisions = [...html.matchAll(/<td>(accept|reject|edit|reset)<\/td>/g)].map((match) => match[1]);
    expect(decisions).toEqual(['reject', 'edit', 'accept']);
    expect(html).toContain(
      `href="/documents/${documentId}?kind=line-wrap&amp;page=3#d${documentId}-${late.id}"`,
    );
    expect(html).toContain(`href="/documents/${documentId}?kind=line-wrap#d${documentId}-${early.id}"`);
    expect(html).toContain('<code> &lt;b&gt;x&lt;/b&gt; </code>');

    const edits = (
      await request(context.app).get(`/documents/${documentId}/history?decision=edit`).expect(200)
    ).text;
    expect([...edits.matchAll(/<td>(accept|reject|edit|reset)<\/td>/g)].map((match) => match[1])).toEqual([
      'edit',
    ]);
    await request(context.app).get(`/documents/${documentId}/history?decision=approve`).expect(400);
  });
});
