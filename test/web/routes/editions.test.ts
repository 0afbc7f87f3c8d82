import request from 'supertest';
import { SAMPLE, SAMPLE_WITHOUT_DOUBLE, findingIdOf, importText, useTestApp } from '../test-helpers';

const context = useTestApp();

/** The edition's bytes, untouched by any decoding. */
async function editionBytes(documentId: number, query = ''): Promise<{ bytes: Buffer; type: string }> {
  const response = await request(context.app)
    .get(`/api/documents/${documentId}/edition${query}`)
    .buffer(true)
    .parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    })
    .expect(200);
  return { bytes: response.body as Buffer, type: response.headers['content-type']! };
}

describe('GET /api/documents/:id/edition', () => {
  it.each([
    ['the sample', SAMPLE],
    [
      'CRLF text with non-ASCII, a tab and no final line break',
      'Zürich –\t“quoted” 𝄞 text,\r\nwrapped here\r\nand there',
    ],
  ])('reproduces the source byte for byte when nothing is accepted (%s)', async (_case, text) => {
    const documentId = await importText(context.app, text);
    const spacing = (await request(context.app).get(`/api/documents/${documentId}/findings`)).body
      .findings[0];
    if (spacing)
      await request(context.app).post(`/api/findings/${spacing.id}/decision`).send({ decision: 'reject' });
    const { bytes, type } = await editionBytes(documentId);
    expect(type).toBe('text/plain; charset=utf-8');
    expect(bytes.equals(Buffer.from(text))).toBe(true);
  });

  it('changes where a finding is accepted, and follows an edit', async () => {
    const documentId = await importText(context.app, SAMPLE);
    const double = await findingIdOf(context.app, documentId, 'doubled-phrase');
    await request(context.app)
      .post(`/api/findings/${double}/decision`)
      .send({ decision: 'accept' })
      .expect(200);
    expect((await editionBytes(documentId)).bytes.toString()).toBe(SAMPLE_WITHOUT_DOUBLE);

    await request(context.app)
      .post(`/api/findings/${double}/decision`)
      .send({ decision: 'edit', text: ' and more hardships' })
      .expect(200);
    expect((await editionBytes(documentId)).bytes.toString()).toBe(
      SAMPLE.replace('hardships and hardships', 'hardships and more hardships'),
    );

    await request(context.app)
      .post(`/api/findings/${double}/decision`)
      .send({ decision: 'reset' })
      .expect(200);
    expect((await editionBytes(documentId)).bytes.toString()).toBe(SAMPLE);
  });

  it('renders every accepted finding, in Markdown as text/markdown', async () => {
    const documentId = await importText(context.app, SAMPLE);
    await request(context.app)
      .post(`/api/documents/${documentId}/decisions`)
      .send({ decision: 'accept' })
      .expect(200);
    const expected =
      'The committee met to share hardships with the people of the region in 2017, and the report was published in March.\n';
    expect((await editionBytes(documentId, '?format=text')).bytes.toString()).toBe(expected);
    const markdown = await editionBytes(documentId, '?format=markdown');
    expect(markdown.type).toBe('text/markdown; charset=utf-8');
    expect(markdown.bytes.toString()).toBe(expected);
  });

  it('refuses an unknown format with 400 and an unknown document with 404', async () => {
    const documentId = await importText(context.app, SAMPLE);
    await request(context.app)
      .get(`/api/documents/${documentId}/edition?format=pdf`)
      .expect(400, { error: 'format: must be text or markdown' });
    await request(context.app).get('/api/documents/9/edition').expect(404, { error: 'no document 9' });
  });
});

describe('the edition pages', () => {
  it('previews the edition and downloads it as a file', async () => {
    const documentId = await importText(context.app, SAMPLE, 'Chapter 2: “Rules”');
    const preview = await request(context.app).get(`/documents/${documentId}/edition`).expect(200);
    expect(preview.text).toContain('hardships and hardships');
    expect(preview.text).toContain('0 changes applied');
    const download = await request(context.app)
      .get(`/documents/${documentId}/edition/download?format=markdown`)
      .expect(200)
      .expect('Content-Type', 'text/markdown; charset=utf-8');
    expect(download.headers['content-disposition']).toBe('attachment; filename=Chapter-2-Rules.md');
    expect(download.text).toBe(SAMPLE);
  });

  it('counts and marks the accepted changes in the preview, each linked to its decisions', async () => {
    const documentId = await importText(context.app, SAMPLE);
    const id = await findingIdOf(context.app, documentId, 'doubled-phrase');
    const wrap = await findingIdOf(context.app, documentId, 'line-wrap');
    await request(context.app)
      .post(`/api/findings/${id}/decision`)
      .send({ decision: 'accept', editor: 'Ann' })
      .expect(200);
    await request(context.app)
      .post(`/api/findings/${wrap}/decision`)
      .send({ decision: 'reject' })
      .expect(200);
    const preview = await request(context.app).get(`/documents/${documentId}/edition`).expect(200);
    expect(preview.text).toContain('1 changes applied');
    // The removal is marked where it was, and leads to the decision that made it.
    const trace = `/documents/${documentId}/history?finding=${id}`;
    expect(preview.text).toContain(
      `hardships<a class="trace" href="${trace}" title="${id}" aria-label="removal by ${id}"><mark class="cut"></mark></a> with the`,
    );
    expect(preview.text).not.toContain('hardships and hardships');

    const history = (await request(context.app).get(trace).expect(200)).text;
    expect(history).toContain(`1 decisions about ${id}`);
    expect(history).toContain('<td>accept</td>');
    expect(history).toContain('<td>Ann</td>');
    expect(history).not.toContain('<td>reject</td>');
  });

  it('refuses a history filter naming another document’s finding', async () => {
    const documentId = await importText(context.app, SAMPLE);
    await request(context.app).get(`/documents/${documentId}/history?finding=d99-line-wrap-x`).expect(404);
    await request(context.app).get(`/documents/${documentId}/history?finding=nonsense`).expect(400);
  });
});
