import { boundaryOf, parseMultipart } from '../../src/web/multipart';
import { HttpError } from '../../src/web/http-error';

const B = 'XyZ123';

function body(...lines: Array<string | Buffer>): Buffer {
  return Buffer.concat(lines.map((line) => (typeof line === 'string' ? Buffer.from(line) : line)));
}

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(HttpError);
    expect((error as HttpError).status).toBe(400);
    return (error as HttpError).message;
  }
  throw new Error('not refused');
}

describe('boundaryOf', () => {
  it.each([
    ['multipart/form-data; boundary=XyZ123', 'XyZ123'],
    ['multipart/form-data; boundary="a b;c"', 'a b;c'],
    ['multipart/form-data; charset=utf-8; BOUNDARY=----WebKitFormBoundary7MA', '----WebKitFormBoundary7MA'],
  ])('%s', (contentType, boundary) => {
    expect(boundaryOf(contentType)).toBe(boundary);
  });

  it('refuses a Content-Type without a boundary', () => {
    expect(refusal(() => boundaryOf('multipart/form-data'))).toBe(
      'malformed multipart upload: the Content-Type has no boundary',
    );
  });
});

describe('parseMultipart', () => {
  it('returns each named part with its bytes untouched, skipping the preamble', () => {
    const bytes = Buffer.from([0xef, 0xbb, 0xbf, 0x61, 0x0d, 0x0a, 0x0d, 0x0a, 0xff]);
    const parts = parseMultipart(
      body(
        'preamble\r\n',
        `--${B}\r\n`,
        'Content-Disposition: form-data; name="title"\r\n\r\n',
        'My book\r\n',
        `--${B}\r\n`,
        'content-disposition: form-data; name="file"; filename="C:\\Users\\ann\\my %22book%22.txt"\r\n',
        'Content-Type: text/plain\r\n\r\n',
        bytes,
        `\r\n--${B}--\r\n`,
      ),
      B,
    );
    expect(parts).toEqual([
      { name: 'title', data: Buffer.from('My book') },
      { name: 'file', filename: 'my "book".txt', data: bytes },
    ]);
  });

  it('decodes filename* and keeps an empty file', () => {
    const parts = parseMultipart(
      body(
        `--${B}\r\n`,
        'Content-Disposition: form-data; name=file; filename="x"; filename*=UTF-8\'\'%C3%A9t%C3%A9.txt\r\n\r\n',
        `\r\n--${B}--`,
      ),
      B,
    );
    expect(parts).toEqual([{ name: 'file', filename: 'été.txt', data: Buffer.alloc(0) }]);
  });

  it('ignores parts without a name', () => {
    expect(parseMultipart(body(`--${B}\r\n\r\nno headers\r\n--${B}--`), B)).toEqual([]);
  });

  it.each([
    ['no delimiter at all', 'just text', 'the body has no part'],
    [
      'a part cut short',
      `--${B}\r\nContent-Disposition: form-data; name="file"\r\n\r\nabc`,
      'the body ends inside a part',
    ],
    [
      'headers never ended',
      `--${B}\r\nContent-Disposition: form-data; name="file"`,
      'a part has no end to its headers',
    ],
    ['garbage after a delimiter', `--${B}garbage\r\n`, 'a delimiter is not followed by a line end'],
  ])('refuses %s', (_case, text, reason) => {
    expect(refusal(() => parseMultipart(Buffer.from(text), B))).toBe(`malformed multipart upload: ${reason}`);
  });
});
