/**
 * `oncotimeline evaluate-assertion [--data FILE] [--json]`: scores assertion (PRESENT/ABSENT/POSSIBLE) and subject
 * detection on gold spans (no NER) from a JSON-lines file, by default `.cache/assertion/chip-cdee-dev.jsonl`
 * (written by `npx tsx tools/assertion/convert-chip-cdee.ts`). Prints scores and counts only, never record text.
 * A malformed file exits 2 with the line number.
 *
 * --json → {"accuracy":0.93,"macroF1":0.91,"perClass":{"PRESENT":{"precision":…,"recall":…,"f1":…,"gold":…},…},
 *           "subjectAccuracy":null,"entities":1712}
 */
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assertionEvaluation, detectAssertions } from '../assertion/index.js';
import { BadUserInputError } from '../errors/index.js';

const { parseGoldLine, addMention, emptyAssertionCounts, scoreAssertions } = assertionEvaluation;
type GoldRecord = assertionEvaluation.GoldRecord;

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const DEFAULT_DATA = resolve(REPO_ROOT, '.cache', 'assertion', 'chip-cdee-dev.jsonl');
const USAGE = 'usage: oncotimeline evaluate-assertion [--data FILE] [--json]\n';

function parseArgs(args: readonly string[]): { data: string; json: boolean } | string {
  const o = { data: DEFAULT_DATA, json: false };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--json') o.json = true;
    else if (a === '--data') {
      const v = args[++i];
      if (v === undefined || v.startsWith('--')) return `--data: expected a path, got ${v ?? 'nothing'}`;
      o.data = resolve(v);
    } else return `unknown option ${String(a)}`;
  }
  return o;
}

/** Parses every non-blank line; the first bad one stops the run (its number is in the error). */
function parseFile(content: string): GoldRecord[] {
  const records: GoldRecord[] = [];
  content.split('\n').forEach((line, i) => {
    if (line.trim() !== '') records.push(parseGoldLine(line, i + 1));
  });
  return records;
}

export async function run(args: string[]): Promise<number> {
  const opts = parseArgs(args);
  if (typeof opts === 'string') {
    process.stderr.write(`evaluate-assertion: ${opts}\n${USAGE}`);
    return 2;
  }
  let content: string;
  try {
    content = await readFile(opts.data, 'utf8');
  } catch (err) {
    process.stderr.write(`evaluate-assertion: cannot read ${opts.data}: ${(err as NodeJS.ErrnoException).code ?? String(err)}\n`);
    return 2;
  }
  let records: GoldRecord[];
  try {
    records = parseFile(content);
  } catch (err) {
    if (!(err instanceof BadUserInputError)) throw err;
    process.stderr.write(`evaluate-assertion: ${opts.data}: ${err.message}\n`);
    return 2;
  }
  const counts = emptyAssertionCounts();
  for (const r of records) {
    const predicted = detectAssertions(r.text, r.mentions);
    r.mentions.forEach((g, k) => addMention(counts, g, predicted[k] as (typeof predicted)[number]));
  }
  const s = scoreAssertions(counts);
  if (opts.json) {
    process.stdout.write(`${JSON.stringify(s)}\n`);
    return 0;
  }
  const f = (x: number): string => x.toFixed(4);
  const rows = Object.entries(s.perClass).map(
    ([k, c]) => `  ${k.padEnd(9)} P ${f(c.precision)}  R ${f(c.recall)}  F1 ${f(c.f1)}  (gold ${c.gold})`,
  );
  process.stdout.write(
    [
      `records           ${records.length}`,
      `entities          ${s.entities}`,
      `accuracy          ${f(s.accuracy)}`,
      `macro-F1          ${f(s.macroF1)}`,
      ...rows,
      `subject accuracy  ${s.subjectAccuracy === null ? 'n/a (no gold subjects)' : f(s.subjectAccuracy)}`,
    ].join('\n') + '\n',
  );
  return 0;
}
