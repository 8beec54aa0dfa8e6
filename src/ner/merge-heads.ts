/**
 * The served output of a multi-head model (CONTRACTS.md § Model folder): heads in config order are priorities.
 * An entity of head k is kept iff its label is in head k's `serve` list and it shares no character with an entity
 * already kept (from heads 0..k-1, or earlier in head k). The result is sorted by start and never overlaps.
 *
 * Head 0 goes through the same rule, which keeps all of its served entities: a head's own entities never overlap
 * (the window merge drops overlaps), so the rule only matters across heads.
 *
 * @example mergeHeads([[{start:0,end:3,label:'疾病和诊断'}], [{start:2,end:4,label:'症状和体征'}, {start:5,end:6,label:'症状和体征'}]],
 *                     [['疾病和诊断'], ['症状和体征']])
 *   → [{start:0,end:3,label:'疾病和诊断'}, {start:5,end:6,label:'症状和体征'}]
 */
export interface LabelledSpan {
  start: number;
  end: number;
  label: string;
}

export function mergeHeads<T extends LabelledSpan>(perHead: readonly (readonly T[])[], serve: readonly (readonly string[])[]): T[] {
  let kept: T[] = []; // sorted by start, non-overlapping
  perHead.forEach((entities, h) => {
    const served = new Set(serve[h] ?? []);
    const candidates = entities.filter((e) => served.has(e.label)).sort((a, b) => a.start - b.start);
    const accepted: T[] = [];
    // Sweep: `kept` is sorted and disjoint, so its ends are sorted too and one pointer finds the first kept entity
    // that ends after the candidate starts; accepted ones are checked through the furthest end among them.
    let j = 0;
    let acceptedEnd = -Infinity;
    for (const c of candidates) {
      while (j < kept.length && (kept[j] as T).end <= c.start) j++;
      const hitsKept = j < kept.length && (kept[j] as T).start < c.end;
      if (hitsKept || c.start < acceptedEnd) continue;
      accepted.push(c);
      acceptedEnd = c.end;
    }
    if (accepted.length > 0) kept = mergeSorted(kept, accepted);
  });
  return kept;
}

/** Two start-sorted lists → one (linear; both are disjoint from each other, so no ties to break). */
function mergeSorted<T extends LabelledSpan>(a: readonly T[], b: readonly T[]): T[] {
  const out: T[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && (a[i] as T).start < (b[j] as T).start)) out.push(a[i++] as T);
    else out.push(b[j++] as T);
  }
  return out;
}
