import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { repositoryRoot } from './bench-input';

type AnalyseModule = typeof import('../../src/analyser/analyse');
type DecodeModule = typeof import('../../src/analyser/text/decode');

/** The two entry points the benchmark times, as `npm run build` compiled them. */
export interface BuiltAnalyser {
  analyse: AnalyseModule['analyse'];
  decodeText: DecodeModule['decodeText'];
}

export const distDirectory = path.join(repositoryRoot, 'dist');

/**
 * Loads the analyser from dist/, not src/: the benchmark measures the code that ships (tsc's
 * output), and the in-process figures and the memory child process measure the same files.
 */
export async function loadBuiltAnalyser(): Promise<BuiltAnalyser> {
  const { analyse } = await loadBuiltModule<AnalyseModule>('analyser/analyse.js');
  const { decodeText } = await loadBuiltModule<DecodeModule>('analyser/text/decode.js');
  return { analyse, decodeText };
}

/** A module of dist/ by its path there ("analyser/analyse.js"). */
export async function loadBuiltModule<Module>(relativePath: string): Promise<Module> {
  const file = path.join(distDirectory, relativePath);
  if (!existsSync(file)) {
    throw new Error(`${path.relative(repositoryRoot, file)} is missing: run \`npm run build\` first`);
  }
  return (await import(pathToFileURL(file).href)) as Module;
}
