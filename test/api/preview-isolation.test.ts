/**
 * Issue 18, "Previews starve jobs": one request with 1,100 `extract` aliases filled the NER queue (limit 1,024) and
 * a record of another client's running job then failed for good (`NER_FAILED`, job PARTIAL); 12 long previews made a
 * 1-record job take 48 s instead of 0.2 s. The alias limit now stops the single request (query-limits.test.ts); these
 * tests cover the same pressure from many requests: previews run with their own share of the NER engine (one at a
 * time, the rest wait in their own line), so they can neither fill the engine's queue under a job's records nor
 * queue their windows ahead of them; a job record that does meet a full queue waits and retries instead of failing.
 * Real engine (onnxruntime workers, test model) and the test Neo4j.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPreviewService } from '../../src/api/extraction/extraction-preview.service.js';
import type { GraphDriver } from '../../src/graph/driver.js';
import { createNerEngine, type NerEngine } from '../../src/ner/index.js';
import { e2eModelDir, exampleRecords } from '../e2e/helpers/e2e-fixtures.js';
import { testDriver, uniqueId } from '../helpers/neo4j.js';
import { testPipeline } from '../helpers/test-pipeline.js';
import { finished, newServiceWith, record } from '../jobs/job-test-kit.js';

const TEXT = exampleRecords('x').map((r) => r.text).join('');
const long = (chars: number): string => TEXT.repeat(Math.ceil(chars / TEXT.length)).slice(0, chars);

let driver: GraphDriver;
const engines: NerEngine[] = [];
beforeAll(async () => {
  driver = await testDriver();
});
afterAll(async () => {
  for (const engine of engines) await engine.close();
  await driver?.close();
});

async function engineWith(maxQueue: number): Promise<NerEngine> {
  const engine = await createNerEngine({ modelDir: e2eModelDir(), poolSize: 1, maxQueue, executionProviders: ['cpu'], log: () => undefined });
  engines.push(engine);
  return engine;
}

describe('previews and job records share the NER engine fairly', { timeout: 300_000 }, () => {
  it('40 concurrent previews on an engine with a queue of 4 fail no job record and no preview', async () => {
    const pipeline = testPipeline(await engineWith(4));
    const preview = createPreviewService(pipeline);
    const service = newServiceWith(driver, pipeline, 2);
    await service.start();
    try {
      const previews = Array.from({ length: 40 }, () => preview.preview(long(1500), '2020-01-01'));
      const patient = uniqueId('pv');
      const job = await service.submit(Array.from({ length: 4 }, (_, i) => record(patient, long(800), `2020-01-0${i + 1}`)));
      const [final, settled] = await Promise.all([finished(service, job.id, 240_000), Promise.allSettled(previews)]);
      // before: previews past the 4th rejected with NER_QUEUE_FULL, and job records met the full queue (NER_FAILED)
      expect({ status: final.status, failed: final.failed, errors: final.errors }).toEqual({ status: 'SUCCEEDED', failed: 0, errors: [] });
      expect(settled.filter((s) => s.status === 'rejected').map((s) => String((s as PromiseRejectedResult).reason))).toEqual([]);
    } finally {
      await service.stop();
    }
  });

  it('12 long previews requested first do not hold back a 1-record job behind all of them', async () => {
    const pipeline = testPipeline(await engineWith(1024));
    const preview = createPreviewService(pipeline);
    const service = newServiceWith(driver, pipeline, 2);
    await service.start();
    try {
      let previewsDone = 0;
      const previews = Array.from({ length: 12 }, () => preview.preview(long(20_000), '2020-01-01').then(() => (previewsDone += 1)));
      const job = await service.submit([record(uniqueId('pv'), long(300), '2020-01-01')]);
      const final = await finished(service, job.id, 240_000);
      const doneWhenJobFinished = previewsDone;
      await Promise.all(previews);
      expect(final.status).toBe('SUCCEEDED');
      // before: the job's windows queued behind all 12 previews' (FIFO), so it finished after (nearly) all of them
      expect(doneWhenJobFinished).toBeLessThanOrEqual(3);
    } finally {
      await service.stop();
    }
  });
});
