import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { countWeightFlops } from '../../bench/src/onnx/flops.js';
import { buildOnnxModel } from '../../bench/src/onnx/graph-builder.js';
import { measureMatMulIntegerPeak, measureMatMulPeak } from '../../bench/src/onnx/matmul-peak.js';
import { tempModel } from '../ner/engine-helpers.js';

const model = tempModel({ seed: 1, hidden: 24, layers: 3 });
afterAll(() => model.cleanup());

it('counts 2·K·N per token for each weight MatMul and ignores Gather', () => {
  const L = model.labels.length;
  const count = countWeightFlops(readFileSync(path.join(model.dir, 'model.onnx')));
  expect(count.byOp).toEqual({ MatMul: 3 * 2 * 24 * 24 + 2 * 24 * L });
  expect(count.activationMatMuls).toBe(0);
});

it('counts Gemm, Conv, LSTM and transposed constant weights; activation MatMuls separately', () => {
  const f = (n: number): Float32Array => new Float32Array(n);
  const bytes = buildOnnxModel({
    name: 'mixed',
    inputs: [{ name: 'x', type: 'float32', shape: [1, 8, 10] }],
    outputs: [{ name: 'y', type: 'float32', shape: [1, 8, 8] }],
    initializers: [
      { name: 'wt', dims: [6, 10], data: f(60) }, // used through Transpose → [10, 6]
      { name: 'g', dims: [6, 4], data: f(24) },
      { name: 'k', dims: [5, 4, 3], data: f(60) },
      { name: 'W', dims: [2, 20, 5], data: f(200) },
      { name: 'R', dims: [2, 20, 5], data: f(200) },
    ],
    nodes: [
      { op: 'Transpose', inputs: ['wt'], outputs: ['w'], attributes: [{ name: 'perm', ints: [1, 0] }] },
      { op: 'MatMul', inputs: ['x', 'w'], outputs: ['a'] },
      { op: 'Gemm', inputs: ['a2', 'g'], outputs: ['b'] },
      { op: 'Conv', inputs: ['b2', 'k'], outputs: ['c'] },
      { op: 'LSTM', inputs: ['c2', 'W', 'R'], outputs: ['d'] },
      { op: 'MatMul', inputs: ['q', 'kt'], outputs: ['scores'] },
    ],
  });
  const count = countWeightFlops(bytes);
  expect(count.byOp).toEqual({ MatMul: 2 * 10 * 6, Gemm: 2 * 6 * 4, Conv: 2 * 5 * 4 * 3, LSTM: 2 * (200 + 200) });
  expect(count.activationMatMuls).toBe(1);
});

it('measures a positive MatMul throughput', async () => {
  const peak = await measureMatMulPeak(128, 1, 2);
  expect(peak.flopsPerSecond).toBeGreaterThan(1e8);
  expect(peak.n).toBe(128);
});

it('builds int8 graphs: MatMulInteger (uint8 × int8 → int32) computes the exact product, and its peak is measured', async () => {
  const ort = await import('onnxruntime-node');
  const bytes = buildOnnxModel({
    name: 'mmi',
    inputs: [{ name: 'a', type: 'uint8', shape: [2, 3] }, { name: 'b', type: 'int8', shape: [3, 2] }],
    outputs: [{ name: 'c', type: 'int32', shape: [2, 2] }],
    initializers: [],
    nodes: [{ op: 'MatMulInteger', inputs: ['a', 'b'], outputs: ['c'] }],
  });
  const session = await ort.InferenceSession.create(bytes);
  const a = Uint8Array.from([1, 2, 3, 200, 0, 255]);
  const b = Int8Array.from([-1, 2, 3, -4, 127, -128]);
  const out = await session.run({ a: new ort.Tensor('uint8', a, [2, 3]), b: new ort.Tensor('int8', b, [3, 2]) });
  expect(Array.from(out['c']!.data as Int32Array)).toEqual([
    1 * -1 + 2 * 3 + 3 * 127, 1 * 2 + 2 * -4 + 3 * -128,
    200 * -1 + 0 * 3 + 255 * 127, 200 * 2 + 0 * -4 + 255 * -128,
  ]);
  await session.release();
  const peak = await measureMatMulIntegerPeak(64, 1, 2);
  expect(peak.flopsPerSecond).toBeGreaterThan(0);
  expect(Number.isFinite(peak.flopsPerSecond)).toBe(true);
});
