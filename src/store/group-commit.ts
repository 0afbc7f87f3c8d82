/**
 * Group commit: the single decisions that arrive in the same turn of the event loop are written
 * in one transaction, each in a savepoint of its own, so that one fsync (synchronous=FULL)
 * makes them all durable. Each decision still succeeds or fails alone (a version conflict rolls
 * back its savepoint only), and none is answered before the commit that holds it: "answered"
 * still means "on disk". Under load this is what lets one SQLite file serve a team: the commit,
 * not the query, is the cost of a decision.
 */

import type { Connection } from './open-database';

interface Pending {
  write: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

export class GroupCommit {
  private queue: Pending[] = [];
  private readonly commitAll;

  /** `write`s passed to run() should be better-sqlite3 transaction functions: nested, each is a savepoint. */
  constructor(db: Connection) {
    this.commitAll = db.transaction((writes: readonly Pending[]): Outcome[] =>
      writes.map((pending) => {
        try {
          return { ok: true, value: pending.write() };
        } catch (error) {
          return { ok: false, error };
        }
      }),
    );
  }

  run<Value>(write: () => Value): Promise<Value> {
    return new Promise<Value>((resolve, reject) => {
      this.queue.push({ write, resolve: resolve as (value: unknown) => void, reject });
      if (this.queue.length === 1) setImmediate(() => this.flush());
    });
  }

  /** Commits what is waiting now (close() calls it so that nothing waiting is dropped). */
  flush(): void {
    const writes = this.queue;
    if (writes.length === 0) return;
    this.queue = [];
    let outcomes: Outcome[];
    try {
      outcomes = this.commitAll.immediate(writes);
    } catch (error) {
      for (const pending of writes) pending.reject(error);
      return;
    }
    outcomes.forEach((outcome, k) =>
      outcome.ok ? writes[k]!.resolve(outcome.value) : writes[k]!.reject(outcome.error),
    );
  }
}
