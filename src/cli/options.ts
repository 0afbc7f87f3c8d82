/**
 * The options the commands share, parsed strictly: a value that is not exactly right is a
 * usage error that names the option and the value, never silently read as something else.
 */

import { Option } from 'commander';
import { DEFAULT_MAX_BYTES, KINDS, isKind, type Kind } from '../analyser';
import { UsageError } from './usage-error';

export function formatOption<Format extends string>(formats: readonly Format[], fallback: Format): Option {
  return new Option('--format <format>', `output format: ${formats.join(' or ')}`)
    .default(fallback)
    .argParser((value: string): Format => {
      const format = formats.find((candidate) => candidate === value);
      if (format === undefined) {
        throw new UsageError(`--format must be ${formats.join(' or ')}, not '${value}'`);
      }
      return format;
    });
}

/** `--kinds spacing,quote`; given twice, the lists add up. */
export function kindsOption(): Option {
  return new Option('--kinds <list>', 'only these kinds, separated by commas (listed below)').argParser(
    (value: string, previous: Kind[] | undefined): Kind[] => {
      const names = value
        .split(',')
        .map((name) => name.trim())
        .filter((name) => name !== '');
      if (names.length === 0) throw new UsageError('--kinds needs at least one kind');
      const kinds = new Set(previous);
      for (const name of names) {
        if (!isKind(name))
          throw new UsageError(`unknown kind '${name}' in --kinds; the kinds are ${KINDS.join(', ')}`);
        kinds.add(name);
      }
      return [...kinds];
    },
  );
}

export function minConfidenceOption(description: string, fallback?: number): Option {
  const option = new Option('--min-confidence <number>', description).argParser(parseConfidence);
  return fallback === undefined ? option : option.default(fallback);
}

/** `--quote-style curly|straight`: normalise every quotation mark to one style. */
export function quoteStyleOption(): Option {
  return new Option('--quote-style <style>', 'normalise every quotation mark: curly or straight').argParser(
    (value: string): 'curly' | 'straight' => {
      if (value !== 'curly' && value !== 'straight') {
        throw new UsageError(`--quote-style must be curly or straight, not '${value}'`);
      }
      return value;
    },
  );
}

export function maxBytesOption(): Option {
  return new Option('--max-bytes <bytes>', 'refuse a file larger than this many bytes')
    .default(DEFAULT_MAX_BYTES)
    .argParser(parseByteCount);
}

/** A plain decimal from 0 to 1: "0.8", ".8", "1". Not "0x1", "8e-1", "" or "0.8abc". */
export function parseConfidence(value: string): number {
  const confidence = /^(\d+(\.\d*)?|\.\d+)$/.test(value) ? Number(value) : NaN;
  if (!(confidence >= 0 && confidence <= 1)) {
    throw new UsageError(`--min-confidence must be a number from 0 to 1, not '${value}'`);
  }
  return confidence;
}

/** A whole number of bytes, at least 1. */
export function parseByteCount(value: string): number {
  const bytes = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!(Number.isSafeInteger(bytes) && bytes >= 1)) {
    throw new UsageError(`--max-bytes must be a whole number of bytes, at least 1, not '${value}'`);
  }
  return bytes;
}

/** A TCP port: a whole number from 0 (any free port) to 65535. */
export function parsePort(value: string): number {
  const port = /^\d{1,5}$/.test(value) ? Number(value) : NaN;
  if (!(port >= 0 && port <= 65535)) {
    throw new UsageError(`--port must be a whole number from 0 to 65535, not '${value}'`);
  }
  return port;
}

/**
 * GALLEY_ANALYSIS_MEMORY_MB: the heap an analysis may use (bounded-analyse.ts), a whole number
 * of MB from 64; the default when unset or empty.
 */
export function analysisMemoryMb(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const value = env.GALLEY_ANALYSIS_MEMORY_MB;
  if (value === undefined || value === '') return undefined;
  if (!/^\d{2,7}$/.test(value) || Number(value) < 64)
    throw new UsageError(`GALLEY_ANALYSIS_MEMORY_MB must be a whole number of MB from 64, not '${value}'`);
  return Number(value);
}
