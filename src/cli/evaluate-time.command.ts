/**
 * `oncotimeline evaluate-time [--data FILE] [--json] [--model DIR]`: scores time recognition and linking on a
 * guideline-format file (`.jsonl`, docs/time-annotation.md §3) or a marked suite file (`.tsv`,
 * test/fixtures/time/external/README.md). The file is `--data`, else `$ONCOTIMELINE_TIME_GOLD`; with neither the
 * command prints its usage and exits 2 (the repository ships no default outside itself). With `--model`, also
 * end-to-end placement with entities from the NER engine. Prints counts, scores and the time per record, never
 * record text.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { EntityMention } from '../domain/index.js';
import { analyseTime, timeEvaluation } from '../time/index.js';

const { parseGoldLine, parseMarkedFile, addEndToEnd, emptyEndToEnd, addRecord, emptyCounts, prf } = timeEvaluation;
type GoldRecord = timeEvaluation.GoldRecord;

const DATA_ENV = 'ONCOTIMELINE_TIME_GOLD';
const USAGE =
  'usage: oncotimeline evaluate-time [--data FILE] [--json] [--model DIR]\n' +
  `  FILE: guideline-format .jsonl or marked .tsv; defaults to $${DATA_ENV}\n`;

interface Options {
  data: string;
  json: boolean;
  model: string | null;
}

function parseArgs(args: readonly string[], env: NodeJS.ProcessEnv): Options | string {
  const fromEnv = env[DATA_ENV];
  const o: Options = { data: fromEnv ? resolve(fromEnv) : '', json: false, model: null };
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
  if (o.data === '') return `no data file: give --data FILE or set ${DATA_ENV}`;
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

/** Records of a data file: marked suite lines for `.tsv`, guideline JSON lines otherwise. */
function parseRecords(path: string, content: string): GoldRecord[] {
  if (path.endsWith('.tsv')) return parseMarkedFile(content);
  return content.split('\n').filter((l) => l.trim() !== '').map(parseGoldLine);
}

export async function run(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const opts = parseArgs(args, env);
  if (typeof opts === 'string') {
    process.stderr.write(`evaluate-time: ${opts}\n${USAGE}`);
    return 2;
  }
  const records = parseRecords(opts.data, await readFile(opts.data, 'utf8'));
  const counts = emptyCounts();
  const started = performance.now();
  for (const r of records) addRecord(counts, r, analyseTime({ text: r.text, entities: r.entities, ...(r.recordedAt ? { recordedAt: r.recordedAt } : {}) }));
  const msPerRecord = records.length === 0 ? 0 : (performance.now() - started) / records.length;

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
        addEndToEnd(e2e, r, { ...analyseTime({ text: r.text, entities, ...(r.recordedAt ? { recordedAt: r.recordedAt } : {}) }), entities }, goldLabels);
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
    // Time stage only (recognise + link, scoring included), not the NER model.
    msPerRecord,
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
      `time stage       ${msPerRecord.toFixed(3)} ms per record`,
    ].join('\n') + '\n',
  );
  return 0;
}
