import type { TokenSpan } from './crf/tags-to-spans.js';

/**
 * Windowing of long token sequences (CONTRACTS.md § Windowing). Window k covers tokens [start, end) and owns
 * [ownStart, ownEnd): the middle of each overlap splits ownership, so every token is owned by exactly one window.
 *
 * @example planWindows(10, 4, 2) → starts 0, 2, 4, 6 (last [6,10)); owns [0,3) [3,5) [5,7) [7,10)
 */
export interface WindowPlan {
  start: number;
  end: number;
  ownStart: number;
  ownEnd: number;
}

export function planWindows(n: number, size: number, overlap: number): WindowPlan[] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`window size must be a positive integer, got ${size}`);
  if (!Number.isInteger(overlap) || overlap < 0 || overlap >= size) {
    throw new RangeError(`window overlap must be an integer in [0, ${size}), got ${overlap}`);
  }
  if (n <= 0) return [];
  if (n <= size) return [{ start: 0, end: n, ownStart: 0, ownEnd: n }];
  const stride = size - overlap;
  const ranges: Array<[number, number]> = [];
  for (let start = 0; start + size < n; start += stride) ranges.push([start, start + size]);
  const previousEnd = ranges[ranges.length - 1]?.[1] ?? 0;
  if (previousEnd !== n) ranges.push([n - size, n]);
  return ranges.map(([start, end], k) => {
    const ownStart = k === 0 ? 0 : Math.floor((start + (ranges[k - 1] as [number, number])[1]) / 2);
    const next = ranges[k + 1];
    const ownEnd = next === undefined ? n : Math.floor((next[0] + end) / 2);
    return { start, end, ownStart, ownEnd };
  });
}

/** A span found in one window, offsets relative to that window. */
export interface ScoredSpan extends TokenSpan {
  confidence: number;
}

/**
 * Merges per-window spans into sequence spans: keep a span iff its start lies in its window's owned range; sort by
 * start; drop any span overlapping an earlier kept one.
 */
export function mergeWindowSpans(windows: readonly WindowPlan[], perWindow: readonly (readonly ScoredSpan[])[]): ScoredSpan[] {
  const kept: ScoredSpan[] = [];
  windows.forEach((w, k) => {
    for (const span of perWindow[k] ?? []) {
      const start = span.start + w.start;
      if (start >= w.ownStart && start < w.ownEnd) kept.push({ ...span, start, end: span.end + w.start });
    }
  });
  kept.sort((a, b) => a.start - b.start);
  const out: ScoredSpan[] = [];
  let frontier = 0;
  for (const span of kept) {
    if (span.start < frontier) continue;
    out.push(span);
    frontier = span.end;
  }
  return out;
}
