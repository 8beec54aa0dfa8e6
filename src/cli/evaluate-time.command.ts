/**
 * `oncotimeline evaluate-time [--data FILE] [--json] [--model DIR]`: scores time recognition and linking on a
 * guideline-format file (../shared/data/time-gold/dev.jsonl by default). With `--model`, also end-to-end placement
 * with entities from the NER engine. Prints counts and scores only, never record text.
 */
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EntityMention } from '../domain/entity.js';
import { analyseTime } from '../time/index.js';
import { parseGoldLine, type GoldRecord } from '../time/evaluate/gold-record.js';
import { addEndToEnd, emptyEndToEnd } from '../time/evaluate/score-end-to-end.js';
import { addRecord, emptyCounts, prf } from '../time/evaluate/score-time.js';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const DEFAULT_DATA = resolve(REPO_ROOT, '..', 'shared', 'data', 'time-gold', 'dev.jsonl');
const USAGE = 'usage: oncotimeline evaluate-time [--data FILE] [--json] [--model DIR]\n';

interface Options {
  data: string;
  json: boolean;
  model: string | null;
}

function parseArgs(args: readonly string[]): Options | string {
  const o: Options = { data: DEFAULT_DATA, json: false, model: null };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--json') o.json = true;
    else if (a === '--data' || a === '--model') {
      const v = args[++i];
      if (v === undefined || v.startsWith('--')) return `${a}: expected a path, got ${v ?? 'nothing'}`;
      if (a === '--data') o.data = resolve(v);
      else o.model = resolve(v);
    } else return `unknown option ${String(a)}`;
  }
  return o;
}

type EndToEnd = { precision: number; recall: number; f1: number; goldEvents: number; predictedEvents: number; placed: number } | null;

/** Entities from the NER engine for every record, or the reason it is not available. */
async function predictEntities(modelDir: string, records: readonly GoldRecord[]): Promise<EntityMention[][] | string> {
  let ner: { createNerEngine?: (o: { modelDir: string }) => Promise<{ extractMany(t: readonly string[]): Promise<EntityMention[][]>; close(): Promise<void> }> };
  try {
    ner = (await import('../ner/index.js')) as typeof ner;
  } catch (err) {
    return `NER engine not available: ${err instanceof Error ? err.message : String(err)}`;
  }
  if (typeof ner.createNerEngine !== 'function') return 'NER engine not available: src/ner exports no createNerEngine';
  try {
    const engine = await ner.createNerEngine({ modelDir });
    try {
      return await engine.extractMany(records.map((r) => r.text));
    } finally {
      await engine.close();
    }
  } catch (err) {
    return `NER engine failed: ${err instanceof Error ? err.message : String(err)}`;
  }
}

export async function run(args: string[]): Promise<number> {
  const opts = parseArgs(args);
  if (typeof opts === 'string') {
    process.stderr.write(`evaluate-time: ${opts}\n${USAGE}`);
    return 2;
  }
  const lines = (await readFile(opts.data, 'utf8')).split('\n').filter((l) => l.trim() !== '');
  const records = lines.map(parseGoldLine);
  const counts = emptyCounts();
  for (const r of records) addRecord(counts, r, analyseTime({ text: r.text, entities: r.entities }));

  let endToEnd: EndToEnd = null;
  let endToEndReason: string | null = opts.model === null ? 'no --model given' : null;
  if (opts.model !== null) {
    const predicted = await predictEntities(opts.model, records);
    if (typeof predicted === 'string') endToEndReason = predicted;
    else {
      const e2e = emptyEndToEnd();
      // Score only the labels the gold file annotates (its linked events); other model types are not charged.
      const goldLabels = new Set(records.flatMap((r) => r.entities.map((e) => e.label)));
      records.forEach((r, i) => {
        const entities = predicted[i] ?? [];
        addEndToEnd(e2e, r, { ...analyseTime({ text: r.text, entities }), entities }, goldLabels);
      });
      endToEnd = { ...prf(e2e.placed, e2e.predictedEvents, e2e.goldEvents), ...e2e };
    }
  }

  const ratio = (a: number, b: number): number => (b === 0 ? 0 : a / b);
  const result = {
    records: records.length,
    timex: prf(counts.matched, counts.predicted, counts.gold),
    kindAccuracy: ratio(counts.kindCorrect, counts.matched),
    valueAccuracy: ratio(counts.valueCorrect, counts.matched),
    linkAccuracy: ratio(counts.linksCorrect, counts.links),
    endToEnd,
    ...(endToEnd === null ? { endToEndReason } : {}),
    counts,
  };
  if (opts.json) {
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return 0;
  }
  const f = (x: number): string => x.toFixed(4);
  process.stdout.write(
    [
      `records          ${records.length}`,
      `TIMEX strict     P ${f(result.timex.precision)}  R ${f(result.timex.recall)}  F1 ${f(result.timex.f1)}  (pred ${counts.predicted}, gold ${counts.gold}, matched ${counts.matched})`,
      `kind accuracy    ${f(result.kindAccuracy)}`,
      `value accuracy   ${f(result.valueAccuracy)}`,
      `link accuracy    ${f(result.linkAccuracy)}  (${counts.linksCorrect}/${counts.links})`,
      endToEnd
        ? `end to end       P ${f(endToEnd.precision)}  R ${f(endToEnd.recall)}  F1 ${f(endToEnd.f1)}  (placed ${endToEnd.placed}/${endToEnd.goldEvents})`
        : `end to end       n/a (${endToEndReason ?? ''})`,
    ].join('\n') + '\n',
  );
  return 0;
}
