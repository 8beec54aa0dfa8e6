/**
 * `oncotimeline evaluate --data FILE [--model DIR] [--json] [--types T1,T2] [--head NAME]`: strict span P/R/F1 of the
 * NER model on a CCKS 2019-format JSON-lines file. Prints a table, or with `--json`
 * `{"micro":{"precision","recall","f1",...},"perType":{TYPE:{...}},"records":N,"head":NAME|null}`. A multi-head model
 * is scored on one head's own output (`--head`, else the head named after the data set the gold labels identify) or,
 * when none applies, on its merged output (`"head": null`); see `src/ner/evaluation/head-choice.ts`.
 * A progress bar goes to stderr on a TTY only, so piped output stays clean.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { createNerEngine, readCcksRecords, evaluateRecords, type EvaluationResult } from '../ner/index.js';

const USAGE = 'usage: oncotimeline evaluate --data FILE [--model DIR] [--json] [--types T1,T2] [--head NAME] [--pool N]\n';

const HEAD_REASONS: Record<EvaluationResult['headReason'], string> = {
  requested: '--head',
  'only head': 'the model has one head',
  'data set': 'named after the data set the gold labels identify',
  merged: 'no head is named after a data set the gold labels identify',
};

function progressBar(): ((done: number, total: number) => void) | undefined {
  if (!process.stderr.isTTY) return undefined;
  let last = 0;
  return (done, total) => {
    const now = Date.now();
    if (done < total && now - last < 100) return;
    last = now;
    const width = 30;
    const filled = Math.round((done / total) * width);
    process.stderr.write(`\revaluating [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}${done === total ? '\n' : ''}`);
  };
}

function pct(x: number): string {
  return (x * 100).toFixed(2).padStart(6);
}

export function formatTable(result: EvaluationResult): string {
  const rows = [
    ...result.types.map((t) => [t, result.perType[t]!] as const),
    ['micro', result.micro] as const,
  ];
  const lines = [`${'type'.padEnd(12)} ${'P'.padStart(6)} ${'R'.padStart(6)} ${'F1'.padStart(6)} ${'gold'.padStart(6)} ${'pred'.padStart(6)}`];
  for (const [name, s] of rows) {
    lines.push(`${name.padEnd(12)} ${pct(s.precision)} ${pct(s.recall)} ${pct(s.f1)} ${String(s.gold).padStart(6)} ${String(s.predicted).padStart(6)}`);
  }
  lines.push(`records: ${result.records}`);
  lines.push(`head: ${result.head ?? 'merged output of all heads'} (${HEAD_REASONS[result.headReason]})`);
  return `${lines.join('\n')}\n`;
}

export async function run(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: {
        data: { type: 'string' },
        model: { type: 'string' },
        json: { type: 'boolean' },
        types: { type: 'string' },
        head: { type: 'string' },
        pool: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    process.stderr.write(`oncotimeline evaluate: ${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values } = parsed;
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (values.data === undefined) {
    process.stderr.write(`oncotimeline evaluate: --data FILE is required\n${USAGE}`);
    return 2;
  }
  const records = readCcksRecords(await readFile(values.data, 'utf8'));
  const types = values.types?.split(',').map((t) => t.trim()).filter((t) => t !== '');
  const engine = await createNerEngine({
    ...(values.model !== undefined ? { modelDir: values.model } : {}),
    ...(values.pool !== undefined ? { poolSize: Number(values.pool) } : {}),
  });
  try {
    const bar = progressBar();
    const result = await evaluateRecords(engine, records, {
      ...(types ? { types } : {}),
      ...(values.head !== undefined ? { head: values.head } : {}),
      ...(bar ? { onProgress: bar } : {}),
    });
    if (values.json) {
      process.stdout.write(`${JSON.stringify({ micro: result.micro, perType: result.perType, records: result.records, head: result.head })}\n`);
    } else {
      process.stdout.write(formatTable(result));
    }
    return 0;
  } finally {
    await engine.close();
  }
}
