import type { LabelScheme } from '../labels.js';

/** An entity span in token indices, end exclusive; `typeIndex` indexes `LabelScheme.types`. */
export interface TokenSpan {
  start: number;
  end: number;
  typeIndex: number;
}

/**
 * BIOES label path → entity spans, strictly per the contract: `S-X` is a one-token entity, `B-X (I-X)* E-X` is an
 * entity, and every other run (an `I`/`E` without its `B`, a `B` not closed by `E` of the same type) yields nothing.
 *
 * @example tagsToSpans([B-药物, E-药物, O, S-手术]) → [{start:0,end:2,typeIndex:药物}, {start:3,end:4,typeIndex:手术}]
 */
export function tagsToSpans(path: ArrayLike<number>, scheme: LabelScheme): TokenSpan[] {
  const spans: TokenSpan[] = [];
  const n = path.length;
  let t = 0;
  while (t < n) {
    const label = path[t] as number;
    const tag = scheme.tags[label];
    const type = scheme.typeIndex[label] as number;
    if (tag === 'S') {
      spans.push({ start: t, end: t + 1, typeIndex: type });
      t += 1;
    } else if (tag === 'B') {
      let j = t + 1;
      while (j < n && scheme.tags[path[j] as number] === 'I' && scheme.typeIndex[path[j] as number] === type) j++;
      if (j < n && scheme.tags[path[j] as number] === 'E' && scheme.typeIndex[path[j] as number] === type) {
        spans.push({ start: t, end: j + 1, typeIndex: type });
        t = j + 1;
      } else {
        // Unclosed B: the I-X run after it is orphaned too, so resume where that run ends.
        t = j;
      }
    } else {
      t += 1;
    }
  }
  return spans;
}
