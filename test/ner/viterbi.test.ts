import { describe, expect, it } from 'vitest';
import { pathScore, viterbiDecode } from '../../src/ner/crf/viterbi.js';
import { bruteForce, makeCrf, makeEmissions, mulberry32 } from './crf-helpers.js';

describe('viterbiDecode', () => {
  it('finds the highest-scoring path on random tiny cases (brute force over every path)', () => {
    const rand = mulberry32(42);
    for (let trial = 0; trial < 300; trial++) {
      const L = 2 + Math.floor(rand() * 4); // 2..5 labels
      const n = 1 + Math.floor(rand() * 5); // 1..5 tokens
      const crf = makeCrf(rand, L);
      const e = makeEmissions(rand, n, L);
      const oracle = bruteForce(e, crf);
      const path = viterbiDecode(e, crf);
      expect(pathScore(e, crf, path)).toBeCloseTo(oracle.bestScore, 9);
      expect([...path]).toEqual(oracle.best); // brute force keeps the first (lexicographically lowest) best path
    }
  });

  it('breaks ties towards the lowest label index', () => {
    const L = 4;
    const crf = { numLabels: L, transitions: new Float64Array(L * L), start: new Float64Array(L), end: new Float64Array(L) };
    const path = viterbiDecode({ data: new Float64Array(3 * L), offset: 0, length: 3 }, crf);
    expect([...path]).toEqual([0, 0, 0]);
  });

  it('returns an empty path for an empty sequence', () => {
    const crf = makeCrf(mulberry32(1), 3);
    expect(viterbiDecode({ data: [], offset: 0, length: 0 }, crf).length).toBe(0);
  });

  it('honours -10000 transitions (impossible moves never appear)', () => {
    const rand = mulberry32(7);
    const L = 3;
    const crf = makeCrf(rand, L);
    crf.transitions[0 * L + 1] = -10000; // 0 → 1 forbidden
    for (let trial = 0; trial < 50; trial++) {
      const e = makeEmissions(rand, 6, L, 20);
      const path = viterbiDecode(e, crf);
      for (let t = 1; t < path.length; t++) expect(path[t - 1] === 0 && path[t] === 1).toBe(false);
    }
  });
});
