import type { CrfParams, EmissionView } from './crf-params.js';

/**
 * Forward–backward over the CRF, used to give each decoded span its marginal probability
 * P(y_s..y_e = the decoded tags | x).
 *
 * The fast path works in probability space with per-position scaling (Rabiner): a_t is alpha_t normalised to sum 1
 * (c_t the normaliser, m_t the max emission subtracted before exp), b_t the matching scaled beta. Then
 *   P(y_t = i)          = a_t(i) b_t(i) / Σ_j a_n(j) b_n(j)
 *   P(y_s..e = fixed y)  = a_s(y_s) · Π_{t=s+1..e} exp(T[y_{t-1}][y_t] − mT) exp(e_t(y_t) − m_t) / c_t · b_e(y_e) / Σ_j a_n(j) b_n(j)
 * (derivation in the PR: the scale factors telescope). It is ~10× cheaper than log-space logsumexp, which is kept as a
 * fallback for degenerate inputs where scaling underflows (a normaliser of 0).
 */
export interface ForwardBackward {
  length: number;
  numLabels: number;
  /** Probability-space tables: alpha, beta [length, L]; `logSpace` false. Log-space tables when `logSpace` true. */
  alpha: Float64Array;
  beta: Float64Array;
  /** Scaled path: normalisers c_t and max emissions m_t [length]; the max transition mT. */
  scale: Float64Array;
  shift: Float64Array;
  maxTransition: number;
  /** Σ_j a_n(j) b_n(j) (probability space) or log Z (log space). */
  norm: number;
  logSpace: boolean;
}

export function forwardBackward(emissions: EmissionView, crf: CrfParams): ForwardBackward {
  const scaled = scaledForwardBackward(emissions, crf);
  return scaled ?? logForwardBackward(emissions, crf);
}

/** Probability-space variant; returns null when scaling underflows so the caller can use log space. */
export function scaledForwardBackward(emissions: EmissionView, crf: CrfParams): ForwardBackward | null {
  const { data, offset, length: n } = emissions;
  const L = crf.numLabels;
  const alpha = new Float64Array(n * L); // [n, L]
  const beta = new Float64Array(n * L); // [n, L]
  const scale = new Float64Array(n);
  const shift = new Float64Array(n);
  let maxTransition = -Infinity;
  for (const v of crf.transitions) if (v > maxTransition) maxTransition = v;
  const expTrans = new Float64Array(L * L); // [L, L] exp(T − mT)
  for (let k = 0; k < L * L; k++) expTrans[k] = Math.exp((crf.transitions[k] as number) - maxTransition);
  const psi = new Float64Array(n * L); // [n, L] exp(e_t − m_t), start folded into t = 0
  for (let t = 0; t < n; t++) {
    let m = -Infinity;
    for (let j = 0; j < L; j++) {
      const e = (data[offset + t * L + j] as number) + (t === 0 ? (crf.start[j] as number) : 0);
      if (e > m) m = e;
    }
    shift[t] = m;
    for (let j = 0; j < L; j++) {
      const e = (data[offset + t * L + j] as number) + (t === 0 ? (crf.start[j] as number) : 0);
      psi[t * L + j] = Math.exp(e - m);
    }
  }
  if (n === 0) return { length: 0, numLabels: L, alpha, beta, scale, shift, maxTransition, norm: 1, logSpace: false };
  // Forward.
  let c = 0;
  for (let j = 0; j < L; j++) c += alpha[j] = psi[j] as number;
  if (!(c > 0) || !Number.isFinite(c)) return null;
  scale[0] = c;
  for (let j = 0; j < L; j++) alpha[j] = (alpha[j] as number) / c;
  for (let t = 1; t < n; t++) {
    const prev = (t - 1) * L;
    const cur = t * L;
    // Accumulate row by row and skip zero states: BIOES constraints make most of alpha zero.
    for (let i = 0; i < L; i++) {
      const a = alpha[prev + i] as number;
      if (a === 0) continue;
      const from = i * L;
      for (let j = 0; j < L; j++) alpha[cur + j] = (alpha[cur + j] as number) + a * (expTrans[from + j] as number);
    }
    c = 0;
    for (let j = 0; j < L; j++) c += alpha[cur + j] = (alpha[cur + j] as number) * (psi[cur + j] as number);
    if (!(c > 0) || !Number.isFinite(c)) return null;
    scale[t] = c;
    const inv = 1 / c;
    for (let j = 0; j < L; j++) alpha[cur + j] = (alpha[cur + j] as number) * inv;
  }
  // Backward.
  let maxEnd = -Infinity;
  for (const v of crf.end) if (v > maxEnd) maxEnd = v;
  for (let i = 0; i < L; i++) beta[(n - 1) * L + i] = Math.exp((crf.end[i] as number) - maxEnd);
  const weighted = new Float64Array(L); // [L] psi_{t+1}(j) b_{t+1}(j) / c_{t+1}
  for (let t = n - 2; t >= 0; t--) {
    const inv = 1 / (scale[t + 1] as number);
    const nextRow = (t + 1) * L;
    for (let j = 0; j < L; j++) weighted[j] = (psi[nextRow + j] as number) * (beta[nextRow + j] as number) * inv;
    for (let i = 0; i < L; i++) {
      const from = i * L;
      let s = 0;
      for (let j = 0; j < L; j++) s += (expTrans[from + j] as number) * (weighted[j] as number);
      beta[t * L + i] = s;
    }
  }
  let norm = 0;
  for (let j = 0; j < L; j++) norm += (alpha[(n - 1) * L + j] as number) * (beta[(n - 1) * L + j] as number);
  if (!(norm > 0) || !Number.isFinite(norm)) return null;
  // Keep psi's shift convention for span products: psi_t(j) = exp(e_t(j) − m_t) for t ≥ 1.
  return { length: n, numLabels: L, alpha, beta, scale, shift, maxTransition, norm, logSpace: false };
}

function logSumExp(values: Float64Array): number {
  let m = -Infinity;
  for (const v of values) if (v > m) m = v;
  if (m === -Infinity) return -Infinity;
  let s = 0;
  for (const v of values) s += Math.exp(v - m);
  return m + Math.log(s);
}

/** Log-space variant: exact for any input, slower (L² exp per position). */
export function logForwardBackward(emissions: EmissionView, crf: CrfParams): ForwardBackward {
  const { data, offset, length: n } = emissions;
  const L = crf.numLabels;
  const alpha = new Float64Array(n * L); // [n, L] log alpha
  const beta = new Float64Array(n * L); // [n, L] log beta
  const tmp = new Float64Array(L);
  const empty = new Float64Array(n);
  if (n === 0) {
    return { length: 0, numLabels: L, alpha, beta, scale: empty, shift: empty, maxTransition: 0, norm: 0, logSpace: true };
  }
  for (let j = 0; j < L; j++) alpha[j] = (crf.start[j] as number) + (data[offset + j] as number);
  for (let t = 1; t < n; t++) {
    for (let j = 0; j < L; j++) {
      for (let i = 0; i < L; i++) tmp[i] = (alpha[(t - 1) * L + i] as number) + (crf.transitions[i * L + j] as number);
      alpha[t * L + j] = logSumExp(tmp) + (data[offset + t * L + j] as number);
    }
  }
  for (let i = 0; i < L; i++) beta[(n - 1) * L + i] = crf.end[i] as number;
  for (let t = n - 2; t >= 0; t--) {
    for (let i = 0; i < L; i++) {
      for (let j = 0; j < L; j++) {
        tmp[j] = (crf.transitions[i * L + j] as number) + (data[offset + (t + 1) * L + j] as number) + (beta[(t + 1) * L + j] as number);
      }
      beta[t * L + i] = logSumExp(tmp);
    }
  }
  for (let j = 0; j < L; j++) tmp[j] = (alpha[(n - 1) * L + j] as number) + (beta[(n - 1) * L + j] as number);
  return { length: n, numLabels: L, alpha, beta, scale: empty, shift: empty, maxTransition: 0, norm: logSumExp(tmp), logSpace: true };
}

/** P(y_t = j) for every position: [length, L], each row sums to 1. */
export function positionMarginals(fb: ForwardBackward): Float64Array {
  const out = new Float64Array(fb.length * fb.numLabels);
  for (let k = 0; k < out.length; k++) {
    out[k] = fb.logSpace
      ? Math.exp((fb.alpha[k] as number) + (fb.beta[k] as number) - fb.norm)
      : ((fb.alpha[k] as number) * (fb.beta[k] as number)) / fb.norm;
  }
  return out;
}

/**
 * P(y_s..y_e = path[s..e]) for tokens s..e inclusive of a window: the span's marginal confidence.
 * `emissions` and `crf` must be those `fb` was computed from.
 */
export function spanMarginal(
  fb: ForwardBackward,
  emissions: EmissionView,
  crf: CrfParams,
  path: ArrayLike<number>,
  s: number,
  e: number,
): number {
  const L = fb.numLabels;
  const { data, offset } = emissions;
  const first = path[s] as number;
  const last = path[e] as number;
  if (fb.logSpace) {
    let logP = (fb.alpha[s * L + first] as number) + (fb.beta[e * L + last] as number) - fb.norm;
    for (let t = s + 1; t <= e; t++) {
      const y = path[t] as number;
      logP += (crf.transitions[(path[t - 1] as number) * L + y] as number) + (data[offset + t * L + y] as number);
    }
    return Math.min(1, Math.exp(logP));
  }
  let logP = Math.log(fb.alpha[s * L + first] as number) + Math.log(fb.beta[e * L + last] as number) - Math.log(fb.norm);
  for (let t = s + 1; t <= e; t++) {
    const y = path[t] as number;
    logP +=
      (crf.transitions[(path[t - 1] as number) * L + y] as number) - fb.maxTransition +
      (data[offset + t * L + y] as number) - (fb.shift[t] as number) -
      Math.log(fb.scale[t] as number);
  }
  return Math.min(1, Math.exp(logP));
}
