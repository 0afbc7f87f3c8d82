import request from 'supertest';
import type { Store } from '../../../src/store';
import { createApp } from '../../../src/web/app';

/** A store whose every call fails as the database does when it is down. */
function downStore(error: object): Store {
  return new Proxy({} as Store, {
    get: (_target, name) => (name === 'close' ? async () => undefined : async () => Promise.reject(error)),
  });
}

describe('a database that cannot be reached', () => {
  it.each([
    [
      'PostgreSQL refusing connections',
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
    ],
    ['PostgreSQL shutting down', Object.assign(new Error('terminating connection'), { code: '57P01' })],
    ['a pooled connection lost', new Error('Connection terminated unexpectedly')],
    [
      'SQLite locked by another process',
      Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' }),
    ],
  ])('is a 503 to try again (%s), logged, with nothing of the error shown', async (_name, error) => {
    const logged: unknown[] = [];
    const app = createApp({ store: downStore(error), logError: (bug) => logged.push(bug) });
    const api = await request(app).get('/api/documents').expect(503).expect('Retry-After', '5');
    expect(api.body).toEqual({ error: 'the database cannot be reached right now: try again in a moment' });
    const page = await request(app).get('/').expect(503);
    expect(page.text).toContain('the database cannot be reached right now');
    expect(page.text).not.toContain((error as Error).message);
    expect(logged).toEqual([error, error]);
  });

  it('keeps a plain bug a 500', async () => {
    const app = createApp({ store: downStore(new TypeError('x is undefined')), logError: () => undefined });
    await request(app).get('/api/documents').expect(500, { error: 'internal error' });
  });
});
