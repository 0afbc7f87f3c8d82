import request from 'supertest';
import { SAMPLE, importText, useTestApp } from '../test-helpers';

const TOKEN = 'correct-horse-battery-staple';
const context = useTestApp({ token: TOKEN });

describe('a server with a token', () => {
  it('answers the API only with Authorization: Bearer <token>', async () => {
    const refused = await request(context.app).get('/api/documents').expect(401);
    expect(refused.body).toEqual({
      error: 'this server needs its token: send Authorization: Bearer <GALLEY_TOKEN>',
    });
    expect(refused.headers['www-authenticate']).toBe('Bearer realm="galley"');
    await request(context.app).get('/api/documents').set('Authorization', 'Bearer wrong').expect(401);
    await request(context.app).get('/api/documents').set('Authorization', `Basic ${TOKEN}`).expect(401);
    await request(context.app)
      .post('/api/documents')
      .set('Content-Type', 'text/plain')
      .send(SAMPLE)
      .expect(401);
    expect(await context.store.hasDocuments()).toBe(false);
    await request(context.app).get('/api/documents').set('Authorization', `Bearer ${TOKEN}`).expect(200);
  });

  it('answers any host name once the token is given: it is meant for the network', async () => {
    await request(context.app)
      .get('/api/documents')
      .set('Host', 'galley.example.org')
      .set('Authorization', `Bearer ${TOKEN}`)
      .expect(200);
  });

  it('sends a browser without a session to the sign-in page, and signs it in with the token', async () => {
    await request(context.app).get('/').expect(303).expect('Location', '/sign-in');
    const form = await request(context.app).get('/sign-in').expect(200);
    expect(form.text).toContain('<form class="sign-in" method="post" action="/sign-in">');
    await request(context.app).get('/static/galley.css').expect(200);

    const wrong = await request(context.app)
      .post('/sign-in')
      .type('form')
      .send({ token: 'guess' })
      .expect(401);
    expect(wrong.text).toContain('That is not the token of this server.');
    expect(wrong.headers['set-cookie']).toBeUndefined();

    const signedIn = await request(context.app)
      .post('/sign-in')
      .type('form')
      .send({ name: 'Ann Editor', token: TOKEN })
      .expect(303);
    expect(signedIn.headers.location).toBe('/');
    const [cookie, editor] = signedIn.headers['set-cookie'] as unknown as string[];
    expect(cookie).toMatch(/^galley_session=[\w-]+; Path=\/; HttpOnly; SameSite=Strict$/);
    expect(cookie).not.toContain(TOKEN);
    expect(editor).toBe('galley_editor=Ann%20Editor; Path=/; HttpOnly; SameSite=Strict');

    const session = cookie!.split(';')[0]!;
    const documentId = await importText(context.app, SAMPLE).catch(() => undefined);
    expect(documentId).toBeUndefined(); // the API still wants the bearer token
    await request(context.app).get('/').set('Cookie', session).expect(200);
    await request(context.app).get('/').set('Cookie', 'galley_session=forged').expect(303);
    // The session is for the pages: the API does not take it.
    await request(context.app).get('/api/documents').set('Cookie', session).expect(401);
  });

  it('refuses a form post to a page without a session', async () => {
    await request(context.app).post('/documents/1').expect(401);
  });
});
