/**
 * Writes what the dense (bi-encoder) step embeds, for models/train's `concept_encoder` module: the diagnosis label
 * names in label order, and the CHIP-CDN train-part and dev texts in build-index's order, each with its parts
 * between punctuation. The output holds dataset text, so it goes to the git-ignored cache only.
 *
 * Usage: npx tsx tools/concept-index/write-encoder-inputs.ts [--out .cache/concept-index/dense/inputs.json]
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ConceptTable } from '../../src/normalise/concept-table.js';
import { diagnosisCategories } from '../../src/normalise/diagnosis-model.js';
import { parseChipCdn } from '../../src/normalise/chip-cdn-file.js';
import { foldText } from '../../src/normalise/fold-text.js';
import { splitAtPunctuation } from '../../src/normalise/split-diagnosis.js';
import { DEFAULT_TRAIN, readSplit, REPO } from './chip-cdn-split.js';
import { diagnosisLabels, readVocabulary } from './vocabulary.js';

const { values } = parseArgs({
  options: {
    out: { type: 'string', default: path.join(REPO, '.cache', 'concept-index', 'dense', 'inputs.json') },
    vocabulary: { type: 'string', default: path.join(REPO, '.cache', 'concept-index', 'vocabulary.json') },
    train: { type: 'string', default: DEFAULT_TRAIN },
  },
});
const { data } = readVocabulary(path.resolve(values.vocabulary!));
const table = new ConceptTable(data);
const labels = diagnosisLabels(data);
const labelNames = labels.map((c) => table.name(c));
const labelIndex = new Map(labelNames.map((n, i) => [foldText(n), i]));
const trainFile = path.resolve(values.train!);
const pairs = parseChipCdn(readFileSync(trainFile, 'utf8'));
const dev = new Set(readSplit(trainFile).devIndices);
const item = (p: (typeof pairs)[number]) => ({
  text: p.text,
  parts: splitAtPunctuation(foldText(p.text)),
  labels: p.names.flatMap((n) => labelIndex.get(foldText(n)) ?? []),
});
const out = {
  labels: labelNames,
  categories: Array.from(diagnosisCategories(labels.map((c) => table.code(c)))),
  train: pairs.filter((_, i) => !dev.has(i)).map(item),
  dev: pairs.filter((_, i) => dev.has(i)).map(item),
};
mkdirSync(path.dirname(path.resolve(values.out!)), { recursive: true });
writeFileSync(path.resolve(values.out!), JSON.stringify(out));
process.stdout.write(`${labelNames.length} labels, ${out.train.length} train and ${out.dev.length} dev texts → ${values.out}\n`);
