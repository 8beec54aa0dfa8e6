import { contextFeatures } from './context-features.js';
import type { LinearModel, RankerData } from './index-format.js';

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
 * Probabilities of a text's candidates (names + own features): first stage alone, then the second stage with the
 * context the first stage gives (context-features.ts). Same order as the input.
 *
 * @example rankCandidates(ranker, ['肺炎', '支气管肺炎'], [3, 3], [f1, f2]) // → [0.21, 0.88]
 */
export function rankCandidates(ranker: RankerData, names: readonly string[], categories: readonly number[], features: readonly Float64Array[]): number[] {
  const p1 = features.map((f) => logistic(ranker.first, f));
  const context = contextFeatures(names, p1, categories);
  return features.map((f, i) => logistic(ranker.second, f, context[i]!));
}
