/**
 * Fits the diagnosis ranker's stages (logistic regression by Newton's method with a small L2 penalty; one-hidden-layer
 * networks by Adam) and tunes the selection cut (threshold, floor) for micro-F1 over names on out-of-fold predictions.
 */
import type { MlpData } from '../../src/normalise/index-format.js';

export interface Example {
  features: Float64Array;
  positive: boolean;
}

/** Weights and bias minimising log loss + λ/2·|w|² (bias not penalised). */
export function fitLogistic(examples: readonly Example[], dimension: number, lambda = 1): { weights: number[]; bias: number } {
  const d = dimension + 1; // last coordinate: bias
  const w = new Float64Array(d);
  for (let iteration = 0; iteration < 30; iteration++) {
    const gradient = new Float64Array(d);
    const hessian = new Float64Array(d * d);
    for (const e of examples) {
      const x = withBias(e.features);
      let z = 0;
      for (let i = 0; i < d; i++) z += w[i]! * x[i]!;
      const p = 1 / (1 + Math.exp(-z));
      const r = p - (e.positive ? 1 : 0);
      const s = Math.max(p * (1 - p), 1e-9);
      for (let i = 0; i < d; i++) {
        const xi = x[i]!;
        if (xi === 0) continue;
        gradient[i] = gradient[i]! + r * xi;
        for (let j = 0; j < d; j++) hessian[i * d + j] = hessian[i * d + j]! + s * xi * x[j]!;
      }
    }
    for (let i = 0; i < dimension; i++) {
      gradient[i] = gradient[i]! + lambda * w[i]!;
      hessian[i * d + i] = hessian[i * d + i]! + lambda;
    }
    const step = solve(hessian, gradient, d);
    let change = 0;
    for (let i = 0; i < d; i++) {
      w[i] = w[i]! - step[i]!;
      change = Math.max(change, Math.abs(step[i]!));
    }
    if (change < 1e-6) break;
  }
  return { weights: Array.from(w.subarray(0, dimension)), bias: w[dimension]! };
}

/** Settings of fitMlp; the defaults are what the shipped ranker uses. */
export interface MlpOptions {
  hidden?: number;
  epochs?: number;
  batch?: number;
  learningRate?: number;
  /** L2 penalty added to the gradient (as PyTorch's Adam weight_decay). */
  weightDecay?: number;
  seed?: number;
}

/**
 * A one-hidden-layer ReLU network minimising mean log loss with Adam over shuffled mini-batches. Deterministic for a
 * seed (mulberry32 for initialisation, U(±1/√fan-in) as PyTorch's Linear, and shuffling).
 */
export function fitMlp(examples: readonly Example[], dimension: number, options: MlpOptions = {}): MlpData {
  const { hidden = 32, epochs = 30, batch = 1024, learningRate = 3e-3, weightDecay = 1e-4, seed = 1 } = options;
  const random = mulberry32(seed);
  const uniform = (bound: number) => (random() * 2 - 1) * bound;
  const b1Bound = 1 / Math.sqrt(dimension);
  const b2Bound = 1 / Math.sqrt(hidden);
  // Parameters in one vector: w1 (hidden × dimension), b1 (hidden), w2 (hidden), b2.
  const size = hidden * dimension + 2 * hidden + 1;
  const theta = new Float64Array(size);
  for (let i = 0; i < hidden * dimension; i++) theta[i] = uniform(b1Bound);
  for (let h = 0; h < hidden; h++) theta[hidden * dimension + h] = uniform(b1Bound);
  for (let h = 0; h < hidden; h++) theta[hidden * dimension + hidden + h] = uniform(b2Bound);
  theta[size - 1] = uniform(b2Bound);
  const B1 = hidden * dimension;
  const W2 = B1 + hidden;
  const m = new Float64Array(size);
  const v = new Float64Array(size);
  const grad = new Float64Array(size);
  const act = new Float64Array(hidden);
  const order = Array.from(examples.keys());
  let step = 0;
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (let start = 0; start < order.length; start += batch) {
      const end = Math.min(order.length, start + batch);
      grad.fill(0);
      for (let b = start; b < end; b++) {
        const e = examples[order[b]!]!;
        const x = e.features;
        let z = theta[size - 1]!;
        for (let h = 0; h < hidden; h++) {
          let a = theta[B1 + h]!;
          const row = h * dimension;
          for (let i = 0; i < dimension; i++) a += theta[row + i]! * x[i]!;
          act[h] = a > 0 ? a : 0;
          z += theta[W2 + h]! * act[h]!;
        }
        const g = (1 / (1 + Math.exp(-z)) - (e.positive ? 1 : 0)) / (end - start);
        grad[size - 1] = grad[size - 1]! + g;
        for (let h = 0; h < hidden; h++) {
          if (act[h] === 0) continue;
          grad[W2 + h] = grad[W2 + h]! + g * act[h]!;
          const gh = g * theta[W2 + h]!;
          grad[B1 + h] = grad[B1 + h]! + gh;
          const row = h * dimension;
          for (let i = 0; i < dimension; i++) grad[row + i] = grad[row + i]! + gh * x[i]!;
        }
      }
      step++;
      const c1 = 1 - 0.9 ** step;
      const c2 = 1 - 0.999 ** step;
      for (let k = 0; k < size; k++) {
        const gk = grad[k]! + weightDecay * theta[k]!;
        m[k] = 0.9 * m[k]! + 0.1 * gk;
        v[k] = 0.999 * v[k]! + 0.001 * gk * gk;
        theta[k] = theta[k]! - (learningRate * (m[k]! / c1)) / (Math.sqrt(v[k]! / c2) + 1e-8);
      }
    }
  }
  const r = (x: number) => Number(x.toPrecision(6));
  return {
    inputs: dimension,
    hidden,
    w1: Array.from(theta.subarray(0, B1), r),
    b1: Array.from(theta.subarray(B1, W2), r),
    w2: Array.from(theta.subarray(W2, W2 + hidden), r),
    b2: r(theta[size - 1]!),
  };
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One text's out-of-fold candidates: probability and whether the name is gold; `gold` counts every gold name. */
export interface ScoredText {
  candidates: { probability: number; positive: boolean }[];
  gold: number;
}

/** The (threshold, floor) pair with the best micro-F1 over a grid, with that F1. */
export function tuneCut(texts: readonly ScoredText[]): { threshold: number; floor: number; f1: number } {
  let best = { threshold: 0.5, floor: 0.5, f1: -1 };
  for (let t = 0.1; t <= 0.9001; t += 0.02) {
    for (let f = 0; f <= t + 1e-9; f += 0.02) {
      let correct = 0;
      let predicted = 0;
      let gold = 0;
      for (const text of texts) {
        gold += text.gold;
        const sorted = text.candidates; // sorted best first by the caller
        let kept = sorted.filter((c) => c.probability >= t);
        if (kept.length === 0 && sorted[0] && sorted[0].probability >= f) kept = [sorted[0]];
        predicted += kept.length;
        correct += kept.filter((c) => c.positive).length;
      }
      const p = predicted === 0 ? 0 : correct / predicted;
      const r = gold === 0 ? 0 : correct / gold;
      const f1 = p + r === 0 ? 0 : (2 * p * r) / (p + r);
      if (f1 > best.f1) best = { threshold: round(t), floor: round(f), f1 };
    }
  }
  return best;
}

function withBias(features: Float64Array): Float64Array {
  const x = new Float64Array(features.length + 1);
  x.set(features);
  x[features.length] = 1;
  return x;
}

/** Gaussian elimination with partial pivoting: H·x = g. */
function solve(h: Float64Array, g: Float64Array, d: number): Float64Array {
  const a = Float64Array.from(h);
  const b = Float64Array.from(g);
  for (let col = 0; col < d; col++) {
    let pivot = col;
    for (let r = col + 1; r < d; r++) if (Math.abs(a[r * d + col]!) > Math.abs(a[pivot * d + col]!)) pivot = r;
    if (pivot !== col) {
      for (let c = 0; c < d; c++) [a[col * d + c], a[pivot * d + c]] = [a[pivot * d + c]!, a[col * d + c]!];
      [b[col], b[pivot]] = [b[pivot]!, b[col]!];
    }
    const diag = a[col * d + col]! || 1e-12;
    for (let r = col + 1; r < d; r++) {
      const factor = a[r * d + col]! / diag;
      if (factor === 0) continue;
      for (let c = col; c < d; c++) a[r * d + c] = a[r * d + c]! - factor * a[col * d + c]!;
      b[r] = b[r]! - factor * b[col]!;
    }
  }
  const x = new Float64Array(d);
  for (let r = d - 1; r >= 0; r--) {
    let sum = b[r]!;
    for (let c = r + 1; c < d; c++) sum -= a[r * d + c]! * x[c]!;
    x[r] = sum / (a[r * d + r]! || 1e-12);
  }
  return x;
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
