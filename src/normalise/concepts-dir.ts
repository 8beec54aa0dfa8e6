import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const DEFAULT_INDEX = 'models/concepts';

/**
 * The concept index folder to use when none is given: env `CONCEPTS_DIR`, else `models/concepts` under the working
 * directory, else under the package root (so the CLI works from any directory).
 */
export function defaultConceptsDir(): string {
  const fromEnv = process.env['CONCEPTS_DIR'];
  if (fromEnv) return fromEnv;
  const local = path.resolve(DEFAULT_INDEX);
  if (existsSync(local)) return local;
  // This file is src/normalise/concepts-dir.ts or dist/normalise/concepts-dir.js: the package root is two levels up.
  const packaged = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', DEFAULT_INDEX);
  return existsSync(packaged) ? packaged : local;
}
