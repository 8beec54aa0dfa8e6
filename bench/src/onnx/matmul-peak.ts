import { openOnnxSession } from '../../../src/ner/session.js';
import { buildOnnxModel } from './graph-builder.js';

/**
 * Measured float32 MatMul throughput of this machine through onnxruntime (the engine's own runtime): a square
 * [n, n] × [n, n] product, best of `repeats` runs after a warm-up.
 *
 * @example await measureMatMulPeak(1024, 2) → { flopsPerSecond: 6.1e10, n: 1024, threads: 2, bestMs: 35.2 }
 */
export interface MatMulPeak {
  flopsPerSecond: number;
  n: number;
  threads: number;
  bestMs: number;
}

export async function measureMatMulPeak(n: number, threads: number, repeats = 5): Promise<MatMulPeak> {
  const model = buildOnnxModel({
    name: 'matmul-peak',
    inputs: [
      { name: 'a', type: 'float32', shape: [n, n] },
      { name: 'b', type: 'float32', shape: [n, n] },
    ],
    outputs: [{ name: 'c', type: 'float32', shape: [n, n] }],
    initializers: [],
    nodes: [{ op: 'MatMul', inputs: ['a', 'b'], outputs: ['c'] }],
  });
  const session = await openOnnxSession(model, { intraOpThreads: threads, executionProviders: ['cpu'] });
  try {
    const a = Float32Array.from({ length: n * n }, (_, i) => ((i * 7919) % 1000) / 1000 - 0.5);
    const feeds = { a: { type: 'float32' as const, data: a, dims: [n, n] }, b: { type: 'float32' as const, data: a, dims: [n, n] } };
    await session.run(feeds);
    let bestMs = Infinity;
    for (let r = 0; r < repeats; r++) {
      const t = performance.now();
      await session.run(feeds);
      bestMs = Math.min(bestMs, performance.now() - t);
    }
    return { flopsPerSecond: (2 * n * n * n) / (bestMs / 1000), n, threads, bestMs };
  } finally {
    await session.release();
  }
}
