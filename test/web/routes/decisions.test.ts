import request from 'supertest';
import { FLAG_ONLY, SAMPLE, findingIdOf, importText, useTestApp } from '../test-helpers';

const context = useTestApp();

function decide(id: string, body: unknown) {
  return request(context.app)
    .post(`/api/findings/${id}/decision`)
    .send(body as object);
}

describe('POST /api/findings/:id/decision', () => {
  it('records accept, reject, edit and reset; the latest decision gives the status', async () => {
    const documentId = await importText(context.app, SAMPLE);
    const id = await findingIdOf(context.app, documentId, 'doubled-phrase');
    const accepted = await decide(id, { decision: 'accept' }).expect(200);
    expect(accepted.body).toMatchObject({
      id,
      kind: 'doubled-phrase',
      status: 'accepted',
      decisionText: null,
    });
    expect((await decide(id, { decision: 'reject' }).expect(200)).body.status).toBe('rejected');
    const edited = await decide(id, { decision: 'edit', text: ' and hardship', editor: 'Ann' }).expect(200);
    expect(edited.body).toMatchObject({ status: 'edited', decisionText: ' and hardship' });
    const listed = await request(context.app)
      .get(`/api/documents/${documentId}/findings?status=edited`)
      .expect(200);
    expect(listed.body.findings).toEqual([edited.body]);
    expect((await decide(id, { decision: 'reset' }).expect(200)).body).toMatchObject({
      status: 'pending',
      decisionText: null,
    });
  });

  it('accepts an edit to the empty text', async () => {
    const documentId = await importText(context.app, SAMPLE);
    const id = await findingIdOf(context.app, documentId, 'spacing');
    expect((await decide(id, { decision: 'edit', text: '' }).expect(200)).body.decisionText).toBe('');
  });

  it.each([
    [{ decision: 'approve' }, 'decision: must be accept, reject, edit or reset'],
    [{}, 'decision: must be accept, reject, edit or reset'],
    [{ decision: 'edit' }, 'text: an edit needs the text that replaces the finding'],
    [{ decision: 'accept', text: 'x' }, 'text: only an edit takes a text'],
    [{ decision: 'edit', text: 3 }, 'text: must be a string'],
    [{ decision: 'accept', reason: 'x' }, "unknown field 'reason'"],
    [{ decision: 'accept', editor: '' }, 'editor: must not be empty'],
    [{ decision: 'accept', editor: 'a\nb' }, 'editor: must be one line of text'],
    [['accept'], 'the body must be a JSON object (Content-Type: application/json)'],
  ])('refuses the body %j with 400', async (body, error) => {
    const documentId = await importText(context.app, SAMPLE);
    const id = await findingIdOf(context.app, documentId, 'spacing');
    await decide(id, body).expect(400, { error });
    expect(await context.store.history(documentId)).toEqual([]);
  });

  it('refuses a body that is not JSON, or malformed JSON, with 400', async () => {
    const documentId = await importText(context.app, SAMPLE);
    const id = await findingIdOf(context.app, documentId, 'spacing');
    await request(context.app)
      .post(`/api/findings/${id}/decision`)
      .set('Content-Type', 'text/plain')
      .send('accept')
      .expect(400, { error: 'the body must be a JSON object (Content-Type: application/json)' });
    await request(context.app)
      .post(`/api/findings/${id}/decision`)
      .set('Content-Type', 'application/json')
      .send('{"decision": ')
      .expect(400, { error: 'the body is not valid JSON' });
  });

  it('refuses a JSON body over the limit with 413', async () => {
    const documentId = await importText(context.app, SAMPLE);
    const id = await findingIdOf(context.app, documentId, 'spacing');
    const response = await decide(id, { decision: 'edit', text: 'x'.repeat(3 * 1024 * 1024) });
    expect(response.status).toBe(413);
    expect(response.body.error).toMatch(/^the body is over the limit of \d+ bytes$/);
  });

  it('answers 404 for an unknown finding or document, 400 for a malformed id', async () => {
    const documentId = await importText(context.app, SAMPLE);
    await decide(`d${documentId}-spacing-zzzzzz`, { decision: 'accept' }).expect(404, {
      error: `no finding d${documentId}-spacing-zzzzzz`,
    });
    const known = await findingIdOf(context.app, documentId, 'spacing');
    await decide(known.replace(/^d\d+/, 'd99'), { decision: 'accept' }).expect(404);
    const malformed = await decide('spacing-1c3m8iq', { decision: 'accept' }).expect(400);
    expect(malformed.body.error).toMatch(/^'spacing-1c3m8iq' is not a finding id/);
  });
});

describe('POST /api/documents/:id/decisions and batch undo', () => {
  it('decides every pending finding that matches, returns how many and the batch, and undoes it', async () => {
    const documentId = await importText(context.app, SAMPLE);
    const spacing = await findingIdOf(context.app, documentId, 'spacing');
    const double = await findingIdOf(context.app, documentId, 'doubled-phrase');
    await decide(spacing, { decision: 'reject' }).expect(200);

    const batch = await request(context.app)
      .post(`/api/documents/${documentId}/decisions`)
      .send({ decision: 'accept', minConfidence: 0.9 })
      .expect(200);
    expect(batch.body).toEqual({ count: 3, batch: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    await decide(double, { decision: 'edit', text: '' }).expect(200);

    const undone = await request(context.app)
      .post(`/api/documents/${documentId}/batches/${batch.body.batch}/undo`)
      .expect(200);
    expect(undone.body).toEqual({ batch: batch.body.batch, count: 2 });
    const { body } = await request(context.app).get(`/api/documents/${documentId}`).expect(200);
    // The spacing decision came before the batch, the edit after it: both stand.
    expect(body.byStatus).toEqual({ pending: 2, accepted: 0, rejected: 1, edited: 1 });
  });

  it('filters by kind, leaves flag-only findings out of an accept, and says when nothing matched', async () => {
    const documentId = await importText(context.app, SAMPLE + FLAG_ONLY);
    const post = (body: object) =>
      request(context.app).post(`/api/documents/${documentId}/decisions`).send(body);
    expect((await post({ decision: 'reject', kind: 'line-wrap' }).expect(200)).body.count).toBe(1);
    expect((await post({ decision: 'accept', kind: 'quote' }).expect(200)).body).toEqual({
      count: 0,
      batch: null,
    });
    // The doubled phrase, the spacing, the hyphen and the paragraph break between the two texts.
    expect((await post({ decision: 'accept' }).expect(200)).body.count).toBe(4);
    expect((await post({ decision: 'reject', kind: 'quote' }).expect(200)).body.count).toBe(1);
  });

  it.each([
    [{ decision: 'edit' }, /^decision: must be accept or reject/],
    [{ decision: 'reset' }, /^decision: must be accept or reject/],
    [{ decision: 'accept', kind: 'furniture' }, /^kind: must be one of/],
    [{ decision: 'accept', minConfidence: 2 }, /^minConfidence: must be a number from 0 to 1$/],
    [{ decision: 'accept', minConfidence: '0.5' }, /^minConfidence: must be a number from 0 to 1$/],
    [{ decision: 'accept', status: 'pending' }, /^unknown field 'status'$/],
  ])('refuses %j with 400', async (body, error) => {
    const documentId = await importText(context.app, SAMPLE);
    const response = await request(context.app).post(`/api/documents/${documentId}/decisions`).send(body);
    expect(response.status).toBe(400);
    expect(response.body.error).toMatch(error);
  });

  it('answers 404 for an unknown document or batch, 400 for a malformed batch id', async () => {
    await request(context.app).post('/api/documents/5/decisions').send({ decision: 'accept' }).expect(404);
    const documentId = await importText(context.app, SAMPLE);
    const unknown = '00000000-0000-4000-8000-000000000000';
    await request(context.app)
      .post(`/api/documents/${documentId}/batches/${unknown}/undo`)
      .expect(404, { error: `no batch ${unknown} in document ${documentId}` });
    await request(context.app)
      .post(`/api/documents/${documentId}/batches/latest/undo`)
      .expect(400, { error: 'is not a batch id' });
  });
});

describe('GET /api/documents/:id/history', () => {
  it('lists every decision oldest first, with its time, editor and batch', async () => {
    const documentId = await importText(context.app, SAMPLE);
    const spacing = await findingIdOf(context.app, documentId, 'spacing');
    await decide(spacing, { decision: 'accept', editor: 'Ann' }).expect(200);
    await decide(spacing, { decision: 'edit', text: ' ' }).expect(200);
    const batch = await request(context.app)
      .post(`/api/documents/${documentId}/decisions`)
      .send({ decision: 'reject', kind: 'line-wrap' })
      .expect(200);
    await request(context.app)
      .post(`/api/documents/${documentId}/batches/${batch.body.batch}/undo`)
      .send({ editor: 'Bob' })
      .expect(200);
    const wrap = await findingIdOf(context.app, documentId, 'line-wrap');

    const { body } = await request(context.app).get(`/api/documents/${documentId}/history`).expect(200);
    const time = expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(body).toEqual({
      documentId,
      decisions: [
        {
          id: 1,
          version: 1,
          finding: spacing,
          findingId: spacing.slice(`d${documentId}-`.length),
          decision: 'accept',
          text: null,
          editor: 'Ann',
          batch: null,
          decidedAt: time,
        },
        {
          id: 2,
          version: 2,
          finding: spacing,
          findingId: expect.any(String),
          decision: 'edit',
          text: ' ',
          editor: null,
          batch: null,
          decidedAt: time,
        },
        {
          id: 3,
          version: 1,
          finding: wrap,
          findingId: expect.any(String),
          decision: 'reject',
          text: null,
          editor: null,
          batch: batch.body.batch,
          decidedAt: time,
        },
        {
          id: 4,
          version: 2,
          finding: wrap,
          findingId: expect.any(String),
          decision: 'reset',
          text: null,
          editor: 'Bob',
          batch: batch.body.batch,
          decidedAt: time,
        },
      ],
    });
  });

  it('answers 404 for an unknown document', async () => {
    await request(context.app).get('/api/documents/3/history').expect(404, { error: 'no document 3' });
  });
});

describe('a decision on a finding that moved on', () => {
  it('is a 409 with the finding as it is now, and writes nothing', async () => {
    const documentId = await importText(context.app, SAMPLE);
    const id = await findingIdOf(context.app, documentId, 'doubled-phrase');
    const first = await request(context.app)
      .post(`/api/findings/${id}/decision`)
      .send({ decision: 'accept', version: 0, editor: 'Ann' })
      .expect(200);
    expect(first.body).toMatchObject({ status: 'accepted', version: 1 });
    const second = await request(context.app)
      .post(`/api/findings/${id}/decision`)
      .send({ decision: 'reject', version: 0, editor: 'Bob' })
      .expect(409);
    expect(second.body.error).toMatch(/changed since version 0: it is now version 1 \(accepted\)/);
    expect(second.body.finding).toMatchObject({ id, status: 'accepted', version: 1 });
    const { body } = await request(context.app).get(`/api/documents/${documentId}/history`).expect(200);
    expect(body.decisions.map((entry: { editor: string }) => entry.editor)).toEqual(['Ann']);
  });

  it.each([-1, 1.5, '1'])('refuses a version that is not a whole number (%j)', async (version) => {
    const documentId = await importText(context.app, SAMPLE);
    const id = await findingIdOf(context.app, documentId, 'doubled-phrase');
    const { body } = await request(context.app)
      .post(`/api/findings/${id}/decision`)
      .send({ decision: 'accept', version })
      .expect(400);
    expect(body.error).toMatch(/^version: /);
  });
});
