import request from 'supertest';
import { analyse } from '../../../src/analyser';
import { SAMPLE, findingIdOf, importText, useTestApp } from '../test-helpers';

const context = useTestApp();

describe('GET /api/documents/:id/findings', () => {
  it('lists every finding in analysis order with its public id, analyser id and status', async () => {
    const id = await importText(context.app, SAMPLE);
    const { body } = await request(context.app).get(`/api/documents/${id}/findings`).expect(200);
    const analysed = analyse(SAMPLE).findings;
    expect(body).toMatchObject({ documentId: id, total: 4, offset: 0, limit: null });
    expect(body.findings).toEqual(
      analysed.map((finding) => ({
        ...JSON.parse(JSON.stringify(finding)),
        id: `d${id}-${finding.id}`,
        findingId: finding.id,
        documentId: id,
        status: 'pending',
        decisionText: null,
        version: 0,
      })),
    );
  });

  it('gives the same text in two documents distinct public ids', async () => {
    const first = await importText(context.app, SAMPLE);
    const second = await importText(context.app, SAMPLE);
    const one = await findingIdOf(context.app, first, 'spacing');
    const two = await findingIdOf(context.app, second, 'spacing');
    expect(one).not.toBe(two);
    expect(one.slice(`d${first}-`.length)).toBe(two.slice(`d${second}-`.length));
  });

  it('filters by kind, status and confidence, and pages with offset and limit', async () => {
    const id = await importText(context.app, SAMPLE);
    const get = async (query: string) =>
      (await request(context.app).get(`/api/documents/${id}/findings?${query}`).expect(200)).body;
    expect((await get('kind=spacing')).findings.map((finding: { kind: string }) => finding.kind)).toEqual([
      'spacing',
    ]);
    expect((await get('minConfidence=0.96')).total).toBe(1);
    const all = (await get('')).findings;
    expect(await get('offset=1&limit=2')).toMatchObject({
      total: 4,
      offset: 1,
      limit: 2,
      findings: all.slice(1, 3),
    });
    expect(await get('offset=9')).toMatchObject({ total: 4, findings: [] });
    await request(context.app)
      .post(`/api/findings/${all[0].id}/decision`)
      .send({ decision: 'reject' })
      .expect(200);
    expect((await get('status=rejected')).findings.map((finding: { id: string }) => finding.id)).toEqual([
      all[0].id,
    ]);
    expect((await get('status=pending')).total).toBe(3);
    expect((await get('kind=&status=')).total).toBe(4);
  });

  it.each([
    ['kind=furniture', /^kind: must be one of running-header, /],
    ['status=done', 'status: must be one of pending, accepted, rejected, edited'],
    ['minConfidence=1.5', 'minConfidence: must be a number from 0 to 1'],
    ['minConfidence=abc', 'minConfidence: must be a number from 0 to 1'],
    ['offset=-1', 'offset: must be a whole number'],
    ['limit=0', 'limit: must be from 1 to 10000'],
    ['limit=10001', 'limit: must be from 1 to 10000'],
    ['kind=spacing&kind=quote', /^kind: must be one of/],
  ])('refuses ?%s with 400', async (query, error) => {
    const id = await importText(context.app, SAMPLE);
    const response = await request(context.app).get(`/api/documents/${id}/findings?${query}`);
    expect(response.status).toBe(400);
    expect(response.body.error).toEqual(typeof error === 'string' ? error : expect.stringMatching(error));
  });

  it('answers 404 for an unknown document', async () => {
    await request(context.app).get('/api/documents/7/findings').expect(404, { error: 'no document 7' });
  });
});
