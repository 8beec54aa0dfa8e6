/**
 * Builds a concept index folder from the extracted vocabulary and CHIP-CDN training pairs:
 *   1. concepts.json.gz: every code, standard name, parent links and hand-written synonym;
 *   2. diagnosis.json.gz: label space, n-gram associations, priors, hashed neighbour spans and (n-gram, name) pair
 *      weights learnt from the pairs, and the ranker trained on out-of-fold candidates (k folds: each fold's features
 *      come from statistics learnt on the others, as they will for unseen text): a logistic first stage, a small
 *      network as second stage, and a third network stacked on the second's out-of-fold probabilities, with the
 *      selection cut tuned for micro-F1 on the third stage's out-of-fold predictions;
 *   3. manifest.json.
 * `--part train` (the shipped index, models/concepts) learns from the pairs outside the dev split only and scores the
 * dev pairs; `--part all` learns from every pair (written to .cache/concept-index/all-build unless --out says).
 *
 * Usage: npx tsx tools/concept-index/build-index.ts [--part train|all] [--out DIR] [--vocabulary FILE] [--train FILE]
 *          [--version V] [--mlp-hidden 32 (0: linear second stage)] [--mlp-epochs 60] [--third yes|no] [--dump-features FILE]
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { ConceptTable } from '../../src/normalise/concept-table.js';
import { CONTEXT_FEATURE_COUNT, CONTEXT_FEATURE_NAMES, contextFeatures } from '../../src/normalise/context-features.js';
import { contentPositions, COVER_FEATURE_COUNT, coverFeatures, explainedPositions } from '../../src/normalise/cover-features.js';
import { logistic, mlpProbability } from '../../src/normalise/linear-ranker.js';
import { diagnosisCandidates, FEATURE_COUNT, FEATURE_NAMES, PAIR_FEATURE } from '../../src/normalise/diagnosis-features.js';
import { PairWeights, type PairWeightData } from '../../src/normalise/pair-weights.js';
import { trainPairWeights, type PairTrainingText } from './train-pair-weights.js';
import { buildDiagnosisModel, diagnosisCategories } from '../../src/normalise/diagnosis-model.js';
import { scoreDiagnosis, selectDiagnoses } from '../../src/normalise/diagnosis-normaliser.js';
import { foldText } from '../../src/normalise/fold-text.js';
import {
  DIAGNOSIS_FILE, INDEX_FORMAT, MANIFEST_FILE, VOCABULARY_FILE,
  type DiagnosisData, type IndexManifest, type RankerData,
} from '../../src/normalise/index-format.js';
import { parseChipCdn, type ChipCdnPair } from '../../src/normalise/chip-cdn-file.js';
import { scoreNameSets } from '../../src/normalise/score-names.js';
import { DEFAULT_TRAIN, readSplit, REPO } from './chip-cdn-split.js';
import { learnAssociations, learnNeighbours, learnPrior, type LabelledText } from './learn-associations.js';
import { fitLogistic, fitMlp, tuneCut, type Example, type ScoredText } from './train-ranker.js';
import { diagnosisLabels, readVocabulary } from './vocabulary.js';

const { values } = parseArgs({
  options: {
    part: { type: 'string', default: 'train' },
    out: { type: 'string' },
    vocabulary: { type: 'string', default: path.join(REPO, '.cache', 'concept-index', 'vocabulary.json') },
    train: { type: 'string', default: DEFAULT_TRAIN },
    folds: { type: 'string', default: '5' },
    version: { type: 'string', default: '3.1.0' },
    'dump-features': { type: 'string' },
    'mlp-hidden': { type: 'string', default: '32' },
    'mlp-epochs': { type: 'string', default: '60' },
    third: { type: 'string', default: 'yes' },
  },
});
if (values.part !== 'all' && values.part !== 'train') throw new Error(`--part: expected all or train, got ${values.part}`);
const outDir = path.resolve(values.out ?? (values.part === 'train' ? path.join(REPO, 'models', 'concepts') : path.join(REPO, '.cache', 'concept-index', 'all-build')));
const folds = Number(values.folds);
const started = Date.now();
const log = (line: string): void => void process.stdout.write(`build-index: ${line} (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);

const { data: vocabulary, sources } = readVocabulary(path.resolve(values.vocabulary!));
const table = new ConceptTable(vocabulary);
const labels = diagnosisLabels(vocabulary);
const labelNames = labels.map((c) => foldText(table.name(c)));
const labelByName = new Map(labelNames.map((n, i) => [n, i]));
const categoryOf = diagnosisCategories(labels.map((c) => table.code(c)));
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
const NO_PAIR_WEIGHTS: PairWeightData = { maxGram: 3, bias: 0, grams: [], entries: [] };
const zero = (n: number) => ({ weights: new Array<number>(n).fill(0), bias: 0 });
const placeholder: RankerData = {
  features: [...FEATURE_NAMES],
  contextFeatures: [...CONTEXT_FEATURE_NAMES],
  first: zero(FEATURE_COUNT),
  second: zero(FEATURE_COUNT + CONTEXT_FEATURE_COUNT),
  threshold: 0.5,
  floor: 0.5,
};
const modelFrom = (learnt: readonly LabelledText[], ranker: RankerData) =>
  buildDiagnosisModel(table, learnDiagnosis(learnt, ranker));

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
// Pair weights are trained on candidates, so they come after them: fold k's feature from weights learnt on the
// other folds' candidates; the shipped weights from all of them.
const pairTexts: PairTrainingText[] = oof.map(({ item, candidates }) => ({
  text: items[item]!.text,
  candidates: candidates.map((c) => c.label),
  gold: new Set(items[item]!.labels),
}));
for (let k = 0; k < folds; k++) {
  const weights = new PairWeights(trainPairWeights(pairTexts.filter((_, t) => oof[t]!.item % folds !== k)));
  oof.forEach(({ item, candidates }) => {
    if (item % folds !== k) return;
    const scores = weights.scores(foldText(items[item]!.text));
    for (const c of candidates) c.features[PAIR_FEATURE] = 1 / (1 + Math.exp(-(weights.bias + (scores.get(c.label) ?? 0))));
  });
}
const pairWeights = trainPairWeights(pairTexts);
log(`pair weights: ${pairWeights.grams.length} n-grams, ${pairWeights.entries.reduce((n, e) => n + e.length / 2, 0)} weights`);
const positives = examples.filter((e) => e.positive).length;
const goldTotal = learnFrom.reduce((n, p) => n + p.names.length, 0);
log(`${examples.length} candidates, candidate recall ${(positives / goldTotal).toFixed(4)} of ${goldTotal} gold names`);

// Stage 1 on each candidate alone; stage 2 adds where it stands among its text's candidates by stage-1 probability.
const first = fitLogistic(examples, FEATURE_COUNT);
const secondExamples: Example[] = [];
const secondFold: number[] = [];
const contexts = oof.map(({ candidates }) => {
  const p1 = candidates.map((c) => logistic(first, c.features));
  return contextFeatures(candidates.map((c) => labelNames[c.label]!), p1, candidates.map((c) => categoryOf[c.label]!));
});
oof.forEach(({ item, candidates }, t) => {
  const gold = new Set(items[item]!.labels);
  candidates.forEach((c, i) => {
    const x = new Float64Array(FEATURE_COUNT + CONTEXT_FEATURE_COUNT);
    x.set(c.features);
    x.set(contexts[t]![i]!, FEATURE_COUNT);
    secondExamples.push({ features: x, positive: gold.has(c.label) });
    secondFold.push(item % folds);
  });
});
const second = fitLogistic(secondExamples, FEATURE_COUNT + CONTEXT_FEATURE_COUNT);
// The second stage proper is a small network over the same inputs. Its cut is tuned on its out-of-fold probabilities
// (fold k's texts scored by a network fitted on the other folds), since a network, unlike the logistic stages, fits its
// own training texts noticeably better than unseen ones.
const secondDimension = FEATURE_COUNT + CONTEXT_FEATURE_COUNT;
const mlpOptions = values['mlp-hidden'] === '0' ? null : { hidden: Number(values['mlp-hidden']), epochs: Number(values['mlp-epochs']) };
const secondProbability = new Float64Array(secondExamples.length);
if (mlpOptions) {
  for (let k = 0; k < folds; k++) {
    const net = fitMlp(secondExamples.filter((_, e) => secondFold[e] !== k), secondDimension, mlpOptions);
    secondExamples.forEach((e, i) => {
      if (secondFold[i] === k) secondProbability[i] = mlpProbability(net, e.features);
    });
    log(`second-stage network, fold ${k + 1}/${folds}`);
  }
} else {
  secondExamples.forEach((e, i) => (secondProbability[i] = logistic(second, e.features)));
}
const mlp = mlpOptions ? fitMlp(secondExamples, secondDimension, mlpOptions) : undefined;
log(`second stage: ${mlp ? `network, ${mlpOptions!.hidden} hidden units` : 'linear'}`);

// Third stage, stacked on the second: the context features again, now from the second stage's out-of-fold
// probabilities, and which characters of the text each candidate explains that likelier ones do not
// (cover-features.ts). Its cut is tuned on its own out-of-fold probabilities.
let finalProbability = secondProbability;
let third: ReturnType<typeof fitMlp> | undefined;
if (mlpOptions && values.third !== 'no') {
  const thirdDimension = secondDimension + CONTEXT_FEATURE_COUNT + COVER_FEATURE_COUNT;
  const thirdExamples: Example[] = [];
  let row = 0;
  for (const { item, candidates } of oof) {
    const p2 = candidates.map(() => secondProbability[row++]!);
    const names = candidates.map((c) => labelNames[c.label]!);
    const context2 = contextFeatures(names, p2, candidates.map((c) => categoryOf[c.label]!));
    const text = foldText(items[item]!.text);
    const cover = coverFeatures(names.map((n) => explainedPositions(text, n)), contentPositions(text), p2);
    candidates.forEach((_, i) => {
      const e = secondExamples[row - candidates.length + i]!;
      const x = new Float64Array(thirdDimension);
      x.set(e.features);
      x.set(context2[i]!, secondDimension);
      x.set(cover[i]!, secondDimension + CONTEXT_FEATURE_COUNT);
      thirdExamples.push({ features: x, positive: e.positive });
    });
  }
  finalProbability = new Float64Array(thirdExamples.length);
  for (let k = 0; k < folds; k++) {
    const net = fitMlp(thirdExamples.filter((_, e) => secondFold[e] !== k), thirdDimension, mlpOptions);
    thirdExamples.forEach((e, i) => {
      if (secondFold[i] === k) finalProbability[i] = mlpProbability(net, e.features);
    });
    log(`third-stage network, fold ${k + 1}/${folds}`);
  }
  third = fitMlp(thirdExamples, thirdDimension, mlpOptions);
}
let next = 0;
const scoredTexts: ScoredText[] = oof.map(({ item, candidates }) => {
  const gold = new Set(items[item]!.labels);
  return {
    gold: learnFrom[item]!.names.length,
    candidates: candidates
      .map((c) => ({ probability: finalProbability[next++]!, positive: gold.has(c.label) }))
      .sort((a, b) => b.probability - a.probability),
  };
});
const cut = tuneCut(scoredTexts);
const weights = (m: { weights: number[]; bias: number }, names: readonly string[]): string =>
  `${names.map((n, i) => `${n} ${m.weights[i]!.toFixed(2)}`).join(', ')}, bias ${m.bias.toFixed(2)}`;
log(`stage 1: ${weights(first, FEATURE_NAMES)}`);
log(`stage 2: ${weights(second, [...FEATURE_NAMES, ...CONTEXT_FEATURE_NAMES])}`);
log(`cut: threshold ${cut.threshold}, floor ${cut.floor}; out-of-fold micro-F1 ${cut.f1.toFixed(4)}`);

const ranker: RankerData = {
  features: [...FEATURE_NAMES],
  contextFeatures: [...CONTEXT_FEATURE_NAMES],
  first,
  second,
  ...(mlp ? { mlp } : {}),
  ...(third ? { third } : {}),
  threshold: cut.threshold,
  floor: cut.floor,
};
const diagnosis = learnDiagnosis(items, ranker, pairWeights);
const metrics: Record<string, unknown> = { outOfFoldF1: round(cut.f1), candidateRecall: round(positives / goldTotal) };
if (values.part === 'train') {
  const model = buildDiagnosisModel(table, diagnosis);
  const predicted = devPairs.map((p) => selectDiagnoses(scoreDiagnosis(model, p.text), ranker).map((s) => table.name(model.labelConcepts[s.label]!)));
  const scores = scoreNameSets(devPairs.map((p) => p.names), predicted);
  metrics['dev'] = { ...scores, precision: round(scores.precision), recall: round(scores.recall), f1: round(scores.f1) };
  if (values['dump-features']) dumpFeatures(values['dump-features'], model);
  log(`dev (${devPairs.length} pairs): P ${scores.precision.toFixed(4)} R ${scores.recall.toFixed(4)} F1 ${scores.f1.toFixed(4)}`);
}

mkdirSync(outDir, { recursive: true });
writeFileSync(path.join(outDir, VOCABULARY_FILE), gzipSync(JSON.stringify(vocabulary), { level: 9 }));
writeFileSync(path.join(outDir, DIAGNOSIS_FILE), gzipSync(JSON.stringify(diagnosis), { level: 9 }));
const manifest: IndexManifest = {
  format: INDEX_FORMAT,
  version: values.version!,
  trainedOn: values.part,
  sources: { ...sources, 'chip-cdn/train.json': createHash('sha256').update(readFileSync(trainFile)).digest('hex') },
  counts: {
    concepts: table.size,
    diagnosisLabels: labels.length,
    associations: diagnosis.associations.grams.length,
    neighbourSpans: diagnosis.neighbours.spans.length,
    synonyms: vocabulary.synonyms.length,
    trainingPairs: learnFrom.length,
  },
  metrics,
};
writeFileSync(path.join(outDir, MANIFEST_FILE), JSON.stringify(manifest, null, 2) + '\n');
log(`wrote ${outDir}`);

/**
 * Offline analysis: one JSON line per candidate, out-of-fold training candidates then dev candidates
 * ({split, text index, label, gold count, positive, features}). Feature vectors only, no text.
 */
function dumpFeatures(file: string, devModel: ReturnType<typeof buildDiagnosisModel>): void {
  const lines: string[] = [];
  for (const { item, candidates } of oof) {
    const gold = new Set(items[item]!.labels);
    for (const c of candidates) lines.push(JSON.stringify({ s: 'oof', t: item, l: c.label, g: learnFrom[item]!.names.length, y: gold.has(c.label) ? 1 : 0, x: Array.from(c.features) }));
  }
  devPairs.forEach((p, t) => {
    const gold = new Set(labelled(p).labels);
    for (const c of diagnosisCandidates(devModel, p.text)) lines.push(JSON.stringify({ s: 'dev', t, l: c.label, g: p.names.length, y: gold.has(c.label) ? 1 : 0, x: Array.from(c.features) }));
  });
  writeFileSync(file, lines.join('\n') + '\n');
}

function learnDiagnosis(learnt: readonly LabelledText[], ranker: RankerData, pairWeights: PairWeightData = NO_PAIR_WEIGHTS): DiagnosisData {
  return {
    labels,
    prior: learnPrior(learnt),
    associations: learnAssociations(learnt, labelNames),
    neighbours: learnNeighbours(learnt, labelNames),
    pairWeights,
    ranker,
  };
}

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}
