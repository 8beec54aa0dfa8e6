/**
 * Learnt weights of (n-gram of the text, candidate name) pairs: a sparse logistic model trained on the candidates of
 * the CHIP-CDN training pairs (tools/concept-index/train-pair-weights.ts). Where association-table.ts counts how often
 * an n-gram went with a name, this learns how much it tells that name apart from the other candidates of the same
 * text, so annotation conventions (when 癌 or 转移性癌 is added beside the site, when 妊娠状态 is) can be learnt.
 *
 * On disk (`PairWeightData`): `entries[i]` = [label, weight·1000, …] for `grams[i]` (integers keep the file small).
 */
export interface PairWeightData {
  maxGram: number;
  bias: number;
  grams: string[];
  entries: number[][];
}

/**
 * @example
 *   const w = new PairWeights({ maxGram: 3, bias: -2, grams: ['转移'], entries: [[12, 1500]] });
 *   w.scores('骨转移').get(12) // → 1.5 (the bias is added by the caller: w.bias)
 */
export class PairWeights {
  readonly #byGram = new Map<string, readonly number[]>();
  readonly maxGram: number;
  readonly bias: number;

  constructor(data: PairWeightData) {
    this.maxGram = data.maxGram;
    this.bias = data.bias;
    data.grams.forEach((g, i) => this.#byGram.set(g, data.entries[i]!));
  }

  /** Σ weights over the distinct n-grams of a folded text, per label (labels without weights are absent: 0). */
  scores(folded: string): Map<number, number> {
    const out = new Map<number, number>();
    for (const g of distinctGrams(folded, this.maxGram)) {
      const entries = this.#byGram.get(g);
      if (!entries) continue;
      for (let k = 0; k < entries.length; k += 2) {
        out.set(entries[k]!, (out.get(entries[k]!) ?? 0) + entries[k + 1]! / 1000);
      }
    }
    return out;
  }
}

/** Distinct n-grams of 1..maxGram characters. */
export function distinctGrams(text: string, maxGram: number): Set<string> {
  const out = new Set<string>();
  for (let n = 1; n <= maxGram; n++) for (let i = 0; i + n <= text.length; i++) out.add(text.slice(i, i + n));
  return out;
}
