/** Micro precision/recall/F1 over standard names (the CHIP-CDN metric), with the counts behind them. */
export interface NameScores {
  precision: number;
  recall: number;
  f1: number;
  /** Texts scored. */
  mentions: number;
  gold: number;
  predicted: number;
  correct: number;
}

/**
 * Scores predicted name sets against gold name sets, pair by pair (sets: repeats count once).
 * @example scoreNameSets([['乳腺恶性肿瘤', '癌']], [['乳腺恶性肿瘤']])
 * // → { precision: 1, recall: 0.5, f1: 0.6667, mentions: 1, gold: 2, predicted: 1, correct: 1 }
 */
export function scoreNameSets(gold: readonly (readonly string[])[], predicted: readonly (readonly string[])[]): NameScores {
  if (gold.length !== predicted.length) {
    throw new RangeError(`expected as many predictions as gold items, got ${predicted.length} for ${gold.length}`);
  }
  let g = 0;
  let p = 0;
  let c = 0;
  gold.forEach((names, i) => {
    const goldSet = new Set(names);
    const predSet = new Set(predicted[i]);
    g += goldSet.size;
    p += predSet.size;
    for (const n of predSet) if (goldSet.has(n)) c++;
  });
  const precision = p === 0 ? 0 : c / p;
  const recall = g === 0 ? 0 : c / g;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, mentions: gold.length, gold: g, predicted: p, correct: c };
}
