/**
 * The kinds as `--help` lists them: each with what it is and its example from KIND_INFO, the
 * artefact and its correction on one line, line breaks shown as ⏎.
 */

import { DETECTED_KINDS, KINDS, KIND_INFO } from '../analyser';

export function describeKinds(): string {
  const width = Math.max(...KINDS.map((kind) => kind.length)) + 2;
  const indent = ' '.repeat(2 + width);
  const lines = ['', 'Kinds (for --kinds), each with an example of the artefact → its correction:'];
  for (const kind of KINDS) {
    const { summary, example } = KIND_INFO[kind];
    const pending = DETECTED_KINDS.has(kind) ? '' : ' (not detected yet)';
    lines.push(`  ${kind.padEnd(width)}${summary}${pending}`);
    lines.push(`${indent}${showOnOneLine(example.before)} → ${showOnOneLine(example.after)}`);
  }
  return lines.join('\n') + '\n';
}

/** Line breaks as ⏎ (one for CRLF), so that an example fits on one line. */
export function showOnOneLine(text: string): string {
  return text.replace(/\r?\n|\r/g, '⏎');
}
