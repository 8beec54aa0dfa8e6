/**
 * Builds a concept index folder from the extracted vocabulary and CHIP-CDN training pairs:
 *   1. concepts.json.gz: every code, standard name, parent links and hand-written synonym;
 *   2. diagnosis.json.gz: label space, n-gram associations and priors learnt from the pairs, and a logistic ranker
 *      trained on out-of-fold candidates (k folds: each fold's features come from associations learnt on the others,
 *      as they will for unseen text), with the selection cut tuned for micro-F1 on the same predictions;
 *   3. manifest.json.
 * `--part train` learns from the pairs outside the dev split only and scores the dev pairs; `--part all` (the shipped
 * index) learns from every pair.
 *
 * Usage: npx tsx tools/concept-index/build-index.ts [--part all|train] [--out DIR] [--vocabulary FILE] [--train FILE]
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { ConceptTable } from '../../src/normalise/concept-table.js';
import { diagnosisCandidates, FEATURE_COUNT, FEATURE_NAMES } from '../../src/normalise/diagnosis-features.js';
import { buildDiagnosisModel } from '../../src/normalise/diagnosis-model.js';
import { scoreDiagnosis, selectDiagnoses } from '../../src/normalise/diagnosis-normaliser.js';
import { foldText } from '../../src/normalise/fold-text.js';
import {
  DIAGNOSIS_FILE, INDEX_FORMAT, MANIFEST_FILE, VOCABULARY_FILE,
  type DiagnosisData, type IndexManifest, type RankerData,
} from '../../src/normalise/index-format.js';
import { parseChipCdn, type ChipCdnPair } from '../../src/normalise/chip-cdn-file.js';
import { scoreNameSets } from '../../src/normalise/score-names.js';
import { DEFAULT_TRAIN, readSplit, REPO } from './chip-cdn-split.js';
import { learnAssociations, learnPrior, type LabelledText } from './learn-associations.js';
import { fitLogistic, tuneCut, type Example, type ScoredText } from './train-ranker.js';
import { diagnosisLabels, readVocabulary } from './vocabulary.js';

const { values } = parseArgs({
  options: {
    part: { type: 'string', default: 'all' },
    out: { type: 'string' },
    vocabulary: { type: 'string', default: path.join(REPO, '.cache', 'concept-index', 'vocabulary.json') },
    train: { type: 'string', default: DEFAULT_TRAIN },
    folds: { type: 'string', default: '5' },
    version: { type: 'string', default: '1.0.0' },
  },
});
if (values.part !== 'all' && values.part !== 'train') throw new Error(`--part: expected all or train, got ${values.part}`);
const outDir = path.resolve(values.out ?? (values.part === 'all' ? path.join(REPO, 'models', 'concepts') : path.join(REPO, '.cache', 'concept-index', 'dev-build')));
const folds = Number(values.folds);
const started = Date.now();
const log = (line: string): void => void process.stdout.write(`build-index: ${line} (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);

const { data: vocabulary, sources } = readVocabulary(path.resolve(values.vocabulary!));
const table = new ConceptTable(vocabulary);
const labels = diagnosisLabels(vocabulary);
const labelNames = labels.map((c) => foldText(table.name(c)));
const labelByName = new Map(labelNames.map((n, i) => [n, i]));
log(`${table.size} concepts, ${labels.length} diagnosis labels`);

const trainFile = path.resolve(values.train!);
const pairs = parseChipCdn(readFileSync(trainFile, 'utf8'));
const dev = new Set(readSplit(trainFile).devIndices);
const learnFrom = pairs.filter((_, i) => values.part === 'all' || !dev.has(i));
const devPairs = pairs.filter((_, i) => dev.has(i));
const labelled = (p: ChipCdnPair): LabelledText => ({
  text: p.text,
  labels: p.names.flatMap((n) => labelByName.get(foldText(n)) ?? []),
});
const items = learnFrom.map(labelled);
log(`learning from ${items.length} pairs (${values.part})`);

// A ranker is needed to build a model; the out-of-fold passes only read features, so any weights do.
const placeholder: RankerData = { features: [...FEATURE_NAMES], weights: new Array(FEATURE_COUNT).fill(0), bias: 0, threshold: 0.5, floor: 0.5 };
const modelFrom = (learnt: readonly LabelledText[], ranker: RankerData) =>
  buildDiagnosisModel(table, { labels, prior: learnPrior(learnt), associations: learnAssociations(learnt, labelNames), ranker });

const examples: Example[] = [];
const oof: { item: number; candidates: { label: number; features: Float64Array }[] }[] = [];
for (let k = 0; k < folds; k++) {
  const held = items.filter((_, i) => i % folds === k);
  const model = modelFrom(items.filter((_, i) => i % folds !== k), placeholder);
  items.forEach((item, i) => {
    if (i % folds !== k) return;
    const gold = new Set(item.labels);
    const candidates = diagnosisCandidates(model, item.text);
    for (const c of candidates) examples.push({ features: c.features, positive: gold.has(c.label) });
    oof.push({ item: i, candidates });
  });
  log(`fold ${k + 1}/${folds}: ${held.length} pairs`);
}
const positives = examples.filter((e) => e.positive).length;
const goldTotal = learnFrom.reduce((n, p) => n + p.names.length, 0);
log(`${examples.length} candidates, candidate recall ${(positives / goldTotal).toFixed(4)} of ${goldTotal} gold names`);

const fitted = fitLogistic(examples, FEATURE_COUNT);
const probability = (f: Float64Array): number => {
  let z = fitted.bias;
  f.forEach((x, i) => (z += fitted.weights[i]! * x));
  return 1 / (1 + Math.exp(-z));
};
const scoredTexts: ScoredText[] = oof.map(({ item, candidates }) => {
  const gold = new Set(items[item]!.labels);
  return {
    gold: learnFrom[item]!.names.length,
    candidates: candidates
      .map((c) => ({ probability: probability(c.features), positive: gold.has(c.label) }))
      .sort((a, b) => b.probability - a.probability),
  };
});
const cut = tuneCut(scoredTexts);
log(`ranker: ${FEATURE_NAMES.map((n, i) => `${n} ${fitted.weights[i]!.toFixed(2)}`).join(', ')}, bias ${fitted.bias.toFixed(2)}`);
log(`cut: threshold ${cut.threshold}, floor ${cut.floor}; out-of-fold micro-F1 ${cut.f1.toFixed(4)}`);

const ranker: RankerData = { features: [...FEATURE_NAMES], ...fitted, threshold: cut.threshold, floor: cut.floor };
const diagnosis: DiagnosisData = { labels, prior: learnPrior(items), associations: learnAssociations(items, labelNames), ranker };
const metrics: Record<string, unknown> = { outOfFoldF1: round(cut.f1), candidateRecall: round(positives / goldTotal) };
if (values.part === 'train') {
  const model = buildDiagnosisModel(table, diagnosis);
  const predicted = devPairs.map((p) => selectDiagnoses(scoreDiagnosis(model, p.text), ranker).map((s) => table.name(model.labelConcepts[s.label]!)));
  const scores = scoreNameSets(devPairs.map((p) => p.names), predicted);
  metrics['dev'] = { ...scores, precision: round(scores.precision), recall: round(scores.recall), f1: round(scores.f1) };
  log(`dev (${devPairs.length} pairs): P ${scores.precision.toFixed(4)} R ${scores.recall.toFixed(4)} F1 ${scores.f1.toFixed(4)}`);
}

mkdirSync(outDir, { recursive: true });
writeFileSync(path.join(outDir, VOCABULARY_FILE), gzipSync(JSON.stringify(vocabulary), { level: 9 }));
writeFileSync(path.join(outDir, DIAGNOSIS_FILE), gzipSync(JSON.stringify(diagnosis), { level: 9 }));
const manifest: IndexManifest = {
  format: INDEX_FORMAT,
  version: values.version!,
  trainedOn: values.part === 'all' ? `CHIP-CDN train.json, all ${pairs.length} pairs` : `CHIP-CDN train.json minus the dev split (${learnFrom.length} pairs)`,
  sources: { ...sources, 'chip-cdn/train.json': readSplit(trainFile).sourceSha256 },
  counts: {
    concepts: table.size,
    diagnosisLabels: labels.length,
    associations: diagnosis.associations.grams.length,
    synonyms: vocabulary.synonyms.length,
    trainingPairs: learnFrom.length,
  },
  metrics,
};
writeFileSync(path.join(outDir, MANIFEST_FILE), JSON.stringify(manifest, null, 2) + '\n');
log(`wrote ${outDir}`);

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}
