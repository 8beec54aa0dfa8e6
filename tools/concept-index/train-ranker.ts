/**
 * Fits the diagnosis ranker (logistic regression, Newton's method with a small L2 penalty) and tunes the selection
 * cut (threshold, floor) for micro-F1 over names on out-of-fold predictions.
 */
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
