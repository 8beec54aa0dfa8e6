import { afterAll, expect, it } from 'vitest';
import { createNerEngine } from '../../src/ner/index.js';
import { mulberry32 } from '../fixtures/ner/test-model.js';
import { randomText, tempModel } from './engine-helpers.js';

// A deliberately heavy model (6 × 192² MatMul per token) so one batch takes long enough to matter.
const model = tempModel({ seed: 4, hidden: 192, layers: 6, windowSize: 510, overlap: 64 });
afterAll(() => model.cleanup());

it('keeps the main event loop responsive while the pool runs a long batch', async () => {
  const engine = await createNerEngine({ modelDir: model.dir, poolSize: 1, maxBatchWindows: 64, maxBatchTokens: 64 * 512, executionProviders: ['cpu'] });
  try {
    const text = randomText(mulberry32(1), 24000, model.vocab);
    let maxLag = 0;
    let ticks = 0;
    let running = true;
    const probe = (): void => {
      const scheduled = performance.now();
      setTimeout(() => {
        maxLag = Math.max(maxLag, performance.now() - scheduled - 1);
        ticks++;
        if (running) probe();
      }, 1);
    };
    probe();
    const started = performance.now();
    const entities = await engine.extract(text);
    const inferenceMs = performance.now() - started;
    running = false;
    expect(entities.length).toBeGreaterThan(0);
    expect(inferenceMs).toBeGreaterThan(200); // otherwise the test proves nothing
    // All ~54 windows go in ONE batch (24,000 characters: long enough on a quiet machine too), so inference on the main thread would delay a timer by about the whole
    // inference time and let ~1 timer fire. Bounds leave room for a busy CI box (other test files, training).
    expect(maxLag).toBeLessThan(inferenceMs / 2);
    expect(ticks).toBeGreaterThan(inferenceMs / 25);
  } finally {
    await engine.close();
  }
}, 60_000);
