/**
 * Where the app's files are. These paths hold from both `src/web` (tests) and `dist/web` (the
 * build): each is two folders below the repository's root.
 */

import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');

export const VIEWS_FOLDER = path.join(ROOT, 'views');
export const PUBLIC_FOLDER = path.join(ROOT, 'src', 'web', 'public');
export const SEED_FILE = path.join(ROOT, 'fixtures', 'seed.txt');
export const SEED_TITLE = 'Seed: Chapter XIV';
