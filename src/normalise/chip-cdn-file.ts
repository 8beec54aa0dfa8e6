import { readFile } from 'node:fs/promises';
import { NormaliseError } from './errors.js';

/** One CHIP-CDN pair: a raw diagnosis string and the set of standard names it denotes. */
export interface ChipCdnPair {
  text: string;
  names: string[];
}

/**
 * Parses a CHIP-CDN file as distributed: a JSON array of `{"text", "normalized_result"}` with `##`-joined names.
 * Gold names lose the CSV quoting some of them carry (`"下肢未特指的损伤,水平未特指"` → the dictionary name
 * `下肢未特指的损伤,水平未特指`, also when the quotes wrap several `##`-joined names) and repeats; nothing else changes.
 * Throws BAD_USER_INPUT naming the first bad element (index and what was wrong), never its text.
 *
 * @example parseChipCdn('[{"text":"右乳腺癌IV期","normalized_result":"乳腺恶性肿瘤##癌"}]')
 * // → [{ text: '右乳腺癌IV期', names: ['乳腺恶性肿瘤', '癌'] }]
 */
export function parseChipCdn(json: string): ChipCdnPair[] {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (err) {
    throw new NormaliseError('BAD_USER_INPUT', `expected a CHIP-CDN JSON array, got invalid JSON (${(err as Error).message})`, { cause: err });
  }
  if (!Array.isArray(data)) throw new NormaliseError('BAD_USER_INPUT', `expected a CHIP-CDN JSON array, got ${describe(data)}`);
  return data.map((item: unknown, i) => {
    const o = item as Record<string, unknown> | null;
    if (typeof o !== 'object' || o === null || Array.isArray(o)) {
      throw new NormaliseError('BAD_USER_INPUT', `element ${i}: expected {"text", "normalized_result"}, got ${describe(item)}`);
    }
    if (typeof o['text'] !== 'string') throw new NormaliseError('BAD_USER_INPUT', `element ${i}: expected "text" to be a string, got ${describe(o['text'])}`);
    if (typeof o['normalized_result'] !== 'string') {
      throw new NormaliseError('BAD_USER_INPUT', `element ${i}: expected "normalized_result" to be a string, got ${describe(o['normalized_result'])}`);
    }
    return { text: o['text'], names: goldNames(o['normalized_result']) };
  });
}

/** Reads and parses a CHIP-CDN file; a missing file is BAD_USER_INPUT too (the CLI's --data). */
export async function readChipCdnFile(path: string): Promise<ChipCdnPair[]> {
  let json: string;
  try {
    json = await readFile(path, 'utf8');
  } catch (err) {
    throw new NormaliseError('BAD_USER_INPUT', `expected a readable CHIP-CDN file, got ${path} (${(err as NodeJS.ErrnoException).code ?? 'unreadable'})`, { cause: err });
  }
  return parseChipCdn(json);
}

function goldNames(joined: string): string[] {
  const names = joined
    .split('##')
    .map((n) => n.trim().replace(/^"+|"+$/gu, '').trim())
    .filter((n) => n.length > 0);
  return [...new Set(names)];
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : typeof value;
}
