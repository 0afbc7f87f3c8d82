/**
 * The SQLite connection, set up for a review history that must survive a crash: write-ahead
 * logging (readers never block the writer), `synchronous = FULL` (a committed decision is on
 * disk before the commit returns, even if the machine loses power), foreign keys enforced, and
 * a busy timeout so that a second process waits for the writer instead of failing at once.
 */

import Database from 'better-sqlite3';

export type Connection = Database.Database;

const BUSY_TIMEOUT_MS = 5000;

export function openDatabase(file: string): Connection {
  const db = new Database(file, { timeout: BUSY_TIMEOUT_MS });
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}
