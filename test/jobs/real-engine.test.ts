/**
 * The pipeline with the real NER engine (onnxruntime, worker threads) on a tiny random model, and on the shipped
 * model `models/ccks-union-hybrid` when it is present: what the graph stores is exactly what the record pipeline
 * around that engine found (the model's entities plus the rules stage's, each with its assertion and concept).
 */
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphDriver } from '../../src/graph/driver.js';
import { ReadRepository } from '../../src/graph/read.repo.js';
import { createNerEngine, type NerEngine } from '../../src/ner/index.js';
import { testPipeline } from '../helpers/test-pipeline.js';
import { tempModel } from '../ner/engine-helpers.js';
import { testDriver, uniqueId } from '../helpers/neo4j.js';
import { finished, newService, record } from './job-test-kit.js';

const TEXTS = [
  '患者因直肠癌于我院行根治术，术后病理示腺癌中低度分化。',
  '2019年3月行奥沙利铂化疗，复查胸部CT示肺结节。',
  '检查血常规白细胞计数正常。',
];
const SHIPPED = 'models/ccks-union-hybrid';

let driver: GraphDriver;
beforeAll(async () => {
  driver = await testDriver();
});
afterAll(async () => {
  await driver?.close();
});

async function ingestAndCompare(engine: NerEngine): Promise<void> {
  const service = newService(driver, engine);
  await service.start();
  const patient = uniqueId('p');
  const records = TEXTS.map((t, i) => record(patient, t, `2019-0${i + 4}-01`));
  const job = await finished(service, (await service.submit(records)).id, 120_000);
  await service.stop();
  expect(job.status).toBe('SUCCEEDED');
  const stored = await new ReadRepository(driver).entitiesByRecordIds(records.map((r) => r.recordId));
  for (const [i, r] of records.entries()) {
    const expected = (await testPipeline(engine).run({ text: r.text, recordedAt: r.recordedAt })).entities;
    expect(stored[i]!.map((e) => [e.start, e.end, e.text, e.type, e.label, e.assertion, e.subject, e.conceptId])).toEqual(
      expected.map((e) => [e.start, e.end, e.text, e.type, e.label, e.assertion, e.subject, e.concept ? `${e.concept.system}:${e.concept.code}` : null]));
    expect(stored[i]!.every((e) => e.modelName === engine.model.name && e.modelVersion === engine.model.version)).toBe(true);
  }
  expect(job.entities).toBe(stored.flat().length);
}

describe('pipeline with the real NER engine', () => {
  it('tiny random model', async () => {
    const model = tempModel({ seed: 7 });
    const engine = await createNerEngine({ modelDir: model.dir, poolSize: 1, executionProviders: ['cpu'], log: () => undefined });
    try {
      await ingestAndCompare(engine);
    } finally {
      await engine.close();
      model.cleanup();
    }
  }, 120_000);

  // The served graph is named by config.json (int8 in git; the fp32 model.onnx is rebuilt, not committed).
  it.skipIf(!existsSync(`${SHIPPED}/config.json`))('shipped model (models/ccks-union-hybrid)', async () => {
    const engine = await createNerEngine({ modelDir: SHIPPED, poolSize: 1, executionProviders: ['cpu'], log: () => undefined });
    try {
      await ingestAndCompare(engine);
    } finally {
      await engine.close();
    }
  }, 300_000);
});
