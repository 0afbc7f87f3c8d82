import request from 'supertest';
import { analyse } from '../../../src/analyser';
import { openStore, type Analyser } from '../../../src/store';
import { createApp } from '../../../src/web/app';
import { findingIdOf, formTokenIn, importText, SAMPLE, temporaryDatabase, useTestApp } from '../test-helpers';

const context = useTestApp();

async function decide(id: string, body: object): Promise<void> {
  await request(context.app).post(`/api/findings/${id}/decision`).send(body).expect(200);
}

describe('export and import of decisions', () => {
  it('exports a document’s decisions and imports them into another database', async () => {
    const documentId = await importText(context.app, SAMPLE);
    await decide(await findingIdOf(context.app, documentId, 'doubled-phrase'), {
      decision: 'accept',
      editor: 'Ann',
    });
    await decide(await findingIdOf(context.app, documentId, 'spacing'), { decision: 'edit', text: ',' });
    const exported = await request(context.app)
      .get(`/api/documents/${documentId}/decisions/export`)
      .expect(200)
      .expect('Content-Disposition', `attachment; filename=galley-decisions-${documentId}.json`);
    expect(exported.body).toMatchObject({ format: 'galley-decisions', formatVersion: 1 });
    expect(exported.body.decisions).toHaveLength(2);

    const other = temporaryDatabase();
    const store = other.open();
    try {
      const app = createApp({ store });
      const copy = await importText(app, SAMPLE, 'Copy');
      const imported = await request(app)
        .post(`/api/documents/${copy}/decisions/import`)
        .send(exported.body)
        .expect(200);
      expect(imported.body).toEqual({ imported: 2, alreadyPresent: 0, unmatched: [], sameText: true });
      const edition = await request(app).get(`/api/documents/${copy}/edition`).expect(200);
      const original = await request(context.app).get(`/api/documents/${documentId}/edition`).expect(200);
      expect(edition.text).toBe(original.text);
    } finally {
      await store.close();
      other.remove();
    }
  });

  it.each([
    [[], 'the body must be a decisions export (GET …/decisions/export gives one)'],
    [{ format: 'other' }, "format: must be 'galley-decisions'"],
    [
      {
        format: 'galley-decisions',
        formatVersion: 1,
        document: { title: 'x', length: 1, sha256: 'a'.repeat(64) },
        decisions: [
          {
            findingId: 'x',
            decision: 'edit',
            text: null,
            editor: null,
            batch: null,
            decidedAt: '2026-01-01T00:00:00Z',
          },
        ],
      },
      'decisions.0.text: an edit has a text, and only an edit',
    ],
  ])('refuses a body that is not an export (%j) and imports nothing', async (body, error) => {
    const documentId = await importText(context.app, SAMPLE);
    await request(context.app)
      .post(`/api/documents/${documentId}/decisions/import`)
      .send(body)
      .expect(400, { error });
    expect((await request(context.app).get(`/api/documents/${documentId}/history`)).body.decisions).toEqual(
      [],
    );
  });

  it('imports an export from the history page’s form, and says what it did', async () => {
    const documentId = await importText(context.app, SAMPLE);
    await decide(await findingIdOf(context.app, documentId, 'line-wrap'), { decision: 'reject' });
    const exported = (await request(context.app).get(`/documents/${documentId}/decisions/export`).expect(200))
      .text;
    const history = (await request(context.app).get(`/documents/${documentId}/history`).expect(200)).text;
    const imported = await request(context.app)
      .post(`/documents/${documentId}/decisions/import`)
      .field('_csrf', formTokenIn(history))
      .attach('file', Buffer.from(exported), 'decisions.json')
      .expect(303);
    const page = (await request(context.app).get(imported.headers.location!).expect(200)).text;
    expect(page).toContain('Imported 0 decisions; 1 were already here; 0 are about findings');
  });
});

describe('re-analysis', () => {
  it('keeps the decisions of findings found again and lists the others, by API and by page', async () => {
    const database = temporaryDatabase();
    let store = database.open();
    try {
      const documentId = await importText(createApp({ store }), SAMPLE);
      const app = createApp({ store });
      await request(app)
        .post(`/api/findings/${await findingIdOf(app, documentId, 'spacing')}/decision`)
        .send({ decision: 'accept' })
        .expect(200);
      await request(app)
        .post(`/api/findings/${await findingIdOf(app, documentId, 'doubled-phrase')}/decision`)
        .send({ decision: 'reject' })
        .expect(200);
      await store.close();

      const withoutSpacing: Analyser = (text) => {
        const analysis = analyse(text);
        return { ...analysis, findings: analysis.findings.filter((finding) => finding.kind !== 'spacing') };
      };
      store = openStore(database.file, withoutSpacing);
      const later = createApp({ store });
      const { body } = await request(later).post(`/api/documents/${documentId}/analysis`).expect(200);
      expect(body).toMatchObject({ kept: 3, added: 0, removed: 1 });
      expect(body.orphaned).toEqual([
        expect.objectContaining({ decision: 'accept', findingId: expect.stringMatching(/^spacing-/) }),
      ]);
      const orphaned = await request(later)
        .get(`/api/documents/${documentId}/decisions/orphaned`)
        .expect(200);
      expect(orphaned.body.decisions).toEqual(body.orphaned);

      const history = (await request(later).get(`/documents/${documentId}/history`).expect(200)).text;
      expect(history).toContain('a finding the latest analysis no longer makes');
      const again = await request(later)
        .post(`/documents/${documentId}/analysis`)
        .type('form')
        .send({ _csrf: formTokenIn(history) })
        .expect(303);
      const page = (await request(later).get(again.headers.location!).expect(200)).text;
      expect(page).toContain(
        'Analysed again: 3 findings found again with their decisions, 0 new, 0 gone; 1 decisions',
      );
    } finally {
      await store.close();
      database.remove();
    }
  });
});

describe('re-analysis and the editions', () => {
  it('gives the Markdown edition the headings of the latest analysis', async () => {
    const database = temporaryDatabase();
    let findHeadings = false;
    const analyser: Analyser = (text) => {
      const analysis = analyse(text);
      return { ...analysis, headings: findHeadings ? [{ start: 0, end: text.indexOf('\n') }] : [] };
    };
    const store = openStore(database.file, analyser);
    try {
      const app = createApp({ store });
      const documentId = await importText(app, 'A Title\n\nThe text of it.\n');
      const markdown = () =>
        request(app).get(`/api/documents/${documentId}/edition?format=markdown`).expect(200);
      expect((await markdown()).text).not.toContain('# A Title');
      findHeadings = true;
      await request(app).post(`/api/documents/${documentId}/analysis`).expect(200);
      expect((await markdown()).text).toContain('# A Title');
    } finally {
      await store.close();
      database.remove();
    }
  });
});
