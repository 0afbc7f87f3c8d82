import { readFileSync } from 'node:fs';
import path from 'node:path';

export const repositoryRoot = path.resolve(__dirname, '..', '..');
export const seedPath = path.join(repositoryRoot, 'fixtures', 'seed.txt');

/** The sample document every measurement is made on (UTF-8, no BOM). */
export function readSeed(): string {
  return readFileSync(seedPath, 'utf8');
}

/** The benchmark's input: `copies` copies of the seed joined by "\n" (one flat string). */
export function repeatSeed(seed: string, copies: number): string {
  return Array.from({ length: copies }, () => seed).join('\n');
}

/** Size as the contract counts it: bytes of UTF-8. */
export function utf8Bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}
