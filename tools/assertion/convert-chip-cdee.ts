/**
 * `npx tsx tools/assertion/convert-chip-cdee.ts [--data FILE] [--out DIR]`: turns CHIP-CDEE train.json
 * (`../shared/data/chip-cdee/train.json` by default) into the JSON-lines format of `oncotimeline evaluate-assertion`,
 * one file per split: `.cache/assertion/chip-cdee-{train,dev}.jsonl` (gitignored: the data's licence, CC BY-NC-SA
 * 4.0, and the house rules keep its text out of the repository). It checks the split against the committed id lists
 * `models/assertion/splits/{train,dev}-ids.txt` and rewrites them only with `--write-splits`.
 * Prints counts only, never text:
 * {"sentences":1587,"train":1254,"dev":333,"findings":8761,"exact":…,"fuzzy":…,"unaligned":…,"alignmentRate":…}
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { toGoldLine, type ChipCdeeSentence } from './chip-cdee-to-gold.js';
import { isDevId } from './split-ids.js';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SPLITS = resolve(REPO_ROOT, 'models', 'assertion', 'splits');

function parseArgs(args: readonly string[]): { data: string; out: string; writeSplits: boolean } {
  const o = { data: resolve(REPO_ROOT, '..', 'shared', 'data', 'chip-cdee', 'train.json'), out: resolve(REPO_ROOT, '.cache', 'assertion'), writeSplits: false };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const v = args[i + 1];
    if (a === '--write-splits') o.writeSplits = true;
    else if ((a === '--data' || a === '--out') && v !== undefined) {
      if (a === '--data') o.data = resolve(v);
      else o.out = resolve(v);
      i++;
    } else throw new TypeError(`expected --data FILE, --out DIR or --write-splits, got ${String(a)}`);
  }
  return o;
}

function main(): void {
  const opts = parseArgs(process.argv.slice(2));
  const sentences = JSON.parse(readFileSync(opts.data, 'utf8')) as ChipCdeeSentence[];
  const lines = { train: [] as string[], dev: [] as string[] };
  const ids = { train: [] as number[], dev: [] as number[] };
  const counts = { findings: 0, exact: 0, fuzzy: 0, unaligned: 0 };
  for (const s of sentences) {
    const split = isDevId(s.id) ? 'dev' : 'train';
    ids[split].push(s.id);
    const g = toGoldLine(s);
    counts.findings += s.event.length;
    counts.exact += g.exact;
    counts.fuzzy += g.fuzzy;
    counts.unaligned += g.unaligned;
    lines[split].push(JSON.stringify(g.line));
  }
  mkdirSync(opts.out, { recursive: true });
  for (const split of ['train', 'dev'] as const) {
    writeFileSync(resolve(opts.out, `chip-cdee-${split}.jsonl`), `${lines[split].join('\n')}\n`);
    const listed = `${[...ids[split]].sort((a, b) => a - b).join('\n')}\n`;
    const file = resolve(SPLITS, `${split}-ids.txt`);
    if (opts.writeSplits) writeFileSync(file, listed);
    else if (readFileSync(file, 'utf8') !== listed) throw new Error(`${file}: the hash split differs from the committed ids; expected them equal (rerun with --write-splits only on purpose)`);
  }
  const alignmentRate = (counts.exact + counts.fuzzy) / counts.findings;
  process.stdout.write(`${JSON.stringify({ sentences: sentences.length, train: ids.train.length, dev: ids.dev.length, ...counts, alignmentRate })}\n`);
}

main();
