import { openOnnxSession } from '../../../src/ner/session.js';
import * as ort from 'onnxruntime-node';
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
    return await timeSquareProduct(() => session.run(feeds), n, threads, repeats);
  } finally {
    await session.release();
  }
}

/**
 * Measured int8 GEMM throughput through onnxruntime: `MatMulInteger` (uint8 × int8 → int32), the kernel a dynamically
 * quantised model's MatMuls run (VNNI/AMX where the CPU has them). Counted as 2·n³ operations, like the fp32 peak.
 *
 * @example await measureMatMulIntegerPeak(1024, 2) → { flopsPerSecond: 2.4e11, n: 1024, threads: 2, bestMs: 8.9 }
 */
export async function measureMatMulIntegerPeak(n: number, threads: number, repeats = 5): Promise<MatMulPeak> {
  const model = buildOnnxModel({
    name: 'matmul-integer-peak',
    inputs: [
      { name: 'a', type: 'uint8', shape: [n, n] },
      { name: 'b', type: 'int8', shape: [n, n] },
    ],
    outputs: [{ name: 'c', type: 'int32', shape: [n, n] }],
    initializers: [],
    nodes: [{ op: 'MatMulInteger', inputs: ['a', 'b'], outputs: ['c'] }],
  });
  // onnxruntime-node directly: the engine's session wrapper (src/ner/session.ts) only feeds int64/float32.
  const session = await ort.InferenceSession.create(model, { intraOpNumThreads: threads, interOpNumThreads: 1, executionProviders: ['cpu'] });
  try {
    const a = Uint8Array.from({ length: n * n }, (_, i) => (i * 7919) % 251);
    const b = Int8Array.from({ length: n * n }, (_, i) => ((i * 104729) % 255) - 127);
    const feeds = { a: new ort.Tensor('uint8', a, [n, n]), b: new ort.Tensor('int8', b, [n, n]) };
    return await timeSquareProduct(() => session.run(feeds), n, threads, repeats);
  } finally {
    await session.release();
  }
}

/** Best of `repeats` runs of an [n, n] × [n, n] product after one warm-up run, as 2·n³ operations per second. */
async function timeSquareProduct(run: () => Promise<unknown>, n: number, threads: number, repeats: number): Promise<MatMulPeak> {
  await run();
  let bestMs = Infinity;
  for (let r = 0; r < repeats; r++) {
    const t = performance.now();
    await run();
    bestMs = Math.min(bestMs, performance.now() - t);
  }
  return { flopsPerSecond: (2 * n * n * n) / (bestMs / 1000), n, threads, bestMs };
}
