import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Wall-clock milliseconds `run` took, by the monotonic high-resolution clock. */
export function timeMs(run: () => void): number {
  const started = process.hrtime.bigint();
  run();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

/**
 * A full garbage collection between measurements, so that one run does not pay for the garbage
 * of the one before. `npm run bench` cannot pass `--expose-gc` to node through tsx, so the flag
 * is set at run time and `gc` taken from a fresh context (where V8 installs it).
 */
export const collectGarbage: () => void = (() => {
  if (typeof globalThis.gc === 'function') return () => void globalThis.gc!();
  setFlagsFromString('--expose-gc');
  const gc: unknown = runInNewContext('typeof gc === "function" ? gc : undefined');
  return typeof gc === 'function' ? (gc as () => void) : () => undefined;
})();

/** One piece of work timed in every round. */
export interface Workload {
  name: string;
  run: () => void;
}

export interface RoundsOptions {
  /** Untimed rounds first: the JIT compiles the hot code and lazy data get loaded. */
  warmUpRounds: number;
  rounds: number;
  /** Called before each round, warm-up rounds included (for progress output). */
  onRound?: (round: number, total: number, warmUp: boolean) => void;
}

/**
 * Times every workload once per round, one after the other, so that they are measured side by
 * side: a slow spell of the machine affects all of them in the same round, and ratios taken
 * round by round cancel it out. Returns each workload's times in milliseconds, in round order.
 */
export function timeInRounds(workloads: readonly Workload[], options: RoundsOptions): Map<string, number[]> {
  const times = new Map<string, number[]>(workloads.map((workload) => [workload.name, []]));
  const total = options.warmUpRounds + options.rounds;
  for (let round = 0; round < total; round++) {
    const warmUp = round < options.warmUpRounds;
    options.onRound?.(round + 1, total, warmUp);
    for (const workload of workloads) {
      collectGarbage();
      const elapsed = timeMs(workload.run);
      if (!warmUp) times.get(workload.name)!.push(elapsed);
    }
  }
  return times;
}

/**
 * `run` timed again and again with no forced collection between the runs: the garbage collector
 * runs when V8 decides, as in a server analysing one document after another. A forced full
 * collection with no analysis alive could throw away V8's optimised code for the analyser
 * (`--trace-deopt` reports "weak objects"; src/analyser/keep-shape.ts says why it no longer
 * does): the rounds of timeInRounds would then measure a partly cold analysis, these the steady
 * one, and the two rows side by side show whether they differ.
 */
export function timeBackToBack(run: () => void, options: RoundsOptions): number[] {
  const times: number[] = [];
  for (let round = 0; round < options.warmUpRounds + options.rounds; round++) {
    const elapsed = timeMs(run);
    if (round >= options.warmUpRounds) times.push(elapsed);
  }
  return times;
}
