/**
 * `oncotimeline evaluate-normalise --data FILE [--json] [--index DIR]`: scores diagnosis normalisation on a CHIP-CDN file
 * as distributed (a JSON array of `{"text", "normalized_result"}`, `##`-joined standard names): micro precision,
 * recall and F1 over names, the CHIP-CDN metric. Exit 2 on a usage error or a malformed file (never quoting its text).
 *
 * @example
 *   oncotimeline evaluate-normalise --data .cache/chip-cdn-dev.json --json
 *   // {"precision":0.7,"recall":0.6,"f1":0.65,"mentions":1222,...}
 */
import { parseArgs } from 'node:util';
import { isNormaliseError, loadConceptIndex, readChipCdnFile, scoreNameSets } from '../normalise/index.js';

const USAGE = 'usage: oncotimeline evaluate-normalise --data FILE [--json] [--index DIR]\n';

export async function run(args: string[]): Promise<number> {
  let data: string;
  let json = false;
  let index: string | undefined;
  try {
    const { values } = parseArgs({ args, strict: true, options: { data: { type: 'string' }, json: { type: 'boolean' }, index: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
    if (values.help) {
      process.stdout.write(USAGE);
      return 0;
    }
    if (values.data === undefined) throw new Error('expected --data FILE (a CHIP-CDN JSON array)');
    data = values.data;
    json = values.json === true;
    index = values.index;
  } catch (err) {
    process.stderr.write(`oncotimeline evaluate-normalise: ${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  try {
    const pairs = await readChipCdnFile(data);
    const concepts = await loadConceptIndex(index);
    const started = performance.now();
    const predicted = pairs.map((p) => [...new Set(concepts.normaliseDiagnosis(p.text).map((c) => c.name))]);
    const ms = performance.now() - started;
    const scores = { ...scoreNameSets(pairs.map((p) => p.names), predicted), index: concepts.version, msPerMention: Math.round((ms / Math.max(1, pairs.length)) * 1000) / 1000 };
    process.stdout.write(json ? `${JSON.stringify(scores)}\n`
      : `CHIP-CDN names: P ${scores.precision.toFixed(4)} R ${scores.recall.toFixed(4)} F1 ${scores.f1.toFixed(4)} over ${scores.mentions} texts (${scores.msPerMention} ms each)\n`);
    return 0;
  } catch (err) {
    if (isNormaliseError(err) && err.code === 'BAD_USER_INPUT') {
      process.stderr.write(`oncotimeline evaluate-normalise: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
}
