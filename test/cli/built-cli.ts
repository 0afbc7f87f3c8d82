/**
 * The built command line (dist/cli.js), for the tests that run it as a user does. `npm test`
 * does not build first, so `buildIfStale` builds dist/ when dist/cli.js is missing or older
 * than a source file.
 */

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const root = path.resolve(__dirname, '../..');
export const cli = path.join(root, 'dist', 'cli.js');

export function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(file);
    return entry.name.endsWith('.ts') ? [file] : [];
  });
}

function isBuildStale(): boolean {
  if (!fs.existsSync(cli)) return true;
  const built = fs.statSync(cli).mtimeMs;
  return sourceFiles(path.join(root, 'src')).some((file) => fs.statSync(file).mtimeMs > built);
}

export function buildIfStale(): void {
  if (!isBuildStale()) return;
  try {
    execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.json'], {
      cwd: root,
      stdio: 'pipe',
    });
  } catch (error) {
    // tsc emits even with type errors (the type check is `npm run lint`'s job); only a build
    // that produced nothing stops these tests.
    if (!fs.existsSync(cli)) throw error;
  }
}
