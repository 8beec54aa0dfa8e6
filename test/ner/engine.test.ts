import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNerEngine, isNerError, loadModelFolder, type NerEngine } from '../../src/ner/index.js';
import type { ModelFolder } from '../../src/ner/model-folder.js';
import { mulberry32 } from '../fixtures/ner/test-model.js';
import { randomText, referenceExtract, tempModel, withoutConfidence } from './engine-helpers.js';

describe('NER engine (tiny random model)', () => {
  const model = tempModel({ seed: 21, windowSize: 32, overlap: 8 });
  let engine: NerEngine;
  let folder: ModelFolder;
  const logs: string[] = [];

  beforeAll(async () => {
    folder = await loadModelFolder(model.dir);
    engine = await createNerEngine({ modelDir: model.dir, poolSize: 2, log: (m) => logs.push(m) });
  });
  afterAll(async () => {
    await engine.close();
    model.cleanup();
  });

  it('describes its model', () => {
    expect(engine.model).toMatchObject({ name: 'tiny-test', version: '0.0.1', labels: ['疾病和诊断', '手术', '药物'], types: ['DISEASE', 'SURGERY', 'DRUG'] });
  });

  it('returns [] for empty text', async () => {
    expect(await engine.extract('')).toEqual([]);
  });

  it('matches a pure-JS reference decode on short and multi-window texts (offsets in UTF-16 units)', async () => {
    const rand = mulberry32(5);
    for (const length of [1, 5, 31, 32, 33, 100, 257]) {
      const text = randomText(rand, length, model.vocab);
      const got = await engine.extract(text);
      expect(withoutConfidence(got)).toEqual(referenceExtract(model, folder, text));
      for (const e of got) {
        expect(text.slice(e.start, e.end)).toBe(e.text);
        expect(e.confidence).toBeGreaterThan(0);
        expect(e.confidence).toBeLessThanOrEqual(1);
      }
    }
  });

  it('batches concurrent records without mixing them up (extractMany = extract one by one)', async () => {
    const rand = mulberry32(8);
    const texts = Array.from({ length: 40 }, (_, i) => randomText(rand, 1 + ((i * 37) % 150), model.vocab));
    const many = await engine.extractMany(texts);
    for (let i = 0; i < texts.length; i++) expect(withoutConfidence(many[i]!)).toEqual(referenceExtract(model, folder, texts[i]!));
    const single = await engine.extract(texts[7]!);
    expect(many[7]).toEqual(single);
  });

  it('windows a 1 MB record instead of truncating it', async () => {
    // Realistic window (254) so the test stays a few seconds; exact agreement with the reference is covered above.
    const big = tempModel({ seed: 21, windowSize: 254, overlap: 32 });
    const bigEngine = await createNerEngine({ modelDir: big.dir, poolSize: 2, executionProviders: ['cpu'] });
    try {
      const text = randomText(mulberry32(13), 1_000_000, big.vocab);
      const got = await bigEngine.extract(text);
      const deciles = new Set<number>();
      let frontier = 0;
      let disorder = 0;
      for (const e of got) {
        if (e.start < frontier || text.slice(e.start, e.end) !== e.text) disorder++; // sorted, non-overlapping, exact text
        frontier = e.end;
        deciles.add(Math.floor((e.start / text.length) * 10));
      }
      expect(disorder).toBe(0);
      expect(deciles.size).toBe(10); // entities all along the record
      expect(got[got.length - 1]!.end).toBeGreaterThan(text.length - 200); // up to the very end
    } finally {
      await bigEngine.close();
      big.cleanup();
    }
  }, 240_000); // ~7 s on an idle 2-core box; generous for a loaded one

  it('logs the CPU fallback once per engine, without record text', () => {
    const fallbacks = logs.filter((l) => l.includes("using 'cpu'"));
    expect(fallbacks.length).toBe(1);
    expect(engine.model.provider).toBe('cpu');
  });
});

describe('NER engine misuse', () => {
  const model = tempModel({ seed: 2 });
  afterAll(() => model.cleanup());

  it('rejects non-string input with BAD_USER_INPUT', async () => {
    const engine = await createNerEngine({ modelDir: model.dir, poolSize: 1, executionProviders: ['cpu'] });
    try {
      await expect(engine.extract(42 as unknown as string)).rejects.toMatchObject({ code: 'BAD_USER_INPUT', message: 'extract(text): expected a string, got number' });
      await expect(engine.extract(null as unknown as string)).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
      await expect(engine.extractMany('abc' as unknown as string[])).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    } finally {
      await engine.close();
    }
  });

  it('rejects with NER_QUEUE_FULL beyond maxQueue records in flight, and recovers', async () => {
    const engine = await createNerEngine({ modelDir: model.dir, poolSize: 1, maxQueue: 2, executionProviders: ['cpu'] });
    try {
      const a = engine.extract('患者因直肠癌');
      const b = engine.extract('行根治术');
      const err = await engine.extract('化疗').catch((e: unknown) => e);
      expect(isNerError(err) && err.code).toBe('NER_QUEUE_FULL');
      expect((err as Error).message).toBe('NER queue full: 2 records in flight (maxQueue 2); retry later or raise maxQueue');
      await Promise.all([a, b]);
      await expect(engine.extract('化疗')).resolves.toBeInstanceOf(Array);
    } finally {
      await engine.close();
    }
  });

  it('rejects pending and later work with NER_ENGINE_CLOSED after close()', async () => {
    const engine = await createNerEngine({ modelDir: model.dir, poolSize: 1, executionProviders: ['cpu'] });
    const pending = engine.extract('患者因直肠癌'.repeat(200)).catch((e: unknown) => e);
    await engine.close();
    expect(await pending).toMatchObject({ code: 'NER_ENGINE_CLOSED' });
    await expect(engine.extract('化疗')).rejects.toMatchObject({ code: 'NER_ENGINE_CLOSED' });
  });

  it('rejects bad pool options', async () => {
    await expect(createNerEngine({ modelDir: model.dir, poolSize: 0 })).rejects.toMatchObject({ code: 'BAD_USER_INPUT', message: 'poolSize: expected a positive integer, got 0' });
    await expect(createNerEngine({ modelDir: model.dir, intraOpThreads: 1.5 })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});
