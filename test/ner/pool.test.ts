import { afterAll, expect, it } from 'vitest';
import { loadModelFolder } from '../../src/ner/model-folder.js';
import { InferencePool } from '../../src/ner/pool.js';
import { resolveWorkerUrl } from '../../src/ner/worker-url.js';
import { tempModel } from './engine-helpers.js';

const model = tempModel({ seed: 6 });
afterAll(() => model.cleanup());

it('batches equal-length windows from concurrent submitters and never pads unequal ones together', async () => {
  const folder = await loadModelFolder(model.dir);
  const batches: number[] = [];
  const pool = await InferencePool.start({
    workerUrl: resolveWorkerUrl(new URL('../../src/ner/worker-url.ts', import.meta.url).href),
    size: 1,
    maxBatchWindows: 8,
    maxBatchTokens: 8192,
    log: () => undefined,
    onBatch: (windows) => batches.push(windows),
    init: { onnxPath: folder.onnxPath, intraOpThreads: 1, executionProviders: ['cpu'], heads: folder.heads, ...folder.special },
  });
  try {
    const window = (n: number, seed: number): Int32Array => Int32Array.from({ length: n }, (_, i) => 5 + ((i * 7 + seed) % 40));
    // 16 windows of length 20 (think: 4 records × 4 windows) and 3 of other lengths, all submitted in one turn.
    const jobs = [
      ...Array.from({ length: 16 }, (_, i) => pool.submit(window(20, i))),
      pool.submit(window(7, 1)),
      pool.submit(window(8, 1)),
      pool.submit(window(19, 1)),
    ];
    const results = await Promise.all(jobs);
    expect(results.length).toBe(19);
    // Equal-length windows fill batches of 8 (2 batches); each odd length runs alone (3 batches).
    expect(batches.length).toBe(5);
    // Batching must not change results: a window decoded alone gives the same spans.
    expect(await pool.submit(window(20, 3))).toEqual(results[3]);
  } finally {
    await pool.close();
  }
});

it("splits one record's windows across idle workers (latency at concurrency 1)", async () => {
  const folder = await loadModelFolder(model.dir);
  const batches: number[] = [];
  const pool = await InferencePool.start({
    workerUrl: resolveWorkerUrl(new URL('../../src/ner/worker-url.ts', import.meta.url).href),
    size: 2,
    maxBatchWindows: 16,
    maxBatchTokens: 8192,
    log: () => undefined,
    onBatch: (windows) => batches.push(windows),
    init: { onnxPath: folder.onnxPath, intraOpThreads: 1, executionProviders: ['cpu'], heads: folder.heads, ...folder.special },
  });
  try {
    await Promise.all(Array.from({ length: 16 }, (_, i) => pool.submit(Int32Array.from({ length: 20 }, (_, t) => 5 + ((t + i) % 30)))));
    expect(batches).toEqual([8, 8]); // 8 + 8 on two workers, not 16 on one
  } finally {
    await pool.close();
  }
});
