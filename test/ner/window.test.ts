import { describe, expect, it } from 'vitest';
import { mergeWindowSpans, planWindows } from '../../src/ner/window.js';

describe('planWindows', () => {
  it('follows the contract on a worked example', () => {
    // W=4, O=2, S=2, n=9: starts 0, 2, 4 (4+4<9), then last [5, 9).
    expect(planWindows(9, 4, 2)).toEqual([
      { start: 0, end: 4, ownStart: 0, ownEnd: 3 },
      { start: 2, end: 6, ownStart: 3, ownEnd: 5 },
      { start: 4, end: 8, ownStart: 5, ownEnd: 6 },
      { start: 5, end: 9, ownStart: 6, ownEnd: 9 },
    ]);
    expect(planWindows(3, 4, 2)).toEqual([{ start: 0, end: 3, ownStart: 0, ownEnd: 3 }]);
    expect(planWindows(4, 4, 2)).toEqual([{ start: 0, end: 4, ownStart: 0, ownEnd: 4 }]);
    expect(planWindows(0, 4, 2)).toEqual([]);
  });

  it('covers every token, partitions ownership and keeps owned ranges inside their windows', () => {
    for (const [W, O] of [[4, 0], [4, 3], [7, 2], [32, 8], [510, 128]] as const) {
      for (let n = 1; n < 3 * W + 5; n += W > 100 ? 37 : 1) {
        const plan = planWindows(n, W, O);
        expect(plan[0]!.ownStart).toBe(0);
        expect(plan[plan.length - 1]!.ownEnd).toBe(n);
        expect(plan[plan.length - 1]!.end).toBe(n);
        plan.forEach((w, k) => {
          expect(w.end - w.start).toBe(Math.min(W, n));
          expect(w.ownStart).toBeGreaterThanOrEqual(w.start);
          expect(w.ownEnd).toBeLessThanOrEqual(w.end);
          expect(w.ownEnd).toBeGreaterThanOrEqual(w.ownStart);
          if (k > 0) {
            expect(w.ownStart).toBe(plan[k - 1]!.ownEnd);
            expect(w.start).toBeGreaterThan(plan[k - 1]!.start);
          }
        });
      }
    }
  });

  it('rejects bad sizes', () => {
    expect(() => planWindows(10, 0, 0)).toThrow(/window size/u);
    expect(() => planWindows(10, 4, 4)).toThrow(/overlap/u);
  });
});

describe('mergeWindowSpans', () => {
  const windows = planWindows(9, 4, 2); // owns [0,3) [3,5) [5,6) [6,9)
  const s = (start: number, end: number, typeIndex = 0) => ({ start, end, typeIndex, confidence: 0.5 });

  it('keeps a span only in the window owning its start, shifted to sequence offsets', () => {
    const merged = mergeWindowSpans(windows, [[s(0, 2), s(3, 4)], [s(0, 1), s(1, 3)], [], [s(2, 4)]]);
    // w0: [0,2) kept, [3,4) starts at 3 (owned by w1) dropped; w1: [2,3) starts at 2 dropped, [3,5) kept; w3: [7,9) kept.
    expect(merged.map((m) => [m.start, m.end])).toEqual([[0, 2], [3, 5], [7, 9]]);
  });

  it('drops a span overlapping an earlier kept one', () => {
    const merged = mergeWindowSpans(windows, [[s(1, 4)], [s(1, 3, 1)], [], []]);
    // w0 keeps [1,4); w1's [3,5) starts in its own range but overlaps [1,4).
    expect(merged.map((m) => [m.start, m.end])).toEqual([[1, 4]]);
  });
});
