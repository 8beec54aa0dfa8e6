import type { TimeLink, Timex } from '../../domain/index.js';

/** Counts for guideline §4 scores, summed over records. */
export interface TimeCounts {
  predicted: number;
  gold: number;
  matched: number;
  kindCorrect: number;
  valueCorrect: number;
  links: number;
  linksCorrect: number;
}

/** Zeroed §4 counts. */
export const emptyCounts = (): TimeCounts => ({ predicted: 0, gold: 0, matched: 0, kindCorrect: 0, valueCorrect: 0, links: 0, linksCorrect: 0 });

const spanKey = (t: { start: number; end: number }): string => `${t.start}:${t.end}`;

/**
 * Adds one record: strict TIMEX spans, kind and value (value + anchor + approx) on matched spans, and links
 * (the predicted TIMEX must have the gold TIMEX's span, or both none).
 */
export function addRecord(
  c: TimeCounts,
  gold: { timexes: readonly Timex[]; links: readonly TimeLink[] },
  pred: { timexes: readonly Timex[]; links: readonly TimeLink[] },
): void {
  const predBySpan = new Map(pred.timexes.map((t) => [spanKey(t), t]));
  c.predicted += pred.timexes.length;
  c.gold += gold.timexes.length;
  for (const g of gold.timexes) {
    const p = predBySpan.get(spanKey(g));
    if (!p) continue;
    c.matched++;
    if (p.kind === g.kind) c.kindCorrect++;
    if (p.value === g.value && (p.anchor ?? null) === (g.anchor ?? null) && p.approx === g.approx) c.valueCorrect++;
  }
  const goldTimex = new Map(gold.timexes.map((t) => [t.id, t]));
  const predTimex = new Map(pred.timexes.map((t) => [t.id, t]));
  const predLink = new Map(pred.links.map((l) => [spanKey({ start: l.entityStart, end: l.entityEnd }), l]));
  for (const g of gold.links) {
    c.links++;
    const p = predLink.get(spanKey({ start: g.entityStart, end: g.entityEnd }));
    const gt = g.timexId === null ? undefined : goldTimex.get(g.timexId);
    const pt = p?.timexId ? predTimex.get(p.timexId) : undefined;
    const same = gt === undefined ? pt === undefined : pt !== undefined && spanKey(pt) === spanKey(gt);
    if (same) c.linksCorrect++;
  }
}

/** Precision, recall and F1 from counts (0 when undefined). */
export function prf(matched: number, predicted: number, gold: number): { precision: number; recall: number; f1: number } {
  const precision = predicted === 0 ? 0 : matched / predicted;
  const recall = gold === 0 ? 0 : matched / gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}
