/**
 * The rows of bad-input.test.ts (issue 5, "no input crashes it"): files a user may hand Galley,
 * each with what every entry point must answer; JSON bodies of the wrong shape for the decision
 * calls; ids that name nothing. A row either is refused with a clear error (a status and a
 * message naming the problem) or gives a correct result: never a 500, a crash, or a document
 * half imported.
 */

import fs from 'node:fs';
import path from 'node:path';

/** A file that is refused everywhere: the API's status, and the problem every message names. */
export interface Refusal {
  status: 400 | 404 | 413;
  message: RegExp;
}

export interface FileCase {
  name: string;
  /** The file's bytes, built when the row runs (a 10 MB line is not kept between tests). */
  bytes: () => Buffer;
  /** Absent: the file is valid and is analysed. */
  refusal?: Refusal;
  /** The size limit the row runs under (`--max-bytes`, createApp's `maxBytes`); default 11 MiB. */
  maxBytes?: number;
  /** The row has no findings at all (else any findings, as long as they are well-formed). */
  noFindings?: boolean;
  /** What the page's import form answers instead, where it differs from the API. */
  formRefusal?: Refusal;
}

export const DEFAULT_TEST_LIMIT = 11 * 1024 * 1024;

const seed = fs.readFileSync(path.join(__dirname, '..', '..', 'fixtures', 'seed.txt'), 'utf8');
/** The seed's chapter without its front matter: pages, furniture, notes, hyphens. */
const chapter = seed.slice(seed.indexOf('Chapter XIV'));
const utf8 = (text: string): Buffer => Buffer.from(text, 'utf8');
const utf16le = (text: string): Buffer => Buffer.from(text, 'utf16le');
const REPEATED_SENTENCE = 'The committee met to share hardships with the people of the region. ';
const english = 'Since the 18th National Congress, China has put forward a series of new concepts.\n';

/** The advice of a UTF-16 refusal, which names the byte order when there is no BOM to say it. */
const utf16Advice = (from: string): RegExp =>
  new RegExp(`^file is UTF-16, not UTF-8: convert it first \\(.*\`iconv -f ${from} -t UTF-8\`\\)$`);

export const FILE_CASES: FileCase[] = [
  {
    name: 'invalid UTF-8 (a Latin-1 é)',
    bytes: () => Buffer.concat([utf8('caf'), Buffer.from([0xe9]), utf8(' and more text\n')]),
    refusal: { status: 400, message: /^invalid UTF-8 at byte offset 3$/ },
  },
  {
    name: 'invalid UTF-8 after a megabyte of good text',
    bytes: () => Buffer.concat([utf8('a'.repeat(1_000_000)), Buffer.from([0xc3, 0x28])]),
    refusal: { status: 400, message: /^invalid UTF-8 at byte offset 1000000$/ },
  },
  {
    name: 'UTF-16 little-endian with a BOM',
    bytes: () => utf16le(`\ufeff${english}`),
    refusal: { status: 400, message: utf16Advice('UTF-16') },
  },
  {
    name: 'UTF-16 big-endian with a BOM',
    bytes: () => utf16le(`\ufeff${english}`).swap16(),
    refusal: { status: 400, message: utf16Advice('UTF-16') },
  },
  {
    name: 'UTF-16 little-endian without a BOM',
    bytes: () => utf16le(english),
    refusal: { status: 400, message: utf16Advice('UTF-16LE') },
  },
  {
    name: 'UTF-16 big-endian without a BOM',
    bytes: () => utf16le(english).swap16(),
    refusal: { status: 400, message: utf16Advice('UTF-16BE') },
  },
  {
    // Not one ASCII letter: only the spaces and line ends have a zero byte.
    name: 'UTF-16 without a BOM, Arabic text',
    bytes: () => utf16le('مرحبا بالعالم. هذا نص عربي قصير، وهذا سطر آخر.\n'),
    refusal: { status: 400, message: utf16Advice('UTF-16LE') },
  },
  {
    name: 'NUL bytes',
    bytes: () => utf8('Page one\0\0\0 of a binary file\n'),
    refusal: { status: 400, message: /^NUL byte at byte offset 8: this looks like a binary file$/ },
  },
  {
    name: 'a 0-byte file',
    bytes: () => Buffer.alloc(0),
    noFindings: true,
    // The form cannot tell an empty file from no file chosen.
    formRefusal: { status: 400, message: /^choose a file or paste a text$/ },
  },
  {
    name: 'a BOM and nothing else',
    bytes: () => Buffer.from([0xef, 0xbb, 0xbf]),
    noFindings: true,
  },
  {
    name: 'only whitespace',
    bytes: () => utf8(' \t\n\n   \r\n\t\f\n \u00a0 \n\n'),
    noFindings: true,
  },
  {
    // The same sentence about 147,000 times: one line, and text repeated over and over.
    name: 'a single 10 MB line, one sentence over and over',
    bytes: () =>
      utf8(REPEATED_SENTENCE.repeat(Math.ceil(10_000_000 / REPEATED_SENTENCE.length)).slice(0, 10_000_000)),
    noFindings: true,
  },
  {
    name: 'a single line of 300 kB of prose',
    bytes: () => {
      const prose = chapter.replace(/\s+/g, ' ');
      return utf8(prose.repeat(Math.ceil(300_000 / prose.length)).slice(0, 300_000));
    },
  },
  {
    name: '100,000 blank lines',
    bytes: () => utf8('\n'.repeat(100_000)),
    noFindings: true,
  },
  {
    // Lines end at \n only (CONTRACT.md): the chapter is one long line.
    name: 'CR-only line ends',
    bytes: () => utf8(chapter.replace(/\n/g, '\r')),
  },
  {
    name: 'CRLF and LF mixed',
    bytes: () => utf8(chapter.replace(/\n/g, (_break, offset: number) => (offset % 3 === 0 ? '\r\n' : '\n'))),
  },
  {
    name: 'control characters (bell, escape sequences, backspace, vertical tab, DEL, C1)',
    bytes: () =>
      utf8(
        'The bell\x07 rang.\x1b[31m Red \x1b[0mtext\x08 and a tab\v and\x7f more.\n' +
          'A C1 control\u0085 and\u009b a CSI, then the the end.\n',
      ),
  },
  {
    name: 'right-to-left text (Arabic and Hebrew, with marks and English inside)',
    bytes: () =>
      utf8(
        'مرحبا بالعالم. هذا نص عربي، وفيه "اقتباس" و China و 2023.\n' +
          '\u202bשלום עולם\u202c, זה טקסט בעברית עם סימני כיוון \u200f.\n' +
          'In English: the the committee met in 2017 , and left.\n',
      ),
  },
  {
    name: 'combining characters and emoji',
    bytes: () =>
      utf8(
        'Cafe\u0301 and nai\u0308ve re\u0301sume\u0301 👍🏽 share hardships and hardships 👨‍👩‍👧\n' +
          'the the 🇨🇳 flag, Z\u0351\u0300a\u0352lgo \u2014 “quoted” text "here. 1\n' +
          '— e\u0301-\n\u0301mphasis, emoji at a line end 🎉\n',
      ),
  },
  {
    // A finding at every line end (each is a paragraph's end): the store and the pages take them.
    name: 'the same sentence 3,000 times, one a line',
    bytes: () => utf8(`${REPEATED_SENTENCE.trim()}\n`.repeat(3_000)),
  },
  {
    name: '"the the the …" 50,000 times',
    bytes: () => utf8(`It was ${'the '.repeat(50_000)}end.\n`),
  },
  {
    name: 'YAML front matter opened and never closed',
    bytes: () => utf8(`---\ntitle: Chapter 14\nweight: 3\n${chapter}`),
  },
  {
    name: 'YAML front matter with lines that are not YAML',
    bytes: () =>
      utf8(`---\ntitle: "unterminated\n\t- [broken: yaml\n: no key\n---\n${chapter.slice(0, 5000)}`),
  },
  {
    name: 'a "---" rule and nothing else',
    bytes: () => utf8('---\n'),
  },
  {
    name: 'front matter of 300 lines, never closed',
    bytes: () => utf8(`---\n${'key: value\n'.repeat(300)}${chapter.slice(0, 3000)}`),
  },
  {
    name: 'a file over the size limit',
    bytes: () => utf8('a'.repeat(2000)),
    maxBytes: 1000,
    refusal: { status: 413, message: /over the limit of 1000 bytes/ },
  },
  {
    name: 'a file far over the size limit',
    bytes: () => utf8('a'.repeat(200_000)),
    maxBytes: 1000,
    // A multipart body stops at the limit and room for its framing, yet names the limit set.
    refusal: { status: 413, message: /over the limit of 1000 bytes/ },
  },
];

/** A body for `POST /api/findings/:id/decision` that must be refused with a 400 naming the problem. */
export interface BodyCase {
  name: string;
  /** Sent as written, with Content-Type application/json unless `contentType` says otherwise. */
  body: string;
  contentType?: string;
  message: RegExp;
}

const notAnObject = /must be a JSON object/;

export const DECISION_BODIES: BodyCase[] = [
  { name: 'an array', body: '[{"decision": "accept"}]', message: notAnObject },
  { name: 'a string', body: '"accept"', message: notAnObject },
  { name: 'null', body: 'null', message: notAnObject },
  { name: 'a number', body: '42', message: notAnObject },
  { name: 'an empty object', body: '{}', message: /^decision: must be accept, reject, edit or reset$/ },
  { name: 'an unknown decision', body: '{"decision": "approve"}', message: /^decision: must be/ },
  { name: 'a decision that is a number', body: '{"decision": 1}', message: /^decision: must be/ },
  { name: 'a decision that is an array', body: '{"decision": ["accept"]}', message: /^decision: must be/ },
  { name: 'an edit without its text', body: '{"decision": "edit"}', message: /^text: an edit needs/ },
  {
    name: 'an edit whose text is a number',
    body: '{"decision": "edit", "text": 5}',
    message: /^text: must be a string$/,
  },
  {
    name: 'an accept with a text',
    body: '{"decision": "accept", "text": "x"}',
    message: /^text: only an edit/,
  },
  {
    name: 'an extra field',
    body: '{"decision": "accept", "status": "accepted"}',
    message: /^unknown field 'status'$/,
  },
  {
    name: 'an editor that is not one line',
    body: '{"decision": "accept", "editor": "a\\nb"}',
    message: /^editor: /,
  },
  {
    name: '__proto__ as a field',
    body: '{"decision": "accept", "__proto__": {"x": 1}}',
    message: /unknown field|^$/,
  },
  {
    name: 'an edit with a NUL in its text',
    body: '{"decision": "edit", "text": "a\\u0000b"}',
    message: /^text: must not contain a NUL character$/,
  },
  { name: 'invalid JSON', body: '{"decision": "accept"', message: /^the body is not valid JSON$/ },
  {
    name: 'JSON with a trailing comma',
    body: '{"decision": "accept",}',
    message: /^the body is not valid JSON$/,
  },
  // body-parser reads an empty JSON body as {}.
  { name: 'an empty body', body: '', message: /^decision: must be accept, reject, edit or reset$/ },
  {
    name: 'a form body',
    body: 'decision=accept',
    contentType: 'application/x-www-form-urlencoded',
    message: notAnObject,
  },
  { name: 'no Content-Type', body: '{"decision": "accept"}', contentType: '', message: notAnObject },
];

/** The same for `POST /api/documents/:id/decisions` (a batch). */
export const BATCH_BODIES: BodyCase[] = [
  { name: 'an array', body: '[]', message: notAnObject },
  { name: 'a string', body: '"accept"', message: notAnObject },
  { name: 'null', body: 'null', message: notAnObject },
  { name: 'an empty object', body: '{}', message: /^decision: must be accept or reject/ },
  {
    name: 'an edit, which a batch cannot do',
    body: '{"decision": "edit"}',
    message: /^decision: must be accept or reject/,
  },
  {
    name: 'an unknown kind',
    body: '{"decision": "accept", "kind": "typo"}',
    message: /^kind: must be one of running-header/,
  },
  {
    name: 'a kind that is a list',
    body: '{"decision": "accept", "kind": ["spacing"]}',
    message: /^kind: must be one of/,
  },
  {
    name: 'a confidence above 1',
    body: '{"decision": "accept", "minConfidence": 2}',
    message: /^minConfidence: must be a number from 0 to 1$/,
  },
  {
    name: 'a confidence in a string',
    body: '{"decision": "accept", "minConfidence": "0.5"}',
    message: /^minConfidence: must be a number from 0 to 1$/,
  },
  {
    name: 'a confidence of null',
    body: '{"decision": "accept", "minConfidence": null}',
    message: /^minConfidence: must be a number from 0 to 1$/,
  },
  { name: 'an extra field', body: '{"decision": "accept", "ids": [1, 2]}', message: /^unknown field 'ids'$/ },
  { name: 'invalid JSON', body: '{decision: accept}', message: /^the body is not valid JSON$/ },
];

/** A path that names nothing: answered with a 404 or a 400 and a message, never a 500. */
export interface UnknownIdCase {
  method: 'get' | 'post' | 'delete';
  /** `{finding}` is replaced by the public id of a real finding of document 1. */
  path: string;
  status: 400 | 404;
  message: RegExp;
  /** A page (HTML) rather than the API (JSON). */
  page?: boolean;
  /** Sent as JSON (the API) or as a form with the page's token (a page). */
  body?: Record<string, string>;
}

const huge = '9'.repeat(400);
const uuid = '123e4567-e89b-42d3-a456-426614174000';

export const UNKNOWN_IDS: UnknownIdCase[] = [
  { method: 'get', path: '/api/documents/999', status: 404, message: /^no document 999$/ },
  {
    method: 'get',
    path: '/api/documents/999999999999999',
    status: 404,
    message: /^no document 999999999999999$/,
  },
  { method: 'get', path: `/api/documents/${huge}`, status: 400, message: /is not a document id/ },
  { method: 'get', path: '/api/documents/9007199254740993', status: 400, message: /is not a document id/ },
  { method: 'get', path: '/api/documents/0', status: 400, message: /is not a document id/ },
  { method: 'get', path: '/api/documents/-1', status: 400, message: /is not a document id/ },
  { method: 'get', path: '/api/documents/1.5', status: 400, message: /is not a document id/ },
  { method: 'get', path: '/api/documents/1e3', status: 400, message: /is not a document id/ },
  { method: 'get', path: '/api/documents/abc', status: 400, message: /is not a document id/ },
  { method: 'get', path: '/api/documents/%00', status: 400, message: /is not a document id/ },
  { method: 'get', path: '/api/documents/999/findings', status: 404, message: /^no document 999$/ },
  { method: 'get', path: '/api/documents/999/edition', status: 404, message: /^no document 999$/ },
  { method: 'get', path: '/api/documents/999/history', status: 404, message: /^no document 999$/ },
  { method: 'delete', path: '/api/documents/999', status: 404, message: /^no document 999$/ },
  { method: 'delete', path: `/api/documents/${huge}`, status: 400, message: /is not a document id/ },
  {
    method: 'post',
    path: '/api/documents/999/decisions',
    body: { decision: 'accept' },
    status: 404,
    message: /^no document 999$/,
  },
  {
    method: 'post',
    path: '/api/findings/d999-line-wrap-abc12/decision',
    body: { decision: 'accept' },
    status: 404,
    message: /^no finding d999-line-wrap-abc12$/,
  },
  {
    method: 'post',
    path: '/api/findings/d1-line-wrap-zzzzzzz/decision',
    body: { decision: 'accept' },
    status: 404,
    message: /^no finding d1-line-wrap-zzzzzzz$/,
  },
  {
    method: 'post',
    path: `/api/findings/d${huge}-line-wrap-abc12/decision`,
    body: { decision: 'accept' },
    status: 400,
    message: /is not a finding id/,
  },
  {
    method: 'post',
    path: '/api/findings/42/decision',
    body: { decision: 'accept' },
    status: 400,
    message: /^'42' is not a finding id/,
  },
  {
    method: 'post',
    path: `/api/findings/${'x'.repeat(5000)}/decision`,
    body: { decision: 'accept' },
    status: 400,
    message: /is not a finding id/,
  },
  {
    method: 'post',
    path: `/api/documents/1/batches/${uuid}/undo`,
    status: 404,
    message: new RegExp(`^no batch ${uuid} in document 1$`),
  },
  {
    method: 'post',
    path: '/api/documents/1/batches/not-a-batch/undo',
    status: 400,
    message: /is not a batch id/,
  },
  {
    method: 'post',
    path: `/api/documents/1/batches/${huge}/undo`,
    status: 400,
    message: /is not a batch id/,
  },
  {
    method: 'post',
    path: `/api/documents/999/batches/${uuid}/undo`,
    status: 404,
    message: /^no document 999$/,
  },
  { method: 'get', path: '/documents/999', page: true, status: 404, message: /no document 999/ },
  { method: 'get', path: `/documents/${huge}`, page: true, status: 400, message: /is not a document id/ },
  { method: 'get', path: '/documents/999/edition', page: true, status: 404, message: /no document 999/ },
  { method: 'get', path: '/documents/999/history', page: true, status: 404, message: /no document 999/ },
  {
    method: 'get',
    path: '/documents/999/batch?kind=spacing',
    page: true,
    status: 404,
    message: /no document 999/,
  },
  { method: 'get', path: '/documents/999/delete', page: true, status: 404, message: /no document 999/ },
  {
    method: 'post',
    path: '/documents/999/findings/d999-line-wrap-abc12/decision',
    page: true,
    body: { decision: 'accept' },
    status: 404,
    message: /no document 999/,
  },
  {
    method: 'post',
    path: '/documents/1/findings/d1-line-wrap-zzzzzzz/decision',
    page: true,
    body: { decision: 'accept' },
    status: 404,
    message: /no finding d1-line-wrap-zzzzzzz/,
  },
  {
    // A real finding of document 1, asked for under another document.
    method: 'post',
    path: '/documents/2/findings/{finding}/decision',
    page: true,
    body: { decision: 'accept' },
    status: 404,
    message: /no (document 2|finding d1-)/,
  },
  {
    method: 'post',
    path: '/documents/999/delete',
    page: true,
    body: {},
    status: 404,
    message: /no document 999/,
  },
  {
    method: 'post',
    path: `/documents/1/batches/${uuid}/undo`,
    page: true,
    body: {},
    status: 404,
    message: new RegExp(`no batch ${uuid}`),
  },
];
