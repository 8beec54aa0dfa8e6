import type { RankerData } from './index-format.js';

/**
 * Probability that a candidate is one of the standard names a text denotes: logistic regression, σ(w·x + b), with
 * weights learnt by tools/concept-index/train-ranker.ts.
 *
 * @example rankerProbability({ weights: [2], bias: -1, … }, Float64Array.of(1)) // → 0.7311
 */
export function rankerProbability(ranker: RankerData, features: Float64Array): number {
  let z = ranker.bias;
  for (let i = 0; i < features.length; i++) z += ranker.weights[i]! * features[i]!;
  return 1 / (1 + Math.exp(-z));
}
