import { contextFeatures } from './context-features.js';
import { contentPositions, coverFeatures, explainedPositions } from './cover-features.js';
import type { LinearModel, MlpData, RankerData } from './index-format.js';

/**
 * σ(w·x + b) over the concatenation of feature vectors (no copy).
 * @example logistic({ weights: [2, 1], bias: -1 }, Float64Array.of(1), Float64Array.of(0)) // → 0.7311
 */
export function logistic(model: LinearModel, ...parts: Float64Array[]): number {
  let z = model.bias;
  let k = 0;
  for (const part of parts) for (let i = 0; i < part.length; i++) z += model.weights[k++]! * part[i]!;
  return 1 / (1 + Math.exp(-z));
}

/**
 * Probabilities of a text's candidates (names + own features): first stage alone, then the second stage (the network
 * when the ranker has one, else the linear model) with the context the first stage gives (context-features.ts), then
 * the third-stage network when the ranker has one and the folded `text` is given (its cover features need the text).
 * Same order as the input.
 *
 * @example rankCandidates(ranker, ['肺炎', '支气管肺炎'], [3, 3], [f1, f2]) // → [0.21, 0.88]
 */
export function rankCandidates(
  ranker: RankerData,
  names: readonly string[],
  categories: readonly number[],
  features: readonly Float64Array[],
  text?: string,
): number[] {
  const p1 = features.map((f) => logistic(ranker.first, f));
  const context = contextFeatures(names, p1, categories);
  const mlp = ranker.mlp;
  if (!mlp) return features.map((f, i) => logistic(ranker.second, f, context[i]!));
  const p2 = features.map((f, i) => mlpProbability(mlp, f, context[i]!));
  const third = ranker.third;
  if (!third || text === undefined) return p2;
  const context2 = contextFeatures(names, p2, categories);
  const cover = coverFeatures(names.map((n) => explainedPositions(text, n)), contentPositions(text), p2);
  return features.map((f, i) => mlpProbability(third, f, context[i]!, context2[i]!, cover[i]!));
}

/**
 * σ(w2 · relu(W1 x + b1) + b2) over the concatenation of feature vectors (no copy).
 * @example mlpProbability({ inputs: 1, hidden: 1, w1: [1], b1: [0], w2: [2], b2: -1 }, Float64Array.of(1)) // → 0.7311
 */
export function mlpProbability(mlp: MlpData, ...parts: Float64Array[]): number {
  const { w1, b1, w2 } = packed(mlp);
  const x = parts.length === 1 ? parts[0]! : concat(parts, mlp.inputs);
  const n = mlp.inputs;
  let z = mlp.b2;
  for (let h = 0, row = 0; h < mlp.hidden; h++, row += n) {
    let a = b1[h]!;
    for (let i = 0; i < n; i++) a += w1[row + i]! * x[i]!;
    if (a > 0) z += w2[h]! * a;
  }
  return 1 / (1 + Math.exp(-z));
}

// Typed copies of each network's weights, made on first use.
const PACKED = new WeakMap<MlpData, { w1: Float64Array; b1: Float64Array; w2: Float64Array }>();

function packed(mlp: MlpData): { w1: Float64Array; b1: Float64Array; w2: Float64Array } {
  let p = PACKED.get(mlp);
  if (!p) PACKED.set(mlp, (p = { w1: Float64Array.from(mlp.w1), b1: Float64Array.from(mlp.b1), w2: Float64Array.from(mlp.w2) }));
  return p;
}

function concat(parts: readonly Float64Array[], length: number): Float64Array {
  const x = new Float64Array(length);
  let k = 0;
  for (const part of parts) {
    x.set(part.subarray(0, Math.min(part.length, length - k)), k);
    k += part.length;
  }
  return x;
}
