/**
 * Turns the bytes of a file into the text Galley analyses (CONTRACT.md, "Text and positions"):
 * UTF-8 only, no NUL bytes, within a size limit; a leading BOM is dropped and nothing else is
 * changed (CRLF stays CRLF).
 */

export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

export type DecodeProblem = 'too-large' | 'invalid-utf8' | 'nul-byte' | 'utf16';

/** A refusal a user can cause; `message` is one line naming the problem and where it is. */
export class DecodeError extends Error {
  constructor(
    readonly problem: DecodeProblem,
    message: string,
    readonly byteOffset?: number,
  ) {
    super(message);
    this.name = 'DecodeError';
  }
}

export interface DecodeOptions {
  maxBytes?: number;
}

const fatalDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function decodeText(bytes: Uint8Array, options: DecodeOptions = {}): string {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.length > maxBytes) {
    throw new DecodeError('too-large', `file is ${bytes.length} bytes, over the limit of ${maxBytes} bytes`);
  }
  const utf16 = utf16Form(bytes);
  if (utf16 === 'with-bom') {
    throw new DecodeError(
      'utf16',
      'file is UTF-16, not UTF-8: convert it first (for example `iconv -f UTF-16 -t UTF-8`)',
      0,
    );
  }
  if (utf16 !== undefined) {
    // Without a BOM iconv cannot tell the byte order, and implementations assume different ones.
    const [order, name] = utf16 === 'LE' ? ['little', 'UTF-16LE'] : ['big', 'UTF-16BE'];
    throw new DecodeError(
      'utf16',
      `file is UTF-16, not UTF-8: convert it first (it is ${order}-endian without a byte-order mark: for example \`iconv -f ${name} -t UTF-8\`)`,
      0,
    );
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    throw new DecodeError('nul-byte', `NUL byte at byte offset ${nul}: this looks like a binary file`, nul);
  }
  let text: string;
  try {
    text = fatalDecoder.decode(bytes);
  } catch {
    const offset = firstInvalidUtf8Offset(bytes);
    throw new DecodeError('invalid-utf8', `invalid UTF-8 at byte offset ${offset}`, offset);
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Fewer zero bytes than this, all at even or all at odd offsets, may be chance: binary. */
const MIN_ALIGNED_ZEROS = 8;

/**
 * UTF-16 by its byte-order mark; or, without one, by its zero bytes, which fall at odd offsets
 * only (little-endian) or at even offsets only (big-endian): the high bytes of ASCII text, or
 * of the spaces and line ends of Arabic or Chinese text ("مرحبا بالعالم" is 0x0645 ... 0x0020).
 * A binary file has zero bytes at both. Undefined when the bytes do not look like UTF-16.
 */
function utf16Form(bytes: Uint8Array): 'with-bom' | 'LE' | 'BE' | undefined {
  if (bytes.length >= 2) {
    if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
      return 'with-bom';
  }
  if (bytes.length < 4) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  const sample = Math.min(bytes.length, 512);
  for (let i = 0; i < sample; i++) {
    if (bytes[i] === 0) {
      if (i % 2 === 0) evenZeros++;
      else oddZeros++;
    }
  }
  // Mostly ASCII text has a zero in nearly every other byte; other scripts at least a few.
  const enough = (zeros: number): boolean => zeros > (sample / 2) * 0.4 || zeros >= MIN_ALIGNED_ZEROS;
  if (evenZeros === 0 && enough(oddZeros)) return 'LE';
  if (oddZeros === 0 && enough(evenZeros)) return 'BE';
  return undefined;
}

/** The byte offset of the first byte that does not belong to a well-formed UTF-8 sequence. */
export function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else {
      return i;
    }
    let code = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      code = (code << 6) | (c & 0x3f);
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}
