/**
 * The analysis with a memory cap. Text that is almost all line breaks or findings costs the
 * analyser a few hundred bytes a line or a finding, so a file well within the size limit (50 MiB
 * of blank lines) could take more memory than the process has, and an out-of-memory error ends
 * a process at once: the server with every editor on it. So a text of any size is analysed in a
 * worker thread whose heap is capped (`maxMemoryMb`); a worker that runs out is stopped and the
 * text refused with AnalysisTooLarge, and the process goes on. Small texts, which cannot
 * exhaust memory, are analysed in the process (a worker costs some 50 ms to start).
 */

import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { analyse, type AnalyseOptions, type Analysis } from '../analyser';

/** The heap a worker may use: several times what a 1,000-page book needs. */
export const DEFAULT_ANALYSIS_MEMORY_MB = 2048;

/** Texts up to this many UTF-16 code units are analysed in the process (at most ~200 MB even for blank lines). */
export const IN_PROCESS_LENGTH = 256 * 1024;

export type AnalysisShape = Pick<Analysis, 'length' | 'headings' | 'findings'>;

/** The analysis would need more memory than the cap. */
export class AnalysisTooLarge extends Error {
  constructor(
    readonly maxMemoryMb: number,
    readonly lines: number,
  ) {
    super(
      `the document needs more than ${maxMemoryMb} MB of memory to analyse (${lines.toLocaleString('en')} lines): split it, or raise the limit (GALLEY_ANALYSIS_MEMORY_MB)`,
    );
    this.name = 'AnalysisTooLarge';
  }
}

/** The compiled worker beside this module; absent when running from the TypeScript sources (tests). */
const WORKER_FILE = path.join(__dirname, 'analysis-worker.js');
const HAS_WORKER = fs.existsSync(WORKER_FILE);

export interface BoundedOptions {
  /** The analyser's own options (kinds, minConfidence, quoteStyle). */
  analyse?: AnalyseOptions;
  maxMemoryMb?: number;
  /** Texts at most this long are analysed in the process (default IN_PROCESS_LENGTH). */
  inProcessLength?: number;
}

export async function analyseBounded(text: string, options: BoundedOptions = {}): Promise<AnalysisShape> {
  const { maxMemoryMb = DEFAULT_ANALYSIS_MEMORY_MB, inProcessLength = IN_PROCESS_LENGTH } = options;
  if (text.length <= inProcessLength || !HAS_WORKER) return analyse(text, options.analyse);
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_FILE, {
      workerData: { text, options: options.analyse },
      resourceLimits: { maxOldGenerationSizeMb: maxMemoryMb },
    });
    let answered = false;
    worker.once('message', (analysis: AnalysisShape) => {
      answered = true;
      resolve(analysis);
    });
    worker.once('error', (error: Error & { code?: string }) => {
      answered = true;
      reject(
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? new AnalysisTooLarge(maxMemoryMb, countLines(text))
          : error,
      );
    });
    worker.once('exit', (code) => {
      if (!answered) reject(new Error(`the analysis stopped (exit code ${code}) without an answer`));
    });
  });
}

function countLines(text: string): number {
  let lines = 1;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) lines++;
  return lines;
}
