/**
 * Issue 18 § 4 and § 5 at the job-service level, against the test Neo4j:
 * - `cancel`: queued records dropped, the one in flight finishes, the job ends CANCELLED and subscribers hear it
 *   (before: no way to stop a 40-minute job but deleting the data folder);
 * - a record id re-submitted under another patient is rejected (before: silently moved to the other patient);
 * - `stop({ graceMs })` leaves a record still in flight QUEUED, never FAILED (before: Ctrl-C ended it FAILED);
 * - Neo4j away mid-job: records pause and resume when it answers again, none FAILED, none lost or doubled, no
 *   restart (before: one record FAILED for good and the job stuck at 29/30 until a restart).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityMention } from '../../src/domain/entity.js';
import { GraphDriver } from '../../src/graph/driver.js';
import { ReadRepository } from '../../src/graph/read.repo.js';
import type { JobProgressEvent } from '../../src/jobs/index.js';
import type { EntityExtractor } from '../../src/pipeline/index.js';
import { dictionaryNer } from '../helpers/dictionary-ner.js';
import { testDriver, testNeo4jUri, uniqueId } from '../helpers/neo4j.js';
import { startTcpProxy } from '../helpers/tcp-proxy.js';
import { finished, newService, record } from './job-test-kit.js';

let driver: GraphDriver;
let reads: ReadRepository;
beforeAll(async () => {
  driver = await testDriver();
  reads = new ReadRepository(driver);
});
afterAll(async () => {
  await driver?.close();
});

const TEXT = '2018-03-12行左乳癌改良根治术，术后2年复查CT。';
const auth = { user: process.env['NEO4J_USER'] ?? null, password: process.env['NEO4J_PASSWORD'] ?? null };

/** A dictionary extractor whose calls wait until `release()` (or fail with `fail()`), to hold a record in flight. */
function heldNer(): EntityExtractor & { started: Promise<void>; release(): void; fail(): void } {
  const inner = dictionaryNer();
  let onStart!: () => void;
  const started = new Promise<void>((resolve) => (onStart = resolve));
  let settle!: (ok: boolean) => void;
  const gate = new Promise<boolean>((resolve) => (settle = resolve));
  return {
    model: inner.model,
    started,
    release: () => settle(true),
    fail: () => settle(false),
    async extract(text: string): Promise<EntityMention[]> {
      onStart();
      if (!(await gate)) throw Object.assign(new Error('engine closed'), { code: 'NER_ENGINE_CLOSED' });
      return inner.extract(text);
    },
  };
}

describe('cancelJob', () => {
  it('drops queued records, lets the one in flight finish, ends CANCELLED and announces it', async () => {
    const ner = heldNer();
    const service = newService(driver, ner, 1);
    const events: JobProgressEvent[] = [];
    service.on('progress', (e) => events.push(e));
    await service.start();
    const patient = uniqueId('p');
    const records = [1, 2, 3, 4, 5].map((i) => record(patient, TEXT, `2020-0${i}-01`));
    const job = await service.submit(records);
    await ner.started; // records[0] is in flight

    const cancelled = await service.cancel(job.id);
    expect(cancelled).toMatchObject({ status: 'RUNNING', cancelled: 4, done: 0, finishedAt: null });
    ner.release();
    const final = await finished(service, job.id);
    expect(final).toMatchObject({ status: 'CANCELLED', done: 1, failed: 0, cancelled: 4, total: 5 });
    expect(events.filter((e) => e.job.id === job.id).at(-1)?.job.status).toBe('CANCELLED');
    await service.idle();

    const stored = await reads.recordsByIds(records.map((r) => r.recordId));
    expect(stored[0]).toMatchObject({ status: 'DONE', entityCount: 3 });
    expect(stored.slice(1)).toEqual([null, null, null, null]); // never processed: removed with their text
    expect((await reads.patientsByIds([patient]))[0]?.recordCount).toBe(1);
    expect(await service.cancel(job.id)).toMatchObject({ status: 'CANCELLED' }); // final: unchanged
    await service.stop();
  });

  it('cancels a job nobody has started at once, and answers NOT_FOUND for an unknown id', async () => {
    const service = newService(driver);
    const job = await service.submit([record(uniqueId('p'), TEXT, '2020-01-01')]);
    expect(await service.cancel(job.id)).toMatchObject({ status: 'CANCELLED', cancelled: 1, done: 0 });
    await expect(service.cancel('no-such-job')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('re-submission under another patient', () => {
  it('is rejected with RECORD_PATIENT_MISMATCH and changes nothing', async () => {
    const service = newService(driver);
    await service.start();
    const [p1, p2] = [uniqueId('p'), uniqueId('p')];
    const r = record(p1, TEXT, '2020-01-01');
    await finished(service, (await service.submit([r])).id);
    const other = record(p2, TEXT, '2020-01-02');
    await expect(service.submit([other, { ...r, patientId: p2 }])).rejects.toMatchObject({
      code: 'RECORD_PATIENT_MISMATCH',
      problems: [{ index: 1, field: 'patientId', code: 'RECORD_PATIENT_MISMATCH' }],
    });
    expect((await reads.recordsByIds([r.recordId, other.recordId])).map((x) => x?.patientId ?? null)).toEqual([p1, null]);
    expect(await reads.patientsByIds([p2])).toEqual([null]);
    // the same patient re-submitting is still fine (replaces, duplicates nothing)
    expect((await finished(service, (await service.submit([r])).id)).status).toBe('SUCCEEDED');
    await service.stop();
  });
});

describe('stop with a grace period', () => {
  it('leaves a record still in flight QUEUED, not FAILED, even when its engine then fails', async () => {
    const own = await GraphDriver.connect({ uri: testNeo4jUri(), ...auth });
    try {
      const ner = heldNer();
      const service = newService(own, ner, 1);
      await service.start();
      const job = await service.submit([record(uniqueId('p'), TEXT, '2020-01-01')]);
      await ner.started;
      const started = performance.now();
      expect(await service.stop({ graceMs: 200 })).toEqual({ finished: 0, abandoned: 1 });
      expect(performance.now() - started).toBeLessThan(2000);
      ner.fail(); // what closing the NER engine does to the record in flight
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(await service.get(job.id)).toMatchObject({ status: 'RUNNING', done: 0, failed: 0, errors: [] });
      // the next start finishes it
      const next = newService(driver);
      const resumed = new (next.constructor as typeof import('../../src/jobs/index.js').JobService)({
        driver, pipeline: (next as unknown as { deps: { pipeline: never } }).deps.pipeline, concurrency: 1, resume: [job.id], log: () => undefined,
      });
      await resumed.start();
      expect(await finished(resumed, job.id)).toMatchObject({ status: 'SUCCEEDED', done: 1, failed: 0 });
      await resumed.stop();
    } finally {
      await own.close();
    }
  });
});

describe('Neo4j away in the middle of a job', () => {
  it('pauses and resumes without a restart; nothing FAILED, lost or stored twice', async () => {
    const target = new URL(testNeo4jUri().replace(/^bolt/, 'http'));
    const proxy = await startTcpProxy(target.hostname, Number(target.port));
    const viaProxy = await GraphDriver.connect({ uri: proxy.uri, ...auth, timeoutMs: 1000 });
    try {
      const service = newService(viaProxy, dictionaryNer({ delayMs: 60 }), 2);
      await service.start();
      const patients = [uniqueId('p'), uniqueId('p'), uniqueId('p')];
      const records = Array.from({ length: 18 }, (_, i) => record(patients[i % 3]!, TEXT, `2020-01-${String(10 + i).padStart(2, '0')}`));
      const job = await service.submit(records);
      await new Promise<void>((resolve) => {
        const off = service.on('progress', (e) => {
          if (e.job.id === job.id && e.job.done >= 4) {
            off();
            resolve();
          }
        });
      });
      await proxy.cut();
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const during = await service.get(job.id).catch((e: { code?: string }) => e.code);
      expect(during).toBe('SERVICE_UNAVAILABLE');
      await proxy.restore();
      await viaProxy.whenAvailable(); // noticed by the driver's own probe: no restart, no call needed
      const final = await finished(service, job.id, 60_000);
      expect(final).toMatchObject({ status: 'SUCCEEDED', done: 18, failed: 0, errors: [] });
      await service.stop();
      const stored = await reads.recordsByIds(records.map((r) => r.recordId));
      expect(stored.every((r) => r?.status === 'DONE' && r.entityCount === 3)).toBe(true);
      const entities = await reads.entitiesByRecordIds(records.map((r) => r.recordId));
      expect(entities.map((e) => e.length)).toEqual(records.map(() => 3)); // none lost, none doubled
    } finally {
      await viaProxy.close();
      await proxy.close();
    }
  }, 120_000);
});
