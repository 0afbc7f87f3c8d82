import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { realIo, type CliIo } from '../../src/cli/io';
import { run } from '../../src/cli/main';
import { serveCommand } from '../../src/cli/commands/serve';
import { DEFAULT_MAX_BYTES } from '../../src/analyser';
import { UsageError } from '../../src/cli/usage-error';

let folder: string;
let stdout: string;
let stderr: string;
const io: CliIo = {
  ...realIo,
  stdout: (text) => {
    stdout += text;
  },
  stderr: (text) => {
    stderr += text;
  },
};

beforeEach(() => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'galley-serve-'));
  stdout = '';
  stderr = '';
});

afterEach(() => {
  fs.rmSync(folder, { recursive: true, force: true });
});

describe('galley serve', () => {
  it('refuses a host beyond loopback without GALLEY_TOKEN, with status 2 and one line', async () => {
    const saved = process.env.GALLEY_TOKEN;
    delete process.env.GALLEY_TOKEN;
    try {
      const status = await run(['serve', '--host', '0.0.0.0', '--db', path.join(folder, 'g.db')], io);
      expect(status).toBe(2);
      expect(stderr).toBe(
        'galley: --host 0.0.0.0 is reachable from other machines: set GALLEY_TOKEN to a secret the team shares, or serve on 127.0.0.1\n',
      );
      expect(stdout).toBe('');
    } finally {
      if (saved !== undefined) process.env.GALLEY_TOKEN = saved;
    }
  });

  it.each([
    [['--port', 'abc'], "--port must be a whole number from 0 to 65535, not 'abc'"],
    [['--port', '70000'], "--port must be a whole number from 0 to 65535, not '70000'"],
  ])('refuses %j with status 2', async (options, reason) => {
    expect(await run(['serve', ...options], io)).toBe(2);
    expect(stderr).toBe(`galley: ${reason}\n`);
  });

  it('serves the database GALLEY_DB names, with the seed, until told to stop', async () => {
    const database = path.join(folder, 'team', 'galley.db');
    let stop = (): void => undefined;
    const stopped = new Promise<void>((resolve) => {
      stop = resolve;
    });
    const serving = serveCommand(
      { port: 0, host: '127.0.0.1', maxBytes: DEFAULT_MAX_BYTES },
      io,
      { GALLEY_DB: database },
      stopped,
    );
    while (!stdout.includes('Galley is serving')) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(stdout).toMatch(
      /^Imported the seed sample into the new database\.\nGalley is serving http:\/\/127\.0\.0\.1:\d+\/ \(database .*team\/galley\.db\); Ctrl-C stops it\.\n$/,
    );
    const url = /serving (\S+)/.exec(stdout)![1]!;
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Seed: Chapter XIV');
    stop();
    await serving;
    expect(fs.existsSync(database)).toBe(true);
  });

  describe('GALLEY_DATABASE_URL', () => {
    const options = { port: 0, host: '127.0.0.1', maxBytes: DEFAULT_MAX_BYTES };
    const url = 'postgres://galley:s3cret@127.0.0.1:1/galley';

    it.each([
      [
        { db: 'g.db' },
        { GALLEY_DATABASE_URL: url },
        'GALLEY_DATABASE_URL names a PostgreSQL database and --db a SQLite file: choose one',
      ],
      [
        {},
        { GALLEY_DATABASE_URL: url, GALLEY_DB: 'g.db' },
        'GALLEY_DATABASE_URL names a PostgreSQL database and GALLEY_DB a SQLite file: choose one',
      ],
      [
        { db: url },
        {},
        '--db takes a SQLite file: put a PostgreSQL URL in GALLEY_DATABASE_URL (options show in ps)',
      ],
      [{}, { GALLEY_DB: url }, 'GALLEY_DB names a SQLite file: put a PostgreSQL URL in GALLEY_DATABASE_URL'],
      [
        {},
        { GALLEY_DATABASE_URL: 'mysql://galley@127.0.0.1/galley' },
        'GALLEY_DATABASE_URL must be a postgres:// or postgresql:// URL',
      ],
    ])('refuses %j with %j', async (option, env, reason) => {
      await expect(serveCommand({ ...options, ...option }, io, env, Promise.resolve())).rejects.toThrow(
        new UsageError(reason),
      );
      expect(stdout).toBe('');
    });

    it('says which database it cannot reach, without the password', async () => {
      await expect(
        serveCommand(options, io, { GALLEY_DATABASE_URL: url }, Promise.resolve()),
      ).rejects.toThrow(
        new UsageError(
          'cannot open the database postgres://galley:***@127.0.0.1:1/galley: connect ECONNREFUSED 127.0.0.1:1',
        ),
      );
    });
  });
});
