/**
 * Editors deciding at once, as autocannon drives them: `connections` keep-alive connections
 * ("editors"), each sending a decision as soon as its last one is answered, for
 * `durationSeconds`. A closed loop: the latency includes the wait behind the other editors'
 * decisions (autocannon's pacing, `overallRate`, sends each second's requests in one burst,
 * which measures the burst instead). Request k decides finding k mod n of the document, in
 * turn accept, reject and reset, and names its own editor (`<prefix> k`), so that the history
 * says exactly which requests were written: those answered 2xx must all be there, and the only
 * others allowed are the requests cut off by the end of the run.
 */

import autocannon from 'autocannon';

const DECISIONS = ['accept', 'reject', 'reset'] as const;

export interface LoadOptions {
  /** The server, without a trailing slash. */
  url: string;
  /** The public ids of the findings to decide (`d<document>-<finding>`). */
  findingIds: readonly string[];
  connections: number;
  durationSeconds: number;
  /** Names the editors of this run's requests, `<prefix> <k>`. */
  editorPrefix: string;
}

export interface LoadOutcome {
  /** The editors of the requests answered 2xx. */
  acknowledged: Set<string>;
  /** The editors of every request made: sent, or set up to be when the run ended. */
  made: Set<string>;
  /** Answers other than 2xx. */
  non2xx: number;
  /** Connection errors, timeouts included. */
  errors: number;
  timeouts: number;
  /** Latency of the 2xx answers, from the request written to the answer read, in ms. */
  latency: { median: number; p99: number; max: number; mean: number };
  durationSeconds: number;
}

interface RequestContext {
  editor?: string;
}

export async function runDecisionLoad(options: LoadOptions): Promise<LoadOutcome> {
  const { findingIds, editorPrefix } = options;
  if (findingIds.length === 0) throw new Error('the document has no findings to decide');
  const acknowledged = new Set<string>();
  const made = new Set<string>();
  let next = 0;

  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.durationSeconds,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        setupRequest: (request, context: RequestContext) => {
          const k = next++;
          const editor = `${editorPrefix} ${k}`;
          context.editor = editor;
          made.add(editor);
          return {
            ...request,
            path: `/api/findings/${findingIds[k % findingIds.length]}/decision`,
            body: JSON.stringify({ decision: DECISIONS[k % DECISIONS.length], editor }),
          };
        },
        onResponse: (status, _body, context: RequestContext) => {
          if (status >= 200 && status < 300 && context.editor !== undefined) acknowledged.add(context.editor);
        },
      },
    ],
  });

  return {
    acknowledged,
    made,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    latency: {
      median: result.latency.p50,
      p99: result.latency.p99,
      max: result.latency.max,
      mean: result.latency.mean,
    },
    durationSeconds: result.duration,
  };
}
