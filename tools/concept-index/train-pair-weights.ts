/**
 * Trains the (n-gram, name) pair weights (src/normalise/pair-weights.ts): logistic regression by SGD over every
 * candidate name of every training text, features = the text's n-grams crossed with the candidate's label, so each
 * update touches only the pairs present. L2-regularised; small weights are dropped when the model is written.
 */
import { distinctGrams, type PairWeightData } from '../../src/normalise/pair-weights.js';
import { foldText } from '../../src/normalise/fold-text.js';

export interface PairTrainingText {
  text: string;
  candidates: readonly number[];
  gold: ReadonlySet<number>;
}

const MAX_GRAM = 3;
const EPOCHS = 6;
const RATE = 0.1;
const L2 = 1e-4;
const KEEP = 0.05;

export function trainPairWeights(texts: readonly PairTrainingText[]): PairWeightData {
  // Integer keys (gram id · LABEL_SPAN + label): a Map of numbers is several times faster than one of strings.
  const gramIds = new Map<string, number>();
  const gramOf: string[] = [];
  const grams = texts.map((t) => Int32Array.from(distinctGrams(foldText(t.text), MAX_GRAM), (g) => {
    let id = gramIds.get(g);
    if (id === undefined) gramIds.set(g, (id = gramOf.push(g) - 1));
    return id;
  }));
  const weights = new Map<number, number>();
  let bias = -2;
  // Deterministic order: a fixed permutation per epoch (LCG), so builds are reproducible.
  let seed = 12345;
  const order = texts.map((_, i) => i);
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      const j = seed % (i + 1);
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    const rate = RATE / (1 + epoch);
    for (const t of order) {
      const text = texts[t]!;
      const gs = grams[t]!;
      for (const label of text.candidates) {
        let z = bias;
        for (const g of gs) z += weights.get(g * LABEL_SPAN + label) ?? 0;
        const p = 1 / (1 + Math.exp(-z));
        const gradient = p - (text.gold.has(label) ? 1 : 0);
        bias -= rate * gradient * 0.1;
        for (const g of gs) {
          const k = g * LABEL_SPAN + label;
          const w = weights.get(k) ?? 0;
          weights.set(k, w - rate * (gradient + L2 * w));
        }
      }
    }
  }
  return toData(weights, gramOf, bias);
}

/** Labels are below this (the label space has about 38,000 names). */
const LABEL_SPAN = 1 << 20;

function toData(weights: Map<number, number>, gramOf: readonly string[], bias: number): PairWeightData {
  const byGram = new Map<string, number[]>();
  for (const [k, w] of weights) {
    if (Math.abs(w) < KEEP) continue;
    const g = gramOf[Math.floor(k / LABEL_SPAN)]!;
    let list = byGram.get(g);
    if (!list) byGram.set(g, (list = []));
    list.push(k % LABEL_SPAN, Math.round(w * 1000));
  }
  const grams = [...byGram.keys()].sort();
  return { maxGram: MAX_GRAM, bias: Math.round(bias * 1000) / 1000, grams, entries: grams.map((g) => byGram.get(g)!) };
}
