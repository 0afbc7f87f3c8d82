import { KINDS, analyse, type Kind } from '../../analyser';
import { formatJson } from '../formatters/json';
import { formatText } from '../formatters/text';
import type { CliIo } from '../io';
import { readDocument } from '../read-document';

export interface AnalyseCommandOptions {
  format: 'json' | 'text';
  kinds?: Kind[];
  minConfidence?: number;
  quoteStyle?: 'curly' | 'straight';
  maxBytes: number;
}

/** `galley analyse FILE`: prints the findings. */
export function analyseCommand(file: string, options: AnalyseCommandOptions, io: CliIo): void {
  const text = readDocument(io, file, options.maxBytes);
  const started = performance.now();
  const analysis = analyse(text, {
    kinds: options.kinds,
    minConfidence: options.minConfidence,
    quoteStyle: options.quoteStyle,
  });
  const elapsedMs = performance.now() - started;
  io.stdout(
    options.format === 'json'
      ? formatJson(file, analysis, options.kinds ?? KINDS, elapsedMs)
      : formatText(file, analysis),
  );
}
