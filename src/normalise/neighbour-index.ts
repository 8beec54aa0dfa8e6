import { bigrams } from './similarity.js';

/**
 * Training spans with the standard names they were normalised to (one unit per punctuation part, names aligned as in
 * tools/concept-index/learn-associations.ts), stored as derived features only, never as text: `spans[i]` is the
 * sorted multiset of hashed character bigrams (hashBigram) of a training span that was normalised to `labels[i]`.
 * That keeps the index a table of statistics (CHIP-CDN's terms allow no copy of its sentences) while the bigram Dice
 * similarity it needs stays exact up to hash collisions.
 */
export interface NeighbourData {
  /** Hash width: bigrams hash to 0 .. 2^hashBits − 1. */
  hashBits: number;
  spans: number[][];
  labels: number[][];
}

/** A label voted for by the training spans most like a query span. */
export interface NeighbourVote {
  label: number;
  /** Best similarity (bigram Dice) of a neighbour carrying the label. */
  best: number;
  /** Share of the neighbours' similarity mass carrying the label. */
  share: number;
  /** Similarity of the nearest neighbour when it carries the label, else 0. */
  top: number;
}

export const NEIGHBOUR_HASH_BITS = 22;

/**
 * FNV-1a (32-bit, UTF-16 code units) of a bigram, cut to `bits` bits.
 * @example hashBigram('乳腺', 22) // → a number below 4,194,304, the same on every machine
 */
export function hashBigram(gram: string, bits: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < gram.length; i++) {
    h ^= gram.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return bits >= 32 ? h : h & ((1 << bits) - 1);
}

/** The sorted hashed bigrams of a folded span (what NeighbourData stores). */
export function hashedBigrams(span: string, bits: number): number[] {
  return bigrams(span).map((g) => hashBigram(g, bits)).sort((a, b) => a - b);
}

/**
 * Nearest training spans by bigram Dice: what similar raw diagnoses were normalised to. This carries the annotation
 * conventions no dictionary states (左膝刺伤 → 下肢未特指的损伤,水平未特指). Retrieval is exact: an inverted index
 * from hashed bigram to spans counts the shared bigrams of every span that shares any.
 *
 * @example
 *   const data = { hashBits: 22, spans: [hashedBigrams('右乳腺癌IV期', 22)], labels: [[7, 9]] };
 *   new NeighbourIndex(data).votes('左乳腺癌III期', 5)
 *   // → [{ label: 7, best: 0.5, share: 1, top: 0.5 }, { label: 9, best: 0.5, share: 1, top: 0.5 }]
 */
export class NeighbourIndex {
  readonly #labels: readonly (readonly number[])[];
  readonly #lengths: Uint16Array;
  /** hashed bigram → flattened (span, count) pairs. */
  readonly #postings = new Map<number, Int32Array>();
  readonly #bits: number;

  constructor(data: NeighbourData) {
    this.#bits = data.hashBits;
    this.#labels = data.labels;
    this.#lengths = Uint16Array.from(data.spans, (s) => s.length);
    const lists = new Map<number, number[]>();
    data.spans.forEach((grams, span) => {
      for (const [gram, count] of countSorted(grams)) {
        let list = lists.get(gram);
        if (!list) lists.set(gram, (list = []));
        list.push(span, count);
      }
    });
    for (const [gram, list] of lists) this.#postings.set(gram, Int32Array.from(list));
  }

  get size(): number {
    return this.#lengths.length;
  }

  /** Labels of the `k` training spans most like a folded span (ties: lower span id), with their vote statistics. */
  votes(span: string, k: number): NeighbourVote[] {
    const query = hashedBigrams(span, this.#bits);
    if (query.length === 0) return [];
    const shared = new Map<number, number>();
    for (const [gram, count] of countSorted(query)) {
      const list = this.#postings.get(gram);
      if (!list) continue;
      for (let i = 0; i < list.length; i += 2) shared.set(list[i]!, (shared.get(list[i]!) ?? 0) + Math.min(count, list[i + 1]!));
    }
    const hits: { doc: number; sim: number }[] = [];
    for (const [doc, n] of shared) hits.push({ doc, sim: (2 * n) / (query.length + this.#lengths[doc]!) });
    hits.sort((a, b) => b.sim - a.sim || a.doc - b.doc);
    const top = hits.slice(0, k);
    const byLabel = new Map<number, NeighbourVote>();
    let mass = 0;
    for (const { doc, sim } of top) {
      mass += sim;
      for (const label of this.#labels[doc]!) {
        const v = byLabel.get(label) ?? { label, best: 0, share: 0, top: 0 };
        v.best = Math.max(v.best, sim);
        v.share += sim;
        byLabel.set(label, v);
      }
    }
    if (top[0]) for (const label of this.#labels[top[0].doc]!) byLabel.get(label)!.top = top[0].sim;
    const out = [...byLabel.values()];
    for (const v of out) v.share = mass > 0 ? v.share / mass : 0;
    return out;
  }
}

/** Runs of a sorted list as [value, count]. */
function countSorted(sorted: readonly number[]): [number, number][] {
  const out: [number, number][] = [];
  for (const x of sorted) {
    const last = out[out.length - 1];
    if (last && last[0] === x) last[1]++;
    else out.push([x, 1]);
  }
  return out;
}
