/**
 * Whether an error means the database cannot be reached or is too busy right now, rather than a
 * bug: PostgreSQL down or restarting, the connection lost, or SQLite's file locked by another
 * process for longer than the busy timeout. The web app answers these 503 ("try again").
 */

const UNAVAILABLE_CODES = new Set([
  // Node's sockets.
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EPIPE',
  // PostgreSQL: connection exceptions (class 08), shutting down or starting (57P01–57P03),
  // too many connections (53300).
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  '57P01',
  '57P02',
  '57P03',
  '53300',
  // SQLite: the database file is locked past the busy timeout.
  'SQLITE_BUSY',
]);

export function isStoreUnavailable(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && UNAVAILABLE_CODES.has(code)) return true;
  // node-postgres says so in words when a pooled connection ends under it.
  return typeof message === 'string' && /^Connection terminated( unexpectedly)?$/.test(message);
}
