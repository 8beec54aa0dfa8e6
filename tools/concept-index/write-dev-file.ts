/**
 * Writes the dev part of CHIP-CDN train.json, as distributed (a JSON array of {"text", "normalized_result"}), to
 * .cache/concept-index/chip-cdn-dev.json (gitignored) for `oncotimeline evaluate-normalise --data`.
 * Usage: npx tsx tools/concept-index/write-dev-file.ts [--train FILE] [--out FILE]
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_TRAIN, readSplit, REPO } from './chip-cdn-split.js';

const { values } = parseArgs({
  options: {
    train: { type: 'string', default: DEFAULT_TRAIN },
    out: { type: 'string', default: path.join(REPO, '.cache', 'concept-index', 'chip-cdn-dev.json') },
  },
});
const train = path.resolve(values.train!);
const pairs = JSON.parse(readFileSync(train, 'utf8')) as unknown[];
const dev = readSplit(train).devIndices.map((i) => pairs[i]);
mkdirSync(path.dirname(path.resolve(values.out!)), { recursive: true });
writeFileSync(path.resolve(values.out!), JSON.stringify(dev));
process.stdout.write(`write-dev-file: ${dev.length} pairs → ${values.out}\n`);
