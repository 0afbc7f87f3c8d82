/** The analysis in a worker thread (bounded-analyse.ts starts it): the text in, the analysis out. */

import { parentPort, workerData } from 'node:worker_threads';
import { analyse, type AnalyseOptions } from '../analyser';

const { text, options } = workerData as { text: string; options?: AnalyseOptions };
const { length, headings, findings } = analyse(text, options);
parentPort!.postMessage({ length, headings, findings });
