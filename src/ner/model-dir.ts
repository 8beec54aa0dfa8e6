import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const DEFAULT_MODEL = 'models/ccks-union-hybrid';

/**
 * The model folder to use when none is given: env `MODEL_DIR`, else `models/ccks-union-hybrid` under the working
 * directory, else under the package root (so `oncotimeline extract` works from any directory).
 */
export function defaultModelDir(): string {
  const fromEnv = process.env['MODEL_DIR'];
  if (fromEnv) return fromEnv;
  const local = path.resolve(DEFAULT_MODEL);
  if (existsSync(local)) return local;
  // This file is src/ner/model-dir.ts or dist/ner/model-dir.js: the package root is two levels up.
  const packaged = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', DEFAULT_MODEL);
  return existsSync(packaged) ? packaged : local;
}
