/**
 * Where a store lives, as one string: a `postgres://` or `postgresql://` URL is a PostgreSQL
 * database (a team's, shared by several Galley processes); anything else is the path of a
 * SQLite file (embedded, the default), or `:memory:`.
 */

import path from 'node:path';
import { analyse } from '../analyser';
import { openPostgresStore } from './postgres-store';
import { openStore } from './store';
import type { Analyser, Store } from './types';

export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

/** Opens the store at `location`, creating and migrating its schema as needed. */
export async function openStoreAt(location: string, analyser: Analyser = analyse): Promise<Store> {
  return isPostgresUrl(location) ? openPostgresStore(location, analyser) : openStore(location, analyser);
}

/** The location as it may be printed or logged: a URL without its password, a file as an absolute path. */
export function describeLocation(location: string): string {
  if (!isPostgresUrl(location)) return location === ':memory:' ? location : path.resolve(location);
  try {
    const url = new URL(location);
    if (url.password !== '') url.password = '***';
    return url.toString();
  } catch {
    return `${location.slice(0, location.indexOf('://'))}://…`;
  }
}
