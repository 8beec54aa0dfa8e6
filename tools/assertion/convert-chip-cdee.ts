/**
 * `npx tsx tools/assertion/convert-chip-cdee.ts [--data FILE] [--out DIR]`: turns CHIP-CDEE train.json into the
 * JSON-lines format of `oncotimeline evaluate-assertion`, one file per split:
 * `.cache/assertion/chip-cdee-{train,dev}.jsonl` (gitignored; the data's licence forbids copying it into the repo),
 * and rewrites the committed id lists `models/assertion/splits/{train,dev}-ids.txt`.
 *
 * Output line: {"id":"268","originalText":…,"entities":[{"start_pos":…,"end_pos":…,"label_type":"SYMPTOM",
 * "assertion":"ABSENT","aligned":"exact"}]} (code points, end exclusive). Prints counts only, never text.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { alignFindings } from './align-finding.js';
import { isDevId } from './split-ids.js';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

interface Finding { core_name: string; tendency: string; character: string[]; anatomy_list: string[] }
interface Sentence { id: number; text: string; event: Finding[] }

const TENDENCY: Readonly<Record<string, 'PRESENT' | 'ABSENT' | 'POSSIBLE'>> = { '': 'PRESENT', 否定: 'ABSENT', 不确定: 'POSSIBLE' };

/**
 * CHIP-CDEE has no entity types; a disease-like head word makes a DISEASE, anything else a SYMPTOM (the findings
 * are symptoms, signs and lesions). The rules use the type only for `…史` (a disease history is asserted).
 */
function guessType(coreName: string): 'DISEASE' | 'SYMPTOM' {
  return /(癌|瘤|炎|病|综合征|结核|梗死|硬化|衰竭|白血病|转移)$/.test(coreName) ? 'DISEASE' : 'SYMPTOM';
}

function toCodePoints(text: string, utf16: number): number {
  return [...text.slice(0, utf16)].length;
}

function parseArgs(args: readonly string[]): { data: string; out: string } {
  const o = { data: resolve(REPO_ROOT, '..', 'shared', 'data', 'chip-cdee', 'train.json'), out: resolve(REPO_ROOT, '.cache', 'assertion') };
  for (let i = 0; i < args.length; i++) {
    const v = args[i + 1];
    if ((args[i] === '--data' || args[i] === '--out') && v !== undefined) {
      if (args[i] === '--data') o.data = resolve(v);
      else o.out = resolve(v);
      i++;
    } else throw new TypeError(`expected --data FILE or --out DIR, got ${String(args[i])}`);
  }
  return o;
}

function main(): void {
  const opts = parseArgs(process.argv.slice(2));
  const sentences = JSON.parse(readFileSync(opts.data, 'utf8')) as Sentence[];
  const lines = { train: [] as string[], dev: [] as string[] };
  const ids = { train: [] as number[], dev: [] as number[] };
  const counts = { findings: 0, exact: 0, fuzzy: 0, unaligned: 0, unknownTendency: 0 };
  for (const s of sentences) {
    const split = isDevId(s.id) ? 'dev' : 'train';
    ids[split].push(s.id);
    const aligned = alignFindings(s.text, s.event.map((e) => ({ coreName: e.core_name, anatomy: e.anatomy_list, character: e.character })));
    const entities = [];
    for (const [k, e] of s.event.entries()) {
      counts.findings++;
      const a = aligned[k] ?? null;
      const assertion = TENDENCY[e.tendency.trim()];
      if (assertion === undefined) { counts.unknownTendency++; continue; }
      if (a === null) { counts.unaligned++; continue; }
      counts[a.method]++;
      entities.push({
        start_pos: toCodePoints(s.text, a.start), end_pos: toCodePoints(s.text, a.end),
        label_type: guessType(e.core_name), assertion, aligned: a.method,
      });
    }
    lines[split].push(JSON.stringify({ id: String(s.id), originalText: s.text, entities }));
  }
  mkdirSync(opts.out, { recursive: true });
  for (const split of ['train', 'dev'] as const) {
    writeFileSync(resolve(opts.out, `chip-cdee-${split}.jsonl`), `${lines[split].join('\n')}\n`);
    const sorted = [...ids[split]].sort((a, b) => a - b);
    writeFileSync(resolve(REPO_ROOT, 'models', 'assertion', 'splits', `${split}-ids.txt`), `${sorted.join('\n')}\n`);
  }
  const rate = (counts.exact + counts.fuzzy) / counts.findings;
  process.stdout.write(`${JSON.stringify({ sentences: sentences.length, train: ids.train.length, dev: ids.dev.length, ...counts, alignmentRate: rate })}\n`);
}

main();
