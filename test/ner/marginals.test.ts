import { describe, expect, it } from 'vitest';
import {
  forwardBackward,
  logForwardBackward,
  positionMarginals,
  scaledForwardBackward,
  spanMarginal,
} from '../../src/ner/crf/marginals.js';
import { viterbiDecode } from '../../src/ner/crf/viterbi.js';
import { bruteForce, makeCrf, makeEmissions, mulberry32 } from './crf-helpers.js';

describe('forward–backward', () => {
  it('position marginals sum to 1 and match brute-force enumeration', () => {
    const rand = mulberry32(3);
    for (let trial = 0; trial < 100; trial++) {
      const L = 2 + Math.floor(rand() * 3);
      const n = 1 + Math.floor(rand() * 5);
      const crf = makeCrf(rand, L);
      const e = makeEmissions(rand, n, L);
      const oracle = bruteForce(e, crf);
      for (const fb of [scaledForwardBackward(e, crf), logForwardBackward(e, crf)]) {
        if (!fb) throw new Error('scaled forward–backward underflowed on a benign case');
        const marg = positionMarginals(fb);
        for (let t = 0; t < n; t++) {
          let sum = 0;
          for (let j = 0; j < L; j++) {
            const p = marg[t * L + j] as number;
            sum += p;
            const expected = oracle.paths
              .filter((x) => x.path[t] === j)
              .reduce((s, x) => s + Math.exp(x.score - oracle.logZ), 0);
            expect(p).toBeCloseTo(expected, 9);
          }
          expect(sum).toBeCloseTo(1, 12);
        }
      }
    }
  });

  it('span marginals equal the brute-force probability of the fixed sub-path, in both variants', () => {
    const rand = mulberry32(11);
    for (let trial = 0; trial < 100; trial++) {
      const L = 2 + Math.floor(rand() * 3);
      const n = 2 + Math.floor(rand() * 4);
      const crf = makeCrf(rand, L);
      const e = makeEmissions(rand, n, L);
      const path = viterbiDecode(e, crf);
      const s = Math.floor(rand() * n);
      const end = s + Math.floor(rand() * (n - s));
      const oracle = bruteForce(e, crf);
      const expected = oracle.paths
        .filter((x) => x.path.slice(s, end + 1).every((y, k) => y === path[s + k]))
        .reduce((acc, x) => acc + Math.exp(x.score - oracle.logZ), 0);
      const scaled = scaledForwardBackward(e, crf);
      expect(scaled).not.toBeNull();
      expect(spanMarginal(scaled!, e, crf, path, s, end)).toBeCloseTo(expected, 9);
      expect(spanMarginal(logForwardBackward(e, crf), e, crf, path, s, end)).toBeCloseTo(expected, 9);
    }
  });

  it('a span marginal never exceeds the marginal of any of its positions', () => {
    const rand = mulberry32(5);
    const L = 5;
    const crf = makeCrf(rand, L);
    const e = makeEmissions(rand, 30, L);
    const fb = forwardBackward(e, crf);
    const marg = positionMarginals(fb);
    const path = viterbiDecode(e, crf);
    for (let s = 0; s < 30; s += 3) {
      const p = spanMarginal(fb, e, crf, path, s, Math.min(29, s + 4));
      for (let t = s; t <= Math.min(29, s + 4); t++) expect(p).toBeLessThanOrEqual((marg[t * L + (path[t] as number)] as number) + 1e-12);
    }
  });

  it('falls back to log space when scaling underflows (emissions far below every allowed move)', () => {
    const L = 3;
    const crf = makeCrf(mulberry32(9), L);
    crf.transitions.fill(-10000);
    crf.transitions[1 * L + 1] = 0; // only 1 → 1 survives, so the only allowed paths stay on label 1
    const data = new Float64Array(4 * L);
    for (let t = 0; t < 4; t++) data[t * L + 0] = 5000; // best emission is on a label that cannot continue
    const e = { data, offset: 0, length: 4 };
    expect(scaledForwardBackward(e, crf)).toBeNull();
    const fb = forwardBackward(e, crf);
    expect(fb.logSpace).toBe(true);
    const marg = positionMarginals(fb);
    for (let t = 0; t < 4; t++) expect([0, 1, 2].reduce((s, j) => s + (marg[t * L + j] as number), 0)).toBeCloseTo(1, 9);
  });
});
