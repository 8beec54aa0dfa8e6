/**
 * `oncotimeline extract [--model DIR] [FILE|-]`: prints the entities of one text (a file's whole content, or stdin) as a
 * JSON array of EntityMention (UTF-16 offsets): the model's entities plus the therapy-modality rule's (src/ner/README.md
 * § Rules), as the platform serves them. A leading BOM is dropped before extraction.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { createNerEngine } from '../ner/index.js';
import { withTherapyTerms } from '../ner/rules/with-therapy-terms.js';

const USAGE = 'usage: oncotimeline extract [--model DIR] [--pool N] [FILE|-]\n';

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
      options: { model: { type: 'string' }, pool: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
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
  const text = (await readInput(positionals[0])).replace(/^\uFEFF/u, '');
  const engine = await createNerEngine({
    ...(values.model !== undefined ? { modelDir: values.model } : {}),
    // Default pool (one worker per core): a long file's windows then decode in parallel.
    ...(values.pool !== undefined ? { poolSize: Number(values.pool) } : {}),
  });
  try {
    // The served output (model + therapy-modality rule), as the platform stores it; `evaluate` scores the bare model.
    const entities = await withTherapyTerms(engine).extract(text);
    process.stdout.write(`${JSON.stringify(entities, null, 2)}\n`);
    return 0;
  } finally {
    await engine.close();
  }
}
