import { analyseBounded } from '../../analysis/bounded-analyse';
import { KINDS, type Kind } from '../../analyser';
import { analysisMemoryMb } from '../options';
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
export async function analyseCommand(file: string, options: AnalyseCommandOptions, io: CliIo): Promise<void> {
  const text = readDocument(io, file, options.maxBytes);
  const started = performance.now();
  const analysis = await analyseBounded(text, {
    analyse: { kinds: options.kinds, minConfidence: options.minConfidence, quoteStyle: options.quoteStyle },
    maxMemoryMb: analysisMemoryMb(),
  });
  const elapsedMs = performance.now() - started;
  io.stdout(
    options.format === 'json'
      ? formatJson(file, analysis, options.kinds ?? KINDS, elapsedMs)
      : formatText(file, analysis),
  );
}
