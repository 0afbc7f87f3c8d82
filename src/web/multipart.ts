/**
 * Just enough of multipart/form-data (RFC 7578) to take an uploaded file from a browser form
 * or `curl -F file=@book.txt`: the body is already in memory (its size limited by the body
 * parser), each part's bytes are returned untouched, and anything malformed is a 400.
 *
 *   --BOUNDARY\r\n
 *   Content-Disposition: form-data; name="file"; filename="book.txt"\r\n
 *   Content-Type: text/plain\r\n
 *   \r\n
 *   ...bytes...\r\n
 *   --BOUNDARY--
 */

import { HttpError } from './http-error';

export interface FormPart {
  /** The field's name. */
  name: string;
  /** The file name the client gave, without any folder; absent for a plain field. */
  filename?: string;
  /** The part's bytes, exactly as sent. */
  data: Buffer;
}

const MAX_PARTS = 20;
const CRLF = Buffer.from('\r\n');
const HEADERS_END = Buffer.from('\r\n\r\n');

/** The boundary of a `multipart/form-data; boundary=...` Content-Type. */
export function boundaryOf(contentType: string): string {
  const match = /;\s*boundary\s*=\s*(?:"([^"]{1,70})"|([^\s;"]{1,70}))/i.exec(contentType);
  const boundary = match?.[1] ?? match?.[2];
  if (boundary === undefined) throw malformed('the Content-Type has no boundary');
  return boundary;
}

export function parseMultipart(body: Buffer, boundary: string): FormPart[] {
  const delimiter = Buffer.from(`--${boundary}`);
  const nextDelimiter = Buffer.from(`\r\n--${boundary}`);
  const parts: FormPart[] = [];
  // Anything before the first delimiter is a preamble, ignored.
  const first = body.indexOf(delimiter);
  if (first === -1) throw malformed('the body has no part');
  let position = first + delimiter.length;
  for (;;) {
    if (body[position] === 0x2d && body[position + 1] === 0x2d) return parts; // "--": the close
    position = skipLineEnd(body, position);
    if (parts.length === MAX_PARTS) throw malformed(`more than ${MAX_PARTS} parts`);
    // A part without headers starts with the blank line at once.
    const headersEnd = body.subarray(position, position + 2).equals(CRLF)
      ? position - 2
      : body.indexOf(HEADERS_END, position);
    if (headersEnd === -1) throw malformed('a part has no end to its headers');
    const dataStart = headersEnd + HEADERS_END.length;
    const dataEnd = body.indexOf(nextDelimiter, dataStart);
    if (dataEnd === -1) throw malformed('the body ends inside a part');
    const disposition = headerValue(
      body.toString('utf8', position, Math.max(position, headersEnd)),
      'content-disposition',
    );
    if (disposition !== undefined) {
      const parameters = dispositionParameters(disposition);
      const name = parameters.get('name');
      if (name !== undefined) {
        const filename = parameters.get('filename*') ?? parameters.get('filename');
        parts.push({
          name,
          ...(filename !== undefined && { filename: withoutFolder(filename) }),
          data: body.subarray(dataStart, dataEnd),
        });
      }
    }
    position = dataEnd + nextDelimiter.length;
  }
}

/** After a delimiter: optional spaces or tabs, then CRLF. */
function skipLineEnd(body: Buffer, position: number): number {
  let at = position;
  while (body[at] === 0x20 || body[at] === 0x09) at++;
  if (body[at] !== 0x0d || body[at + 1] !== 0x0a)
    throw malformed('a delimiter is not followed by a line end');
  return at + 2;
}

function headerValue(headers: string, wanted: string): string | undefined {
  for (const line of headers.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0 && line.slice(0, colon).trim().toLowerCase() === wanted)
      return line.slice(colon + 1).trim();
  }
  return undefined;
}

/**
 * `form-data; name="file"; filename="my book.txt"` → name, filename. Browsers send names as
 * raw UTF-8, with `"`, CR and LF written as %22, %0D and %0A and a backslash left as it is
 * (the HTML standard), so `C:\Users\ann\book.txt` keeps its folders for withoutFolder to drop;
 * `filename*=UTF-8''...` (RFC 5987) is decoded too.
 */
function dispositionParameters(disposition: string): Map<string, string> {
  const parameters = new Map<string, string>();
  const pattern = /;\s*([^\s=;]+)\s*=\s*("[^"]*"|[^;]*)/g;
  for (const match of disposition.matchAll(pattern)) {
    const key = match[1]!.toLowerCase();
    let value = match[2]!.trim();
    if (value.startsWith('"')) {
      value = value
        .slice(1, -1)
        .replace(/%(22|0D|0A)/gi, (_escape, code: string) => String.fromCharCode(parseInt(code, 16)));
    }
    if (key === 'filename*') {
      const encoded = /^utf-8'[^']*'(.*)$/i.exec(value);
      if (!encoded) continue;
      try {
        value = decodeURIComponent(encoded[1]!);
      } catch {
        continue;
      }
    }
    parameters.set(key, value);
  }
  return parameters;
}

/** Old browsers send the whole path: `C:\Users\ann\book.txt` → `book.txt`. */
function withoutFolder(filename: string): string {
  return filename.slice(Math.max(filename.lastIndexOf('/'), filename.lastIndexOf('\\')) + 1);
}

function malformed(reason: string): HttpError {
  return new HttpError(400, `malformed multipart upload: ${reason}`);
}
