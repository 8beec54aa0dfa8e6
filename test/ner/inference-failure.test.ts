import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { buildOnnxModel } from '../../bench/src/onnx/graph-builder.js';
import { createNerEngine } from '../../src/ner/index.js';
import { tempModel } from './engine-helpers.js';

const model = tempModel({ seed: 12 });
afterAll(() => model.cleanup());

it('rejects every record of a failed batch with NER_INFERENCE_FAILED and keeps serving', async () => {
  const V = model.vocab.length;
  const L = model.labels.length;
  // emissions = embedding[ids] + bias[1, 3, L]: broadcasts only for length-3 inputs (the load probe: [CLS] x [SEP]),
  // so any longer window makes onnxruntime fail at run time.
  writeFileSync(
    path.join(model.dir, 'model.onnx'),
    buildOnnxModel({
      name: 'fails-on-long-inputs',
      inputs: [
        { name: 'input_ids', type: 'int64', shape: ['batch', 'length'] },
        { name: 'attention_mask', type: 'int64', shape: ['batch', 'length'] },
      ],
      outputs: [{ name: 'emissions', type: 'float32', shape: ['batch', 'length', L] }],
      initializers: [
        { name: 'embedding', dims: [V, L], data: Float32Array.from({ length: V * L }, (_, i) => (i % 7) - 3) },
        { name: 'bias', dims: [1, 3, L], data: new Float32Array(3 * L) },
      ],
      nodes: [
        { op: 'Gather', inputs: ['embedding', 'input_ids'], outputs: ['e'] },
        { op: 'Add', inputs: ['e', 'bias'], outputs: ['emissions'] },
      ],
    }),
  );
  const engine = await createNerEngine({ modelDir: model.dir, poolSize: 1, executionProviders: ['cpu'] });
  try {
    const [a, b] = await Promise.allSettled([engine.extract('患者因直肠癌'), engine.extract('行根治术后')]);
    for (const r of [a, b]) {
      expect(r.status).toBe('rejected');
      expect((r as PromiseRejectedResult).reason).toMatchObject({ code: 'NER_INFERENCE_FAILED', message: expect.stringMatching(/^inference failed on a batch of 1 windows: /u) as unknown });
    }
    // A one-character record still works: the worker survived the failed batch.
    await expect(engine.extract('癌')).resolves.toBeInstanceOf(Array);
  } finally {
    await engine.close();
  }
});
