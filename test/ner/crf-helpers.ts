/** Random CRFs/emissions and brute-force oracles for the CRF tests (pytorch-crf style). */
import type { CrfParams, EmissionView } from '../../src/ner/crf/crf-params.js';
import { pathScore } from '../../src/ner/crf/viterbi.js';
import { mulberry32 } from '../fixtures/ner/test-model.js';

export function makeCrf(rand: () => number, L: number, scale = 2): CrfParams {
  const r = (): number => (rand() * 2 - 1) * scale;
  return {
    numLabels: L,
    transitions: Float64Array.from({ length: L * L }, r),
    start: Float64Array.from({ length: L }, r),
    end: Float64Array.from({ length: L }, r),
  };
}

export function makeEmissions(rand: () => number, n: number, L: number, scale = 3): EmissionView {
  // A leading pad row checks that `offset` is honoured.
  const data = Float64Array.from({ length: (n + 1) * L }, () => (rand() * 2 - 1) * scale);
  return { data, offset: L, length: n };
}

/** Every label path of length n over L labels. */
export function* allPaths(n: number, L: number): Generator<number[]> {
  const path = new Array<number>(n).fill(0);
  for (;;) {
    yield [...path];
    let k = n - 1;
    while (k >= 0 && path[k] === L - 1) path[k--] = 0;
    if (k < 0) return;
    path[k] = (path[k] as number) + 1;
  }
}

export function bruteForce(e: EmissionView, crf: CrfParams): { best: number[]; bestScore: number; logZ: number; paths: { path: number[]; score: number }[] } {
  let best: number[] = [];
  let bestScore = -Infinity;
  const paths: { path: number[]; score: number }[] = [];
  for (const path of allPaths(e.length, crf.numLabels)) {
    const score = pathScore(e, crf, path);
    paths.push({ path, score });
    if (score > bestScore) {
      bestScore = score;
      best = path;
    }
  }
  const m = bestScore;
  const logZ = m + Math.log(paths.reduce((s, p) => s + Math.exp(p.score - m), 0));
  return { best, bestScore, logZ, paths };
}

export { mulberry32 };
