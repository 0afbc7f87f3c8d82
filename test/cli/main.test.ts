import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { analyse } from '../../src/analyser/analyse';
import { renderEdition } from '../../src/analyser/edits/render-edition';
import { KINDS, KIND_INFO, type Decisions, type Finding } from '../../src/analyser';
import { realIo, type CliIo } from '../../src/cli/io';
import { run } from '../../src/cli/main';
import { SAMPLE, fakeAnalyse } from './fake-analyse';
import { galley, type Outcome } from './in-process-cli';

// The real analyser and edition unless a test says otherwise; spies either way.
jest.mock('../../src/analyser/analyse', () => {
  const actual = jest.requireActual('../../src/analyser/analyse');
  return { analyse: jest.fn(actual.analyse) };
});
jest.mock('../../src/analyser/edits/render-edition', () => {
  const actual = jest.requireActual('../../src/analyser/edits/render-edition');
  return { renderEdition: jest.fn(actual.renderEdition) };
});

const analyseSpy = jest.mocked(analyse);
const renderSpy = jest.mocked(renderEdition);
const realAnalyse = jest.requireActual<typeof import('../../src/analyser/analyse')>(
  '../../src/analyser/analyse',
).analyse;

let folder: string;

beforeAll(() => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'galley-cli-'));
});

afterAll(() => {
  fs.rmSync(folder, { recursive: true, force: true });
});

afterEach(() => {
  jest.restoreAllMocks();
  analyseSpy.mockClear();
  analyseSpy.mockImplementation(realAnalyse);
  renderSpy.mockClear();
});

let fileCount = 0;

/** A new file in the temporary folder, holding `content` (a string is written as UTF-8). */
function tempFile(content: string | Uint8Array, name = `input-${++fileCount}.txt`): string {
  const file = path.join(folder, name);
  fs.writeFileSync(file, content);
  return file;
}

/** Exit status 2, nothing on stdout, and exactly one line on stderr that starts "galley: ". */
function expectUsageError(outcome: Outcome, reason: RegExp): void {
  expect(outcome.stdout).toBe('');
  expect(outcome.stderr).toMatch(/^galley: [^\n]+\n$/);
  expect(outcome.stderr).toMatch(reason);
  expect(outcome.status).toBe(2);
}

function useFakeAnalyser(): void {
  analyseSpy.mockImplementation(fakeAnalyse);
}

describe('errors a user can cause', () => {
  test('a missing file', async () => {
    const missing = path.join(folder, 'missing.txt');
    expectUsageError(await galley('analyse', missing), new RegExp(`cannot read ${missing}: no such file`));
  });

  test('a directory', async () => {
    expectUsageError(await galley('analyse', folder), /cannot read .*: it is a directory/);
  });

  test('an unreadable file', async () => {
    const file = tempFile('text');
    // Permissions do not stop root, so the refusal is simulated where fs reports it.
    jest.spyOn(fs, 'openSync').mockImplementation(() => {
      throw Object.assign(new Error(`EACCES: permission denied, open '${file}'`), {
        code: 'EACCES',
        syscall: 'open',
      });
    });
    expectUsageError(await galley('clean', file), new RegExp(`cannot read ${file}: permission denied`));
  });

  test.each([
    ['a lone continuation byte', [0x61, 0x62, 0x80, 0x63], 2],
    ['byte 0xFF', [0x61, 0xff], 1],
    ['a sequence cut at the end', [0x61, 0x62, 0x63, 0xe2, 0x82], 3],
  ])('invalid UTF-8 (%s) names the file and the byte offset', async (_name, bytes, offset) => {
    const file = tempFile(Uint8Array.from(bytes));
    for (const command of ['analyse', 'clean']) {
      expectUsageError(
        await galley(command, file),
        new RegExp(`^galley: ${file}: invalid UTF-8 at byte offset ${offset}\\n$`),
      );
    }
  });

  test('a NUL byte', async () => {
    const file = tempFile('abc\0def');
    expectUsageError(await galley('analyse', file, '--format', 'json'), /NUL byte at byte offset 3/);
  });

  test('UTF-16, with and without a byte-order mark', async () => {
    const withMark = tempFile(Buffer.from('\ufeffHello, world', 'utf16le'));
    const withoutMark = tempFile(Buffer.from('Hello, world', 'utf16le'));
    expectUsageError(await galley('analyse', withMark), /UTF-16.*convert/);
    expectUsageError(await galley('clean', withoutMark), /UTF-16.*convert/);
  });

  test('a file over --max-bytes, and over the default limit', async () => {
    const file = tempFile('0123456789');
    expectUsageError(
      await galley('analyse', file, '--max-bytes', '9'),
      /: file is 10 bytes, over the limit of 9 bytes/,
    );
    expect((await galley('analyse', file, '--max-bytes', '10')).status).toBe(0);
    const large = tempFile('');
    fs.truncateSync(large, 50 * 1024 * 1024 + 1);
    expectUsageError(await galley('clean', large), /over the limit of 52428800 bytes/);
  });

  test.each([['abc'], ['0'], ['-1'], ['1.5'], ['1e3'], ['']])('--max-bytes %p', async (value) => {
    expectUsageError(await galley('analyse', tempFile('x'), '--max-bytes', value), /--max-bytes must be/);
  });

  test.each([['abc'], ['1.5'], ['-0.1'], [''], ['0x1'], ['NaN'], ['0.5abc']])(
    '--min-confidence %p',
    async (value) => {
      const file = tempFile('x');
      expectUsageError(
        await galley('analyse', file, '--min-confidence', value),
        /--min-confidence must be a number from 0 to 1/,
      );
      expectUsageError(
        await galley('clean', file, '--min-confidence', value),
        /--min-confidence must be a number from 0 to 1/,
      );
    },
  );

  test('a bad --quote-style', async () => {
    const file = tempFile('x');
    expectUsageError(
      await galley('analyse', file, '--quote-style', 'smart'),
      /--quote-style must be curly or straight/,
    );
    expectUsageError(
      await galley('clean', file, '--quote-style', ''),
      /--quote-style must be curly or straight/,
    );
  });

  test('an unknown kind, or none, in --kinds', async () => {
    const file = tempFile('x');
    expectUsageError(
      await galley('analyse', file, '--kinds', 'spacing,typo'),
      /unknown kind 'typo' in --kinds; the kinds are running-header, /,
    );
    expectUsageError(await galley('clean', file, '--kinds', 'Spacing'), /unknown kind 'Spacing'/);
    expectUsageError(await galley('analyse', file, '--kinds', ','), /--kinds needs at least one kind/);
  });

  test('a bad --format for each command', async () => {
    const file = tempFile('x');
    expectUsageError(
      await galley('analyse', file, '--format', 'xml'),
      /--format must be text or json, not 'xml'/,
    );
    expectUsageError(await galley('analyse', file, '--format', 'markdown'), /--format must be text or json/);
    expectUsageError(
      await galley('clean', file, '--format', 'json'),
      /--format must be text or markdown, not 'json'/,
    );
  });

  test('usage that commander refuses', async () => {
    const file = tempFile('x');
    expectUsageError(await galley(), /no command given/);
    expectUsageError(await galley('publish'), /unknown command 'publish'/);
    expectUsageError(await galley('serve', 'extra'), /too many arguments/);
    expectUsageError(await galley('analyse'), /missing required argument 'file'/);
    expectUsageError(await galley('analyse', file, 'other.txt'), /too many arguments/);
    expectUsageError(await galley('analyse', file, '--verbose'), /unknown option '--verbose'/);
    // A suggestion is kept, on the same line.
    expectUsageError(
      await galley('clean', file, '--kind', 'spacing'),
      /unknown option '--kind' \(Did you mean --kinds\?\)$/m,
    );
    expectUsageError(
      await galley('analyse', file, '--format'),
      /option '--format <format>' argument missing/,
    );
    expectUsageError(await galley('--kinds', 'spacing', 'analyse', file), /unknown option '--kinds'/);
  });

  test('an output file that cannot be written leaves nothing behind', async () => {
    const file = tempFile(SAMPLE);
    const missingFolder = path.join(folder, 'no-such-folder', 'out.txt');
    expectUsageError(
      await galley('clean', file, '-o', missingFolder),
      /cannot write .*out\.txt: no such file or directory/,
    );
    expect(fs.existsSync(path.dirname(missingFolder))).toBe(false);

    const target = fs.mkdtempSync(path.join(folder, 'target-'));
    const before = fs.readdirSync(folder).sort();
    expectUsageError(await galley('clean', file, '--output', target), /cannot write .*: it is a directory/);
    expect(fs.readdirSync(folder).sort()).toEqual(before);
  });

  test('a failure while writing keeps the old output whole', async () => {
    const file = tempFile(SAMPLE);
    const output = tempFile('the previous edition\n');
    const before = fs.readdirSync(folder).sort();
    jest.spyOn(fs, 'writeFileSync').mockImplementation(() => {
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), {
        code: 'ENOSPC',
        syscall: 'write',
      });
    });
    expectUsageError(
      await galley('clean', file, '-o', output),
      /cannot write .*: no space left on the device/,
    );
    jest.restoreAllMocks();
    expect(fs.readFileSync(output, 'utf8')).toBe('the previous edition\n');
    expect(fs.readdirSync(folder).sort()).toEqual(before);
  });
});

describe('a bug is not a usage error', () => {
  test('an unexpected exception propagates, with nothing on stdout', async () => {
    analyseSpy.mockImplementation(() => {
      throw new TypeError('a detector broke');
    });
    let stdout = '';
    const io: CliIo = { ...realIo, stdout: (text) => void (stdout += text), stderr: () => undefined };
    await expect(run(['analyse', tempFile('x')], io)).rejects.toThrow('a detector broke');
    expect(stdout).toBe('');
  });
});

describe('analyse', () => {
  beforeEach(useFakeAnalyser);

  test('--format json prints exactly one JSON object of the documented shape', async () => {
    const file = tempFile(SAMPLE);
    const outcome = await galley('analyse', file, '--format', 'json');
    expect(outcome.status).toBe(0);
    expect(outcome.stderr).toBe('');
    expect(outcome.stdout.endsWith('\n')).toBe(true);
    const report = JSON.parse(outcome.stdout);
    expect(Object.keys(report)).toEqual(['file', 'length', 'findings', 'summary', 'headings']);
    expect(report.file).toBe(file);
    expect(report.length).toBe(SAMPLE.length);
    const expected = fakeAnalyse(SAMPLE).findings;
    expect(report.findings).toEqual(expected);
    const starts = report.findings.map((finding: Finding) => finding.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(report.summary.byKind).toEqual(
      Object.fromEntries(
        KINDS.map((kind) => [kind, expected.filter((finding) => finding.kind === kind).length]),
      ),
    );
    expect(report.summary.byKind).toMatchObject({
      spacing: 2,
      'doubled-phrase': 1,
      quote: 1,
      'page-number': 1,
    });
    expect(typeof report.summary.elapsedMs).toBe('number');
    expect(report.summary.elapsedMs).toBeGreaterThanOrEqual(0);
    expect(report.headings).toEqual([]);
  });

  test('text, the default, prints one linter-style line per finding', async () => {
    const file = tempFile(SAMPLE);
    const outcome = await galley('analyse', file);
    expect(outcome.status).toBe(0);
    expect(outcome.stderr).toBe('');
    expect(outcome.stdout).toBe(
      [
        `${file}:1:4 doubled-phrase The word is doubled.`,
        `${file}:1:18 spacing A space stands before the punctuation.`,
        `${file}:1:29 quote This quotation mark has no partner.`,
        `${file}:2:1 page-number This line is a page number.`,
        `${file}:3:18 spacing A space stands before the punctuation.`,
        '',
      ].join('\n'),
    );
    for (const line of outcome.stdout.trimEnd().split('\n')) {
      expect(line).toMatch(/^.+:\d+:\d+ [a-z-]+ \S.*$/);
    }
    expect(await galley('analyse', file, '--format', 'text')).toEqual(outcome);
  });

  test('no findings print nothing', async () => {
    const outcome = await galley('analyse', tempFile('Nothing to see here.\n'));
    expect(outcome).toEqual({ status: 0, stdout: '', stderr: '' });
  });

  test('--kinds limits the findings and the summary to those kinds', async () => {
    const file = tempFile(SAMPLE);
    const report = JSON.parse(
      (await galley('analyse', file, '--format', 'json', '--kinds', 'spacing, quote')).stdout,
    );
    expect(analyseSpy).toHaveBeenLastCalledWith(SAMPLE, {
      kinds: ['spacing', 'quote'],
      minConfidence: undefined,
    });
    expect(report.findings.map((finding: Finding) => finding.kind)).toEqual(['spacing', 'quote', 'spacing']);
    expect(report.summary.byKind).toEqual({ spacing: 2, quote: 1 });

    // Given twice, the lists add up.
    const twice = JSON.parse(
      (
        await galley(
          'analyse',
          file,
          '--kinds',
          'page-number',
          '--format',
          'json',
          '--kinds',
          'running-header,page-number',
        )
      ).stdout,
    );
    expect(twice.summary.byKind).toEqual({ 'page-number': 1, 'running-header': 0 });
  });

  test('--min-confidence drops the findings below it', async () => {
    const file = tempFile(SAMPLE);
    const report = JSON.parse(
      (await galley('analyse', file, '--format', 'json', '--min-confidence', '0.9')).stdout,
    );
    expect(analyseSpy).toHaveBeenLastCalledWith(SAMPLE, { kinds: undefined, minConfidence: 0.9 });
    expect(report.findings.map((finding: Finding) => finding.kind)).toEqual([
      'spacing',
      'page-number',
      'spacing',
    ]);
    for (const value of ['0', '1', '.5', '0.75', '1.0']) {
      expect((await galley('analyse', file, '--min-confidence', value)).status).toBe(0);
    }
  });

  test('CRLF is kept: offsets and the length count every \\r', async () => {
    const text = SAMPLE.replace(/\n/g, '\r\n');
    const report = JSON.parse((await galley('analyse', tempFile(text), '--format', 'json')).stdout);
    expect(analyseSpy).toHaveBeenLastCalledWith(text, expect.anything());
    expect(report.length).toBe(text.length);
    const last = report.findings.at(-1);
    expect([last.line, last.column, last.start]).toEqual([3, 18, text.indexOf(' .')]);
  });

  test('a byte-order mark is dropped before analysis', async () => {
    const report = JSON.parse(
      (await galley('analyse', tempFile('\ufeff' + SAMPLE), '--format', 'json')).stdout,
    );
    expect(analyseSpy).toHaveBeenLastCalledWith(SAMPLE, expect.anything());
    expect(report.length).toBe(SAMPLE.length);
    expect(report.findings[0]).toMatchObject({ start: 3, line: 1, column: 4 });
  });
});

describe('analyse with the real analyser', () => {
  test('an empty file is valid and has no findings', async () => {
    const file = tempFile('');
    const report = JSON.parse((await galley('analyse', file, '--format', 'json')).stdout);
    expect(report).toMatchObject({ file, length: 0, findings: [] });
    expect(await galley('analyse', file)).toEqual({ status: 0, stdout: '', stderr: '' });
  });

  test('a file of only white space', async () => {
    const text = '  \n\t\n\r\n   ';
    const outcome = await galley('analyse', tempFile(text), '--format', 'json');
    expect(outcome.status).toBe(0);
    expect(outcome.stderr).toBe('');
    expect(JSON.parse(outcome.stdout).length).toBe(text.length);
  });
});

describe('clean', () => {
  beforeEach(useFakeAnalyser);

  function acceptedIds(decisions: Decisions): string[] {
    return [...decisions]
      .filter(([, decision]) => decision.status === 'accepted')
      .map(([id]) => id)
      .sort();
  }

  function lastRender(): { text: string; decisions: Decisions; options: unknown } {
    const call = renderSpy.mock.calls.at(-1)!;
    const result = renderSpy.mock.results.at(-1)!;
    return { text: (result.value as { text: string }).text, decisions: call[2], options: call[3] };
  }

  test('accepts every finding at or above 0.8 that has a replacement, and prints the edition', async () => {
    const file = tempFile(SAMPLE);
    const outcome = await galley('clean', file);
    expect(outcome.status).toBe(0);
    expect(outcome.stderr).toBe('');
    // Every finding goes to the edition; only the decisions say which are accepted.
    expect(analyseSpy).toHaveBeenLastCalledWith(SAMPLE, { kinds: undefined });
    const { text, decisions, options } = lastRender();
    expect(renderSpy.mock.calls.at(-1)![1]).toEqual(fakeAnalyse(SAMPLE).findings);
    expect(acceptedIds(decisions)).toEqual(['page-number:31', 'spacing:17', 'spacing:51']);
    expect(options).toEqual({ format: 'text', headings: [] });
    expect(outcome.stdout).toBe(text);
  });

  test('--min-confidence lowers the bar; a finding without a replacement is never accepted', async () => {
    const file = tempFile(SAMPLE);
    await galley('clean', file, '--min-confidence', '0.5');
    expect(acceptedIds(lastRender().decisions)).toEqual([
      'doubled-phrase:3',
      'page-number:31',
      'spacing:17',
      'spacing:51',
    ]);
    await galley('clean', file, '--min-confidence', '1');
    expect(acceptedIds(lastRender().decisions)).toEqual([]);
  });

  test('--kinds and --format markdown reach the analysis and the edition', async () => {
    const file = tempFile(SAMPLE);
    await galley('clean', file, '--kinds', 'page-number', '--format', 'markdown');
    expect(analyseSpy).toHaveBeenLastCalledWith(SAMPLE, { kinds: ['page-number'] });
    expect(acceptedIds(lastRender().decisions)).toEqual(['page-number:31']);
    expect(lastRender().options).toEqual({ format: 'markdown', headings: [] });
  });

  test('-o writes the edition to a file, replacing it, and prints nothing', async () => {
    const file = tempFile(SAMPLE);
    const output = tempFile('an older edition that is longer than the new one, to be replaced whole\n');
    fs.chmodSync(output, 0o640);
    const before = fs.readdirSync(folder).sort();
    const outcome = await galley('clean', file, '-o', output);
    expect(outcome).toEqual({ status: 0, stdout: '', stderr: '' });
    expect(fs.readFileSync(output, 'utf8')).toBe(lastRender().text);
    expect(fs.statSync(output).mode & 0o777).toBe(0o640);
    // No temporary file is left beside it.
    expect(fs.readdirSync(folder).sort()).toEqual(before);

    const fresh = path.join(folder, 'fresh-edition.md');
    expect((await galley('clean', file, '--format', 'markdown', '--output', fresh)).status).toBe(0);
    expect(fs.readFileSync(fresh, 'utf8')).toBe(lastRender().text);
  });

  test('CRLF and a byte-order mark: the edition is made from the text as decoded', async () => {
    const text = SAMPLE.replace(/\n/g, '\r\n');
    await galley('clean', tempFile('\ufeff' + text));
    expect(analyseSpy).toHaveBeenLastCalledWith(text, expect.anything());
    expect(renderSpy.mock.calls.at(-1)![0]).toBe(text);
  });
});

describe('clean with the real analyser and edition', () => {
  test('an empty file gives an empty edition', async () => {
    const file = tempFile('');
    expect(await galley('clean', file)).toEqual({ status: 0, stdout: '', stderr: '' });
    expect(await galley('clean', file, '--format', 'markdown')).toEqual({
      status: 0,
      stdout: '',
      stderr: '',
    });
    const output = path.join(folder, 'empty-edition.txt');
    expect((await galley('clean', file, '-o', output)).status).toBe(0);
    expect(fs.readFileSync(output, 'utf8')).toBe('');
  });

  test('CRLF input gives CRLF output, and a byte-order mark is not carried over', async () => {
    const text = '\ufeffOne line\r\nwrapped here.\r\n\r\nThe next paragraph.\r\n';
    const outcome = await galley('clean', tempFile(text));
    expect(outcome.status).toBe(0);
    expect(outcome.stdout).toContain('\r\n');
    expect(outcome.stdout).not.toMatch(/[^\r]\n/);
    expect(outcome.stdout.startsWith('\ufeff')).toBe(false);
  });

  test('a file of only white space', async () => {
    const outcome = await galley('clean', tempFile(' \n\n\t \r\n'));
    expect(outcome.status).toBe(0);
    expect(outcome.stderr).toBe('');
  });
});

describe('--help', () => {
  test.each([[['--help']], [['analyse', '--help']], [['clean', '--help']], [['help', 'clean']], [['-h']]])(
    'galley %j lists every kind with its summary and example, one line each',
    async (argv) => {
      const outcome = await galley(...argv);
      expect(outcome.status).toBe(0);
      expect(outcome.stderr).toBe('');
      const lines = outcome.stdout.split('\n');
      expect(lines[0]).toMatch(/^Usage: galley/);
      for (const kind of KINDS) {
        const { summary, example } = KIND_INFO[kind];
        const at = lines.findIndex((line) => line.trim().startsWith(`${kind} `));
        expect(lines[at]).toContain(summary);
        const shown = (text: string): string => text.replace(/\r?\n/g, '⏎');
        expect(lines[at + 1]!.trim()).toBe(`${shown(example.before)} → ${shown(example.after)}`);
      }
    },
  );

  test('each command lists its options', async () => {
    const analyseHelp = (await galley('analyse', '--help')).stdout;
    for (const option of ['--format', '--kinds', '--min-confidence', '--max-bytes'])
      expect(analyseHelp).toContain(option);
    const cleanHelp = (await galley('clean', '--help')).stdout;
    for (const option of ['--format', '--kinds', '--min-confidence', '-o, --output', '--max-bytes', '0.8']) {
      expect(cleanHelp).toContain(option);
    }
  });
});

describe('the io seam', () => {
  test('run touches files only through io', async () => {
    const files = new Map<string, Uint8Array>([['in.txt', new TextEncoder().encode(SAMPLE)]]);
    const written = new Map<string, string>();
    let stdout = '';
    const io: CliIo = {
      stdout: (text) => void (stdout += text),
      stderr: () => undefined,
      readFile: (file) => files.get(file) ?? fail(`unexpected read of ${file}`),
      writeFile: (file, text) => void written.set(file, text),
    };
    analyseSpy.mockImplementation(fakeAnalyse);
    expect(await run(['clean', 'in.txt', '-o', 'out.txt'], io)).toBe(0);
    expect(stdout).toBe('');
    expect(written.get('out.txt')).toBe(lastRenderText());
  });

  function lastRenderText(): string {
    return (renderSpy.mock.results.at(-1)!.value as { text: string }).text;
  }

  function fail(message: string): never {
    throw new Error(message);
  }
});
