/**
 * Learns the n-gram → standard name associations (src/normalise/association-table.ts) from training pairs.
 *
 * Each pair's gold names are first aligned to the punctuation part of its text that spells them out best (LCS over
 * the name), so in `糖尿病;骨质疏松;高血压冠心病` the n-grams of 骨质疏松 are not credited with 高血压. A name no part
 * shares a character with is credited to the whole text.
 */
import { MAX_GRAM, type AssociationData } from '../../src/normalise/association-table.js';
import { hashedBigrams, NEIGHBOUR_HASH_BITS, type NeighbourData } from '../../src/normalise/neighbour-index.js';
import { foldText } from '../../src/normalise/fold-text.js';
import { lcsLength } from '../../src/normalise/similarity.js';
import { splitAtPunctuation } from '../../src/normalise/split-diagnosis.js';

export interface LabelledText {
  text: string;
  /** Gold label ids (names outside the label space are dropped before this). */
  labels: number[];
}

// An association is kept when seen at least this often and P(label | n-gram) reaches MIN_P.
const MIN_COUNT = 2;
const MIN_P = 0.05;
const MIN_CONTEXT_SPANS = 3;

export function learnAssociations(items: readonly LabelledText[], labelNames: readonly string[]): AssociationData {
  const spans = new Map<string, number>();
  const counts = new Map<string, Map<number, number>>();
  for (const item of items) {
    for (const unit of alignedUnits(item, labelNames)) {
      for (const g of distinctGrams(unit.text)) {
        spans.set(g, (spans.get(g) ?? 0) + 1);
        if (unit.labels.length === 0) continue;
        let byLabel = counts.get(g);
        if (!byLabel) counts.set(g, (byLabel = new Map()));
        for (const l of unit.labels) byLabel.set(l, (byLabel.get(l) ?? 0) + 1);
      }
    }
  }
  const out: AssociationData = { maxGram: MAX_GRAM, grams: [], spans: [], entries: [] };
  for (const [g, n] of [...spans].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const entries: number[] = [];
    for (const [label, count] of [...(counts.get(g) ?? [])].sort((a, b) => a[0] - b[0])) {
      if (count >= MIN_COUNT && count / (n + 1) >= MIN_P) entries.push(label, count);
    }
    // A frequent n-gram is kept without entries too: it is the context that says "none of these" (backoff feature).
    if (entries.length > 0 || (n >= MIN_CONTEXT_SPANS && g.length >= 2)) {
      out.grams.push(g);
      out.spans.push(n);
      out.entries.push(entries);
    }
  }
  return out;
}

/**
 * The training spans for the nearest-neighbour vote: every aligned unit with at least one label, each distinct span
 * once, stored as hashed bigrams (no text), in the order of their hashes.
 */
export function learnNeighbours(items: readonly LabelledText[], labelNames: readonly string[]): NeighbourData {
  const byText = new Map<string, Set<number>>();
  for (const item of items) {
    for (const unit of alignedUnits(item, labelNames)) {
      if (unit.labels.length === 0) continue;
      const set = byText.get(unit.text) ?? new Set<number>();
      for (const l of unit.labels) set.add(l);
      byText.set(unit.text, set);
    }
  }
  const rows = [...byText].map(([text, set]) => ({ spans: hashedBigrams(text, NEIGHBOUR_HASH_BITS), labels: [...set].sort((a, b) => a - b) }));
  rows.sort((a, b) => compareLists(a.spans, b.spans) || compareLists(a.labels, b.labels));
  return { hashBits: NEIGHBOUR_HASH_BITS, spans: rows.map((r) => r.spans), labels: rows.map((r) => r.labels) };
}

/** Times each label is gold, as [label, count] pairs. */
export function learnPrior(items: readonly LabelledText[]): [number, number][] {
  const counts = new Map<number, number>();
  for (const item of items) for (const l of new Set(item.labels)) counts.set(l, (counts.get(l) ?? 0) + 1);
  return [...counts].sort((a, b) => a[0] - b[0]);
}

/** Each punctuation part of a pair's text with the gold labels aligned to it. */
export function alignedUnits(item: LabelledText, labelNames: readonly string[]): { text: string; labels: number[] }[] {
  const folded = foldText(item.text);
  const parts = splitAtPunctuation(folded);
  if (parts.length <= 1) return [{ text: folded, labels: item.labels }];
  const units = parts.map((text) => ({ text, labels: [] as number[] }));
  const whole: number[] = [];
  for (const label of item.labels) {
    const name = labelNames[label]!;
    let best = -1;
    let bestScore = 0;
    units.forEach((u, i) => {
      const score = lcsLength(u.text, name) / name.length;
      if (score > bestScore) [best, bestScore] = [i, score];
    });
    if (best >= 0) units[best]!.labels.push(label);
    else whole.push(label);
  }
  if (whole.length > 0) units.push({ text: folded, labels: whole });
  return units;
}

function distinctGrams(text: string): Set<string> {
  const out = new Set<string>();
  for (let n = 1; n <= MAX_GRAM; n++) for (let i = 0; i + n <= text.length; i++) out.add(text.slice(i, i + n));
  return out;
}

function compareLists(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}
