/**
 * `oncotimeline extract [--model DIR] [--recorded-at YYYY-MM-DD] [FILE|-]`: runs the record pipeline (ner → rules →
 * assertion → normalise → time) over one text (a file's whole content, or stdin) and prints what the API's `extract`
 * returns, as JSON: `{ model, stages, entities, timexes }` (UTF-16 offsets; every mention with its assertion, subject,
 * concept and time). A leading BOM is dropped first. `--recorded-at` (default: today) is the reference date.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { isValidCalendarDate } from '../domain/index.js';
import { createNerEngine } from '../ner/index.js';
import { openRecordPipeline, previewExtraction } from '../pipeline/index.js';

const USAGE = 'usage: oncotimeline extract [--model DIR] [--pool N] [--recorded-at YYYY-MM-DD] [FILE|-]\n';

async function readInput(file: string | undefined): Promise<string> {
  if (file !== undefined && file !== '-') return readFile(file, 'utf8');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function run(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        model: { type: 'string' }, pool: { type: 'string' }, 'recorded-at': { type: 'string' }, help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    process.stderr.write(`oncotimeline extract: ${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (positionals.length > 1) {
    process.stderr.write(`oncotimeline extract: expected at most one FILE, got ${positionals.length}\n${USAGE}`);
    return 2;
  }
  const recordedAt = values['recorded-at'] ?? new Date().toISOString().slice(0, 10);
  if (!isValidCalendarDate(recordedAt)) {
    process.stderr.write(`oncotimeline extract: --recorded-at: expected a real date YYYY-MM-DD, got '${recordedAt}'\n${USAGE}`);
    return 2;
  }
  const text = (await readInput(positionals[0])).replace(/^\uFEFF/u, '');
  const engine = await createNerEngine({
    ...(values.model !== undefined ? { modelDir: values.model } : {}),
    // Default pool (one worker per core): a long file's windows then decode in parallel.
    ...(values.pool !== undefined ? { poolSize: Number(values.pool) } : {}),
  });
  try {
    // The platform's pipeline, as jobs and the API run it; `evaluate` scores the bare model.
    const preview = await previewExtraction(await openRecordPipeline(engine), text, recordedAt);
    process.stdout.write(`${JSON.stringify(preview, null, 2)}\n`);
    return 0;
  } finally {
    await engine.close();
  }
}
