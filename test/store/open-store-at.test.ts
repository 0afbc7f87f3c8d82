import path from 'node:path';
import { SqliteStore, describeLocation, isPostgresUrl, openStoreAt } from '../../src/store';

describe('isPostgresUrl', () => {
  it.each([
    ['postgres://galley:secret@127.0.0.1/galley', true],
    ['postgresql://127.0.0.1:5433/galley?sslmode=require', true],
    ['POSTGRES://host/db', true],
    ['data/galley.db', false],
    ['./postgres://not-a-url', false],
    [':memory:', false],
  ])('%s → %s', (location, expected) => {
    expect(isPostgresUrl(location)).toBe(expected);
  });
});

describe('describeLocation', () => {
  it('hides a URL’s password and nothing else', () => {
    expect(describeLocation('postgres://galley:s%40cret@db.example.org:5433/galley?sslmode=require')).toBe(
      'postgres://galley:***@db.example.org:5433/galley?sslmode=require',
    );
    expect(describeLocation('postgresql://galley@127.0.0.1/galley')).toBe(
      'postgresql://galley@127.0.0.1/galley',
    );
  });

  it('gives a file as an absolute path', () => {
    expect(describeLocation('data/galley.db')).toBe(path.resolve('data/galley.db'));
    expect(describeLocation(':memory:')).toBe(':memory:');
  });
});

describe('openStoreAt', () => {
  it('opens anything but a postgres:// URL as a SQLite file', async () => {
    const store = await openStoreAt(':memory:');
    expect(store).toBeInstanceOf(SqliteStore);
    await store.close();
  });
});
