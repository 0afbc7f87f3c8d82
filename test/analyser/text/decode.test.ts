import fc from 'fast-check';
import { DEFAULT_MAX_BYTES, DecodeError, decodeText } from '../../../src/analyser/text/decode';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const bytes = (...values: number[]): Uint8Array => Uint8Array.from(values);

/** The error decodeText throws for `input`; fails the test when it throws none. */
function refusal(input: Uint8Array, maxBytes?: number): DecodeError {
  try {
    decodeText(input, maxBytes === undefined ? {} : { maxBytes });
  } catch (error) {
    if (error instanceof DecodeError) return error;
    throw error;
  }
  throw new Error('decodeText accepted the input');
}

describe('invalid UTF-8 is refused at the offset of the first bad byte', () => {
  test.each([
    ['a lone continuation byte', bytes(0x61, 0x62, 0x80, 0x63), 2],
    ['a continuation byte after a complete sequence', bytes(0xc3, 0xa9, 0xa9), 2],
    ['a two-byte sequence cut at the end', bytes(0x61, 0xc3), 1],
    ['a three-byte sequence cut at the end', bytes(0x61, 0x62, 0xe2, 0x82), 2],
    ['a four-byte sequence cut by an ASCII byte', bytes(0xf0, 0x9f, 0x98, 0x41), 0],
    ['an overlong "/" (C0 AF)', bytes(0x61, 0xc0, 0xaf), 1],
    ['an overlong three-byte "A" (E0 81 81)', bytes(0x61, 0x62, 0xe0, 0x81, 0x81), 2],
    ['an overlong four-byte U+0080 (F0 80 82 80)', bytes(0xf0, 0x80, 0x82, 0x80), 0],
    ['a surrogate encoded in UTF-8 (ED A0 80, U+D800)', bytes(0x61, 0xed, 0xa0, 0x80), 1],
    ['a low surrogate encoded in UTF-8 (ED BF BF, U+DFFF)', bytes(0xed, 0xbf, 0xbf), 0],
    ['a code point above U+10FFFF (F4 90 80 80)', bytes(0x61, 0xf4, 0x90, 0x80, 0x80), 1],
    ['byte 0xFF', bytes(0x61, 0x62, 0x63, 0xff), 3],
    ['byte 0xFE after valid multi-byte text', bytes(0xc3, 0xa9, 0xfe, 0x61), 2],
    ['byte 0xF5', bytes(0xf5, 0x80, 0x80, 0x80), 0],
  ])('%s', (_name, input, offset) => {
    const error = refusal(input);
    expect(error.problem).toBe('invalid-utf8');
    expect(error.byteOffset).toBe(offset);
    expect(error.message).toBe(`invalid UTF-8 at byte offset ${offset}`);
  });

  test('the offset counts bytes, not characters', () => {
    const input = new Uint8Array([...utf8('é€😀 x'), 0x80]);
    expect(refusal(input).byteOffset).toBe(2 + 3 + 4 + 2);
  });

  test('any valid text followed by a stray byte is refused at that byte', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme' }),
        fc.constantFrom(0x80, 0xbf, 0xc0, 0xc1, 0xf8, 0xff),
        (text, stray) => {
          fc.pre(!text.includes('\0'));
          const prefix = utf8(text);
          const input = new Uint8Array([...prefix, stray]);
          // A leading BOM would not change the offset: offsets count the file's bytes.
          expect(refusal(input).byteOffset).toBe(prefix.length);
        },
      ),
    );
  });
});

describe('a NUL byte is refused as binary, at its offset', () => {
  test.each([
    [bytes(0), 0],
    [bytes(0x61, 0x62, 0x63, 0x00, 0x64), 3],
    [utf8('héllo\0'), 6],
  ])('%p at %p', (input, offset) => {
    const error = refusal(input);
    expect(error.problem).toBe('nul-byte');
    expect(error.byteOffset).toBe(offset);
    expect(error.message).toMatch(new RegExp(`^NUL byte at byte offset ${offset}: `));
  });
});

describe('the size limit', () => {
  test('the default is 50 MiB', () => {
    expect(DEFAULT_MAX_BYTES).toBe(50 * 1024 * 1024);
  });

  test('a file of exactly the limit passes; one byte more is refused', () => {
    expect(decodeText(utf8('12345'), { maxBytes: 5 })).toBe('12345');
    const error = refusal(utf8('123456'), 5);
    expect(error.problem).toBe('too-large');
    expect(error.message).toBe('file is 6 bytes, over the limit of 5 bytes');
  });

  test('the limit counts bytes before the BOM is dropped', () => {
    expect(refusal(utf8('\ufeffab'), 4).problem).toBe('too-large');
  });
});

describe('UTF-16 is refused with advice', () => {
  const advice = /UTF-16, not UTF-8: convert it first .*iconv/;

  test.each([
    ['little-endian with a BOM', Buffer.from('\ufeffHello, world', 'utf16le')],
    ['big-endian with a BOM', Buffer.from('\ufeffHello, world', 'utf16le').swap16()],
    ['little-endian without a BOM', Buffer.from('Hello, world. A short English text.', 'utf16le')],
    ['big-endian without a BOM', Buffer.from('Hello, world. A short English text.', 'utf16le').swap16()],
    // Text outside Latin-1 has no zero high bytes but at its spaces and line ends: those zero
    // bytes, all at odd offsets (or all at even ones), say UTF-16, not a binary file.
    ['Arabic, little-endian without a BOM', Buffer.from('مرحبا بالعالم. هذا نص عربي قصير.\n', 'utf16le')],
    [
      'Arabic, big-endian without a BOM',
      Buffer.from('مرحبا بالعالم. هذا نص عربي قصير.\n', 'utf16le').swap16(),
    ],
    [
      'Chinese with spaces, little-endian without a BOM',
      Buffer.from('中文 文本 测试 中文 文本 测试 中文 文本 测试\n', 'utf16le'),
    ],
  ])('%s', (_name, input) => {
    const error = refusal(input);
    expect(error.problem).toBe('utf16');
    expect(error.message).toMatch(advice);
  });

  test('the advice names the byte order when there is no BOM to tell iconv', () => {
    const text = 'Hello, world. A short English text.';
    expect(refusal(Buffer.from(`\ufeff${text}`, 'utf16le')).message).toBe(
      'file is UTF-16, not UTF-8: convert it first (for example `iconv -f UTF-16 -t UTF-8`)',
    );
    expect(refusal(Buffer.from(text, 'utf16le')).message).toBe(
      'file is UTF-16, not UTF-8: convert it first (it is little-endian without a byte-order mark: for example `iconv -f UTF-16LE -t UTF-8`)',
    );
    expect(refusal(Buffer.from(text, 'utf16le').swap16()).message).toBe(
      'file is UTF-16, not UTF-8: convert it first (it is big-endian without a byte-order mark: for example `iconv -f UTF-16BE -t UTF-8`)',
    );
  });

  test('zero bytes at both even and odd offsets, or too few to tell, are a binary file', () => {
    const png = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52);
    expect(refusal(png).problem).toBe('nul-byte');
    expect(refusal(utf8('some text\0 with a NUL\0 or two')).problem).toBe('nul-byte');
    expect(refusal(Buffer.from('a', 'utf16le')).problem).toBe('nul-byte');
  });
});

describe('what is accepted', () => {
  test('a leading BOM is dropped, and only that one', () => {
    expect(decodeText(utf8('\ufeffText'))).toBe('Text');
    expect(decodeText(utf8('\ufeff\ufeffText'))).toBe('\ufeffText');
    expect(decodeText(utf8('Te\ufeffxt'))).toBe('Te\ufeffxt');
  });

  test('CRLF and lone CR stay as they are', () => {
    expect(decodeText(utf8('one\r\ntwo\rthree\n'))).toBe('one\r\ntwo\rthree\n');
  });

  test('empty input, and a file holding only a BOM, are empty text', () => {
    expect(decodeText(new Uint8Array())).toBe('');
    expect(decodeText(bytes(0xef, 0xbb, 0xbf))).toBe('');
  });

  test('any text without NUL round-trips through UTF-8', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        fc.pre(!text.includes('\0') && !text.startsWith('\ufeff'));
        expect(decodeText(utf8(text))).toBe(text);
      }),
    );
  });
});
