import request from 'supertest';
import { SAMPLE, importText, useTestApp } from '../test-helpers';

const context = useTestApp({ maxBytes: 1000 });

describe('POST /api/documents', () => {
  it('imports text/plain with ?title= and answers 201 with the id, title and number of findings', async () => {
    const response = await request(context.app)
      .post('/api/documents?title=Chapter%20One')
      .set('Content-Type', 'text/plain; charset=utf-8')
      .send(SAMPLE)
      .expect(201)
      .expect('Content-Type', /application\/json/);
    expect(response.body).toMatchObject({ id: 1, title: 'Chapter One', findings: 4, length: SAMPLE.length });
    expect(response.headers.location).toBe('/api/documents/1');
    expect((await context.store.getSource(1))!.text).toBe(SAMPLE);
  });

  it('imports a multipart upload, titled by its title field, else ?title=, else the file name', async () => {
    const upload = (title?: string) => {
      const call = request(context.app)
        .post('/api/documents?title=From%20query')
        .attach('file', Buffer.from(SAMPLE), { filename: 'chapter-2.txt', contentType: 'text/plain' });
      return title === undefined ? call : call.field('title', title);
    };
    expect((await upload('From field').expect(201)).body).toMatchObject({ title: 'From field', findings: 4 });
    expect((await upload().expect(201)).body).toMatchObject({ title: 'From query' });
    const bare = await request(context.app)
      .post('/api/documents')
      .attach('file', Buffer.from(SAMPLE), 'chapter-2.txt')
      .expect(201);
    expect(bare.body.title).toBe('chapter-2.txt');
    expect((await context.store.getSource(bare.body.id))!.text).toBe(SAMPLE);
  });

  it('accepts an empty document, which has no findings', async () => {
    const response = await request(context.app)
      .post('/api/documents')
      .set('Content-Type', 'text/plain')
      .send('');
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ title: 'Untitled document', findings: 0, length: 0 });
  });

  it('drops a leading BOM and nothing else', async () => {
    const id = await importText(
      context.app,
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('a\r\nb')]),
    );
    expect((await context.store.getSource(id))!.text).toBe('a\r\nb');
  });

  it.each([
    ['invalid UTF-8', Buffer.from([0x61, 0x62, 0xc3, 0x28]), 400, 'invalid UTF-8 at byte offset 2'],
    ['a NUL byte', Buffer.from('abc\0def'), 400, 'NUL byte at byte offset 3: this looks like a binary file'],
    [
      'UTF-16',
      Buffer.from('\ufeffhello', 'utf16le'),
      400,
      expect.stringMatching(/^file is UTF-16, not UTF-8/),
    ],
    ['a body over the limit', Buffer.alloc(1001, 0x61), 413, 'the body is over the limit of 1000 bytes'],
  ])('refuses %s as text/plain', async (_case, bytes, status, error) => {
    const response = await request(context.app)
      .post('/api/documents')
      .set('Content-Type', 'text/plain')
      .send(bytes);
    expect(response.status).toBe(status);
    expect(response.body).toEqual({ error });
    expect(await context.store.hasDocuments()).toBe(false);
  });

  it.each([
    ['invalid UTF-8', Buffer.from([0xff]), 400, 'invalid UTF-8 at byte offset 0'],
    ['a NUL byte', Buffer.from([0x61, 0]), 400, 'NUL byte at byte offset 1: this looks like a binary file'],
    [
      'a file over the limit',
      Buffer.alloc(1001, 0x61),
      413,
      'file is 1001 bytes, over the limit of 1000 bytes',
    ],
  ])('refuses %s in an upload', async (_case, bytes, status, error) => {
    const response = await request(context.app).post('/api/documents').attach('file', bytes, 'x.txt');
    expect(response.status).toBe(status);
    expect(response.body).toEqual({ error });
  });

  it('takes a document exactly at the limit', async () => {
    await request(context.app)
      .post('/api/documents')
      .set('Content-Type', 'text/plain')
      .send(Buffer.alloc(1000, 0x61))
      .expect(201);
  });

  it.each([
    [
      'another Content-Type',
      'application/json',
      '{"text": "a"}',
      415,
      /^send the text as Content-Type: text\/plain/,
    ],
    [
      'an upload without a file field',
      'multipart/form-data; boundary=b',
      '--b\r\nContent-Disposition: form-data; name="x"\r\n\r\ny\r\n--b--',
      400,
      /no field named 'file'/,
    ],
    ['a malformed upload', 'multipart/form-data; boundary=b', 'nothing', 400, /^malformed multipart upload/],
    ['an upload without a boundary', 'multipart/form-data', '--b--', 400, /no boundary/],
  ])('refuses %s', async (_case, contentType, body, status, error) => {
    const response = await request(context.app)
      .post('/api/documents')
      .set('Content-Type', contentType)
      .send(body);
    expect(response.status).toBe(status);
    expect(response.body.error).toMatch(error);
  });

  it('makes one line of a title, and cuts a long file name to 200 characters', async () => {
    const field = await request(context.app)
      .post('/api/documents')
      .field('title', '  Two\r\nlines ')
      .attach('file', Buffer.from('a'), 'x.txt')
      .expect(201);
    expect(field.body.title).toBe('Two lines');
    const named = await request(context.app)
      .post('/api/documents')
      .attach('file', Buffer.from('a'), `${'n'.repeat(250)}.txt`)
      .expect(201);
    expect(named.body.title).toBe('n'.repeat(200));
    const long = await request(context.app)
      .post('/api/documents')
      .field('title', 'x'.repeat(201))
      .attach('file', Buffer.from('a'), 'x.txt')
      .expect(400);
    expect(long.body).toEqual({ error: 'title: must be at most 200 characters' });
  });

  it('refuses a title over 200 characters, or given twice', async () => {
    const long = await request(context.app)
      .post(`/api/documents?title=${'x'.repeat(201)}`)
      .set('Content-Type', 'text/plain')
      .send('a');
    expect(long.status).toBe(400);
    expect(long.body).toEqual({ error: 'title: must be at most 200 characters' });
    const twice = await request(context.app)
      .post('/api/documents?title=a&title=b')
      .set('Content-Type', 'text/plain')
      .send('a');
    expect(twice.status).toBe(400);
    expect(twice.body).toEqual({ error: 'title: must be one string' });
  });
});

describe('GET /api/documents', () => {
  it('lists the documents with their counts by status and by kind', async () => {
    expect((await request(context.app).get('/api/documents').expect(200)).body).toEqual({ documents: [] });
    await importText(context.app, SAMPLE, 'One');
    await importText(context.app, '', 'Two');
    const { body } = await request(context.app).get('/api/documents').expect(200);
    expect(body.documents).toHaveLength(2);
    expect(body.documents[0]).toEqual({
      id: 1,
      title: 'One',
      length: SAMPLE.length,
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      findings: 4,
      byStatus: { pending: 4, accepted: 0, rejected: 0, edited: 0 },
      byKind: {
        'line-wrap': { total: 1, pending: 1, accepted: 0, rejected: 0, edited: 0 },
        hyphenation: { total: 1, pending: 1, accepted: 0, rejected: 0, edited: 0 },
        'doubled-phrase': { total: 1, pending: 1, accepted: 0, rejected: 0, edited: 0 },
        spacing: { total: 1, pending: 1, accepted: 0, rejected: 0, edited: 0 },
      },
    });
    expect(body.documents[1]).toMatchObject({ id: 2, title: 'Two', findings: 0, byKind: {} });
  });
});

describe('GET and DELETE /api/documents/:id', () => {
  it('shows one document and deletes it', async () => {
    const id = await importText(context.app, SAMPLE);
    expect((await request(context.app).get(`/api/documents/${id}`).expect(200)).body).toMatchObject({
      id,
      findings: 4,
    });
    await request(context.app).delete(`/api/documents/${id}`).expect(204);
    await request(context.app)
      .get(`/api/documents/${id}`)
      .expect(404, { error: `no document ${id}` });
    await request(context.app).delete(`/api/documents/${id}`).expect(404);
  });

  it.each(['abc', '0', '01', '1.5', '-1', '12345678901234567'])('refuses the id %s with 400', async (id) => {
    const response = await request(context.app).get(`/api/documents/${id}`);
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ error: 'is not a document id (a positive whole number)' });
  });
});
