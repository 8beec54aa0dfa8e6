/**
 * Second-stage features: where a candidate stands among the other candidates of the same text, from the first-stage
 * probabilities. A name is less likely when a more specific name containing it is likely (肺炎 beside 支气管肺炎), and
 * the first stage cannot see that, scoring each candidate alone.
 */
export const CONTEXT_FEATURE_NAMES = [
  'p1', // first-stage probability
  'p1_rank', // 1 / (1 + rank by first-stage probability)
  'p1_relative', // probability / the text's best probability
  'p1_within', // best probability of another candidate whose name contains this name
  'p1_contains', // best probability of another candidate whose name this name contains
  'p1_crowd', // candidates with probability ≥ 0.3, / 5, capped
  'p1_sibling', // best probability of another candidate in the same ICD-10 category (C50.902 beside C50.901)
] as const;
export const CONTEXT_FEATURE_COUNT = CONTEXT_FEATURE_NAMES.length;

/**
 * `categories[i]`: the ICD-10 category id of candidate i (diagnosis-model.ts, diagnosisCategories).
 * @example
 *   contextFeatures(['肺炎', '支气管肺炎'], [0.6, 0.8], [3, 3])
 *   // → [[0.6, 0.5, 0.75, 0.8, 0, 0.4, 0.8], [0.8, 1, 1, 0, 0.6, 0.4, 0.6]]
 */
export function contextFeatures(names: readonly string[], p1: readonly number[], categories: readonly number[]): Float64Array[] {
  const order = p1.map((_, i) => i).sort((a, b) => p1[b]! - p1[a]! || a - b);
  const rank = new Array<number>(p1.length);
  order.forEach((i, r) => (rank[i] = r));
  const best = p1.length > 0 ? p1[order[0]!]! : 0;
  const crowd = Math.min(1, p1.filter((p) => p >= 0.3).length / 5);
  return names.map((name, i) => {
    let within = 0;
    let contains = 0;
    let sibling = 0;
    names.forEach((other, j) => {
      if (j === i) return;
      if (categories[j] === categories[i]) sibling = Math.max(sibling, p1[j]!);
      if (other.length > name.length && other.includes(name)) within = Math.max(within, p1[j]!);
      else if (other.length < name.length && name.includes(other)) contains = Math.max(contains, p1[j]!);
    });
    return Float64Array.of(p1[i]!, 1 / (1 + rank[i]!), best > 0 ? p1[i]! / best : 0, within, contains, crowd, sibling);
  });
}
