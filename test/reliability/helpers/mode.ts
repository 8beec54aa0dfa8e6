/**
 * Short form (`npm test`) or long form (`npm run reliability`, env RELIABILITY=long) of the reliability suite, and
 * where each test reports its counts: `bench/tmp/reliability/<name>.json` (summarised in bench/reliability.md).
 *
 * @example
 *   const cases = size(300, 5000);                       // 5000 under RELIABILITY=long
 *   report('fuzz', { cases: 300, crashes: 0, http5xx: 0 });
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const LONG = process.env['RELIABILITY'] === 'long';

export function size(short: number, long: number): number {
  return LONG ? long : short;
}

const OUT = fileURLToPath(new URL('../../../bench/tmp/reliability/', import.meta.url));

export function report(name: string, counts: Record<string, number | string>): void {
  mkdirSync(OUT, { recursive: true });
  writeFileSync(path.join(OUT, `${name}.json`), `${JSON.stringify({ name, form: LONG ? 'long' : 'short', at: new Date().toISOString(), ...counts }, null, 2)}\n`);
}
