import { EVENT_TYPES, type EntityMention, type TimeLink, type Timex } from '../../domain/index.js';

/** Counts for the end-to-end placement score (guideline §4). */
export interface EndToEndCounts {
  goldEvents: number;
  predictedEvents: number;
  placed: number;
}

/** Zeroed end-to-end counts. */
export const emptyEndToEnd = (): EndToEndCounts => ({ goldEvents: 0, predictedEvents: 0, placed: 0 });

/**
 * An event is correctly placed when the predicted entity matches a gold one strictly (start, end, label) and its
 * predicted TIMEX has the gold link's span (or both have none).
 * `scoredLabels`: only predicted events with these labels count (the labels the gold file annotates), so a model with
 * more types than the gold (the union model's symptoms on CCKS 2019-derived gold) is not charged for them.
 */
export function addEndToEnd(
  c: EndToEndCounts,
  gold: { timexes: readonly Timex[]; links: readonly TimeLink[]; entities: readonly EntityMention[] },
  pred: { timexes: readonly Timex[]; links: readonly TimeLink[]; entities: readonly EntityMention[] },
  scoredLabels?: ReadonlySet<string>,
): void {
  const predEvents = pred.entities.filter((e) => EVENT_TYPES.has(e.type) && (scoredLabels === undefined || scoredLabels.has(e.label)));
  c.goldEvents += gold.links.length;
  c.predictedEvents += predEvents.length;
  const goldTimex = new Map(gold.timexes.map((t) => [t.id, t]));
  const predTimex = new Map(pred.timexes.map((t) => [t.id, t]));
  for (const [i, g] of gold.links.entries()) {
    const ge = gold.entities[i];
    const pe = predEvents.find((e) => e.start === g.entityStart && e.end === g.entityEnd && e.label === ge?.label);
    if (!pe) continue;
    const pl = pred.links.find((l) => l.entityStart === pe.start && l.entityEnd === pe.end);
    const gt = g.timexId === null ? undefined : goldTimex.get(g.timexId);
    const pt = pl?.timexId ? predTimex.get(pl.timexId) : undefined;
    const same = gt === undefined ? pt === undefined : pt !== undefined && pt.start === gt.start && pt.end === gt.end;
    if (same) c.placed++;
  }
}
