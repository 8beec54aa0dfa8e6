/**
 * The dev split of CHIP-CDN train.json, shared by make-split.ts, build-index.ts and write-dev-file.ts.
 * Rule: a pair is dev when FNV-1a (32-bit, over the UTF-16 code units of its text) mod 10 is 0 or 1 (about 20%).
 * The committed list (models/concepts/splits/dev-indices.txt, one index a line) is checked against the rule on every
 * read, so a changed train.json is caught rather than silently split differently; it holds no dataset text.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DEFAULT_TRAIN = path.resolve(REPO, '..', 'shared', 'data', 'chip-cdn', 'train.json');
export const SPLIT_FILE = path.resolve(REPO, 'models', 'concepts', 'splits', 'dev-indices.txt');
export const SPLIT_RULE = 'dev when fnv1a32(UTF-16 code units of text) % 10 < 2';

/** @example isDevText('高血压') // → true or false, the same on every machine */
export function isDevText(text: string): boolean {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % 10 < 2;
}

/** The dev indices of a CHIP-CDN file by the rule. */
export function devIndicesOf(texts: readonly string[]): number[] {
  return texts.flatMap((t, i) => (isDevText(t) ? [i] : []));
}

/** The committed dev indices, checked against the rule applied to the train file they will be used with. */
export function readSplit(trainFile: string, splitFile = SPLIT_FILE): { devIndices: number[] } {
  const committed = readFileSync(splitFile, 'utf8').split('\n').filter(Boolean).map(Number);
  const texts = (JSON.parse(readFileSync(trainFile, 'utf8')) as { text: string }[]).map((p) => p.text);
  const actual = devIndicesOf(texts);
  if (actual.length !== committed.length || actual.some((x, i) => x !== committed[i])) {
    throw new Error(`${trainFile}: its dev split (${actual.length} pairs by the rule) differs from ${splitFile} (${committed.length}); re-run make-split.ts`);
  }
  return { devIndices: committed };
}
