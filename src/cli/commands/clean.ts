import { analyseBounded } from '../../analysis/bounded-analyse';
import { acceptConfident, renderEdition, type EditionFormat, type Kind } from '../../analyser';
import { analysisMemoryMb } from '../options';
import type { CliIo } from '../io';
import { readDocument } from '../read-document';

export interface CleanCommandOptions {
  format: EditionFormat;
  kinds?: Kind[];
  minConfidence: number;
  quoteStyle?: 'curly' | 'straight';
  maxBytes: number;
  output?: string;
}

/**
 * `galley clean FILE`: the edition with every finding at or above the confidence that has a
 * replacement accepted (a marker only with its footnote: see acceptConfident). The analysis keeps the findings below it, so that the edition sees
 * every footnote a marker may refer to; they are simply not accepted.
 */
export async function cleanCommand(file: string, options: CleanCommandOptions, io: CliIo): Promise<void> {
  const text = readDocument(io, file, options.maxBytes);
  const analysis = await analyseBounded(text, {
    analyse: { kinds: options.kinds, quoteStyle: options.quoteStyle },
    maxMemoryMb: analysisMemoryMb(),
  });
  const decisions = acceptConfident(analysis.findings, options.minConfidence);
  const edition = renderEdition(text, analysis.findings, decisions, {
    format: options.format,
    headings: analysis.headings,
  });
  if (options.output === undefined) io.stdout(edition.text);
  else io.writeFile(options.output, edition.text);
}
