/**
 * Writes models/concepts/splits/dev-indices.txt: the dev indices of CHIP-CDN train.json (rule in chip-cdn-split.ts).
 * Usage: npx tsx tools/concept-index/make-split.ts [--train FILE]
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_TRAIN, devIndicesOf, SPLIT_FILE } from './chip-cdn-split.js';

const { values } = parseArgs({ options: { train: { type: 'string', default: DEFAULT_TRAIN } } });
const train = path.resolve(values.train!);
const pairs = JSON.parse(readFileSync(train, 'utf8')) as { text: string }[];
const devIndices = devIndicesOf(pairs.map((p) => p.text));
mkdirSync(path.dirname(SPLIT_FILE), { recursive: true });
writeFileSync(SPLIT_FILE, devIndices.join('\n') + '\n');
process.stdout.write(`make-split: ${devIndices.length} dev of ${pairs.length} → ${SPLIT_FILE}\n`);
