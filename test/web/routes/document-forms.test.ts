import request from 'supertest';
import { formTokenIn, importText, SAMPLE, useTestApp } from '../test-helpers';

const context = useTestApp();

async function formToken(): Promise<string> {
  const html = (await request(context.app).get('/').expect(200)).text;
  return formTokenIn(html);
}

describe('the documents page’s import form', () => {
  it('imports an uploaded file, titled by the title field or else the file name', async () => {
    const token = await formToken();
    const response = await request(context.app)
      .post('/documents')
      .field('_csrf', token)
      .field('title', '')
      .attach('file', Buffer.from(SAMPLE), { filename: 'chapter-2.txt', contentType: 'text/plain' })
      .expect(303);
    const id = Number(/^\/documents\/(\d+)$/.exec(response.headers.location!)![1]);
    expect((await context.store.getDocument(id))!.title).toBe('chapter-2.txt');
    expect((await context.store.getSource(id))!.text).toBe(SAMPLE);
  });

  it('imports a pasted text with the browser’s CRLF line ends made LF', async () => {
    const token = await formToken();
    const response = await request(context.app)
      .post('/documents')
      .field('_csrf', token)
      .field('title', 'Pasted')
      .field('text', SAMPLE.replace(/\n/g, '\r\n'))
      .expect(303);
    const id = Number(/(\d+)$/.exec(response.headers.location!)![1]);
    expect((await context.store.getDocument(id))!.title).toBe('Pasted');
    expect((await context.store.getSource(id))!.text).toBe(SAMPLE);
  });

  it('answers bad input with a clear error and imports nothing', async () => {
    const token = await formToken();
    const invalid = await request(context.app)
      .post('/documents')
      .field('_csrf', token)
      .attach('file', Buffer.from([0x61, 0xff, 0x62]), 'bad.txt')
      .expect(400);
    expect(invalid.text).toContain('invalid UTF-8 at byte offset 1');
    const empty = await request(context.app)
      .post('/documents')
      .field('_csrf', token)
      .field('text', '')
      .expect(400);
    expect(empty.text).toContain('choose a file or paste a text');
    await request(context.app).post('/documents').field('text', SAMPLE).expect(403);
    expect(await context.store.listDocuments()).toEqual([]);
  });
});

describe('deleting a document from the pages', () => {
  it('asks for confirmation, then deletes with the form token only', async () => {
    const id = await importText(context.app, SAMPLE, 'To go');
    const confirm = (await request(context.app).get(`/documents/${id}/delete`).expect(200)).text;
    expect(confirm).toContain('Delete “To go”?');
    const token = formTokenIn(confirm);
    await request(context.app).post(`/documents/${id}/delete`).type('form').send({}).expect(403);
    expect(await context.store.getDocument(id)).toBeDefined();
    const deleted = await request(context.app)
      .post(`/documents/${id}/delete`)
      .type('form')
      .send({ _csrf: token })
      .expect(303);
    expect(deleted.headers.location).toBe('/');
    expect(await context.store.getDocument(id)).toBeUndefined();
  });
});
