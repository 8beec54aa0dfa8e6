import type { CrfParams, EmissionView } from './crf-params.js';

/**
 * Most likely label path under the CRF: maximises
 * start[y1] + Σ emissions[t][yt] + Σ transitions[y(t-1)][yt] + end[yn].
 * Ties go to the lowest label index (strict `>` everywhere), as the contract requires, so TypeScript and Python agree.
 *
 * @example viterbiDecode({ data: [0, 1], offset: 0, length: 1 }, crf) // Int32Array [1] with zero CRF scores
 */
export function viterbiDecode(emissions: EmissionView, crf: CrfParams): Int32Array {
  const { data, offset, length: n } = emissions;
  const L = crf.numLabels;
  const path = new Int32Array(n);
  if (n === 0) return path;
  let score = new Float64Array(L); // [L] best score of a path ending in label j at position t
  let next = new Float64Array(L);
  const backpointers = new Int32Array(n * L); // [n, L]
  for (let j = 0; j < L; j++) score[j] = (crf.start[j] as number) + (data[offset + j] as number);
  const trans = crf.transitions;
  for (let t = 1; t < n; t++) {
    const row = offset + t * L;
    const bp = t * L;
    next.fill(-Infinity);
    // i outer, j inner: contiguous transition rows; ascending i with strict `>` keeps the lowest index on ties.
    for (let i = 0; i < L; i++) {
      const si = score[i] as number;
      const from = i * L;
      for (let j = 0; j < L; j++) {
        const s = si + (trans[from + j] as number);
        if (s > (next[j] as number)) {
          next[j] = s;
          backpointers[bp + j] = i;
        }
      }
    }
    for (let j = 0; j < L; j++) next[j] = (next[j] as number) + (data[row + j] as number);
    [score, next] = [next, score];
  }
  let best = -Infinity;
  let last = 0;
  for (let j = 0; j < L; j++) {
    const s = (score[j] as number) + (crf.end[j] as number);
    if (s > best) {
      best = s;
      last = j;
    }
  }
  path[n - 1] = last;
  for (let t = n - 1; t > 0; t--) path[t - 1] = backpointers[t * L + (path[t] as number)] as number;
  return path;
}

/** Score of one label path (the quantity Viterbi maximises); used by tests and brute-force checks. */
export function pathScore(emissions: EmissionView, crf: CrfParams, path: ArrayLike<number>): number {
  const { data, offset, length: n } = emissions;
  const L = crf.numLabels;
  if (n === 0) return 0;
  let s = (crf.start[path[0] as number] as number) + (crf.end[path[n - 1] as number] as number);
  for (let t = 0; t < n; t++) {
    const y = path[t] as number;
    s += data[offset + t * L + y] as number;
    if (t > 0) s += crf.transitions[(path[t - 1] as number) * L + y] as number;
  }
  return s;
}
