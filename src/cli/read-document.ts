import { DecodeError, decodeText } from '../analyser';
import type { CliIo } from './io';
import { UsageError } from './usage-error';

/** The text of FILE as the analyser takes it; a file that is not UTF-8 text is a usage error naming it. */
export function readDocument(io: CliIo, file: string, maxBytes: number): string {
  const bytes = io.readFile(file, maxBytes);
  try {
    return decodeText(bytes, { maxBytes });
  } catch (error) {
    if (error instanceof DecodeError) throw new UsageError(`${file}: ${error.message}`);
    throw error;
  }
}
