/**
 * `oncotimeline reprocess`: the current pipeline over stored records, idempotent, `--stale` skipping what it already
 * produced. Real Neo4j, real ONNX (the tiny model) and the shipped concept index.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { reprocess, run } from '../../src/cli/reprocess.command.js';
import { loadConfig } from '../../src/config/config.js';
import type { GraphDriver } from '../../src/graph/driver.js';
import { replaceExtraction } from '../../src/graph/extraction.repo.js';
import { ReadRepository } from '../../src/graph/read.repo.js';
import { createNerEngine } from '../../src/ner/index.js';
import { describePipeline, openRecordPipeline } from '../../src/pipeline/index.js';
import { testDriver, testNeo4jUri, uniqueId } from '../helpers/neo4j.js';

const MODEL = path.resolve('test/fixtures/tiny-model');
const TEXT = '患者无发热，否认乳腺癌家族史。母亲患卵巢癌。2018-03-12行左乳癌改良根治术。';
let driver: GraphDriver;
const patient = uniqueId('p');
const recordId = uniqueId('r');

beforeAll(async () => {
  driver = await testDriver();
  // A record stored by an older pipeline: one mention, asserted, no concept.
  await driver.write('submit-job', { jobId: uniqueId('job'), now: new Date().toISOString(), records: [
    { patientId: patient, recordId, kind: 'ADMISSION', recordedAt: '2018-03-20', text: TEXT, seq: 0 },
  ] });
  await driver.writeTransaction((tx) => replaceExtraction(tx, {
    record: { patientId: patient, recordId, kind: 'ADMISSION', recordedAt: '2018-03-20', text: TEXT },
    entities: [{ start: 3, end: 5, text: '发热', label: '症状和体征', type: 'SYMPTOM', confidence: 1, assertion: 'PRESENT', subject: 'PATIENT', concept: null }],
    timexes: [], links: [], resolutions: [], model: { name: 'old', version: '0' }, pipeline: 'ner@old',
  }, new Date().toISOString()));
}, 60_000);
afterAll(async () => driver?.close());

async function quietly<T>(work: () => Promise<T>): Promise<{ result: T; stdout: string }> {
  const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    const result = await work();
    return { result, stdout: out.mock.calls.map((c) => String(c[0])).join('') };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

describe('oncotimeline reprocess', () => {
  it('replaces an old extraction with the current pipeline, once; --stale then finds nothing to do', async () => {
    const config = loadConfig({ NEO4J_URI: testNeo4jUri(), MODEL_DIR: MODEL, NER_POOL_SIZE: '1' });
    const engine = await createNerEngine({ modelDir: MODEL, poolSize: 1, executionProviders: ['cpu'] });
    const pipeline = await openRecordPipeline(engine);
    const expected = await pipeline.run({ text: TEXT, recordedAt: '2018-03-20' });
    await engine.close();
    const reads = new ReadRepository(driver);

    const first = await quietly(() => reprocess(config, { stale: true, patientIds: [patient] }, () => undefined));
    expect(first.result).toBe(0);
    expect(first.stdout).toMatch(/^reprocessed 1 records: 1 stored, 0 failed;/);
    const [stored] = await reads.recordsByIds([recordId]);
    expect(stored).toMatchObject({ status: 'DONE', pipeline: describePipeline(pipeline), entityCount: expected.entities.length });
    const key = (e: { start: number; end: number; type: string; assertion: string; subject: string }): string =>
      `${e.start}-${e.end}:${e.type}:${e.assertion}:${e.subject}`;
    const [after] = await reads.entitiesByRecordIds([recordId]);
    expect(after!.map(key)).toEqual(expected.entities.map(key));

    const again = await quietly(() => reprocess(config, { stale: true, patientIds: [patient] }, () => undefined));
    expect(again.stdout).toMatch(/^reprocessed 0 records: 0 stored, 0 failed;/);
    // Without --stale it runs again and still stores each mention once.
    await quietly(() => reprocess(config, { stale: false, patientIds: [patient] }, () => undefined));
    const [twice] = await reads.entitiesByRecordIds([recordId]);
    expect(twice!.map(key)).toEqual(expected.entities.map(key));
  }, 180_000);

  it('usage errors exit 2', async () => {
    const { result } = await quietly(() => run(['stray']));
    expect(result).toBe(2);
    expect((await quietly(() => run(['--bogus']))).result).toBe(2);
  });
});
