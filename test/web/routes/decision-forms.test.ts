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

describe('decisions without a page reload', () => {
  function postForFlag(documentId: number, id: string, fields: Record<string, string>) {
    return postForm(documentId, id, fields).set('X-Galley-Fragment', 'flag');
  }

  it('answers the decided flag’s new HTML', async () => {
    const documentId = await importText(context.app, SAMPLE);
    const id = await findingIdOf(context.app, documentId, 'doubled-phrase');
    const { token } = await reviewPage(documentId);
    const { body } = await postForFlag(documentId, id, { _csrf: token, decision: 'accept', version: '0' })
      .expect(200)
      .expect('Content-Type', /json/);
    expect(body.flag).toMatch(new RegExp(`^<li class="finding" id="${id}"`));
    expect(body.flag).toContain('<span class="status status-accepted">accepted</span>');
    expect(body.flag).toContain('<input type="hidden" name="version" value="1">');
    expect(body.flag).toContain(`name="_csrf" value="${token}"`);
    expect(await statusOf(documentId, id)).toMatchObject({ status: 'accepted' });
  });

  it('answers a decision on a stale flag with 409, the flag as it is now, and why', async () => {
    const documentId = await importText(context.app, SAMPLE);
    const id = await findingIdOf(context.app, documentId, 'doubled-phrase');
    const { token } = await reviewPage(documentId);
    await postForFlag(documentId, id, { _csrf: token, decision: 'reject', version: '0' }).expect(200);
    const { body } = await postForFlag(documentId, id, {
      _csrf: token,
      decision: 'accept',
      version: '0',
    }).expect(409);
    expect(body.error).toMatch(/Another decision came first: this flag is now rejected/);
    expect(body.flag).toContain('<p class="notice" role="alert">Another decision came first');
    expect(body.flag).toContain('status-rejected');
    expect(await statusOf(documentId, id)).toMatchObject({ status: 'rejected' });
  });

  it('escapes the document’s text in the flag it answers', async () => {
    const documentId = await importText(context.app, 'Say "<img src=x onerror=alert(1)> and and more.\n');
    const id = await findingIdOf(context.app, documentId, 'doubled-phrase');
    const { token } = await reviewPage(documentId);
    const { body } = await postForFlag(documentId, id, { _csrf: token, decision: 'reject' }).expect(200);
    expect(body.flag).not.toContain('<img');
    expect(body.flag).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('still refuses a post without the form token', async () => {
    const documentId = await importText(context.app, SAMPLE);
    const id = await findingIdOf(context.app, documentId, 'doubled-phrase');
    await postForFlag(documentId, id, { decision: 'accept' }).expect(403);
    expect(await statusOf(documentId, id)).toMatchObject({ status: 'pending' });
  });
});

describe('named editors', () => {
  it('records the name given at sign-in with each decision made from the pages', async () => {
    const documentId = await importText(context.app, SAMPLE);
    const id = await findingIdOf(context.app, documentId, 'doubled-phrase');
    const signedIn = await request(context.app)
      .post('/sign-in')
      .type('form')
      .send({ name: '  Ann\tEditor ' })
      .expect(303);
    const cookie = (signedIn.headers['set-cookie'] as unknown as string[])[0]!.split(';')[0]!;
    const html = (
      await request(context.app).get(`/documents/${documentId}`).set('Cookie', cookie).expect(200)
    ).text;
    expect(html).toContain('Signed in as Ann Editor');
    await postForm(documentId, id, { _csrf: formTokenIn(html), decision: 'accept' })
      .set('Cookie', cookie)
      .expect(303);
    const { body } = await request(context.app).get(`/api/documents/${documentId}/history`).expect(200);
    expect(body.decisions.map((entry: { editor: string }) => entry.editor)).toEqual(['Ann Editor']);
  });

  it('asks for a name', async () => {
    const page = await request(context.app).post('/sign-in').type('form').send({ name: ' ' }).expect(400);
    expect(page.text).toContain('Give your name');
  });
});
