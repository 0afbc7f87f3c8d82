import request from 'supertest';
import { findingIdOf, formTokenIn, importText, SAMPLE, useTestApp } from '../test-helpers';

const context = useTestApp();

/** The review page and the form token in it. */
async function reviewPage(documentId: number, query = ''): Promise<{ html: string; token: string }> {
  const html = (await request(context.app).get(`/documents/${documentId}${query}`).expect(200)).text;
  return { html, token: formTokenIn(html) };
}

function postForm(documentId: number, id: string, fields: Record<string, string>) {
  return request(context.app)
    .post(`/documents/${documentId}/findings/${id}/decision`)
    .type('form')
    .send(fields);
}

async function statusOf(
  documentId: number,
  id: string,
): Promise<{ status: string; decisionText: string | null }> {
  const listed = await request(context.app).get(`/api/documents/${documentId}/findings`).expect(200);
  return listed.body.findings.find((finding: { id: string }) => finding.id === id);
}

describe('the review page’s decision forms', () => {
  it('accept, reject, edit and undo a finding by ordinary form posts, and come back to it', async () => {
    const documentId = await importText(context.app, SAMPLE);
    const id = await findingIdOf(context.app, documentId, 'doubled-phrase');
    const { html, token } = await reviewPage(documentId, '?kind=doubled-phrase');
    expect(html).toContain(`action="/documents/${documentId}/findings/${id}/decision"`);
    expect(html).toContain('<button name="decision" value="accept" data-key="a">Accept</button>');

    const returnTo = `/documents/${documentId}?kind=doubled-phrase`;
    const accepted = await postForm(documentId, id, { _csrf: token, decision: 'accept', returnTo }).expect(
      303,
    );
    expect(accepted.headers.location).toBe(`${returnTo}#${id}`);
    expect(await statusOf(documentId, id)).toMatchObject({ status: 'accepted' });

    await postForm(documentId, id, { _csrf: token, decision: 'reject' }).expect(303);
    expect(await statusOf(documentId, id)).toMatchObject({ status: 'rejected' });

    // A browser sends a textarea's line breaks as CRLF; this document's are LF.
    await postForm(documentId, id, { _csrf: token, decision: 'edit', text: ' and\r\nhardship' }).expect(303);
    expect(await statusOf(documentId, id)).toMatchObject({
      status: 'edited',
      decisionText: ' and\nhardship',
    });

    const page = (await reviewPage(documentId, '?kind=doubled-phrase')).html;
    expect(page).toContain('<button name="decision" value="reset" data-key="u">Undo</button>');
    await postForm(documentId, id, { _csrf: token, decision: 'reset' }).expect(303);
    expect(await statusOf(documentId, id)).toMatchObject({ status: 'pending', decisionText: null });
  });

  it('goes back only to a page of the same document', async () => {
    const documentId = await importText(context.app, SAMPLE);
    const id = await findingIdOf(context.app, documentId, 'doubled-phrase');
    const { token } = await reviewPage(documentId);
    for (const returnTo of [
      'https://elsewhere.example/',
      '//elsewhere.example',
      `/documents/${documentId + 1}`,
    ]) {
      const response = await postForm(documentId, id, { _csrf: token, decision: 'accept', returnTo }).expect(
        303,
      );
      expect(response.headers.location).toBe(`/documents/${documentId}#${id}`);
    }
  });

  it('refuses a post without the page’s token, or marked cross-site, and decides nothing', async () => {
    const documentId = await importText(context.app, SAMPLE);
    const id = await findingIdOf(context.app, documentId, 'doubled-phrase');
    const { token } = await reviewPage(documentId);
    const missing = await postForm(documentId, id, { decision: 'accept' }).expect(403);
    expect(missing.text).toContain('reload the page');
    await postForm(documentId, id, { _csrf: 'f'.repeat(64), decision: 'accept' }).expect(403);
    await postForm(documentId, id, { _csrf: token, decision: 'accept' })
      .set('Sec-Fetch-Site', 'cross-site')
      .expect(403);
    expect(await statusOf(documentId, id)).toMatchObject({ status: 'pending' });
  });

  it('answers 400 for an unknown decision and 404 for a finding of another document', async () => {
    const first = await importText(context.app, SAMPLE);
    const second = await importText(context.app, SAMPLE);
    const id = await findingIdOf(context.app, first, 'doubled-phrase');
    const { token } = await reviewPage(first);
    await postForm(first, id, { _csrf: token, decision: 'approve' }).expect(400);
    await postForm(second, id, { _csrf: token, decision: 'accept' }).expect(404);
    expect(await statusOf(first, id)).toMatchObject({ status: 'pending' });
  });
});
