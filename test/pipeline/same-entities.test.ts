/**
 * One pipeline everywhere: `extract` (the preview the API and CLI print), a job submitted through the JobService and
 * `oncotimeline ingest` give identical entities (offsets, type, assertion, subject, concept) for the same text, with a
 * real ONNX model (the tiny random one, so entities are many and arbitrary) and the shipped concept index.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { ingest } from '../../src/cli/ingest.command.js';
import { loadConfig } from '../../src/config/config.js';
import type { EntityView } from '../../src/graph/graph.types.js';
import { ReadRepository } from '../../src/graph/read.repo.js';
import { createNerEngine, type NerEngine } from '../../src/ner/index.js';
import { openRecordPipeline, previewExtraction, type PreviewEntity } from '../../src/pipeline/index.js';
import { finished, newServiceWith, record } from '../jobs/job-test-kit.js';
import { testDriver, testNeo4jUri, uniqueId } from '../helpers/neo4j.js';

const MODEL = path.resolve('test/fixtures/tiny-model');
const TEXT = '患者无发热，否认乳腺癌家族史。母亲患卵巢癌。2018-03-12行左乳癌改良根治术，考虑肺转移可能。术后3月复查CT，予紫杉醇化疗。';
const RECORDED_AT = '2018-06-20';
const dir = mkdtempSync(path.join(tmpdir(), 'same-entities-'));
let engine: NerEngine;

beforeAll(async () => {
  engine = await createNerEngine({ modelDir: MODEL, poolSize: 1, executionProviders: ['cpu'] });
}, 60_000);
afterAll(async () => {
  await engine?.close();
  rmSync(dir, { recursive: true, force: true });
});

type Key = [number, number, string, string, string, string, string | null];
const fromPreview = (e: PreviewEntity): Key => [e.start, e.end, e.text, e.type, e.assertion, e.subject, e.concept?.id ?? null];
const fromGraph = (e: EntityView): Key => [e.start, e.end, e.text, e.type, e.assertion, e.subject, e.conceptId];

it('extract, a job and ingest store and show the same entities', async () => {
  const preview = (await previewExtraction(await openRecordPipeline(engine), TEXT, RECORDED_AT)).entities.map(fromPreview);
  expect(preview.length).toBeGreaterThan(1); // the tiny random model tags few spans of real text

  const driver = await testDriver();
  try {
    const reads = new ReadRepository(driver);
    const viaJob = record(uniqueId('p'), TEXT, RECORDED_AT);
    const service = newServiceWith(driver, await openRecordPipeline(engine));
    await service.start();
    await finished(service, (await service.submit([viaJob])).id);
    await service.stop();

    const viaIngest = record(uniqueId('p'), TEXT, RECORDED_AT);
    const file = path.join(dir, 'one.jsonl');
    writeFileSync(file, `${JSON.stringify(viaIngest)}\n`);
    const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(await ingest(file, loadConfig({ NEO4J_URI: testNeo4jUri(), MODEL_DIR: MODEL, NER_POOL_SIZE: '1' }))).toBe(0);
    } finally {
      out.mockRestore();
      err.mockRestore();
    }
    const [job, cli] = await reads.entitiesByRecordIds([viaJob.recordId, viaIngest.recordId]);
    expect(job!.map(fromGraph)).toEqual(preview);
    expect(cli!.map(fromGraph)).toEqual(preview);
  } finally {
    await driver.close();
  }
}, 180_000);
