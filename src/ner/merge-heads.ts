/**
 * The served output of a multi-head model (CONTRACTS.md § Heads): heads in config order are priorities.
 *
 * A candidate c of head k (an entity whose label is in head k's `serve`) is kept iff every entity already kept that
 * shares a character with c
 *   (a) lies inside c and is strictly shorter (`kept.start >= c.start && kept.end <= c.end` and a shorter length), and
 *   (b) has a label in head k's `nestOver` (labels of earlier heads; default none),
 * and no entity of head k itself already kept shares a character with c. Otherwise c is dropped. So with an empty
 * `nestOver` a candidate is kept only where nothing kept overlaps it, and identical spans are never both kept (the
 * graph keys mentions by start-end). Entities are non-empty (end > start).
 *
 * The result is sorted by start, then by end ascending (a nested inner span before its container when they share a
 * start). It may contain nested entities (a later head's entity around earlier heads' `nestOver` entities), never
 * partially overlapping ones. Head 0 goes through the same rule, which keeps all of its served entities: a head's own
 * entities never overlap (the window merge drops overlaps), and the same-head guard only matters for hand-made input.
 *
 * @example mergeHeads([[{start:0,end:3,label:'疾病和诊断'}], [{start:2,end:4,label:'症状和体征'}, {start:5,end:6,label:'症状和体征'}]],
 *                     [['疾病和诊断'], ['症状和体征']])
 *   → [{start:0,end:3,label:'疾病和诊断'}, {start:5,end:6,label:'症状和体征'}]
 * @example mergeHeads([[{start:0,end:1,label:'解剖部位'}], [{start:0,end:2,label:'症状和体征'}]],
 *                     [['解剖部位'], ['症状和体征']], [[], ['解剖部位']])   // 腹 inside 腹痛
 *   → [{start:0,end:1,label:'解剖部位'}, {start:0,end:2,label:'症状和体征'}]
 */
export interface LabelledSpan {
  start: number;
  end: number;
  label: string;
}

/**
 * @param serve per head, the labels it contributes (a missing entry serves nothing).
 * @param nestOver per head, the labels of earlier heads its entities may contain (a missing entry: none).
 */
export function mergeHeads<T extends LabelledSpan>(
  perHead: readonly (readonly T[])[],
  serve: readonly (readonly string[])[],
  nestOver: readonly (readonly string[])[] = [],
): T[] {
  let kept: T[] = []; // entities of the heads before h: sorted by start, then end
  perHead.forEach((entities, h) => {
    const served = new Set(serve[h] ?? []);
    const nestable = new Set(nestOver[h] ?? []);
    const candidates = entities.filter((e) => served.has(e.label)).sort((a, b) => a.start - b.start);
    const fits = fitsAmong(kept, nestable);
    const accepted: T[] = [];
    // Same-head guard: candidates come by start and accepted ones are disjoint, so the last accepted one ends furthest.
    let acceptedEnd = -Infinity;
    for (const c of candidates) {
      if (c.start < acceptedEnd || !fits(c)) continue;
      accepted.push(c);
      acceptedEnd = c.end;
    }
    if (accepted.length > 0) kept = mergeSorted(kept, accepted);
  });
  return kept;
}

/**
 * A test of candidates against `kept` (sorted by start, then end): true iff every kept entity sharing a character with
 * the candidate lies strictly inside it (shorter, within its bounds) and has a nestable label.
 *
 * A kept entity starting before c.start shares a character iff it ends after c.start: the prefix maximum of the ends
 * answers that in O(1) after a binary search. Those starting in [c.start, c.end) all share a character and are
 * scanned until the first that does not fit (with an empty `nestable`, the first one), so a candidate costs
 * O(log n + the kept entities inside it).
 */
function fitsAmong(kept: readonly LabelledSpan[], nestable: ReadonlySet<string>): (c: LabelledSpan) => boolean {
  const maxEndBefore = new Array<number>(kept.length); // maxEndBefore[i] = max end of kept[0..i]
  let maxEnd = -Infinity;
  kept.forEach((k, i) => {
    maxEnd = Math.max(maxEnd, k.end);
    maxEndBefore[i] = maxEnd;
  });
  return (c) => {
    let lo = 0; // first index with start >= c.start
    let hi = kept.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((kept[mid] as LabelledSpan).start < c.start) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0 && (maxEndBefore[lo - 1] as number) > c.start) return false; // starts before c, reaches into it
    for (let i = lo; i < kept.length; i++) {
      const k = kept[i] as LabelledSpan;
      if (k.start >= c.end) break;
      const inside = k.end <= c.end && k.end - k.start < c.end - c.start;
      if (!inside || !nestable.has(k.label)) return false;
    }
    return true;
  };
}

/** Two lists sorted by start, then end → one (linear; no span is in both, as identical spans are never both kept). */
function mergeSorted<T extends LabelledSpan>(a: readonly T[], b: readonly T[]): T[] {
  const out: T[] = [];
  let i = 0;
  let j = 0;
  const before = (x: T, y: T): boolean => x.start < y.start || (x.start === y.start && x.end < y.end);
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && before(a[i] as T, b[j] as T))) out.push(a[i++] as T);
    else out.push(b[j++] as T);
  }
  return out;
}
