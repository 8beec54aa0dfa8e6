/**
 * Learnt associations between n-grams of raw diagnosis text and standard names, from CHIP-CDN training pairs:
 * for an n-gram g (1..MAX_GRAM characters of folded text) and a name c, `count` is how many training spans containing
 * g were normalised to c, `spans` how many training spans contain g at all. This is how the normaliser learns what
 * no string similarity can see: 冠心病 → 冠状动脉粥样硬化性心脏病, 化疗 → 化学治疗, and that 乳腺癌 also means the
 * morphology 癌.
 *
 * On disk (`AssociationData`): parallel arrays, `entries[i]` = [label, count, label, count, …] for `grams[i]`.
 */
export interface AssociationData {
  maxGram: number;
  grams: string[];
  spans: number[];
  entries: number[][];
}

/** One association of an n-gram with a label. */
export interface Association {
  label: number;
  count: number;
  /** Training spans that contain the n-gram. */
  spans: number;
  gramLength: number;
}

/** Longest n-gram learnt; longer ones almost never recur. */
export const MAX_GRAM = 6;

/**
 * @example
 *   const table = new AssociationTable({ maxGram: 6, grams: ['冠心病'], spans: [12], entries: [[41, 11]] });
 *   table.lookup('高血压冠心病') // → [{ label: 41, count: 11, spans: 12, gramLength: 3 }]
 */
export class AssociationTable {
  readonly #byGram = new Map<string, { spans: number; entries: readonly number[] }>();
  readonly maxGram: number;

  constructor(data: AssociationData) {
    this.maxGram = data.maxGram;
    data.grams.forEach((g, i) => this.#byGram.set(g, { spans: data.spans[i]!, entries: data.entries[i]! }));
  }

  get size(): number {
    return this.#byGram.size;
  }

  /**
   * The most specific context of a span: its longest n-gram of 2+ characters seen in at least `minSpans` training
   * spans (ties: the more frequent), with what those spans were normalised to.
   * @example table.context('右乳腺癌IV期', 3) // → { gram: '乳腺癌IV', spans: 4, entries: [<乳腺恶性肿瘤>, 4, <癌>, 3] }
   */
  context(span: string, minSpans: number): { gram: string; spans: number; entries: readonly number[] } | null {
    for (let n = Math.min(this.maxGram, span.length); n >= 2; n--) {
      let best: { gram: string; spans: number; entries: readonly number[] } | null = null;
      for (let i = 0; i + n <= span.length; i++) {
        const gram = span.slice(i, i + n);
        const hit = this.#byGram.get(gram);
        if (hit && hit.spans >= minSpans && (!best || hit.spans > best.spans)) best = { gram, ...hit };
      }
      if (best) return best;
    }
    return null;
  }

  /** Every association of every distinct n-gram of a folded text. */
  lookup(folded: string): Association[] {
    const out: Association[] = [];
    const seen = new Set<string>();
    for (let n = 1; n <= this.maxGram; n++) {
      for (let i = 0; i + n <= folded.length; i++) {
        const g = folded.slice(i, i + n);
        if (seen.has(g)) continue;
        seen.add(g);
        const hit = this.#byGram.get(g);
        if (!hit) continue;
        for (let k = 0; k < hit.entries.length; k += 2) {
          out.push({ label: hit.entries[k]!, count: hit.entries[k + 1]!, spans: hit.spans, gramLength: n });
        }
      }
    }
    return out;
  }
}
